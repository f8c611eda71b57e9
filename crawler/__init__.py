"""thresher's Scrapy project: settings, items, the `articles` spider and the CLI."""

__version__ = "0.1.0"
