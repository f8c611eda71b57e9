"""Item pipelines (extract, filter), run accounting and feed exporters.

Data flows one way: crawler (fetch) -> extract -> filter -> export.
"""
