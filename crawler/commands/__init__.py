"""The commands of `thresher`, one module each: its arguments (`add_parser`) and what it does (`run`).

`crawler.cli` puts them under one parser; `common` has what they share (exit statuses,
usage errors, `-s NAME=VALUE` checks).
"""
