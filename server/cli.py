"""Headless command line: ``pier serve [DIR] ...``. A stable contract; see the README.

Prints ``Serving <DIR> at <URL>`` once per URL when accepting connections, serves until
SIGINT/SIGTERM, and exits 0. Errors are one line on stderr and a non-zero exit code.
As a service: ``--config FILE.toml`` (server/cli_config.py), SIGHUP reloads accounts, links and
the certificate (server/reload.py, woken by server/service.py), ``--log-format json`` on stderr
(server/service_log.py), READY=1 to $NOTIFY_SOCKET.
"""

from __future__ import annotations

import argparse
import contextlib
import logging
import os
import sys
import time
from collections.abc import Sequence
from dataclasses import replace
from pathlib import Path

from server import cert_cli, directory_cli, links_cli, users_cli
from server.appdirs import find_ffmpeg, find_trash_folders, pier_paths
from server.auth import Authenticator
from server.cli_config import parse_with_config, whole_number
from server.collect import CollectConfig, parse_until
from server.config import (
    MAX_CONNECTIONS,
    MAX_CONNECTIONS_CEILING,
    MAX_CONNECTIONS_PER_IP,
    ErrorPagesRefused,
    Limits,
    ServerConfig,
)
from server.engine import ServerEngine
from server.errors import BindError, ConfigError, PierError, UserStoreError
from server.forwarded import shared_proxy_ranges
from server.paths import PierPaths
from server.portable import raise_open_files_limit, tune_collector
from server.reload import reload_sources
from server.service import SignalInbox, notify_systemd
from server.service_log import LOG_FORMATS, ServiceLog
from server.sharing import authenticator_for, tls_settings
from server.tls import CertificateStore
from server.units import format_size
from server.users import UserStore
from server.version import version_line

EXIT_ERROR = 1
EXIT_USAGE = 2
EXIT_BIND = 3
STATUS_INTERVAL = 1.0
ANONYMOUS_LEVELS = ("none", "read", "upload", "modify")  # each includes the ones before

log = logging.getLogger("pier.service")


def build_parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(prog="pier", description="Share a folder over HTTP.")
    parser.add_argument("--version", action="version", version=version_line())
    commands = parser.add_subparsers(dest="command", required=True)
    serve = commands.add_parser("serve", help="serve a folder without the window")
    serve.add_argument("dir", nargs="?", default=".", help="folder to share (default: .)")
    serve.add_argument("--host", default="127.0.0.1",
                       help="address to listen on: 127.0.0.1 (this computer, default) "
                            "or 0.0.0.0 (the local network)")
    serve.add_argument("--port", type=int, default=8000, help="port (0 picks a free one)")
    serve.add_argument("--tls", action="store_true",
                       help="serve HTTPS with Pier's own certificate (made on first use; "
                            "see `pier cert`)")
    serve.add_argument("--auth", action="store_true",
                       help="require a login (accounts: `pier users`, and the office "
                            "directory's when `pier directory set` was run)")
    serve.add_argument("--anonymous", choices=ANONYMOUS_LEVELS, default="none",
                       help="with --auth: what visitors without an account may do (upload and "
                            "modify include read, modify includes upload; each only where "
                            "--upload / --modify allow it)")
    serve.add_argument("--upload", action="store_true",
                       help="allow uploads and new folders (to logged-in users with the "
                            "upload permission when --auth is on)")
    serve.add_argument("--modify", action="store_true",
                       help="allow renaming, moving, deleting (to the trash) and replacing "
                            "files (to logged-in users with the modify permission when --auth "
                            "is on)")
    serve.add_argument("--overwrite", action="store_true",
                       help="an upload may replace a file of the same name (needs the modify "
                            "permission with --auth; the old spelling of that part of --modify)")
    serve.add_argument("--permanent-deletes", action="store_true",
                       help="where the computer has no trash for a file, delete it for good "
                            "(else such deletes are refused)")
    serve.add_argument("--max-upload", type=parse_size, metavar="SIZE",
                       help="largest accepted upload, e.g. 500M or 2G")
    serve.add_argument("--read-only", action="store_true",
                       help="never accept changes (the default; wins over --upload, --modify, "
                            "--overwrite and --anonymous)")
    serve.add_argument("--show-hidden", action="store_true", help="serve dotfiles")
    serve.add_argument("--website", action="store_true",
                       help="serve a folder's index.html instead of its listing; pages in the "
                            "share (uploaded ones too) then run as the share, with visitors' "
                            "logins")
    serve.add_argument("--error-pages", type=Path, metavar="DIR",
                       help="show DIR/404.html, DIR/403.html, ... (any status; 404.de.html for "
                            "one language) to browsers instead of Pier's own error pages; "
                            "{status}, {reason} and {path} are filled in; DIR must not be "
                            "inside a share that accepts uploads")
    serve.add_argument("--allow-host", action="append", default=[], metavar="NAME",
                       help="also answer to this host name (e.g. pc.fritz.box or a VPN name; "
                            "repeatable); requests for other names are refused with 421")
    serve.add_argument("--trusted-proxy", action="append", default=[], metavar="CIDR",
                       help="a reverse proxy (address or network, repeatable) whose "
                            "X-Forwarded-For/-Host/-Proto are believed; nobody else's are")
    serve.add_argument("--base-path", default="", metavar="PATH",
                       help="serve under this path prefix (e.g. /files) as a proxy passes it; "
                            "other paths are 404")
    serve.add_argument("--access-log", type=Path, help="write a Combined Log Format file")
    serve.add_argument("--announce", action="store_true",
                       help="announce the share on the local network (mDNS/DNS-SD), so "
                            "NAME.local and service browsers find it")
    serve.add_argument("--thumb-threads", type=int, default=1, metavar="N",
                       help="threads that make thumbnails and previews (default 1; 0 turns "
                            "them off: icons only)")
    serve.add_argument("--max-connections", type=_connection_cap, default=MAX_CONNECTIONS,
                       metavar="N",
                       help=f"open connections at most, all clients together (default "
                            f"{MAX_CONNECTIONS}); one address still gets at most "
                            f"{MAX_CONNECTIONS_PER_IP}, and a few addresses never take them "
                            "all")
    serve.add_argument("--collect", metavar="NAME",
                       help="collect mode: visitors hand in files for NAME, each person's into "
                            "the share's folder NAME/<person>/ (hidden from the share)")
    serve.add_argument("--until", metavar="YYYY-MM-DDTHH:MM",
                       help="with --collect: refuse hand-ins after this local time")
    serve.add_argument("--log-format", choices=LOG_FORMATS, default="text",
                       help="stderr's log: text (warnings, errors, reloads) or json (one "
                            "object per line, every request too; for the journal)")
    serve.add_argument("--config", type=Path, metavar="FILE.toml",
                       help="read these options from a TOML file (keys: the flags without "
                            "their leading dashes, e.g. read-only = true); flags given here "
                            "win")
    cert_cli.add_commands(commands)
    users_cli.add_commands(commands)
    links_cli.add_commands(commands)
    directory_cli.add_commands(commands)
    return parser


def main(argv: Sequence[str] | None = None) -> int:
    parser = build_parser()
    args = parse_with_config(parser, subcommand(parser, "serve"), argv)
    paths = pier_paths()  # the one look at PIER_CONFIG_DIR; everything below is given paths
    if args.command == "serve":
        return serve(args, paths, notify_socket=os.environ.get("NOTIFY_SOCKET"))
    if args.command == "cert":
        return cert_cli.run(args, paths)
    if args.command == "users":
        return users_cli.run(args, paths)
    if args.command == "link":
        return links_cli.run(args, paths)
    if args.command == "directory":
        return directory_cli.run(args, paths)
    return EXIT_USAGE


def subcommand(parser: argparse.ArgumentParser, name: str) -> argparse.ArgumentParser:
    """The parser of ``pier NAME`` (argparse keeps its subparsers in a private action)."""
    for action in parser._actions:
        if isinstance(action, argparse._SubParsersAction):
            return action.choices[name]
    raise KeyError(name)


def serve(args: argparse.Namespace, paths: PierPaths, *,
          notify_socket: str | None = None) -> int:
    """Serve until SIGINT/SIGTERM; SIGHUP reloads accounts, links and the certificate.
    stdout carries only the "Serving ... at ..." lines (and a terminal's status line); the
    logs go to stderr (server/service_log.py). ``notify_socket``: systemd's NOTIFY_SOCKET."""
    service_log = ServiceLog(args.log_format, sys.stderr)
    service_log.start()
    inbox = SignalInbox()
    inbox.install()  # before the URL is printed: a script may signal right after it
    try:
        return _serve(args, paths, service_log, inbox, notify_socket)
    finally:
        inbox.close()
        service_log.stop()


def _warn_of_shared_proxy_ranges(engine: ServerEngine, service_log: ServiceLog) -> None:
    """One warning (stderr, and the JSON log) per --trusted-proxy range that is not one
    address: every machine in it is believed when it names the client."""
    for network in shared_proxy_ranges(engine.config.trusted_proxies if engine.config else ()):
        service_log.event(
            "trusted_proxy_range", f"warning: --trusted-proxy {network} holds other machines "
            "than the proxy: any of them may claim to be any client (X-Forwarded-For) and get "
            "past bans, lock-outs and per-address limits; give the proxy's own address",
            level=logging.WARNING, network=network)


def _serve(args: argparse.Namespace, paths: PierPaths, service_log: ServiceLog,
           inbox: SignalInbox, notify_socket: str | None) -> int:
    raise_open_files_limit()
    tune_collector()
    try:
        collect = collect_config(args.collect, args.until, paths, time.time())
    except ValueError as err:
        log.error("%s", err)
        return EXIT_USAGE
    engine = ServerEngine(service_log.request, bans_file=paths.bans_file)
    try:
        urls = engine.start(replace(_config_from(args, paths), collect=collect))
    except BindError as err:
        log.error("%s", err)
        return EXIT_BIND
    except ErrorPagesRefused as err:
        print(f"pier: {err}", file=sys.stderr)
        return EXIT_USAGE
    except PierError as err:
        log.error("%s", err)
        return EXIT_ERROR
    _warn_of_shared_proxy_ranges(engine, service_log)
    try:
        shown = engine.config.root if engine.config else args.dir
        live = sys.stdout.isatty()  # before the URLs: a terminal may close once they are read
        base = engine.config.base_path if engine.config else ""
        for url in urls:
            if base:  # under a base path, the share's own address carries it too
                url = url.rstrip("/") + base + "/"
            print(serving_line(shown, url), flush=True)
            service_log.event("serving", f"Serving {shown} at {url}", json_only=True,
                              dir=str(shown), url=url)
        notify_systemd(notify_socket, "READY=1", f"STATUS=Serving {shown}")
        while not inbox.stop:
            inbox.wait(STATUS_INTERVAL if live else None)
            if inbox.take_reload():
                _reload(engine, paths, service_log, notify_socket)
            if live and not inbox.stop and not _show_status(engine):
                break  # the terminal is gone (closing it sends the SIGHUP that reloaded)
        if live:
            with contextlib.suppress(OSError):
                print(flush=True)
        notify_systemd(notify_socket, "STOPPING=1")
    finally:
        engine.stop()
    service_log.event("stopped", "stopped", json_only=True)
    return 0


def serving_line(root: object, url: str) -> str:
    """The line scripts wait for (README "Headless use"); `pier --start DIR` prints it too."""
    return f"Serving {root} at {url}"


def _reload(engine: ServerEngine, paths: PierPaths, service_log: ServiceLog,
            notify_socket: str | None) -> None:
    """SIGHUP: re-read accounts and links, serve the certificate store's pair to new
    handshakes (server/reload.py); connections stay open."""
    now_us = time.clock_gettime_ns(time.CLOCK_MONOTONIC) // 1000 if hasattr(
        time, "CLOCK_MONOTONIC") else 0
    notify_systemd(notify_socket, "RELOADING=1", f"MONOTONIC_USEC={now_us}")
    result = reload_sources(engine, lambda: tls_settings(CertificateStore(paths.tls_dir)))
    for problem in result.problems:
        service_log.event("reload_problem", problem, level=logging.WARNING, problem=problem)
    service_log.event("reloaded", f"reloaded: {result.summary()}", accounts=result.accounts,
                      links=result.links, certificate=result.certificate)
    notify_systemd(notify_socket, "READY=1")


def _show_status(engine: ServerEngine) -> bool:
    """Rewrite the terminal's status line; False when the terminal cannot be written to."""
    try:
        print("\r" + status_line(engine.live_stats()) + "\033[K", end="", flush=True)
    except OSError:
        return False
    return True


def status_line(stats: dict) -> str:
    """One compact line for a terminal: totals, the last second's rate, clients, transfers."""
    last = stats["last_seconds"][-2] if len(stats["last_seconds"]) > 1 else [0, 0, 0, 0, 0]
    transfers = len(stats["transfers"])
    requests = stats["requests"]
    return (f"{requests:,} request{'s' if requests != 1 else ''} · {last[1]:,}/s · "
            f"{human_bytes(stats['bytes_sent'])} sent · {human_bytes(last[2])}/s · "
            f"{stats['connected_clients']} client{'s' if stats['connected_clients'] != 1 else ''}"
            + (f" · {transfers} transfer{'s' if transfers != 1 else ''}" if transfers else ""))


def human_bytes(count: int) -> str:
    """Sizes as everywhere in Pier (server.units): "532 B", "1.2 MB"."""
    return format_size(count)


def _config_from(args: argparse.Namespace, paths: PierPaths) -> ServerConfig:
    """The ServerConfig the options describe; PierError when a part of it cannot be set up."""
    root = Path(args.dir)
    writable = not args.read_only
    anonymous = ANONYMOUS_LEVELS.index(args.anonymous)
    return ServerConfig(
        root=root, host=args.host, port=args.port, show_hidden=args.show_hidden,
        website_mode=args.website, access_log=args.access_log, protected_paths=paths.protected,
        trash_folders=find_trash_folders(),
        upload=args.upload and writable, overwrite=args.overwrite and writable,
        modify=args.modify and writable, permanent_deletes=args.permanent_deletes,
        max_upload_bytes=args.max_upload,
        tls=tls_settings(CertificateStore(paths.tls_dir)) if args.tls else None,
        auth=(_authenticator(root, paths, anonymous >= 1) if args.auth else None),
        anonymous_upload=args.auth and writable and anonymous >= 2,
        anonymous_modify=args.auth and writable and anonymous >= 3,
        announce=args.announce, allowed_hosts=tuple(args.allow_host), tus_state=paths.tus_dir,
        links_file=paths.links_file, trusted_proxies=tuple(args.trusted_proxy),
        base_path=args.base_path,
        thumb_threads=args.thumb_threads, thumb_cache=paths.thumbs_dir, ffmpeg=find_ffmpeg(),
        error_pages=args.error_pages,
        limits=Limits(max_connections=args.max_connections),
    )



def collect_config(name: str | None, until: str | None, paths: PierPaths,
                   now: float) -> CollectConfig | None:
    """--collect NAME [--until YYYY-MM-DDTHH:MM]; ValueError with one sentence."""
    if name is None:
        if until is not None:
            raise ValueError("--until needs --collect NAME")
        return None
    try:
        config = CollectConfig(name, None, paths.collect_file).validated()
    except ConfigError as err:
        raise ValueError(str(err)) from None
    if until is None:
        return config
    deadline = parse_until(until)
    if deadline <= now:
        raise ValueError(f"--until {until} has already passed")
    return replace(config, until=deadline)


def _authenticator(root: Path, paths: PierPaths, anonymous_read: bool) -> Authenticator:
    store = UserStore(paths.users_file)
    store.load()
    auth = authenticator_for(root, store, anonymous_read=anonymous_read,
                             directory_file=paths.directory_file)
    if not store.users() and auth.directory is None:
        raise UserStoreError("No accounts yet: add one with `pier users add NAME` (or set up "
                             "`pier directory`) first.")
    return auth


def parse_size(text: str) -> int:
    """'500M', '2G', '1024' -> bytes (binary units)."""
    units = {"": 1, "K": 1024, "M": 1024**2, "G": 1024**3, "T": 1024**4}
    number, unit = text.strip().upper().rstrip("B").rstrip("I"), ""
    if number and number[-1] in units:
        number, unit = number[:-1], number[-1]
    try:
        value = int(float(number) * units[unit])
    except ValueError:
        raise argparse.ArgumentTypeError(f"'{text}' is not a size like 500M or 2G") from None
    if value < 1:
        raise argparse.ArgumentTypeError("the size must be positive")
    return value


@whole_number
def _connection_cap(text: str) -> int:
    try:
        value = int(text)
    except ValueError:
        raise argparse.ArgumentTypeError(f"'{text}' is not a whole number") from None
    if not 1 <= value <= MAX_CONNECTIONS_CEILING:
        raise argparse.ArgumentTypeError(
            f"give between 1 and {MAX_CONNECTIONS_CEILING:,} connections")
    return value


if __name__ == "__main__":
    sys.exit(main())
