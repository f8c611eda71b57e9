"""thresher's Scrapy side: the add-on, settings, the `articles` spider, middlewares, extensions, the CLI.

It sits on `pipelines` (the contracts, the item pipelines, the extraction core) and is
never imported by it. Within it, `crawler.cli`, `crawler.commands` and `crawler.views`
are on top: nothing else in `crawler` imports them (tests/test_layers.py checks both).
"""

__version__ = "0.1.0"
