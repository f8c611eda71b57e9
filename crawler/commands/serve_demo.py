"""`thresher serve-demo`: the bundled demo site on 127.0.0.1 until interrupted (the server: crawler.demo)."""

from __future__ import annotations

import argparse
import signal
from typing import Any

from crawler.commands.common import EXIT_OK, UsageError, port


def add_parser(commands: Any) -> None:
    serve = commands.add_parser("serve-demo", help="serve the bundled demo site on 127.0.0.1 until interrupted")
    serve.add_argument("--port", type=port, default=8000, help="port (default 8000; 0 picks a free one)")


def run(args: argparse.Namespace) -> int:
    from crawler.demo import DemoServer

    try:
        server = DemoServer(args.port)
    except OSError as exc:
        raise UsageError(f"cannot listen on 127.0.0.1:{args.port}: {exc.strerror or exc}") from None
    # Ctrl-C (SIGINT) stops it even when started from a script in the background, which starts
    # its jobs with SIGINT ignored; `thresher crawl` (Scrapy) does the same
    signal.signal(signal.SIGINT, signal.default_int_handler)
    try:  # the banner too: a Ctrl-C sent as soon as the banner is read may land before print returns
        print(f"Serving the thresher demo site at {server.base_url}/ (Ctrl-C to stop)", flush=True)
        server.serve_forever()
    except KeyboardInterrupt:
        pass
    finally:
        server.server_close()
    return EXIT_OK
