"""URLs read from pages and callers: malformed ones read as empty, and a host's labels that may name a brand."""

from __future__ import annotations

import pytest

from pipelines.extraction.urls import brand_words, join_url, url_host


def test_malformed_urls_read_as_empty_instead_of_raising():
    assert url_host("http://[bad") == "" and url_host(None) == ""
    assert join_url("http://[bad", "/x") is None
    assert url_host("https://WWW.Example.org/a") == "www.example.org"


@pytest.mark.parametrize(
    ("url", "brands"),
    [
        ("https://www.acmeplan.com/academy/cleaning-week", ("acmeplan",)),  # www and the top-level domain
        ("https://news.acmeplan.co.uk/story", ("acmeplan",)),  # news and co name no brand
        ("https://acmeplan.info/", ("acmeplan",)),  # the last label is never the brand
        ("https://abc.example.org/", ("example",)),  # too short to tell
        (None, ()),
        ("not a url", ()),
    ],
)
def test_brand_words_are_the_hosts_labels_that_may_name_the_site(url, brands):
    assert brand_words(url) == brands
