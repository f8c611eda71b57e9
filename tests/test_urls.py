"""URLs read from pages and callers: malformed ones read as empty, and a host's labels that may name a brand."""

from __future__ import annotations

import pytest

from pipelines.extraction.urls import brand_words, join_url, site_host, site_labels, url_host


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
        ("https://shop.hike-summit.com/", ("hikesummit",)),  # shop names no brand; the hyphen goes, as in titles
        ("https://abc.example.org/", ("example",)),  # too short to tell
        (None, ()),
        ("not a url", ()),
    ],
)
def test_brand_words_are_the_hosts_labels_that_may_name_the_site(url, brands):
    assert brand_words(url) == brands


@pytest.mark.parametrize(
    ("host", "site"),
    [
        ("news.uark.edu", "uark.edu"),  # a sister host of walton.uark.edu: one site
        ("www.bbc.co.uk", "bbc.co.uk"),  # under a country's second-level label
        ("shop.example.com.au", "example.com.au"),
        ("example.org", "example.org"),
        ("ab.cd.io", "cd.io"),  # a two-letter top-level domain without a second-level label
        ("localhost", "localhost"),
        ("", ""),
    ],
)
def test_site_host_is_the_registrable_part_of_a_host(host, site):
    assert site_host(host) == site


@pytest.mark.parametrize(
    ("host", "labels"),
    [
        ("news.acmeplan.co.uk", ["acmeplan"]),  # the public suffix and the generic "news" name no site
        ("www.argentina.gob.ar", ["argentina"]),  # the second-level labels of `site_host`: "gob" too
        ("sam.bossley.com", ["sam", "bossley"]),
        ("localhost", []),
        (None, []),
    ],
)
def test_site_labels_are_the_labels_before_the_registrable_suffix(host, labels):
    assert site_labels(host) == labels
