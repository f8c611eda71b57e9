"""URLs read from pages and from callers: malformed ones ("http://[bad") are common, and none may raise."""

from __future__ import annotations

from urllib.parse import SplitResult, urljoin, urlsplit

from . import cues

_EMPTY = SplitResult("", "", "", "", "")


def split_url(url: str | None) -> SplitResult:
    """`urlsplit`, reading a malformed URL as empty instead of raising."""
    try:
        return urlsplit(url or "")
    except ValueError:
        return _EMPTY


def url_host(url: str | None) -> str:
    """The URL's host name, lower-cased; empty when it has none or is malformed."""
    return split_url(url).hostname or ""


def join_url(base: str | None, href: str) -> str | None:
    """`urljoin`, or None when either URL is malformed."""
    try:
        return urljoin(base or "", href)
    except ValueError:
        return None


def site_labels(host: str | None, min_chars: int = cues.SITE_LABEL_MIN_CHARS) -> list[str]:
    """The labels of a host that can name the site, without hyphens: not its registrable suffix (".com",
    ".co.uk" of `site_host`), none of `cues.HOST_LABELS_NAMING_NO_SITE`, at least `min_chars` long:
    "news.acme-plan.co.uk" -> ["acmeplan"]."""
    if not host:
        return []
    host = host.lower()
    labels = host.split(".")[: 1 - len(site_host(host).split("."))]
    return [
        label.replace("-", "")
        for label in labels
        if label not in cues.HOST_LABELS_NAMING_NO_SITE and len(label) >= min_chars
    ]


def brand_words(url: str | None) -> tuple[str, ...]:
    """The site labels of the page's host long enough to name the site's brand ("getjobber" of www.getjobber.com)."""
    return tuple(site_labels(url_host(url), cues.BRAND_MIN_CHARS))


def site_host(host: str) -> str:
    """The registrable part of a host name ("uark.edu" of news.uark.edu, "bbc.co.uk" of www.bbc.co.uk): the
    last two labels, three under a country's second-level label (`cues.SECOND_LEVEL_LABELS`)."""
    labels = host.split(".")
    keep = 3 if len(labels) >= 3 and len(labels[-1]) == 2 and labels[-2] in cues.SECOND_LEVEL_LABELS else 2
    return ".".join(labels[-keep:])
