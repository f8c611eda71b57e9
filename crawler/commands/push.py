"""`thresher push`: seed URLs into a Redis frontier for `crawl --redis` workers (or `--reset` it)."""

from __future__ import annotations

import argparse
from typing import Any

from crawler.commands.common import (
    EXIT_OK,
    UsageError,
    add_setting_option,
    check_redis,
    check_setting_values,
    setting_overrides,
)


def add_parser(commands: Any) -> None:
    push = commands.add_parser("push", help="add seed URLs to a Redis frontier for `crawl --redis` workers")
    push.add_argument("urls", nargs="*", metavar="URL", help="seed URLs")
    push.add_argument("--redis", required=True, metavar="URL", help="the frontier: redis://HOST:PORT/DB")
    push.add_argument("--urls-file", metavar="F", help="file of URLs, one per line, # comments")
    push.add_argument("--reset", action="store_true", help="forget the frontier's crawl first (queue, seen URLs)")
    add_setting_option(push)


def run(args: argparse.Namespace) -> int:
    from crawler.addon import thresher_settings
    from crawler.distributed import FrontierKeys, push_seeds, redis_server, reset_frontier
    from crawler.spiders.articles import ArticleSpider, BadSpiderArgument, read_url_file

    try:
        urls = list(args.urls) + (read_url_file(args.urls_file) if args.urls_file else [])
        ArticleSpider(urls=urls)  # the same checks as crawl's inputs
    except BadSpiderArgument as exc:
        raise UsageError(str(exc)) from None
    if not urls and not args.reset:
        raise UsageError("give URLs to push (or --reset)")
    overrides = setting_overrides(args.settings)
    check_setting_values(overrides, "push")
    check_redis(args.redis)
    settings = thresher_settings()
    for name, value in overrides.items():
        settings.set(name, value, priority="cmdline")
    settings.set("REDIS_URL", args.redis, priority="cmdline")
    server = redis_server(settings)
    keys = FrontierKeys.from_settings(settings, ArticleSpider.name)
    if args.reset:
        reset_frontier(server, keys)
        print(f"cleared the frontier {keys.requests} at {args.redis}")
    if urls:
        pushed = push_seeds(server, keys, urls)
        print(f"pushed {pushed} seed URL(s) to {keys.seeds} at {args.redis}")
    return EXIT_OK
