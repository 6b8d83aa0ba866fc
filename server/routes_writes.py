"""Changes: PUT, multipart POST, texts (a form's ``text`` field) and new folders, each through
the access policy's FileAccess (server/access.py); the file-level rules are server/writes.py's.
WebDAV locks (the engine's one DavLocks, server/routes_dav_locks.py) hold back a form's files
and texts and a new folder as they hold back PUT and MKCOL (the router asks for PUT).
A saved text is told to the engine's TextBoard (server/text_board.py)."""

from __future__ import annotations

import time
from dataclasses import replace

from server import writes
from server.call import Call, RequestBody
from server.clock import SYSTEM_CLOCK, Clock
from server.config import ServerConfig
from server.files import Resolved, decode_url_path, url_quote
from server.http11 import HttpError
from server.page_i18n import N_
from server.response import NOSNIFF, Response
from server.routes_dav_locks import DavLocks, DavRefused
from server.text_board import TextBoard, TextReceived
from server.uploads import clean_name

MAX_DRAINED_BODY = 64 * 1024  # what a request that needs no body may still send us
SWEPT_REMEMBERED = 4096  # folders remembered as swept; then the memory starts again
LOCKED = N_("It is locked (WebDAV) while someone changes it; try again later.")


class WriteRoutes:
    def __init__(self, config: ServerConfig, texts: TextBoard | None = None,
                 clock: Clock = SYSTEM_CLOCK, *, locks: DavLocks | None = None) -> None:
        """``locks``: the engine's WebDAV locks (none taken when not given)."""
        self._config = config
        self._texts = texts or TextBoard(clock)
        self._clock = clock
        self._locks = locks or DavLocks(clock)
        self._swept: set[str] = set()  # folders cleared of stale upload temp files

    def change(self, call: Call) -> Response:
        """PUT /folder/name, POST /folder/ (multipart, or a form with a text), POST
        /folder/?mkdir=NAME."""
        request = call.request
        writes.check_same_origin(request, tls=call.tls)
        if not request.header("content-type").lower().startswith(writes.URLENCODED):
            # a text form has its own cap (percent-encoding makes a text up to 3x longer);
            # the decoded text is held to --max-upload when it is stored
            writes.check_declared_size(request, self._config.max_upload_bytes)
        if request.method == "PUT":
            return self._put(call)
        if "mkdir" in call.query:
            return self._mkdir(call)
        return self._post_files(call)

    def _write_folder(self, call: Call, raw_path: str) -> Resolved:
        folder = call.files.write_folder(raw_path)
        if folder.fs_path not in self._swept:  # once per folder and share: leftovers of uploads
            if len(self._swept) >= SWEPT_REMEMBERED:  # cut short by a crash or a kill
                self._swept.clear()
            self._swept.add(folder.fs_path)
            call.files.sweep_stale_uploads(folder)
        return folder

    def _put(self, call: Call) -> Response:
        parent, _, raw_name = call.path.rpartition("/")
        name = decode_url_path(raw_name)
        if not name or "/" in name:  # an encoded slash would name another folder
            raise HttpError(400, N_("PUT needs a file name: PUT /folder/name."), close=False)
        folder = self._write_folder(call, parent + "/")
        stored = writes.store_put(_body(call), call.request, call.files, folder, name,
                                  limit=self._config.max_upload_bytes)
        if stored.replaced:
            return Response(204, b"")
        return _created(call, [stored], folder.url_path)

    def _post_files(self, call: Call) -> Response:
        ctype = call.request.header("content-type").lower()
        form = ctype.startswith(writes.URLENCODED)
        if not form and not ctype.startswith("multipart/form-data"):
            raise HttpError(415, N_("Send files as multipart/form-data (or use PUT)."))
        folder = self._write_folder(call, call.path)
        limit = self._config.max_upload_bytes
        fields: dict[str, str] = {}
        if form:
            fields = writes.read_text_form(_body(call), call.request)
            if "text" not in fields:
                raise HttpError(400, N_("No text was sent (form field 'text')."), close=False)
            stored = []
        else:
            stored = writes.store_multipart(_body(call), call.request, call.files, folder,
                                            locks=lock_check(self._locks, call), limit=limit,
                                            show_hidden=self._config.show_hidden,
                                            replace=self._config.overwrite, fields=fields)
        if "text" in fields:
            try:
                stored.append(self._store_text(call, folder, fields, limit))
            except BaseException:
                writes.withdraw(call.files, stored)  # the form is saved whole or not at all
                raise
        if not stored:
            raise HttpError(400, N_("No file was sent (form field 'file')."), close=False)
        return _created(call, stored, folder.url_path)

    def _store_text(self, call: Call, folder: Resolved, fields: dict[str, str],
                    limit: int | None) -> writes.Stored:
        now = self._clock.time()
        default = time.strftime(writes.TEXT_NAME_PATTERN, time.localtime(now))
        text = fields["text"]
        stored = writes.store_text(call.files, folder, text, fields.get("name", ""),
                                   locks=lock_check(self._locks, call), default_name=default,
                                   limit=limit, replace=self._config.overwrite)
        user = call.user.name if call.user is not None else ""
        self._texts.received(TextReceived(now, call.client, user, stored.name, stored.url, text))
        return stored

    def _mkdir(self, call: Call) -> Response:
        folder = self._write_folder(call, call.path)
        _body(call).drain(MAX_DRAINED_BODY)
        name = clean_name(call.first("mkdir"))
        lock_check(self._locks, call)(url_quote(folder.url_path + name), written=True)
        stored = writes.make_folder(call.files, folder, name)
        return _created(call, [stored], folder.url_path)


def lock_check(locks: DavLocks, call: Call) -> writes.LockCheck:
    """``locks.check_write`` for this request, refusing as the page's other answers do: 423
    with a short reason (the XML ``D:error`` body is for WebDAV clients). The page sends no If
    header, so a lock on the file or its folder refuses the page's upload there."""

    def check(raw_path: str, *, membership: bool = True, written: bool = False) -> None:
        try:
            locks.check_write(call, raw_path, membership=membership, written=written)
        except DavRefused as refused:
            if refused.status != 423:
                raise
            raise HttpError(423, LOCKED, close=False) from None

    return check


def _body(call: Call) -> RequestBody:
    assert call.body is not None, "the router gives routes that change the share the body"
    return call.body


def _created(call: Call, stored: list[writes.Stored], folder_url: str) -> Response:
    link = call.link
    if link is not None:  # the link's holder is shown the link's URLs, not the share's
        stored = [replace(item, url=link.shown_url(item.url)) for item in stored]
        folder_url = link.base + link.shown(folder_url)
    ctype, body = writes.created_body(stored, folder_url, call.wants_json())
    location = b"Location: " + stored[0].url.encode("ascii") + b"\r\n"
    return Response(201, location + ctype + NOSNIFF, body)
