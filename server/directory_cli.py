"""``pier directory ...``: logins from the office directory (LDAP / Active Directory).

``set`` writes the settings (``PierPaths.directory_file``, mode 0600), ``show`` prints them
without the bind password, ``test NAME`` asks the directory as a login would and prints the
rights it maps to or the reason it refuses, ``off`` removes the settings. `pier serve --auth` and
the window's shares use them. Errors are one line on stderr starting with ``pier: ``, exit 1.
"""

from __future__ import annotations

import argparse
import getpass
import sys
from pathlib import Path

from server.directory_config import (
    AD_USER_FILTER,
    DEFAULT_GROUP_FILTER,
    DEFAULT_USER_FILTER,
    DirectoryConfigError,
    DirectorySettings,
    load_settings,
    parse_group_map,
    remove_settings,
    save_settings,
)
from server.directory_source import DirectoryDown, DirectorySource
from server.errors import UserStoreError
from server.paths import PierPaths
from server.users import UserStore
from server.users_cli import describe

EXIT_OK = 0
EXIT_ERROR = 1


class CliError(Exception):
    """A problem with what the user typed or with the directory; shown as is."""


def add_commands(subparsers: argparse._SubParsersAction) -> None:
    directory = subparsers.add_parser(
        "directory", help="logins from the office directory (LDAP / Active Directory)")
    actions = directory.add_subparsers(dest="directory_command", required=True)
    put = actions.add_parser("set", help="turn directory logins on, or change their settings")
    put.add_argument("--url", required=True,
                     help="ldaps://HOST[:PORT], or ldap://HOST[:PORT] with --starttls")
    put.add_argument("--base-dn", required=True, help="where users and groups are searched")
    put.add_argument("--bind-dn", default="",
                     help="the account Pier searches as (default: anonymous search)")
    put.add_argument("--bind-password-stdin", action="store_true",
                     help="read the bind DN's password as one line from standard input")
    put.add_argument("--user-filter", default=DEFAULT_USER_FILTER,
                     help=f"finds a user by the name typed (default {DEFAULT_USER_FILTER}; "
                          f"Active Directory: {AD_USER_FILTER})")
    put.add_argument("--group-filter", default=DEFAULT_GROUP_FILTER,
                     help=f"finds a user's groups by its {{dn}} (default {DEFAULT_GROUP_FILTER}"
                          "), or memberOf to read the user's memberOf attribute (Active "
                          "Directory)")
    put.add_argument("--group-map", action="append", default=[], required=True,
                     metavar="GROUP=read|upload|modify|admin[:FOLDER]",
                     help="what members of the group (by its cn) may do, optionally only in "
                          "FOLDER; repeatable; the highest level among a user's groups wins")
    put.add_argument("--ca-file", type=Path, metavar="PEM",
                     help="trust this CA for the directory's certificate (default: the "
                          "system's trusted CAs)")
    put.add_argument("--starttls", action="store_true",
                     help="with an ldap:// address: switch to TLS before anything is sent")
    actions.add_parser("show", help="show the directory settings (not the password)")
    test = actions.add_parser("test", help="check a login and print the rights it maps to")
    test.add_argument("name")
    test.add_argument("--password-stdin", action="store_true",
                      help="read the password as one line from standard input")
    actions.add_parser("off", help="turn directory logins off (remove the settings)")


def run(args: argparse.Namespace, paths: PierPaths) -> int:
    try:
        command = args.directory_command
        if command == "set":
            _set(paths.directory_file, args)
        elif command == "show":
            _show(paths.directory_file)
        elif command == "test":
            _test(paths, args)
        else:
            _off(paths.directory_file)
    except (DirectoryConfigError, UserStoreError, CliError) as err:
        print(f"pier: {err}", file=sys.stderr)
        return EXIT_ERROR
    except KeyboardInterrupt:
        print("pier: cancelled.", file=sys.stderr)
        return EXIT_ERROR
    return EXIT_OK


def _set(path: Path, args: argparse.Namespace) -> None:
    mappings = tuple(parse_group_map(text) for text in args.group_map)
    password = ""
    if args.bind_dn:
        password = read_secret(args.bind_password_stdin, "Bind DN password: ")
    settings = DirectorySettings(
        url=args.url, base_dn=args.base_dn, bind_dn=args.bind_dn, bind_password=password,
        user_filter=args.user_filter, group_filter=args.group_filter, group_map=mappings,
        ca_pem=_read_ca(args.ca_file) if args.ca_file else "", starttls=args.starttls)
    save_settings(path, settings)
    print(f"Directory logins on: {settings.url} ({', '.join(map(str, mappings))}).")
    print("Check one with `pier directory test NAME`; shares started from now on use it.")


def _show(path: Path) -> None:
    settings = load_settings(path)
    if settings is None:
        print(f"Directory logins are off (no settings in {path}).")
        return
    bind = f"{settings.bind_dn} (password set)" if settings.bind_dn else "anonymous"
    print(f"url: {settings.url}{' with StartTLS' if settings.starttls else ''}")
    print(f"base DN: {settings.base_dn}")
    print(f"bind DN: {bind}")
    print(f"user filter: {settings.user_filter}")
    print(f"group filter: {settings.group_filter}")
    for mapping in settings.group_map:
        print(f"group map: {mapping}")
    print(f"CA: {'from the CA file given' if settings.ca_pem else 'the system trust store'}")


def _test(paths: PierPaths, args: argparse.Namespace) -> None:
    settings = load_settings(paths.directory_file)
    if settings is None:
        raise CliError("Directory logins are off: `pier directory set ...` first.")
    store = UserStore(paths.users_file)
    store.load()
    from server.directory import DirectoryClient

    client = DirectoryClient(settings)
    local = DirectorySource(client).local_twin(args.name, store)
    if local is not None:
        shown = f"'{args.name}'" + ("" if local == args.name else
                                    f" (as the directory compares names: '{local}')")
        raise CliError(f"{shown} is a Pier account, which wins over the directory (the "
                       "directory is not asked for this name).")
    password = read_secret(args.password_stdin, f"Password of {args.name}: ")
    try:
        verdict = client.log_in(args.name, password)
    except DirectoryDown as err:
        raise CliError(f"The directory cannot be asked: {err}.") from None
    groups = f" (groups: {', '.join(verdict.groups) or 'none'})"
    if verdict.user is None:
        raise CliError(f"{args.name} cannot log in: {verdict.reason}{groups}.")
    name = verdict.user.name
    as_name = f" (logs in as '{name}', the entry's name)" if name != args.name else ""
    print(f"{args.name}: {describe(verdict.user)}{groups}{as_name}")


def _off(path: Path) -> None:
    if remove_settings(path):
        print("Directory logins are off.")
    else:
        print("Directory logins were already off.")


def read_secret(from_stdin: bool, prompt: str) -> str:
    """One line from stdin (newline removed) or a prompt; never empty."""
    if from_stdin:
        line = sys.stdin.readline()
        secret = line.removesuffix("\n").removesuffix("\r")
    else:
        secret = getpass.getpass(prompt)
    if not secret:
        raise CliError("No password given.")
    return secret


def _read_ca(path: Path) -> str:
    try:
        return path.read_text(encoding="ascii")
    except (OSError, UnicodeDecodeError) as err:
        raise CliError(f"Cannot read the CA file {path}: {err}.") from None
