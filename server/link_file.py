"""The share-links file on disk (``links.toml``): its TOML format and the lock that serialises
changes between processes (``pier link`` and a running share). server.links decides when to
read and write; this module turns text into links and back.

One damaged entry does not cost the others: ``parse_links`` returns the readable links, and
the entries it could not read as they were (``ParsedLinks.damaged``), which ``dump_links``
writes back unchanged, so no change made by Pier ever drops an entry someone can still repair.
A damaged entry is never served (its token, time limits or PIN cannot be trusted). A file that
is not TOML at all, or of an unknown format, raises ``LinkStoreError`` and is never written.
"""

from __future__ import annotations

import contextlib
import os
import tomllib
from collections.abc import Mapping
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import tomli_w

from server.atomic import sidecar_lock, write_atomic
from server.errors import LinkStoreError
from server.link_model import ID_PATTERN, KINDS, TOKEN_PATTERN, Link
from server.link_pins import is_pin_hash

STORE_FORMAT = 1
Signature = tuple[int, int, int, int]  # inode, size, mtime_ns, ctime_ns


@dataclass(frozen=True, slots=True)
class ParsedLinks:
    links: dict[str, Link]  # by id
    damaged: dict[str, Any]  # id -> the entry as read, kept for writing back
    problems: tuple[str, ...]  # one sentence per damaged entry


def parse_links(data: dict[str, Any]) -> ParsedLinks:
    """The links of a parsed file; ``LinkStoreError`` when the whole file is unusable."""
    if data.get("format", STORE_FORMAT) != STORE_FORMAT:
        raise LinkStoreError(f"unknown format {data.get('format')!r}")
    table = data.get("links", {})
    if not isinstance(table, dict):
        raise LinkStoreError("'links' must be a table")
    links: dict[str, Link] = {}
    damaged: dict[str, Any] = {}
    problems: list[str] = []
    tokens: set[str] = set()
    for key, record in table.items():
        try:
            link = _parse_link(key, record)
            if link.token in tokens:
                raise ValueError("its token is another link's")
        except (KeyError, TypeError, ValueError) as err:
            damaged[key] = record
            problems.append(f"The link '{key}' is damaged ({_reason(err)}); it is not served "
                            "and is kept as it is.")
            continue
        tokens.add(link.token)
        links[key] = link
    return ParsedLinks(links, damaged, tuple(problems))


def _parse_link(key: str, record: Any) -> Link:
    if not isinstance(record, dict):
        raise TypeError("not a table")
    if not ID_PATTERN.fullmatch(key):
        raise ValueError("bad id")
    token = _typed(record, "token", str)
    if not TOKEN_PATTERN.fullmatch(token):
        raise ValueError("bad token")
    path = _typed(record, "path", str)
    if not os.path.isabs(path):
        raise ValueError("the path is not absolute")
    kind = _typed(record, "kind", str)
    if kind not in KINDS:
        raise ValueError(f"unknown kind {kind!r}")
    allowed = _optional(record, "downloads_allowed", int)
    downloads = _typed(record, "downloads", int, 0)
    if (allowed is not None and allowed < 1) or downloads < 0:
        raise ValueError("bad download numbers")
    pin_hash = _optional(record, "pin", str)
    if pin_hash is not None and not is_pin_hash(pin_hash):
        raise ValueError("bad PIN hash")
    upload = _typed(record, "upload", bool, False)
    if upload and kind != "folder":
        raise ValueError("uploads to a file link")
    return Link(
        id=key, token=token, path=path, kind=kind,
        created=float(_typed(record, "created", (int, float))),
        expires=_optional_time(record, "expires"), downloads_allowed=allowed,
        downloads=downloads, upload=upload, pin_hash=pin_hash,
        revoked=_typed(record, "revoked", bool, False),
        locked_until=_optional_time(record, "locked_until"),
        last_used_by=_optional(record, "last_used_by", str),
        last_used_at=_optional_time(record, "last_used_at"),
    )


def _typed(record: dict[str, Any], key: str, kind: Any, *default: Any) -> Any:
    if key not in record and default:
        return default[0]
    value = record[key]
    if not isinstance(value, kind) or (kind is not bool and isinstance(value, bool)):
        raise ValueError(f"'{key}' has the wrong type")
    return value


def _optional(record: dict[str, Any], key: str, kind: Any) -> Any:
    return _typed(record, key, kind) if key in record else None


def _optional_time(record: dict[str, Any], key: str) -> float | None:
    value = _optional(record, key, (int, float))
    return None if value is None else float(value)


def _reason(err: Exception) -> str:
    return f"no '{err.args[0]}'" if isinstance(err, KeyError) else str(err)


def dump_links(links: Mapping[str, Link], damaged: Mapping[str, Any]) -> dict[str, Any]:
    """The TOML document (a dict for tomli_w): ``links`` and the ``damaged`` entries as read."""
    table: dict[str, Any] = dict(damaged)
    for key, link in sorted(links.items()):
        record: dict[str, Any] = {
            "token": link.token, "path": link.path, "kind": link.kind, "created": link.created,
            "downloads": link.downloads, "upload": link.upload, "revoked": link.revoked,
        }
        optional = {"expires": link.expires, "downloads_allowed": link.downloads_allowed,
                    "pin": link.pin_hash, "locked_until": link.locked_until,
                    "last_used_by": link.last_used_by, "last_used_at": link.last_used_at}
        record.update({name: value for name, value in optional.items() if value is not None})
        table[key] = record
    return {"format": STORE_FORMAT, "links": dict(sorted(table.items()))}


def read_links(path: Path) -> tuple[ParsedLinks, Signature | None]:
    """The links in ``path`` (none when it does not exist) and the file's signature as read;
    LinkStoreError for a file that cannot be read or is not a links file."""
    signature = file_signature(path)
    if signature is None:
        return ParsedLinks({}, {}, ()), None
    try:
        data = tomllib.loads(path.read_text(encoding="utf-8"))
        return parse_links(data), signature
    except (OSError, UnicodeDecodeError, tomllib.TOMLDecodeError, LinkStoreError) as err:
        reason = getattr(err, "strerror", None) or err
        raise LinkStoreError(
            f"The links file {path} is damaged ({reason}). Pier has not changed it: "
            "repair it or move it away to start with no links.") from None


def write_links(path: Path, links: Mapping[str, Link], damaged: Mapping[str, Any]) -> None:
    """Replace ``path`` atomically (mode 0600) with ``links`` and the ``damaged`` entries."""
    text = tomli_w.dumps(dump_links(links, damaged))
    try:
        path.parent.mkdir(parents=True, exist_ok=True, mode=0o700)
        write_atomic(path, text.encode("utf-8"), private=True)
    except OSError as err:
        raise LinkStoreError(f"Cannot write the links file {path}: "
                             f"{err.strerror or err}.") from None


def file_signature(path: Path) -> Signature | None:
    """What tells one version of the file from another (None: no file)."""
    try:
        st = os.stat(path)
    except FileNotFoundError:
        return None
    except OSError as err:
        raise LinkStoreError(f"The links file {path} cannot be read: "
                             f"{err.strerror or err}.") from None
    return (st.st_ino, st.st_size, st.st_mtime_ns, st.st_ctime_ns)


def file_lock(path: Path) -> contextlib.AbstractContextManager[None]:
    """An exclusive lock between processes on ``<path>.lock`` while a change is made (as for
    the accounts)."""
    return sidecar_lock(path, LinkStoreError, "the links file")
