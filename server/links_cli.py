"""``pier link ...``: make, list and revoke share links from the command line.

``create`` prints ``Link: /.well-known/pier/l/TOKEN`` and, with ``--port``, one ``URL: ...``
line per address of this machine (as ``pier serve --host 0.0.0.0`` would print them; nothing is
bound). Errors are one line on stderr starting with ``pier: `` and exit code 1; arguments that
cannot be understood are argparse's usage error, exit code 2.
"""

from __future__ import annotations

import argparse
import datetime as dt
import os
import re
import sys
from collections.abc import Callable

from server.base_path import normalise_base_path
from server.errors import ConfigError, InvalidLinkError, LinkStoreError, UnknownLinkError
from server.links import Link, LinkStore, item_kind
from server.paths import PierPaths
from server.urls import share_urls

EXIT_OK = 0
EXIT_ERROR = 1
EXIT_USAGE = 2

_DURATION = re.compile(r"(\d{1,5})([mhdw])")
_UNIT_SECONDS = {"m": 60, "h": 3600, "d": 86400, "w": 7 * 86400}


class CliError(Exception):
    """A problem with what the user asked; the message is shown as is."""


def add_commands(subparsers: argparse._SubParsersAction) -> None:
    link = subparsers.add_parser("link", help="share one file or folder by a link")
    actions = link.add_subparsers(dest="link_command", required=True)

    create = actions.add_parser("create", help="make a link to a file or folder")
    create.add_argument("path", metavar="PATH",
                        help="the file or folder (it works while the share holds it)")
    create.add_argument("--expires", type=parse_expiry, metavar="1h|2d|YYYY-MM-DD",
                        help="how long the link works (30m, 1h, 2d, 1w) or its last day "
                             "(local time); default: until revoked")
    create.add_argument("--downloads", type=_positive, metavar="N",
                        help="how many downloads it allows (default: no limit)")
    create.add_argument("--pin-stdin", action="store_true",
                        help="ask visitors for a PIN, read as one line from standard input")
    create.add_argument("--upload", action="store_true",
                        help="people with the link may upload into the folder (a drop box)")
    create.add_argument("--port", type=_port, metavar="N",
                        help="also print the full URLs for a share on this port")
    create.add_argument("--tls", action="store_true", help="with --port: https URLs")
    create.add_argument("--base-path", default="", metavar="PATH",
                        help="the share's --base-path (behind a reverse proxy): printed links "
                             "carry it")

    actions.add_parser("list", help="show the links and their state")
    revoke = actions.add_parser("revoke", help="end a link at once")
    revoke.add_argument("link", metavar="ID", help="the link's id (from list) or its token")


def run(args: argparse.Namespace, paths: PierPaths) -> int:
    if args.link_command == "create" and args.tls and args.port is None:
        print("pier: --tls needs --port.", file=sys.stderr)
        return EXIT_USAGE
    store = LinkStore(paths.links_file)
    try:
        store.load()
        COMMANDS[args.link_command](store, args)
    except (LinkStoreError, InvalidLinkError, UnknownLinkError, CliError) as err:
        print(f"pier: {err}", file=sys.stderr)
        return EXIT_ERROR
    except KeyboardInterrupt:
        print("pier: cancelled.", file=sys.stderr)
        return EXIT_ERROR
    for problem in store.problems:
        print(f"pier: {problem}", file=sys.stderr)
    return EXIT_OK


def _create(store: LinkStore, args: argparse.Namespace) -> None:
    try:
        base = normalise_base_path(args.base_path)
    except ConfigError as err:
        raise CliError(str(err)) from None
    path = os.path.abspath(args.path)
    kind = item_kind(path)
    pin = read_pin() if args.pin_stdin else None
    expires = None if args.expires is None else args.expires(store)
    link = store.create(path, kind, expires=expires, downloads_allowed=args.downloads,
                        pin=pin, upload=args.upload)
    shown = base + link.url_path
    print(f"Link: {shown}")
    if args.port is not None:
        for url in share_urls("0.0.0.0", args.port, args.tls):
            print(f"URL: {url.rstrip('/')}{shown}")


def _list(store: LinkStore, _args: argparse.Namespace) -> None:
    links = store.list()
    if not links:
        print(f"No links yet (file: {store.path}).")
        return
    for link in links:
        columns = [link.id, link.path, _expiry(link), _downloads(link), store.state(link)]
        extras = [name for name, on in (("pin", link.has_pin), ("upload", link.upload)) if on]
        print("\t".join(columns + ([", ".join(extras)] if extras else [])))


def _revoke(store: LinkStore, args: argparse.Namespace) -> None:
    link = store.revoke(args.link)
    print(f"Revoked link {link.id} ({link.path}).")


COMMANDS: dict[str, Callable[[LinkStore, argparse.Namespace], None]] = {
    "create": _create, "list": _list, "revoke": _revoke,
}


def read_pin() -> str:
    line = sys.stdin.readline()
    pin = line.rstrip("\n").rstrip("\r")
    if not pin:
        raise CliError("No PIN on standard input.")
    return pin


ExpiryRule = Callable[[LinkStore], float]


def parse_expiry(text: str) -> ExpiryRule:
    """``30m``, ``1h``, ``2d``, ``1w`` (from when the link is made) or ``YYYY-MM-DD`` (the end of
    that day, local time) or ``YYYY-MM-DDTHH:MM`` (local time) -> a rule giving epoch seconds
    on the store's clock."""
    text = text.strip()
    match = _DURATION.fullmatch(text.lower())
    if match:
        seconds = int(match[1]) * _UNIT_SECONDS[match[2]]
        if seconds <= 0:
            raise argparse.ArgumentTypeError("the time must be longer than nothing")
        return lambda store: store.now() + seconds
    try:
        if "T" in text or " " in text:
            moment = dt.datetime.fromisoformat(text).astimezone()
        else:
            day = dt.date.fromisoformat(text)
            moment = dt.datetime.combine(day + dt.timedelta(days=1), dt.time()).astimezone()
    except ValueError:
        raise argparse.ArgumentTypeError(
            f"'{text}' is neither a time like 1h, 2d, 1w nor a date like 2030-12-31") from None
    when = moment.timestamp()
    return lambda _store: when


def _positive(text: str) -> int:
    try:
        value = int(text)
    except ValueError:
        raise argparse.ArgumentTypeError(f"'{text}' is not a whole number") from None
    if value < 1:
        raise argparse.ArgumentTypeError("the number must be 1 or more")
    return value


def _port(text: str) -> int:
    value = _positive(text)
    if value > 65535:
        raise argparse.ArgumentTypeError("a port is a number from 1 to 65535")
    return value


def _expiry(link: Link) -> str:
    if link.expires is None:
        return "never"
    return "until " + dt.datetime.fromtimestamp(link.expires).strftime("%Y-%m-%d %H:%M")


def _downloads(link: Link) -> str:
    if link.downloads_allowed is None:
        return f"{link.downloads} downloads, no limit"
    return f"{link.downloads} of {link.downloads_allowed} downloads"
