"""Item pipelines (extract, filter), run accounting, feed exporters and storage, and the dataset reader.

Data flows one way: crawler (fetch) -> extract -> filter -> export. Imports point one way too
(tests/test_layers.py checks them):

- `pipelines.extraction`: the pure core, (html, url) -> Article; imports no other thresher module.
- `pipelines.contracts`: what the crawler and the pipelines share (items, outcomes, URL keys,
  every THRESHER_* default); imports the core at most.
- the rest of `pipelines`: the core and the contracts only, never `crawler`.
"""
