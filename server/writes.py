"""Requests that change the share or stream an archive of it: uploads (PUT and multipart
POST), texts (a form's ``text`` field saved as a .txt file), new folders, and a folder as a
streamed .zip. The handler routes here; the file-level
rules live in server.uploads and server.zipstream."""

from __future__ import annotations

import contextlib
import json
from collections.abc import Iterable, Iterator
from dataclasses import dataclass
from typing import Protocol
from urllib.parse import parse_qs, unquote, urlsplit

from server.access import FileAccess, FolderBudget
from server.access_rules import Action
from server.call import RequestBody
from server.files import Resolved, url_quote
from server.http11 import HttpError, Request
from server.listing_entries import json_safe
from server.multipart import MultipartReader
from server.page_i18n import N_
from server.pages import STYLESHEET_URL, display_text
from server.text_board import TEXT_LIMIT
from server.uploads import (
    UploadRefused,
    check_free_space,
    clean_name,
    clean_relative_path,
    is_utf8,
)

MAX_EPILOGUE = 64 * 1024
MAX_FILES_PER_REQUEST = 10_000  # a tiny body of empty parts must not eat the inodes
URLENCODED = "application/x-www-form-urlencoded"
TEXT_FIELDS = ("text", "name")  # a text sent from the page, and the file name it wants
TEXT_FORM_CAP = 3 * TEXT_LIMIT + 4096  # a form's text percent-encoded, and its name
TEXT_NAME_PATTERN = "text-%Y%m%d-%H%M%S.txt"  # strftime, in the server's local time
TEXT_TOO_LARGE = N_("The text is larger than this share accepts.")


@dataclass(frozen=True, slots=True)
class Stored:
    name: str
    url: str
    replaced: bool = False  # a PUT over an existing file (204, not 201)
    identity: tuple[int, int] | None = None  # a new file's device and inode, to withdraw it


class LockCheck(Protocol):
    """The WebDAV lock check of one request (``DavLocks.check_write`` bound to it, see
    server/routes_writes.py ``lock_check``): 423 when a lock whose token the request did not
    submit holds ``raw_path`` (a percent-encoded URL path) or, with ``membership``, the folder
    it is a new member of; 412 when the request's If header is false. ``written``: the request
    writes that very name (so it is keyed as the write cleans it)."""

    def __call__(self, raw_path: str, *, membership: bool = True,
                 written: bool = False) -> None: ...


def check_same_origin(request: Request, *, tls: bool) -> None:
    """Refuse state-changing requests a hostile page could make a visitor's browser send.

    Browsers send Sec-Fetch-Site and/or Origin; scripts (curl) send neither and are let
    through (they are not exposed to cross-site requests and still need credentials). The
    Origin must be this share's: its scheme and its host and port."""
    site = request.header("sec-fetch-site")
    if site and site not in ("same-origin", "none"):
        raise HttpError(403, N_("Changes must come from Pier's own page."), close=True)
    origin = request.header("origin")
    if not origin:
        return
    parts = urlsplit(origin)
    if (origin == "null" or parts.scheme.lower() != ("https" if tls else "http")
            or parts.netloc.lower() != request.header("host").lower()):
        raise HttpError(403, N_("Changes must come from Pier's own page."), close=True)


MULTIPART_ALLOWANCE = 64 * 1024  # a form's boundaries and part headers around its files


def request_cap(request: Request, limit: int | None) -> int | None:
    """The most body a request may send: the file limit, plus room for a form's framing (so a
    browser may upload a file of exactly the limit)."""
    if limit is None:
        return None
    return limit if request.method == "PUT" else limit + MULTIPART_ALLOWANCE


def check_declared_size(request: Request, limit: int | None) -> None:
    cap = request_cap(request, limit)
    if cap is not None and request.content_length > cap:
        raise UploadRefused(413, N_("The upload is larger than this share accepts."))


def store_put(body: RequestBody, request: Request, access: FileAccess, folder: Resolved,
              raw_name: str, *, limit: int | None) -> Stored:
    """PUT /folder/name: the raw body becomes the file. Over an existing file it replaces it
    where the policy allows REPLACE, else 409 (RFC 4918: never a "name (1)" copy; Windows
    writes an empty file first, then the real one under the same name). A name that is not
    UTF-8 (POSIX bytes) is only ever the file that has it, saved over (a WebDAV editor)."""
    name = clean_name(raw_name, kept=True)
    expected = None if request.chunked else request.content_length
    with access.open_folder(folder.fs_path) as opened, \
            access.upload(opened, folder.url_path, name, max_size=limit,
                          expected_size=expected, rename=False,
                          existing_only=not is_utf8(name)) as upload:
        while chunk := body.read():
            upload.write(chunk)
        final = upload.commit()
        replaced = upload.replaces
    return Stored(final, url_quote(folder.url_path + final), replaced)


def store_multipart(body: RequestBody, request: Request, access: FileAccess, folder: Resolved,
                    *, locks: LockCheck, limit: int | None, show_hidden: bool,
                    replace: bool = False, fields: dict[str, str] | None = None
                    ) -> list[Stored]:
    """POST /folder/ as multipart/form-data: every part named "file" is stored; a part's file
    name may carry a relative path (folder uploads), whose folders are created where the
    policy allows it. A name that exists gets a free one ("name (1).ext") unless ``replace``
    (--overwrite) and the policy allows REPLACE. ``limit`` caps each file and the files of the
    request together, however the body is framed (the form's own framing gets a small
    allowance on top). The fields "text" and "name" (parts without a file name) go into
    ``fields`` when it is given. WebDAV ``locks`` are asked before a folder is made and before
    each file gets its name (check_new_folders, check_lock_on_name). Refused part way (a later
    file too large or locked, a broken body), the files already saved are withdrawn: the form
    is saved whole or not at all."""
    stored: list[Stored] = []
    try:
        _store_parts(body, request, access, folder, stored, locks=locks, limit=limit,
                     show_hidden=show_hidden, replace=replace, fields=fields)
    except BaseException:
        withdraw(access, stored)
        raise
    return stored


def withdraw(access: FileAccess, stored: list[Stored]) -> None:
    """Take back the new files of a request refused after they were saved (files that
    replaced another cannot be taken back and stay)."""
    for item in stored:
        if item.identity is None or item.replaced:
            continue
        where, _, name = item.url.rpartition("/")
        with contextlib.suppress(HttpError):
            access.withdraw_upload(where + "/", unquote(name), item.identity)


def check_new_folders(locks: LockCheck, access: FileAccess, folder: Resolved,
                      names: list[str], checked: set[str]) -> None:
    """Before ``access.make_folders(folder, names)``: each folder it will create is a new
    member of the folder above it, which that folder's locks protect (RFC 4918 §7.4); a folder
    that exists is only entered. ``checked``: the folders of this request asked already."""
    url = folder.url_path
    for name in names:
        url += name + "/"
        if url in checked:
            continue
        checked.add(url)
        if not _exists(access, url_quote(url)):
            locks(url_quote(url), written=True)


def check_lock_on_name(locks: LockCheck, url: str, name: str, *, replaces: bool) -> None:
    """Before an upload's file gets its name in the folder at ``url``: replacing ``name``
    changes its content only, so the locks on it hold it back; otherwise the file (as ``name``
    or a free "name (1)") is a new member of the folder, which the folder's locks, depth 0 or
    infinity, protect (so a locked ``name`` does not stop a free "name (1)")."""
    if replaces:
        locks(url_quote(url + name), membership=False, written=True)
    else:
        locks(url_quote(url), membership=False)


def will_replace(access: FileAccess, url: str, name: str, *, overwrite: bool) -> bool:
    """Whether an upload of ``name`` into the folder at ``url`` would take over what has that
    name, as FileAccess.upload and finish_partial decide: with --overwrite (``overwrite``),
    where the policy allows REPLACE and something has the name."""
    return overwrite and access.may(Action.REPLACE, url + name) and \
        _exists(access, url_quote(url + name))


def _exists(access: FileAccess, raw_path: str) -> bool:
    """Whether the share has something at ``raw_path``, whoever may see it (404: nothing, or
    one of Pier's own, which no upload creates)."""
    try:
        access.locate(raw_path)
    except HttpError as err:
        return err.status != 404
    return True


def _store_parts(body: RequestBody, request: Request, access: FileAccess, folder: Resolved,
                 stored: list[Stored], *, locks: LockCheck, limit: int | None,
                 show_hidden: bool, replace: bool, fields: dict[str, str] | None) -> None:
    cap = request_cap(request, limit)

    def read(n: int) -> bytes:
        data = body.read(n)
        if cap is not None and body.received > cap:
            raise UploadRefused(413, N_("The upload is larger than this share accepts."))
        return data

    if request.content_length:
        _check_space(access, folder, request.content_length)
    reader = MultipartReader(request.header("content-type"), read, None)
    budget = FolderBudget()
    checked: set[str] = set()  # folders on the way already asked about locks
    room = limit  # what the request's files may still add up to
    for part in reader.parts():
        if fields is not None and part.name in TEXT_FIELDS and not part.filename:
            fields[part.name] = _text_of(b"".join(_capped(part.chunks(), TEXT_FORM_CAP)))
            continue
        if part.name != "file" or not part.filename:
            continue
        if len(stored) >= MAX_FILES_PER_REQUEST:
            raise UploadRefused(413, N_("The upload holds too many files; send fewer at a time."))
        parts = clean_relative_path(part.filename, allow_hidden=show_hidden)
        check_new_folders(locks, access, folder, parts[:-1], checked)
        opened, url = access.make_folders(folder, parts[:-1], budget)
        with opened, access.upload(opened, url, parts[-1], max_size=room,
                                   replace=replace) as upload:
            check_lock_on_name(locks, url, parts[-1], replaces=upload.replaces)  # before the
            for chunk in part.chunks():  # bytes are sent for nothing
                upload.write(chunk)
            check_lock_on_name(locks, url, parts[-1], replaces=upload.replaces)  # taken since?
            final = upload.commit()
        if room is not None:
            room -= upload.size
        relative = "/".join([*parts[:-1], final])
        stored.append(Stored(relative, url_quote(folder.url_path + relative), upload.replaces,
                             upload.identity))
    if not reader.finished:
        raise UploadRefused(400, N_("The upload ended before its closing boundary."))
    body.drain(MAX_EPILOGUE)


def _capped(chunks: Iterable[bytes], cap: int) -> Iterator[bytes]:
    seen = 0
    for chunk in chunks:
        seen += len(chunk)
        if seen > cap:
            raise UploadRefused(413, TEXT_TOO_LARGE)
        yield chunk


def _text_of(data: bytes) -> str:
    try:
        return data.decode("utf-8")
    except UnicodeDecodeError:
        raise UploadRefused(400, N_("The text is not valid UTF-8.")) from None


def read_text_form(body: RequestBody, request: Request) -> dict[str, str]:
    """The fields "text" and "name" of an application/x-www-form-urlencoded body (UTF-8);
    one declared too large is refused before it is read."""
    if request.content_length > TEXT_FORM_CAP:
        raise UploadRefused(413, TEXT_TOO_LARGE)

    def chunks() -> Iterator[bytes]:
        while chunk := body.read():
            yield chunk

    raw = _text_of(b"".join(_capped(chunks(), TEXT_FORM_CAP)))
    try:
        parsed = parse_qs(raw, keep_blank_values=True, errors="strict", max_num_fields=16)
    except (ValueError, UnicodeDecodeError):
        raise UploadRefused(400, N_("The form could not be read.")) from None
    return {key: values[0] for key, values in parsed.items() if key in TEXT_FIELDS}


def text_file_name(raw_name: str, default_name: str) -> str:
    """The name a text is saved under: the one asked for (the upload name rules, ".txt" added
    when it has another ending) or ``default_name``."""
    if not raw_name.strip():
        return default_name
    name = clean_name(raw_name.strip())
    return name if name.lower().endswith(".txt") else clean_name(name + ".txt")


def store_text(access: FileAccess, folder: Resolved, text: str, raw_name: str, *,
               locks: LockCheck, default_name: str, limit: int | None,
               replace: bool = False) -> Stored:
    """A text sent from the page becomes a UTF-8 file in ``folder`` (collisions as a form's
    uploads: a free name unless ``replace``, the share's --overwrite; WebDAV locks as
    check_lock_on_name)."""
    if not text:
        raise UploadRefused(400, N_("The text is empty."))
    data = text.encode("utf-8")
    if len(data) > (TEXT_LIMIT if limit is None else min(limit, TEXT_LIMIT)):
        raise UploadRefused(413, TEXT_TOO_LARGE)
    name = text_file_name(raw_name, default_name)
    with access.open_folder(folder.fs_path) as opened, \
            access.upload(opened, folder.url_path, name, max_size=limit,
                          expected_size=len(data), replace=replace) as upload:  # checks space
        check_lock_on_name(locks, folder.url_path, name, replaces=upload.replaces)
        upload.write(data)
        final = upload.commit()
    return Stored(final, url_quote(folder.url_path + final))


def _check_space(access: FileAccess, folder: Resolved, needed: int) -> None:
    with access.open_folder(folder.fs_path) as opened:
        check_free_space(opened, needed)


def make_folder(access: FileAccess, folder: Resolved, raw_name: str) -> Stored:
    name = clean_name(raw_name)
    access.new_folder(folder, name)
    return Stored(name, url_quote(folder.url_path + name + "/"))


def created_body(stored: list[Stored], folder_url: str, as_json: bool) -> tuple[bytes, bytes]:
    """(content type header, body) of a 201 answer."""
    if as_json:
        doc = {"files": [{"name": s.name, "url": s.url} for s in stored]}
        return (b"Content-Type: application/json; charset=utf-8\r\n",
                json_safe(json.dumps(doc, ensure_ascii=False)).encode("utf-8"))
    items = "".join(f'<li><a href="{display_text(s.url)}">{display_text(s.name)}</a></li>'
                    for s in stored)
    page = (f"<!doctype html><meta charset=utf-8><title>Uploaded</title>"
            f"<link rel=stylesheet href={STYLESHEET_URL}>"
            f"<main class=page><h1>Done</h1><ul>{items}</ul>"
            f'<p><a href="{display_text(url_quote(folder_url))}">Back to the folder</a></p></main>')
    return b"Content-Type: text/html; charset=utf-8\r\n", page.encode("utf-8")


def zip_file_name(folder: Resolved, server_name: str) -> str:
    name = folder.url_path.rstrip("/").rsplit("/", 1)[-1] or server_name or "share"
    return f"{name}.zip"
