"""Settings are checked before a crawl starts: names and values.

- A `THRESHER_*` name that thresher does not define is an error, with the closest name
  (`-s THRESHER_PARQUET_COMPRESION=zstd` would otherwise be ignored without a word).
- Any other name Scrapy (or scrapy-redis, or thresher's project settings) does not know
  is only warned about, with the closest name: projects and Scrapy plugins have settings
  of their own.
- Every `THRESHER_*` value is read with the type of its default and checked against what
  it means (a known Parquet codec, known formats, counts that are >= 0, a redis:// URL).

The CLI runs these on `-s NAME=VALUE` (errors: exit 2, one line); the add-on runs
`check_thresher_settings` on the settings of any crawl (`scrapy crawl`, scrapyd), so a
bad value fails before the spider opens there too.
"""

from __future__ import annotations

import difflib
from collections.abc import Callable, Iterable
from typing import Any

from crawler.layout import FORMATS
from pipelines.contracts.defaults import DEFAULTS

#: The codecs pyarrow's Parquet writer takes (case-insensitive); availability is checked too.
PARQUET_CODECS = ("zstd", "snappy", "gzip", "brotli", "lz4", "none")


class SettingError(ValueError):
    """A setting's name or value is wrong; the message says which, and what was meant."""


def closest(name: str, names: Iterable[str]) -> str | None:
    found = difflib.get_close_matches(name, list(names), n=1, cutoff=0.6)
    return found[0] if found else None


def _did_you_mean(name: str, names: Iterable[str]) -> str:
    match = closest(name, names)
    return f" (did you mean {match}?)" if match else ""


def known_scrapy_settings() -> set[str]:
    """Names Scrapy, scrapy-redis and thresher's project settings define."""
    import scrapy.settings.default_settings as scrapy_defaults

    import crawler.settings as project

    names = {name for name in dir(scrapy_defaults) if name.isupper()}
    names |= {name for name in dir(project) if name.isupper()}
    try:
        import scrapy_redis.defaults as redis_defaults

        names |= {name for name in dir(redis_defaults) if name.isupper()}
    except ImportError:  # pragma: no cover - scrapy-redis is a dependency
        pass
    # scrapy-redis reads these without defining them
    names |= {
        "REDIS_URL", "REDIS_HOST", "REDIS_PORT", "REDIS_PARAMS", "REDIS_START_URLS_KEY", "REDIS_START_URLS_AS_SET",
        "REDIS_ENCODING", "SCHEDULER_PERSIST", "SCHEDULER_FLUSH_ON_START", "SCHEDULER_IDLE_BEFORE_CLOSE",
        "SCHEDULER_QUEUE_KEY", "SCHEDULER_QUEUE_CLASS", "SCHEDULER_DUPEFILTER_KEY", "SCHEDULER_DUPEFILTER_CLASS",
        "SCHEDULER_SERIALIZER", "DUPEFILTER_KEY", "DUPEFILTER_DEBUG",
    }  # fmt: skip
    return names


def unknown_scrapy_settings(names: Iterable[str]) -> list[str]:
    """A warning for each non-THRESHER_ name nobody defines, with the closest known name."""
    known = known_scrapy_settings()
    return [
        f"unknown setting {name}{_did_you_mean(name, known)}; it is passed on as given"
        for name in names
        if not name.startswith("THRESHER_") and name not in known
    ]


# --- THRESHER_* values ---------------------------------------------------------------
def _at_least(minimum: float) -> Callable[[str, Any], None]:
    def check(name: str, value: Any) -> None:
        if value < minimum:
            raise SettingError(f"{name} must be >= {minimum:g}, got {value!r}")

    return check


def _codec(name: str, value: Any) -> None:
    import pyarrow as pa

    codec = str(value).strip().lower()
    if codec not in PARQUET_CODECS:
        raise SettingError(f"{name}: unknown Parquet compression {value!r} (choose from {', '.join(PARQUET_CODECS)})")
    if codec != "none" and not pa.Codec.is_available(codec):
        raise SettingError(f"{name}: compression {value!r} is not available in this pyarrow build")


def _formats(name: str, value: Any) -> None:
    names = [str(item).strip().lower() for item in value if str(item).strip()]
    unknown = [item for item in names if item not in FORMATS]
    if unknown or not names:
        raise SettingError(
            f"{name}: unknown format {', '.join(unknown) or repr(value)} (choose from {', '.join(FORMATS)})"
        )


def _page_types(name: str, value: Any) -> None:
    from pipelines.filters import page_types

    try:
        page_types(str(item) for item in value)
    except ValueError as exc:
        raise SettingError(f"{name}: {exc}") from None


def _redis_url(name: str, value: Any) -> None:
    if value and not str(value).startswith(("redis://", "rediss://", "unix://")):
        raise SettingError(f"{name}: not a redis://, rediss:// or unix:// URL: {value!r}")


#: name -> check of the value read with its default's type (beyond the type itself).
VALUE_CHECKS: dict[str, Callable[[str, Any], None]] = {
    "THRESHER_SITEMAP_MAXSIZE": _at_least(1),
    "THRESHER_EXTRACT_QUEUE": _at_least(0),
    "THRESHER_PARQUET_ROW_GROUP_SIZE": _at_least(1),
    "THRESHER_PARQUET_COMPRESSION": _codec,
    "THRESHER_FORMATS": _formats,
    "THRESHER_PAGE_TYPES": _page_types,
    "THRESHER_REDIS_URL": _redis_url,
    "THRESHER_REDIS_IDLE_TIMEOUT": _at_least(0),
    "THRESHER_RETRY_AFTER_MAX": _at_least(0),
    "THRESHER_REDIS_LEASE": _at_least(0.5),
}


def read_typed(settings: Any, name: str) -> Any:
    """A THRESHER_* value read with the Scrapy getter of its default's type (ValueError if it does not read)."""
    default = DEFAULTS[name]
    if isinstance(default, bool):
        return settings.getbool(name)
    if isinstance(default, int):
        return settings.getint(name)
    if isinstance(default, float):
        return settings.getfloat(name)
    if isinstance(default, list):
        return settings.getlist(name)
    return settings.get(name)


_TYPE_WORDS = {bool: "a boolean (True/False, 1/0)", int: "an integer", float: "a number", list: "a list"}


def check_thresher_setting(settings: Any, name: str) -> None:
    """One THRESHER_* setting of `settings`: a known name, a value of its type that means something."""
    if name not in DEFAULTS:
        raise SettingError(f"unknown setting {name}{_did_you_mean(name, DEFAULTS)}")
    try:
        value = read_typed(settings, name)
    except (ValueError, TypeError):
        word = _TYPE_WORDS.get(type(DEFAULTS[name]), "another value")
        raise SettingError(f"{name} expects {word}, got {settings.get(name)!r}") from None
    check = VALUE_CHECKS.get(name)
    if check is not None and value is not None:
        check(name, value)


def check_thresher_settings(settings: Any) -> None:
    """Every THRESHER_* setting of a crawl (names and values); raises SettingError on the first wrong one."""
    for name in sorted(name for name in settings.attributes if name.startswith("THRESHER_")):
        check_thresher_setting(settings, name)
