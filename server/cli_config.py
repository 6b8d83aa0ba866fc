"""``pier serve --config FILE.toml``: the serve options from a TOML file.

The keys are exactly the long flags without their dashes in front, dashes inside kept
(``read-only = true``, ``max-upload = "2G"``, ``allow-host = ["pc.lan"]``) and ``dir`` for the
folder. Nothing here lists the options: they are read from the argparse parser itself, so a
new flag can be set from the file the day it is added (tests/server/test_cli_config.py walks the
parser's actions). The value is typed as the flag is: ``true``/``false`` for a switch, a TOML
integer for an ``int`` option, an array for a repeatable one, a string for the rest (converted
by the option's own ``type`` and checked against its ``choices``, as argparse would).

The file's values become the parser's defaults and the command line is parsed again, so flags
given on the command line win; for a repeatable flag the command line's values replace the
file's list. A switch set in the file cannot be turned off from the command line (there is no
``--no-...`` form): leave it out of the file then.

On POSIX a file that group or others may write, or that belongs to another user than the one
running Pier (root excepted), is refused before it is read (``check_owner_only``): whoever can
rewrite it decides what is shared, and with which rights, from the next start (sshd and sudo
refuse such files too).
"""

from __future__ import annotations

import argparse
import difflib
import os
import stat
import tomllib
from collections.abc import Callable, Sequence
from pathlib import Path
from typing import Any

NOT_FROM_FILE = frozenset({"help", "config"})  # dests that make no sense in the file
# converters (besides int) whose flag takes a whole number: see whole_number
WHOLE_NUMBERS: set[Callable[[str], int]] = set()


class ConfigFileError(ValueError):
    """A sentence naming the file and the key: the CLI prints it as a usage error (exit 2)."""


class _Expected(ValueError):
    """What the key's value must be: "must be true or false"."""


def option_keys(parser: argparse.ArgumentParser) -> dict[str, argparse.Action]:
    """Every key a config file may hold for ``parser``, with the action it sets."""
    keys: dict[str, argparse.Action] = {}
    for action in parser._actions:
        if action.dest in NOT_FROM_FILE or isinstance(action, argparse._SubParsersAction):
            continue
        if not action.option_strings:  # a positional: its dest is its name
            keys[action.dest] = action
            continue
        for flag in action.option_strings:
            if flag.startswith("--"):
                keys[flag[2:]] = action
    return keys


def read_config(path: Path, parser: argparse.ArgumentParser) -> dict[str, Any]:
    """{dest: value} from the TOML file at ``path``; ConfigFileError naming what is wrong."""
    try:
        with open(path, "rb") as file:
            check_owner_only(path, os.fstat(file.fileno()))
            data = tomllib.load(file)
    except OSError as err:
        raise ConfigFileError(f"config {path}: {err.strerror or err}") from None
    except tomllib.TOMLDecodeError as err:
        raise ConfigFileError(f"config {path}: not valid TOML ({err})") from None
    return values_for(data, parser, str(path))


def check_owner_only(path: Path, status: os.stat_result) -> None:
    """ConfigFileError when the opened file ``status`` describes may be changed by someone
    else than the user running Pier and root (POSIX only: Windows keeps ACLs, not modes)."""
    if os.name != "posix":
        return
    if status.st_mode & (stat.S_IWGRP | stat.S_IWOTH):
        raise ConfigFileError(f"config {path}: other users may change it (mode "
                              f"{stat.S_IMODE(status.st_mode):o}); refusing to read it. "
                              f"Run: chmod go-w {path}")
    if status.st_uid not in (0, os.geteuid()):
        raise ConfigFileError(f"config {path}: it belongs to another user (uid "
                              f"{status.st_uid}); refusing to read it. Make it belong to this "
                              "user or to root")


def values_for(data: dict[str, Any], parser: argparse.ArgumentParser,
               name: str) -> dict[str, Any]:
    """{dest: value} for the keys of ``data``; ConfigFileError for the first wrong one."""
    keys = option_keys(parser)
    values: dict[str, Any] = {}
    for key, raw in data.items():
        action = keys.get(key)
        if action is None:
            raise ConfigFileError(f"config {name}: unknown key {key!r}{_suggestion(key, keys)}")
        try:
            values[action.dest] = convert(action, raw)
        except _Expected as err:
            raise ConfigFileError(f"config {name}: {key!r} {err}") from None
        except (TypeError, ValueError, argparse.ArgumentTypeError) as err:  # the option's type
            raise ConfigFileError(f"config {name}: bad value for {key!r}: {err}") from None
    return values


def convert(action: argparse.Action, raw: Any) -> Any:
    """The value ``action`` stores for the TOML value ``raw``; _Expected saying what was
    expected, or the error of the option's own ``type``."""
    if isinstance(action, argparse._StoreTrueAction | argparse._StoreFalseAction
                  | argparse._StoreConstAction):
        if not isinstance(raw, bool):
            raise _Expected("must be true or false")
        return action.const if raw else action.default
    if isinstance(action, argparse._CountAction):
        if not isinstance(raw, int) or isinstance(raw, bool) or raw < 0:
            raise _Expected("must be a whole number, 0 or more")
        return raw
    if isinstance(action, argparse._AppendAction):
        if not isinstance(raw, list):
            raise _Expected("must be an array, e.g. [\"a\", \"b\"]")
        return [_one_value(action, item) for item in raw]
    if type(action) is argparse._StoreAction:
        if action.nargs not in (None, "?"):
            return [_one_value(action, item) for item in _as_list(raw)]
        return _one_value(action, raw)
    raise _Expected(f"cannot be set from a file ({type(action).__name__})")


def whole_number(converter: Callable[[str], int]) -> Callable[[str], int]:
    """Mark a flag's converter as taking a whole number: a TOML integer is then expected."""
    WHOLE_NUMBERS.add(converter)
    return converter


def _one_value(action: argparse.Action, raw: Any) -> Any:
    wants_int = action.type is int or action.type in WHOLE_NUMBERS
    if wants_int and (not isinstance(raw, int) or isinstance(raw, bool)):
        raise _Expected(f"must be a whole number, not {_toml_type(raw)}")
    if action.type is float and (not isinstance(raw, int | float) or isinstance(raw, bool)):
        raise _Expected(f"must be a number, not {_toml_type(raw)}")
    if not wants_int and action.type is not float and not isinstance(raw, str):
        raise _Expected(f"must be a string, not {_toml_type(raw)}")
    value = action.type(raw) if callable(action.type) else raw
    if action.choices is not None and value not in action.choices:
        allowed = ", ".join(repr(choice) for choice in action.choices)
        raise _Expected(f"must be one of {allowed}, not {raw!r}")
    return value


def _as_list(raw: Any) -> list[Any]:
    if not isinstance(raw, list):
        raise _Expected("must be an array")
    return raw


def _toml_type(raw: Any) -> str:
    names = {bool: "true/false", int: "a number", float: "a number", str: "a string",
             list: "an array", dict: "a table"}
    return next((text for kind, text in names.items() if isinstance(raw, kind)), "a date")


def _suggestion(key: str, keys: dict[str, argparse.Action]) -> str:
    close = difflib.get_close_matches(key.replace("_", "-"), keys, n=1)
    return f" (did you mean {close[0]!r}?)" if close else ""


def parse_with_config(parser: argparse.ArgumentParser, command: argparse.ArgumentParser,
                      argv: Sequence[str] | None) -> argparse.Namespace:
    """Parse ``argv``; when it has ``--config FILE`` for ``command`` (a subparser of
    ``parser``), the file's values become ``command``'s defaults and ``argv`` is parsed
    again, so the command line wins. A wrong file is ``command``'s usage error (exit 2)."""
    args = parser.parse_args(argv)
    path = getattr(args, "config", None)
    if path is None:
        return args
    try:
        values = read_config(path, command)
    except ConfigFileError as err:
        command.error(str(err))
    command.set_defaults(**values)
    again = parser.parse_args(argv)
    for dest, listed in values.items():  # a repeatable flag: the command line's items replace
        merged = getattr(again, dest)
        if isinstance(listed, list) and isinstance(merged, list) and len(merged) > len(listed):
            setattr(again, dest, merged[len(listed):])
    return again
