"""What the commands share: exit statuses, the errors that become them, argument types, `-s` checks."""

from __future__ import annotations

import argparse
import os
import sys
from pathlib import Path
from typing import Any

EXIT_OK, EXIT_FAILED, EXIT_USAGE = 0, 1, 2


class UsageError(Exception):
    """A user mistake in the arguments: reported in one line with exit status 2."""


class Unavailable(Exception):
    """A server the command needs cannot be reached: one line, exit status 1 (worth retrying later)."""


# --- argument types -----------------------------------------------------------------
def count(value: str) -> int:
    try:
        number = int(value)
    except ValueError:
        raise argparse.ArgumentTypeError(f"not an integer: {value!r}") from None
    if number < 0:
        raise argparse.ArgumentTypeError(f"must be >= 0: {value!r}")
    return number


def seconds(value: str) -> float:
    try:
        number = float(value)
    except ValueError:
        raise argparse.ArgumentTypeError(f"not a number of seconds: {value!r}") from None
    if not number >= 0:
        raise argparse.ArgumentTypeError(f"must be >= 0: {value!r}")
    return number


def port(value: str) -> int:
    number = count(value)
    if number > 65535:
        raise argparse.ArgumentTypeError(f"not a port number: {value!r}")
    return number


def add_setting_option(parser: argparse.ArgumentParser, help: str = "override a setting") -> None:
    parser.add_argument("-s", "--set", dest="settings", action="append", default=[], metavar="NAME=VALUE", help=help)


# --- -s NAME=VALUE --------------------------------------------------------------------
def setting_overrides(pairs: list[str]) -> dict[str, str]:
    overrides = {}
    for pair in pairs:
        name, sep, value = pair.partition("=")
        name = name.strip()
        if not sep or not name or not name.replace("_", "").isalnum() or not name.isupper():
            raise UsageError(f"-s expects NAME=VALUE with an upper-case setting name, got {pair!r}")
        overrides[name] = value
    return overrides


#: Settings with an integer default that Scrapy reads as floats (`-s DOWNLOAD_TIMEOUT=2.5` is fine).
_FLOAT_SETTINGS = frozenset({"DOWNLOAD_TIMEOUT", "DOWNLOAD_DELAY", "DNS_TIMEOUT"})
_EXPECTED = {
    "getbool": "a boolean (True/False, 1/0)",
    "getint": "an integer",
    "getfloat": "a number",
    "getdict": "a JSON object",
}


def check_setting_values(overrides: dict[str, str], command: str = "crawl") -> None:
    """A malformed -s value fails here in one line, not as a traceback from deep inside Scrapy.

    `THRESHER_*` names must be thresher's (an unknown one is an error, with the closest
    name) and their values mean something (`crawler.checks`: a known Parquet codec, known
    formats, ...). Any other name Scrapy does not know gets a warning on stderr, with
    the closest name (`-s DOWNLOAD_TIMOUT=5`).

    A setting's type is that of its default (Scrapy's or thresher's), and the value must
    read as it with the getter Scrapy will use: `-s DOWNLOAD_TIMEOUT=soon`,
    `-s ROBOTSTXT_OBEY=maybe`, `-s FEEDS={bad`, `-s LOG_LEVEL=LOUD` are usage errors.
    Settings without a default (or a string one) are taken as given.
    """
    import logging

    from scrapy.settings import Settings

    from crawler.addon import thresher_settings
    from crawler.checks import SettingError, check_thresher_setting, unknown_scrapy_settings

    defaults = thresher_settings()
    for warning in unknown_scrapy_settings(overrides):
        print(f"thresher {command}: warning: -s {warning}", file=sys.stderr)
    for name, value in overrides.items():
        if name.startswith("THRESHER_"):
            try:
                check_thresher_setting(Settings({name: value}), name)
            except SettingError as exc:
                raise UsageError(f"-s {name}={value}: {exc}") from None
            continue
        default = defaults.get(name)
        if isinstance(default, bool):
            getter = "getbool"
        elif isinstance(default, float) or (isinstance(default, int) and name in _FLOAT_SETTINGS):
            getter = "getfloat"
        elif isinstance(default, int):
            getter = "getint"
        elif isinstance(default, dict) or hasattr(default, "copy_to_dict"):
            getter = "getdict"
        else:
            getter = None
        if getter is not None:
            try:
                getattr(Settings({name: value}), getter)(name)
            except (ValueError, TypeError):
                raise UsageError(f"-s {name}={value}: {name} expects {_EXPECTED[getter]}") from None
        if name == "LOG_LEVEL" and not isinstance(logging.getLevelName(value), int):
            raise UsageError(f"-s {name}={value}: not a log level (DEBUG, INFO, WARNING, ERROR, CRITICAL)")


# --- files and servers ------------------------------------------------------------------
def writable_dir(path: Path, flag: str = "--out") -> Path:
    try:
        path.mkdir(parents=True, exist_ok=True)
        probe = path / f".thresher-write-test-{os.getpid()}"
        probe.write_bytes(b"")
        probe.unlink()
    except OSError as exc:
        raise UsageError(f"{flag} {path}: not a writable directory ({exc.strerror or exc})") from None
    return path


def check_redis(url: str) -> None:
    """Fail in one line before Scrapy starts, rather than with a traceback from its scheduler."""
    import redis

    try:
        redis.Redis.from_url(url, socket_connect_timeout=10).ping()
    except ValueError as exc:
        raise UsageError(f"--redis {url}: {exc}") from None
    except redis.RedisError as exc:
        raise Unavailable(f"--redis {url}: cannot reach the Redis server ({exc})") from None


def write_view(path: str | Path, write: Any) -> int:
    """Write an HTML view with `write(path)`; an unwritable path is a failed output (exit 1)."""
    try:
        written = write(Path(path))
    except OSError as exc:
        print(f"thresher: cannot write {path}: {exc.strerror or exc}", file=sys.stderr)
        return EXIT_FAILED
    print(f"wrote {written}", file=sys.stderr)
    return EXIT_OK
