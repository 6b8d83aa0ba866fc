"""The accounts file on disk: its TOML format and the lock that serialises changes between
processes (the CLI and a running server may both edit it). server.users (``UserStore``) decides
when to read and write; this module only turns text into accounts and back.

A record holds a password hash and, when Digest is on, HA1 values; never a password. Anything
unexpected (a wrong type, an unknown format, a bad hash, HA1, name or folder) raises ValueError,
KeyError, TypeError or UserStoreError, so that the store refuses the file instead of overwriting
it.
"""

from __future__ import annotations

import contextlib
import re
from collections.abc import Mapping
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from server.atomic import sidecar_lock
from server.errors import UserStoreError
from server.passwords_hash import DIGEST_ALGORITHMS
from server.user_model import User, normalize_folders, normalize_name

STORE_FORMAT = 1


@dataclass(frozen=True, slots=True)
class Account:
    """One account as stored: what Pier sees (``user``) plus its secrets."""

    user: User
    password_hash: str
    ha1: Mapping[str, Mapping[str, str]] = field(default_factory=dict)  # realm -> alg -> hex


def trim_ha1(ha1: Mapping[str, Mapping[str, str]], user: User) -> dict[str, dict[str, str]]:
    """The HA1 values ``user`` may keep: none without Digest, MD5 ones only with ``digest_md5``."""
    if not user.digest:
        return {}
    keep = ("SHA-256", "MD5") if user.digest_md5 else ("SHA-256",)
    return {realm: {alg: value for alg, value in values.items() if alg in keep}
            for realm, values in ha1.items()}


# ---------------------------------------------------------------------------------------------
# File format


def parse_store(data: dict[str, Any]) -> tuple[dict[str, Account], tuple[str, ...]]:
    """Accounts and Digest realms from the parsed TOML; ValueError (or KeyError, TypeError,
    UserStoreError) for anything that is not a well-formed store."""
    if data.get("format", STORE_FORMAT) != STORE_FORMAT:
        raise ValueError(f"unknown format {data.get('format')!r}")
    realms = data.get("digest_realms", [])
    if not isinstance(realms, list) or not all(isinstance(r, str) for r in realms):
        raise ValueError("digest_realms must be a list of text")
    table = data.get("users", {})
    if not isinstance(table, dict):
        raise ValueError("'users' must be a table")
    accounts = {}
    for name, record in table.items():
        if normalize_name(name) != name or not isinstance(record, dict):
            raise ValueError(f"bad entry for user {name!r}")
        accounts[name] = _parse_account(name, record)
    return accounts, tuple(realms)


def _parse_account(name: str, record: dict[str, Any]) -> Account:
    password_hash = record["password"]
    if not isinstance(password_hash, str) or not password_hash.startswith("$"):
        raise ValueError(f"user {name!r} has no usable password hash")
    user = User(
        name=name,
        can_read=_typed(record, "can_read", bool, True),
        can_upload=_typed(record, "can_upload", bool, False),
        can_modify=_typed(record, "can_modify", bool, False),  # older files: off
        folders=normalize_folders(_typed(record, "folders", list, [])),
        enabled=_typed(record, "enabled", bool, True),
        created=float(_typed(record, "created", (int, float), 0.0)),
        last_login=_optional_time(record, "last_login"),
        expires=_optional_time(record, "expires"),
        digest=_typed(record, "digest", bool, False),
        digest_md5=_typed(record, "digest_md5", bool, False),
        admin=_typed(record, "admin", bool, False),
    )
    ha1 = _typed(record, "ha1", dict, {})
    for realm, values in ha1.items():
        if not isinstance(values, dict) or not set(values) <= set(DIGEST_ALGORITHMS) or \
                not all(isinstance(v, str) and re.fullmatch(r"[0-9a-f]{32,64}", v)
                        for v in values.values()):
            raise ValueError(f"user {name!r} has a bad Digest entry for realm {realm!r}")
    return Account(user, password_hash, trim_ha1(ha1, user))


def _typed(record: dict[str, Any], key: str, kind: Any, default: Any) -> Any:
    value = record.get(key, default)
    if not isinstance(value, kind) or (kind is not bool and isinstance(value, bool)):
        raise ValueError(f"'{key}' has the wrong type")
    return value


def _optional_time(record: dict[str, Any], key: str) -> float | None:
    if key not in record:
        return None
    return float(_typed(record, key, (int, float), 0.0))


def dump_store(accounts: Mapping[str, Account], realms: tuple[str, ...]) -> dict[str, Any]:
    """The TOML document (as a dict for tomli_w) for ``accounts`` and ``realms``."""
    users: dict[str, Any] = {}
    for name, account in sorted(accounts.items()):
        user = account.user
        record: dict[str, Any] = {
            "password": account.password_hash, "can_read": user.can_read,
            "can_upload": user.can_upload, "can_modify": user.can_modify,
            "folders": list(user.folders),
            "enabled": user.enabled, "created": user.created, "digest": user.digest,
            "digest_md5": user.digest_md5, "admin": user.admin,
        }
        if user.last_login is not None:
            record["last_login"] = user.last_login
        if user.expires is not None:
            record["expires"] = user.expires
        if account.ha1:
            record["ha1"] = {realm: dict(values) for realm, values in account.ha1.items()}
        users[name] = record
    return {"format": STORE_FORMAT, "digest_realms": list(realms), "users": users}


# ---------------------------------------------------------------------------------------------
# Locking between processes


def file_lock(path: Path) -> contextlib.AbstractContextManager[None]:
    """An exclusive lock between processes, held on ``<path>.lock`` while a change is made."""
    return sidecar_lock(path, UserStoreError, "the user file")
