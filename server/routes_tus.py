"""Resumable uploads: the tus 1.0.0 protocol (https://tus.io/protocols/resumable-upload) at
``/.well-known/pier/tus/``, with the extensions creation, creation-with-upload, termination,
expiration and checksum.

``POST`` creates an upload (``Upload-Length``; ``Upload-Metadata`` with ``filename``, which may
be a relative path, and ``folder``, the share path of the target folder); ``PATCH`` appends at
``Upload-Offset``; ``HEAD`` says how far it got; ``DELETE`` ends it. The records are the tus
store's (server/tus_store.py); the bytes go to a partial file in the target folder
(server/tus_partial.py), reached only through the access policy's FileAccess, which checks on
every request that the account may still create the file there. Only the account that started
an upload sees it: for anyone else it does not exist (404). When the last byte arrives the file
appears under its name with the collision rules of every upload, and its URL is given in
``Pier-File-URL`` (``Location`` keeps its tus meaning: the upload's own URL).

WebDAV locks (the engine's one DavLocks) are asked at creation, before a folder is made, and
again when the file gets its name: a new file needs the target folder unlocked, a replaced one
(--overwrite) the file itself; else 423 (for the lock's own principal, unless the request's If
header submits its token). A finished upload refused so stays complete and unpublished: an
empty PATCH at its length tries again.
"""

from __future__ import annotations

import base64
import binascii
import contextlib
import hashlib
import re
from collections.abc import Callable
from typing import Any

from server import writes
from server.admission import client_group
from server.call import Call, RequestBody
from server.clock import SYSTEM_CLOCK, Clock
from server.config import ServerConfig
from server.files import Resolved, url_quote
from server.http11 import HttpError, http_date
from server.page_i18n import N_
from server.portable_folders import Folder
from server.response import NO_STORE, Response
from server.routes_dav_locks import DavLocks
from server.routes_writes import lock_check
from server.tus_store import Activity, TooManyUploads, TusStore, TusUpload, UploadBusy, mark
from server.uploads import DISK_MARGIN, UploadRefused, check_free_space, clean_relative_path

TUS_PREFIX = "/.well-known/pier/tus/"
VERSION = "1.0.0"
RESUMABLE = b"Tus-Resumable: 1.0.0\r\n"
ALLOW_TUS = b"Allow: OPTIONS, HEAD, POST, PATCH, DELETE\r\n"
TUS_METHODS = frozenset({"OPTIONS", "HEAD", "POST", "PATCH", "DELETE"})
EXTENSIONS = "creation,creation-with-upload,termination,expiration,checksum"
CHECKSUMS: dict[str, Callable[[], Any]] = {
    "sha1": hashlib.sha1, "sha256": hashlib.sha256, "sha512": hashlib.sha512,
    "md5": hashlib.md5,
}
OFFSET_TYPE = "application/offset+octet-stream"
MAX_METADATA = 8192  # bytes of Upload-Metadata (a header line is at most 8 KiB anyway)
CHECKSUM_MISMATCH = 460
_NUMBER = re.compile(r"[0-9]{1,19}")
_METADATA_KEY = re.compile(r"[!#$%&'*+.^_`|~0-9A-Za-z-]{1,64}")  # a token, no spaces or commas
MAX_LENGTH = 2**63 - 1


class TusRoutes:
    """The tus endpoint. ``disk_margin``: free space every chunk must leave behind."""

    def __init__(self, config: ServerConfig, *, clock: Clock = SYSTEM_CLOCK,
                 store: TusStore | None = None, disk_margin: int = DISK_MARGIN,
                 locks: DavLocks | None = None) -> None:
        """``locks``: the engine's WebDAV locks (none taken when not given)."""
        self._config = config
        self.store = store or TusStore(config.tus_state, clock=clock)
        self._margin = disk_margin
        self._locks = locks or DavLocks(clock)

    def options(self) -> Response:
        """What this server speaks (no login needed, as for any OPTIONS)."""
        headers = (RESUMABLE + b"Tus-Version: " + VERSION.encode() + b"\r\n"
                   + b"Tus-Extension: " + EXTENSIONS.encode() + b"\r\n"
                   + b"Tus-Checksum-Algorithm: " + ",".join(CHECKSUMS).encode() + b"\r\n")
        if self._config.max_upload_bytes is not None:
            headers += f"Tus-Max-Size: {self._config.max_upload_bytes}\r\n".encode()
        return Response(204, headers + ALLOW_TUS)

    def route(self, call: Call) -> Response:
        """POST, PATCH, HEAD, DELETE; the router has logged the user in and bound the policy
        (``call.files``), and given POST and PATCH their body."""
        request = call.request
        if request.header("tus-resumable") != VERSION:
            raise HttpError(412, "This server speaks tus 1.0.0 (Tus-Resumable: 1.0.0).",
                            close=False, headers=b"Tus-Version: 1.0.0\r\n")
        if request.method != "HEAD":
            writes.check_same_origin(request, tls=call.tls)
        self.store.maybe_sweep()
        if request.method == "POST":
            return self._create(call)
        upload = self.store.get(call.path[len(TUS_PREFIX):])
        owner = call.user.name if call.user is not None else None
        if upload is None or upload.owner != owner:
            raise HttpError(404, N_("No such upload."), close=False)
        self.store.seen(upload, call.client)
        try:
            return self._existing(call, upload)
        finally:
            call.upload = mark(upload)  # for the log, whatever the answer

    def _existing(self, call: Call, upload: TusUpload) -> Response:
        request = call.request
        if request.method == "HEAD":
            self._folder(call, upload)  # the account may still upload there
            return Response(200, NO_STORE + _state(upload))
        try:
            with self.store.hold(upload):
                if request.method == "PATCH":
                    return self._patch(call, upload)
                return self._terminate(call, upload)
        except UploadBusy:
            raise HttpError(423, N_("Another request is sending to this upload right now."),
                            close=False, headers=b"Retry-After: 1\r\n") from None
        except LookupError:  # ended by another request meanwhile
            raise HttpError(404, N_("No such upload."), close=False) from None

    # -- creation (and creation-with-upload) ---------------------------------------------------

    def _create(self, call: Call) -> Response:
        request = call.request
        if call.path != TUS_PREFIX:
            raise HttpError(404, "Create uploads at " + TUS_PREFIX, close=False)
        if request.header("upload-defer-length"):
            raise HttpError(400, "Send Upload-Length; a deferred length is not supported.")
        length = _number(request.header("upload-length"), "Upload-Length")
        limit = self._config.max_upload_bytes
        if limit is not None and length > limit:
            raise UploadRefused(413, N_("The file is larger than this share accepts."))
        metadata = request.header("upload-metadata")
        fields = parse_metadata(metadata)
        if "filename" not in fields:
            raise HttpError(400, "Upload-Metadata needs a filename.")
        parts = clean_relative_path(_text(fields, "filename"),
                                    allow_hidden=self._config.show_hidden)
        folder_text = _text(fields, "folder") if "folder" in fields else "/"
        if not folder_text.startswith("/"):
            raise HttpError(400, "The folder must be a share path starting with '/'.")
        with_data = request.content_length > 0 or request.chunked
        if with_data:
            _check_content_type(request.header("content-type"))
            if request.content_length > length:
                raise UploadRefused(413, N_("The request holds more than Upload-Length."))
        owner = call.user.name if call.user is not None else None
        quota = owner if owner is not None else "anonymous@" + client_group(call.client)
        try:
            self.store.check_room(quota)
        except TooManyUploads as err:
            raise HttpError(429, err.reason, fields=err.fields) from None
        folder = call.files.write_folder(url_quote(folder_text.rstrip("/") + "/"))
        with call.files.open_folder(folder.fs_path) as opened:  # before any folder is made
            check_free_space(opened, length, self._margin)
        self._check_locks(call, folder.url_path + "".join(p + "/" for p in parts[:-1]),
                          parts[-1], new_folders=(folder, parts[:-1]))
        opened, url = call.files.make_folders(folder, parts[:-1])
        with opened:
            check_free_space(opened, length, self._margin)
            partial = call.files.new_partial(opened, url, parts[-1])
            try:
                upload_id, upload = self.store.add(
                    owner=owner, quota=quota, folder_url=url, folder_path=opened.path,
                    name=parts[-1], partial=partial, length=length, metadata=metadata)
            except (TooManyUploads, OSError) as err:
                call.files.discard_partial(opened, url, parts[-1], partial)
                if isinstance(err, TooManyUploads):
                    raise HttpError(429, err.reason, fields=err.fields) from None
                raise UploadRefused(500, N_("Could not record the upload.")) from None
            self.store.seen(upload, call.client)
            try:
                if with_data:
                    self._receive(call, upload, opened)
                if upload.offset == upload.length:
                    self._finish(call, upload, opened)
            except BaseException:  # the client never learns the upload's URL: nothing stays
                self._abandon(call, upload, opened)
                raise
        call.upload = mark(upload)
        location = b"Location: " + (TUS_PREFIX + upload_id).encode("ascii") + b"\r\n"
        return Response(201, location + _progress(upload))

    def _abandon(self, call: Call, upload: TusUpload, opened: Folder) -> None:
        if not upload.finished:
            with contextlib.suppress(OSError, HttpError):
                call.files.discard_partial(opened, upload.folder_url, upload.name,
                                           upload.partial)
        self.store.forget(upload)

    # -- PATCH ---------------------------------------------------------------------------------

    def _patch(self, call: Call, upload: TusUpload) -> Response:
        request = call.request
        _check_content_type(request.header("content-type"))
        offset = _number(request.header("upload-offset"), "Upload-Offset")
        if offset != upload.offset:
            raise HttpError(409, N_("The upload is at offset %(offset)s."),
                            fields={"offset": upload.offset}, close=False,
                            headers=f"Upload-Offset: {upload.offset}\r\n".encode())
        if request.content_length > upload.length - offset:
            raise UploadRefused(413, N_("The request holds more than the upload still needs."))
        folder = self._folder(call, upload)
        if upload.finished:
            if request.content_length or request.chunked:
                raise UploadRefused(413, N_("The upload is complete."))
            return Response(204, _progress(upload))
        with call.files.open_folder(folder) as opened:
            self._receive(call, upload, opened)
            if upload.offset == upload.length:
                self._finish(call, upload, opened)
        return Response(204, _progress(upload))

    def _receive(self, call: Call, upload: TusUpload, opened: Folder) -> None:
        """Append the request's body at the upload's offset. A checksum mismatch (460), a
        refusal or a cut connection with a checksum drops the whole chunk; a cut connection
        without one keeps what arrived; a cancel from the window drops the chunk (404)."""
        activity = self.store.seen(upload, call.client)
        activity.receiving += 1
        activity.pending = 0
        activity.abort = call.abort
        try:
            self._append(call, upload, opened, activity)
        finally:
            activity.receiving -= 1
            activity.pending = 0
            activity.abort = None

    def _append(self, call: Call, upload: TusUpload, opened: Folder, activity: Activity) -> None:
        request = call.request
        expected = _checksum(request.header("upload-checksum"))
        start = upload.offset
        room = upload.length - start
        check_free_space(opened, request.content_length or room, self._margin)
        body = _body(call)
        digest = CHECKSUMS[expected[0]]() if expected else None
        with call.files.open_partial(opened, upload.folder_url, upload.name, upload.partial,
                                     disk_margin=self._margin) as part:
            found = part.resume_at(start)
            if found != start:  # bytes lost behind our back (a crash before they were synced)
                upload.offset = found
                self.store.save(upload, touched=False)
                raise HttpError(409, N_("The upload is at offset %(offset)s."),
                                fields={"offset": found},
                                headers=f"Upload-Offset: {found}\r\n".encode())
            written = 0
            try:
                while chunk := body.read():
                    if written + len(chunk) > room:
                        raise UploadRefused(413, N_("The request holds more than Upload-Length."))
                    if activity.cancelled:
                        raise HttpError(404, N_("The upload was cancelled."))
                    part.write(chunk)
                    written += len(chunk)
                    activity.pending = written
                    if digest is not None:
                        digest.update(chunk)
                if expected is not None and digest is not None \
                        and digest.digest() != expected[1]:
                    raise HttpError(CHECKSUM_MISMATCH, "Checksum Mismatch: the chunk was "
                                    "dropped; send it again.", close=False)
                if start + written == upload.length:
                    part.sync()  # durable before it gets its name; chunks before are not
                    # synced one by one (as a PUT is not): after a power cut, resume_at finds
                    # what the disk kept and the client is told the offset
            except (ConnectionError, TimeoutError):
                if expected is None and written:  # keep what arrived: the client resumes there
                    part.sync()
                    upload.offset = start + written
                    self.store.save(upload)
                else:
                    part.cut(start)
                raise
            except BaseException:
                part.cut(start)
                raise
        upload.offset = start + written
        self.store.save(upload, touched=written > 0)

    def _check_locks(self, call: Call, url: str, name: str, *,
                     new_folders: tuple[Resolved, list[str]] | None = None) -> None:
        """423 when a WebDAV lock holds the folders to make (``new_folders``: below which
        folder), the folder at ``url`` the file joins, or the file it replaces."""
        locks = lock_check(self._locks, call)
        if new_folders is not None:
            writes.check_new_folders(locks, call.files, *new_folders, set())
        replaces = writes.will_replace(call.files, url, name, overwrite=self._config.overwrite)
        writes.check_lock_on_name(locks, url, name, replaces=replaces)

    def _finish(self, call: Call, upload: TusUpload, opened: Folder) -> None:
        """The last byte is in: the file appears under its name (or a free one), unless a
        WebDAV lock holds it back (423; the upload stays complete, unpublished)."""
        self._check_locks(call, upload.folder_url, upload.name)
        final = call.files.finish_partial(opened, upload.folder_url, upload.name,
                                          upload.partial, replace=self._config.overwrite)
        upload.file_url = url_quote(upload.folder_url + final)
        self.store.save(upload)

    # -- termination ---------------------------------------------------------------------------

    def _terminate(self, call: Call, upload: TusUpload) -> Response:
        folder = self._folder(call, upload)
        if not upload.finished:
            with call.files.open_folder(folder) as opened:
                call.files.discard_partial(opened, upload.folder_url, upload.name,
                                           upload.partial)
        self.store.forget(upload)
        return Response(204)

    def _folder(self, call: Call, upload: TusUpload) -> str:
        """The target folder's real path, once the policy says this account may still create
        files in it (403/404 otherwise)."""
        return call.files.write_folder(url_quote(upload.folder_url)).fs_path


def parse_metadata(raw: str) -> dict[str, bytes]:
    """Upload-Metadata: comma-separated "key base64value" pairs (the value may be left out)."""
    if len(raw) > MAX_METADATA:
        raise HttpError(400, "Upload-Metadata is too long.")
    found: dict[str, bytes] = {}
    for pair in raw.split(","):
        pair = pair.strip(" ")
        if not pair and not raw.strip(" "):
            continue
        key, _, value = pair.partition(" ")
        if not _METADATA_KEY.fullmatch(key) or key in found:
            raise HttpError(400, "Upload-Metadata holds a bad or repeated key.")
        try:
            found[key] = base64.b64decode(value, validate=True)
        except (binascii.Error, ValueError):
            raise HttpError(400, f"Upload-Metadata: {key} is not base64.") from None
    return found


def _text(fields: dict[str, bytes], key: str) -> str:
    try:
        return fields[key].decode("utf-8")
    except UnicodeDecodeError:
        raise HttpError(400, f"Upload-Metadata: {key} is not UTF-8 text.") from None


def _number(text: str, name: str) -> int:
    if not _NUMBER.fullmatch(text) or int(text) > MAX_LENGTH:
        raise HttpError(400, f"{name} must be a whole number of bytes.", close=False)
    return int(text)


def _check_content_type(value: str) -> None:
    if value.partition(";")[0].strip().lower() != OFFSET_TYPE:
        raise HttpError(415, f"Send upload data as {OFFSET_TYPE}.")


def _checksum(header: str) -> tuple[str, bytes] | None:
    """(algorithm, digest) of Upload-Checksum, or None when there is none."""
    if not header:
        return None
    algorithm, _, encoded = header.strip().partition(" ")
    if algorithm not in CHECKSUMS:
        raise HttpError(400, "Unsupported checksum algorithm; see Tus-Checksum-Algorithm.")
    try:
        digest = base64.b64decode(encoded.strip(), validate=True)
    except (binascii.Error, ValueError):
        raise HttpError(400, "Upload-Checksum is not base64.") from None
    if len(digest) != CHECKSUMS[algorithm]().digest_size:
        raise HttpError(400, f"Upload-Checksum is not a {algorithm} digest.")
    return algorithm, digest


def _body(call: Call) -> RequestBody:
    assert call.body is not None, "the router gives POST and PATCH their body"
    return call.body


def _progress(upload: TusUpload) -> bytes:
    """Upload-Offset, and Upload-Expires or, once finished, Pier-File-URL."""
    lines = f"Upload-Offset: {upload.offset}\r\n"
    if upload.file_url is not None:
        lines += f"Pier-File-URL: {upload.file_url}\r\n"
    else:
        lines += f"Upload-Expires: {http_date(upload.expires)}\r\n"
    return lines.encode("ascii")


def _state(upload: TusUpload) -> bytes:
    """What HEAD says of an upload."""
    extra = f"Upload-Length: {upload.length}\r\n"
    if upload.metadata:
        extra += f"Upload-Metadata: {upload.metadata}\r\n"
    return _progress(upload) + extra.encode("latin-1")
