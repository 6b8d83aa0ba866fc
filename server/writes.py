"""Requests that change the share or stream an archive of it: uploads (PUT and multipart
POST), new folders, and a folder as a streamed .zip. The handler routes here; the file-level
rules live in server.uploads and server.zipstream."""

from __future__ import annotations

import json
import os
from collections.abc import Iterator
from dataclasses import dataclass
from urllib.parse import urlsplit

from server.connection import BodyReader, Connection
from server.files import Resolved, is_servable, url_quote
from server.http11 import HttpError, Request
from server.pages import display_text
from server.uploads import (
    MultipartReader,
    UploadFile,
    UploadRefused,
    clean_name,
    clean_relative_path,
    is_temp_name,
)
from server.zipstream import ZipItem

MAX_EPILOGUE = 64 * 1024
CONTINUE = b"HTTP/1.1 100 Continue\r\n\r\n"


@dataclass(frozen=True, slots=True)
class Stored:
    name: str
    url: str


def check_same_origin(request: Request) -> None:
    """Refuse state-changing requests a hostile page could make a visitor's browser send.

    Browsers send Sec-Fetch-Site and/or Origin; scripts (curl) send neither and are let
    through (they are not exposed to cross-site requests and still need credentials)."""
    site = request.header("sec-fetch-site")
    if site and site not in ("same-origin", "none"):
        raise HttpError(403, "Changes must come from Pier's own page.", close=True)
    origin = request.header("origin")
    if not origin:
        return
    if origin == "null" or urlsplit(origin).netloc.lower() != request.header("host").lower():
        raise HttpError(403, "Changes must come from Pier's own page.", close=True)


def expect_continue(conn: Connection, request: Request) -> None:
    """Tell a client waiting on Expect: 100-continue to send the body (all checks passed)."""
    if request.version == "HTTP/1.1" and request.header("expect").lower() == "100-continue":
        conn.sock.sendall(CONTINUE)


def check_declared_size(request: Request, limit: int | None) -> None:
    if limit is not None and request.content_length > limit:
        raise UploadRefused(413, "The upload is larger than this share accepts.")


def store_put(conn: Connection, request: Request, folder: Resolved, raw_name: str, *,
              overwrite: bool, limit: int | None) -> tuple[Stored, int]:
    """PUT /folder/name: the raw body becomes the file. Returns what was stored and the
    bytes received."""
    name = clean_name(raw_name)
    target = os.path.join(folder.fs_path, name)
    if os.path.isdir(target):
        raise UploadRefused(409, "A folder with that name exists.", close=False)
    expected = None if request.chunked else request.content_length
    body = BodyReader(conn, request.content_length, request.chunked)
    with UploadFile(folder.fs_path, name, overwrite=overwrite, max_size=limit,
                    expected_size=expected) as upload:
        expect_continue(conn, request)
        while chunk := body.read():
            upload.write(chunk)
        final = upload.commit()
    return Stored(final, url_quote(folder.url_path + final)), body.received


def store_multipart(conn: Connection, request: Request, folder: Resolved, *,
                    overwrite: bool, limit: int | None, show_hidden: bool
                    ) -> tuple[list[Stored], int]:
    """POST /folder/ as multipart/form-data: every part named "file" is stored; a part's file
    name may carry a relative path (folder uploads), whose folders are created."""
    body = BodyReader(conn, request.content_length, request.chunked)
    reader = MultipartReader(request.header("content-type"), body.read, None)
    expect_continue(conn, request)
    stored: list[Stored] = []
    for part in reader.parts():
        if part.name != "file" or not part.filename:
            continue
        parts = clean_relative_path(part.filename, allow_hidden=show_hidden)
        destination = _make_subfolders(folder.fs_path, parts[:-1])
        with UploadFile(destination, parts[-1], overwrite=overwrite, max_size=limit) as upload:
            for chunk in part.chunks():
                upload.write(chunk)
            final = upload.commit()
        relative = "/".join([*parts[:-1], final])
        stored.append(Stored(relative, url_quote(folder.url_path + relative)))
    if not reader.finished:
        raise UploadRefused(400, "The upload ended before its closing boundary.")
    body.drain(MAX_EPILOGUE)
    return stored, body.received


def _make_subfolders(base: str, names: list[str]) -> str:
    path = base
    for name in names:
        path = os.path.join(path, name)
        if os.path.islink(path):
            raise UploadRefused(409, "A link with that folder name exists.", close=False)
        try:
            os.mkdir(path)
        except FileExistsError:
            if not os.path.isdir(path):
                raise UploadRefused(409, "A file with that folder name exists.",
                                    close=False) from None
        except OSError as err:
            raise UploadRefused(403, f"Cannot create the folder: {err.strerror}.") from None
    return path


def make_folder(folder: Resolved, raw_name: str) -> Stored:
    name = clean_name(raw_name)
    try:
        os.mkdir(os.path.join(folder.fs_path, name))
    except FileExistsError:
        raise UploadRefused(409, "Something with that name already exists.", close=False) from None
    except OSError as err:
        raise UploadRefused(403, f"Cannot create the folder: {err.strerror}.",
                            close=False) from None
    return Stored(name, url_quote(folder.url_path + name + "/"))


def created_body(stored: list[Stored], folder_url: str, as_json: bool) -> tuple[bytes, bytes]:
    """(content type header, body) of a 201 answer."""
    if as_json:
        doc = {"files": [{"name": s.name, "url": s.url} for s in stored]}
        return (b"Content-Type: application/json; charset=utf-8\r\n",
                json.dumps(doc, ensure_ascii=False).encode("utf-8"))
    items = "".join(f'<li><a href="{display_text(s.url)}">{display_text(s.name)}</a></li>'
                    for s in stored)
    page = (f"<!doctype html><meta charset=utf-8><title>Uploaded</title>"
            f"<link rel=stylesheet href=/.well-known/pier/assets/style.css>"
            f"<main class=page><h1>Done</h1><ul>{items}</ul>"
            f'<p><a href="{display_text(url_quote(folder_url))}">Back to the folder</a></p></main>')
    return b"Content-Type: text/html; charset=utf-8\r\n", page.encode("utf-8")


def zip_items(folder: Resolved, root: str, *, show_hidden: bool,
              protected: tuple[str, ...]) -> Iterator[ZipItem]:
    """What a folder's zip holds: what its listing would show, recursively. Symlinks are left
    out (a link may point anywhere, even back up the tree), and so are upload temp files."""
    for current, dirs, files in os.walk(folder.fs_path, followlinks=False):
        relative = os.path.relpath(current, folder.fs_path)
        prefix = "" if relative == "." else relative.replace(os.sep, "/") + "/"
        dirs[:] = sorted(d for d in dirs if _zippable(os.path.join(current, d), d, root,
                                                      show_hidden, protected))
        if prefix and not files and not dirs:
            yield ZipItem(prefix, None, 0, os.stat(current).st_mtime)
        for name in sorted(files):
            path = os.path.join(current, name)
            if not _zippable(path, name, root, show_hidden, protected):
                continue
            try:
                st = os.lstat(path)
            except OSError:
                continue
            yield ZipItem(prefix + name, path, st.st_size, st.st_mtime)


def _zippable(path: str, name: str, root: str, show_hidden: bool,
              protected: tuple[str, ...]) -> bool:
    if is_temp_name(name) or (name.startswith(".") and not show_hidden):
        return False
    if os.path.islink(path):
        return False
    return is_servable(path, root, show_hidden=show_hidden, protected=protected)


def zip_file_name(folder: Resolved, server_name: str) -> str:
    name = folder.url_path.rstrip("/").rsplit("/", 1)[-1] or server_name or "share"
    return f"{name}.zip"
