"""Which lock-manager paths a WebDAV request touches (server/dav_locks.py keys every lock on
one spelling of where an item really is).

A URL names an item in many spellings: doubled slashes, a folder link inside the share
(``/work-link/a.txt`` is ``/work/a.txt``), and for a name being written every spelling the
write cleans into the same stored name (``a.txt.``, ``a.txt%20``, NFD ``café``: uploads.
clean_name). ``lock_target`` resolves the folder through the access policy (``call.files``)
to its real URL path and names the item there, cleaned as the write will clean it when it is
written, so a lock holds the item whatever spelling a writer sends."""

from __future__ import annotations

from dataclasses import dataclass

from server.access import FileAccess
from server.dav_locks import normalise
from server.files import Resolved, decode_url_path, url_quote
from server.http11 import HttpError
from server.uploads import UploadRefused, clean_name


@dataclass(frozen=True, slots=True)
class LockTarget:
    key: str  # where the item really is (a link inside the share followed): what a LOCK holds
    own: str  # the name itself in its real folder (a link's own path, not its target's)
    folder: str | None  # the path of the folder holding the name (None: the share's root)
    folder_raw: str  # that folder's URL path as the request reaches it, percent-encoded
    name: str  # the last name, decoded (cleaned as the write cleans it when written)
    found: Resolved | None  # what is there for this principal (None: nothing it may see)

    @property
    def keys(self) -> tuple[str, ...]:
        """Every path a write of the item touches: the item and the name that holds it."""
        return (self.key,) if self.key == self.own else (self.key, self.own)


def lock_target(files: FileAccess, raw_path: str, *, written: bool = False) -> LockTarget:
    """The lock paths of what ``raw_path`` (percent-encoded) names. ``written``: the request
    writes that name (PUT, MKCOL, a lock-null LOCK, a COPY or MOVE destination), so its last
    name is cleaned as the write cleans it. 400 for a path that cannot be read."""
    segments = _segments(raw_path)
    if not segments:
        return LockTarget("/", "/", None, "/", "", _visible(files, "/"))
    *parents, name = segments
    if written:
        name = _cleaned(name)
    folder_raw = url_quote("/" + "".join(parent + "/" for parent in parents))
    folder = _real_folder(files, folder_raw, parents)
    own = normalise(folder + "/" + name)
    found = _visible(files, folder_raw + url_quote(name))
    key = own if found is None else normalise(files.judged_url(found))
    return LockTarget(key, own, folder, folder_raw, name, found)


def _segments(raw_path: str) -> list[str]:
    try:
        decoded = decode_url_path(raw_path)
    except (HttpError, ValueError):
        raise HttpError(400, "The path cannot be read.", close=False) from None
    segments = [segment for segment in decoded.split("/") if segment and segment != "."]
    if ".." in segments:
        raise HttpError(400, "Parent-folder segments ('..') are not allowed.", close=False)
    return segments


def _cleaned(name: str) -> str:
    """The name a write stores (whether it may start with a dot is the write's question)."""
    try:
        return clean_name(name, allow_hidden=True)
    except UploadRefused:
        return name  # the write refuses it; the lock check keys it as it is


def _real_folder(files: FileAccess, folder_raw: str, parents: list[str]) -> str:
    """The lock path of the folder holding a name: where it really is, or (a folder this
    principal cannot reach, where the write fails anyway) its names as spelled."""
    found = _visible(files, folder_raw)
    if found is None or not found.is_dir:
        return normalise("/" + "/".join(parents))
    return normalise(files.judged_url(found))


def _visible(files: FileAccess, raw_path: str) -> Resolved | None:
    try:
        return files.target(raw_path)
    except HttpError as err:
        if err.status in (400, 404):
            return None
        raise
