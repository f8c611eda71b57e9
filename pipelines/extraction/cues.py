"""Heuristics as data: keyword lists, XPath expressions and thresholds.

Everything a rule matches on lives here, apart from the code that applies it, so a new
pattern is a one-line change (with a test).
"""

from __future__ import annotations

# --- decoding ---------------------------------------------------------------
#: When declared UTF-8 does not decode, a detector guess is trusted only for these
#: non-Latin scripts; any other guess (cp775, iso8859-2 ...) is taken as windows-1252.
NON_LATIN_ENCODING_PREFIXES = (
    "cp1251",
    "koi8",
    "iso8859-5",
    "mac-cyrillic",
    "cp866",
    "cp1253",
    "iso8859-7",
    "cp1255",
    "iso8859-8",
    "cp1256",
    "iso8859-6",
    "shift_jis",
    "cp932",
    "euc",
    "iso2022",
    "gb",
    "big5",
    "cp949",
    "cp950",
    "tis-620",
    "cp874",
    "utf-16",
    "utf-32",
)

# --- metadata ---------------------------------------------------------------
CANONICAL_XPATHS = (
    '//link[@rel="canonical"]/@href',
    '//meta[@property="og:url"]/@content',
)
LANGUAGE_XPATHS = (
    "/html/@lang",
    "/html/@xml:lang",
    '//meta[@http-equiv="content-language"]/@content',
    '//meta[@property="og:locale"]/@content',
)
MODIFIED_XPATHS = (
    '//meta[@property="article:modified_time"]/@content',
    '//meta[@property="og:updated_time"]/@content',
    '//meta[@itemprop="dateModified"]/@content',
    '//*[@itemprop="dateModified"]/@datetime',
    '//meta[@name="last-modified"]/@content',
)
PUBLISHED_XPATHS = (
    '//meta[@property="article:published_time"]/@content',
    '//meta[@itemprop="datePublished"]/@content',
    '//*[@itemprop="datePublished"]/@datetime',
)
JSONLD_XPATH = '//script[@type="application/ld+json"]/text()'

# --- page type: article or not ----------------------------------------------
#: schema.org types that declare a single article.
ARTICLE_TYPES = frozenset(
    {
        "Article",
        "NewsArticle",
        "BlogPosting",
        "Report",
        "ScholarlyArticle",
        "TechArticle",
        "AnalysisNewsArticle",
        "OpinionNewsArticle",
        "ReportageNewsArticle",
        "ReviewNewsArticle",
        "BackgroundNewsArticle",
        "LiveBlogPosting",
        "SocialMediaPosting",
        "Review",
        "HowTo",
        "Recipe",
    }
)
#: schema.org types that declare a page listing other pages.
LISTING_TYPES = frozenset({"CollectionPage", "ItemList", "SearchResultsPage", "ProfilePage"})
#: og:type values of single articles.
ARTICLE_OG_TYPES = frozenset({"article", "blog", "news", "og:article"})
#: URL path segments of listing pages (category, tag, author, search, archive, pagination).
LISTING_PATH_PATTERN = (
    r"/(category|categories|tag|tags|topic|topics|author|authors|search|archive|archives|page/\d+|section)(/|$)"
)
#: Below this many body words with no article markup, a page counts as a listing.
MIN_ARTICLE_WORDS = 50
#: A page with no article markup, at least this many teaser headings (linked h2-h4) ...
LISTING_MIN_TEASERS = 6
#: ... and fewer body words than this is a listing.
LISTING_MAX_BODY_WORDS = 150
TEASER_HEADING_XPATH = "//*[self::h2 or self::h3 or self::h4][.//a[@href]]"
