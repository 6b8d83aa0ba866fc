"""Changes: PUT, multipart POST and new folders, each through the access policy's FileAccess
(server/access.py); the file-level rules are server/writes.py's."""

from __future__ import annotations

import logging

from server import writes
from server.exchange import Exchange
from server.files import (
    Resolved,
    decode_url_path,
)
from server.http11 import HttpError, Request
from server.responder import Responder

log = logging.getLogger("pier.server")


class WriteRoutes(Responder):
    _swept: set[str]

    def _route_write(self, ex: Exchange, request: Request) -> None:
        """PUT /folder/name, POST /folder/ (multipart), POST /folder/?mkdir=NAME.
        Any refusal closes the connection when a body may still be on its way."""
        try:
            writes.check_same_origin(request, tls=ex.conn.tls)
            writes.check_declared_size(request, self._config.max_upload_bytes)
            if request.method == "PUT":
                self._put(ex, request)
            elif "mkdir" in ex.query:
                self._mkdir(ex, request)
            else:
                self._post_files(ex, request)
        except HttpError as err:
            if request.content_length or request.chunked:
                err.close = True
            raise

    def _write_folder(self, ex: Exchange, raw_path: str) -> Resolved:
        assert ex.access is not None
        folder = ex.access.write_folder(raw_path)
        if folder.fs_path not in self._swept:  # once per folder and share: leftovers of uploads
            self._swept.add(folder.fs_path)    # cut short by a crash or a kill
            ex.access.sweep_stale_uploads(folder)
        return folder

    def _put(self, ex: Exchange, request: Request) -> None:
        parent, _, raw_name = ex.path.rpartition("/")
        name = decode_url_path(raw_name)
        if not name or "/" in name:  # an encoded slash would name another folder
            raise HttpError(400, "PUT needs a file name: PUT /folder/name.", close=False)
        folder = self._write_folder(ex, parent + "/")
        self._on_long_transfer()
        assert ex.access is not None
        stored, ex.received = writes.store_put(
            ex.conn, request, ex.access, folder, name, limit=self._config.max_upload_bytes)
        ex.body_read = True
        self._send_created(ex, [stored], folder.url_path)

    def _post_files(self, ex: Exchange, request: Request) -> None:
        if not request.header("content-type").lower().startswith("multipart/form-data"):
            raise HttpError(415, "Send files as multipart/form-data (or use PUT).")
        folder = self._write_folder(ex, ex.path)
        self._on_long_transfer()
        assert ex.access is not None
        stored, ex.received = writes.store_multipart(
            ex.conn, request, ex.access, folder, limit=self._config.max_upload_bytes,
            show_hidden=self._config.show_hidden)
        ex.body_read = True
        if not stored:
            raise HttpError(400, "No file was sent (form field 'file').", close=False)
        self._send_created(ex, stored, folder.url_path)

    def _mkdir(self, ex: Exchange, request: Request) -> None:
        folder = self._write_folder(ex, ex.path)
        self._skip_body(ex, request)
        assert ex.access is not None
        stored = writes.make_folder(ex.access, folder, ex.query["mkdir"][0])
        self._send_created(ex, [stored], folder.url_path)

    def _send_created(self, ex: Exchange, stored: list[writes.Stored], folder_url: str) -> None:
        ctype, body = writes.created_body(stored, folder_url, ex.wants_json())
        location = b"Location: " + stored[0].url.encode("ascii") + b"\r\n"
        self._send(ex, 201, location + ctype + b"X-Content-Type-Options: nosniff\r\n", body)

