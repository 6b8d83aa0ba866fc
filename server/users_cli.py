"""``pier users ...``: manage the accounts of the user file from the command line.

Errors are one line on stderr starting with ``pier: `` and exit code 1; a new password weaker
than server.passwords allows is such an error, with the reason.
"""

from __future__ import annotations

import argparse
import datetime as dt
import getpass
import sys
from collections.abc import Callable

from server.errors import UserStoreError
from server.passwords import MIN_LENGTH, password_problem
from server.paths import PierPaths
from server.users import User, UserStore

EXIT_OK = 0
EXIT_ERROR = 1


class CliError(Exception):
    """A problem with what the user typed; the message is shown as is."""


def add_commands(subparsers: argparse._SubParsersAction) -> None:
    users = subparsers.add_parser("users", help="manage the accounts that may log in")
    actions = users.add_subparsers(dest="users_command", required=True)

    add = actions.add_parser("add", help="create an account")
    add.add_argument("name")
    add.add_argument("--upload", action="store_true", help="may upload files")
    add.add_argument("--modify", action="store_true",
                     help="may rename, move, delete and replace files (where the share allows)")
    add.add_argument("--admin", action="store_true",
                     help="may read the live statistics at /.well-known/pier/stats")
    add.add_argument("--digest", action="store_true",
                     help="also allow HTTP Digest (SHA-256); stores a password-equivalent hash")
    add.add_argument("--digest-md5", action="store_true",
                     help="also allow Digest with MD5, for old clients (implies --digest)")
    add.add_argument("--folder", action="append", default=[], metavar="PATH",
                     help="limit the account to this folder of the share (repeatable)")
    add.add_argument("--expires", metavar="YYYY-MM-DD",
                     help="last day the account works (local time)")
    add.add_argument("--password-stdin", action="store_true",
                     help="read the password as one line from standard input")

    actions.add_parser("list", help="show the accounts")
    remove = actions.add_parser("remove", help="delete an account")
    remove.add_argument("name")
    passwd = actions.add_parser("passwd", help="change a password")
    passwd.add_argument("name")
    passwd.add_argument("--password-stdin", action="store_true",
                        help="read the password as one line from standard input")
    for verb, text in (("enable", "let an account log in again"),
                       ("disable", "stop an account from logging in")):
        actions.add_parser(verb, help=text).add_argument("name")


def run(args: argparse.Namespace, paths: PierPaths) -> int:
    store = UserStore(paths.users_file)
    try:
        store.load()
        COMMANDS[args.users_command](store, args)
    except (UserStoreError, CliError) as err:
        print(f"pier: {err}", file=sys.stderr)
        return EXIT_ERROR
    except KeyboardInterrupt:
        print("pier: cancelled.", file=sys.stderr)
        return EXIT_ERROR
    return EXIT_OK


def _add(store: UserStore, args: argparse.Namespace) -> None:
    if store.get(args.name) is not None:  # before asking for a password
        raise CliError(f"A user named '{args.name}' already exists.")
    expires = parse_expiry(args.expires) if args.expires else None
    password = read_password(args.password_stdin, args.name)
    user = store.add(args.name, password, can_upload=args.upload,
                     can_modify=args.modify, folders=args.folder,
                     digest=args.digest, digest_md5=args.digest_md5, expires=expires,
                     admin=args.admin)
    print(f"Added user {user.name} ({describe(user)}).")


def _list(store: UserStore, _args: argparse.Namespace) -> None:
    users = store.users()
    if not users:
        print(f"No users yet (file: {store.path}).")
        return
    for user in users:
        print(f"{user.name}\t{describe(user)}\tlast login: {_when(user.last_login)}")


def _remove(store: UserStore, args: argparse.Namespace) -> None:
    store.remove(args.name)
    print(f"Removed user {args.name}.")


def _passwd(store: UserStore, args: argparse.Namespace) -> None:
    if store.get(args.name) is None:
        raise CliError(f"There is no user named '{args.name}'.")
    store.set_password(args.name, read_password(args.password_stdin, args.name))
    print(f"Changed the password of {args.name}.")


def _enable(store: UserStore, args: argparse.Namespace) -> None:
    store.update(args.name, enabled=True)
    print(f"Enabled user {args.name}.")


def _disable(store: UserStore, args: argparse.Namespace) -> None:
    store.update(args.name, enabled=False)
    print(f"Disabled user {args.name}.")


COMMANDS: dict[str, Callable[[UserStore, argparse.Namespace], None]] = {
    "add": _add, "list": _list, "remove": _remove, "passwd": _passwd,
    "enable": _enable, "disable": _disable,
}


def read_password(from_stdin: bool, name: str = "") -> str:
    """One line from stdin (trailing newline removed), or a prompt asked twice; refused when
    it is too weak for the account ``name``."""
    if from_stdin:
        line = sys.stdin.readline()
        password = line[:-1] if line.endswith("\n") else line
        password = password[:-1] if password.endswith("\r") else password
        if not password:
            raise CliError("No password on standard input.")
        check_strength(password, name)
        return password
    first = getpass.getpass(f"Password (at least {MIN_LENGTH} characters): ")
    if not first:
        raise CliError("The password cannot be empty.")
    check_strength(first, name)
    if getpass.getpass("Repeat the password: ") != first:
        raise CliError("The passwords do not match.")
    return first


def check_strength(password: str, name: str) -> None:
    problem = password_problem(password, name)
    if problem:
        raise CliError(f"The password is too weak. {problem}")


def parse_expiry(text: str) -> float:
    """YYYY-MM-DD -> the epoch time when that day ends in local time (the account works
    through the whole day)."""
    try:
        day = dt.date.fromisoformat(text)
    except ValueError:
        raise CliError(f"'{text}' is not a date like 2030-12-31.") from None
    end = dt.datetime.combine(day + dt.timedelta(days=1), dt.time()).astimezone()
    return end.timestamp()


def describe(user: User) -> str:
    rights = ["read" if user.can_read else "no read"]
    if user.can_upload:
        rights.append("upload")
    if user.can_modify:
        rights.append("modify")
    if user.admin:
        rights.append("admin")
    if user.folders:
        rights.append("folders " + " ".join(user.folders))
    if user.digest:
        rights.append("digest+md5" if user.digest_md5 else "digest")
    if not user.enabled:
        rights.append("disabled")
    if user.expires is not None:
        day = dt.datetime.fromtimestamp(user.expires - 1).date().isoformat()
        rights.append(("expired " if user.is_expired() else "expires ") + day)
    return ", ".join(rights)


def _when(epoch: float | None) -> str:
    if epoch is None:
        return "never"
    return dt.datetime.fromtimestamp(epoch).strftime("%Y-%m-%d %H:%M")
