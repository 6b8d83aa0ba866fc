"""Headless command line: ``pier serve [DIR] ...``. A stable contract; see the README.

Prints ``Serving <DIR> at <URL>`` once per URL when accepting connections, serves until
SIGINT/SIGTERM, and exits 0. Errors are one line on stderr and a non-zero exit code.
"""

from __future__ import annotations

import argparse
import logging
import signal
import sys
import threading
from collections.abc import Sequence
from pathlib import Path

from server.appdirs import config_dir
from server.config import ServerConfig
from server.engine import ServerEngine
from server.errors import BindError, PierError

EXIT_ERROR = 1
EXIT_USAGE = 2
EXIT_BIND = 3
NOT_YET = {"tls": "--tls", "auth": "--auth", "upload": "--upload"}


def build_parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(prog="pier", description="Share a folder over HTTP.")
    commands = parser.add_subparsers(dest="command", required=True)
    serve = commands.add_parser("serve", help="serve a folder without the window")
    serve.add_argument("dir", nargs="?", default=".", help="folder to share (default: .)")
    serve.add_argument("--host", default="127.0.0.1",
                       help="address to listen on: 127.0.0.1 (this computer, default) "
                            "or 0.0.0.0 (the local network)")
    serve.add_argument("--port", type=int, default=8000, help="port (0 picks a free one)")
    serve.add_argument("--tls", action="store_true", help="serve HTTPS")
    serve.add_argument("--auth", action="store_true", help="require a login")
    serve.add_argument("--upload", action="store_true", help="allow uploads")
    serve.add_argument("--read-only", action="store_true", help="never accept uploads (default)")
    serve.add_argument("--show-hidden", action="store_true", help="serve dotfiles")
    serve.add_argument("--website", action="store_true",
                       help="serve a folder's index.html instead of its listing")
    serve.add_argument("--access-log", type=Path, help="write a Combined Log Format file")
    return parser


def main(argv: Sequence[str] | None = None) -> int:
    args = build_parser().parse_args(argv)
    if args.command == "serve":
        return serve(args)
    return EXIT_USAGE


def serve(args: argparse.Namespace) -> int:
    for option, flag in NOT_YET.items():
        if getattr(args, option):
            print(f"pier: {flag} is not available yet.", file=sys.stderr)
            return EXIT_USAGE
    logging.basicConfig(level=logging.WARNING, format="pier: %(message)s")
    config = ServerConfig(
        root=Path(args.dir), host=args.host, port=args.port, show_hidden=args.show_hidden,
        website_mode=args.website, access_log=args.access_log, protected_paths=(config_dir(),),
    )
    engine = ServerEngine()
    try:
        urls = engine.start(config)
    except BindError as err:
        print(f"pier: {err}", file=sys.stderr)
        return EXIT_BIND
    except PierError as err:
        print(f"pier: {err}", file=sys.stderr)
        return EXIT_ERROR
    try:
        shown = engine.config.root if engine.config else args.dir
        for url in urls:
            print(f"Serving {shown} at {url}", flush=True)
        _wait_for_signal()
    finally:
        engine.stop()
    return 0


def _wait_for_signal() -> None:
    stop = threading.Event()

    def on_signal(_signum: int, _frame: object) -> None:
        stop.set()

    signal.signal(signal.SIGINT, on_signal)
    signal.signal(signal.SIGTERM, on_signal)
    while not stop.wait(0.5):
        pass


if __name__ == "__main__":
    sys.exit(main())
