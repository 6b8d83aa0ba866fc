"""Collect mode's routes (server/collect.py): the hand-in page at the share's root and its
endpoints under /.well-known/pier/collect/.

- ``GET /`` (no query): the page "Hand in files for NAME" (server/collect_page.py); the share's
  own listing stays at ``/?browse``, linked from the page when the principal may list the share.
- ``POST /.well-known/pier/collect/name`` (form field ``name``): a visitor's label; a new
  browser gets its signed cookie. Accounts are their account's name. 303 to ``/``.
- ``POST /.well-known/pier/collect/files`` (multipart, parts named ``file``): stored flat in the
  person's folder, an earlier file of the same name replaced; ``?replace=NAME`` stores the
  one file sent under NAME (the page's Replace). 303 to ``/``, or 201 JSON with ?format=json.
- ``GET /.well-known/pier/collect/state``: JSON of the deadline, the person and their files.

Every file operation goes through ``FileAccess.hand_in`` (server/collect_access.py): the
person's folder and nothing else. After the deadline hand-ins get 403 "closed at ..."; one
begun in time may finish within ``HAND_IN_GRACE`` (15 minutes) after it, else it is refused
and withdrawn whole. One address makes at most 20 new people per 10 minutes, one IPv6 /64
300 (server/collect_limit.py; 429).
"""

from __future__ import annotations

from collections.abc import Callable

from server import writes
from server.access import FileAccess
from server.access_rules import Action
from server.call import Call, RequestBody
from server.clock import Clock
from server.collect import (
    COOKIE,
    COOKIE_MAX_AGE,
    HAND_IN_GRACE,
    CollectConfig,
    CollectPeople,
    Person,
    closed_error,
    refuse_if_closed,
)
from server.collect_limit import NewPeopleLimit
from server.collect_page import HandInView, render_page
from server.config import ServerConfig
from server.files import Resolved, url_quote
from server.http11 import HttpError
from server.listing import Entry
from server.multipart import MultipartReader
from server.page_i18n import N_
from server.response import (
    HTML,
    JSON,
    NO_STORE,
    NOSNIFF,
    PAGE_CSP,
    TEXT,
    VARY_LANGUAGE,
    Response,
    json_bytes,
)
from server.uploads import UploadRefused, clean_name

PREFIX = "/.well-known/pier/collect/"
NAME_PATH = PREFIX + "name"
FILES_PATH = PREFIX + "files"
STATE_PATH = PREFIX + "state"
MAX_FILES = 100  # files one hand-in may carry


class CollectRoutes:
    def __init__(self, config: ServerConfig, people: CollectPeople, clock: Clock) -> None:
        assert config.collect is not None
        self._config = config
        self._collect: CollectConfig = config.collect
        self.people = people
        self._clock = clock
        self._new_people = NewPeopleLimit(clock.monotonic)

    @staticmethod
    def wants_page(call: Call) -> bool:
        """The share's root asked for as a page (not ?browse, ?format=json, a zip...)."""
        return call.path == "/" and not call.query and not call.wants_json()

    def route(self, call: Call) -> Response:
        method, path = call.request.method, call.path
        if path == STATE_PATH and method in ("GET", "HEAD"):
            return self._state(call)
        if path in (NAME_PATH, FILES_PATH):
            if method != "POST":
                raise HttpError(405, N_("%(method)s is not allowed here."),
                                fields={"method": method}, close=False,
                                headers=b"Allow: POST\r\n")
            writes.check_same_origin(call.request, tls=call.tls)
            return self._set_name(call) if path == NAME_PATH else self._hand_in(call)
        raise HttpError(404, N_("Not found."), close=False)

    # -- who is asking -----------------------------------------------------------------------------

    def _cookie(self, call: Call) -> str:
        for item in call.request.header("cookie").split(";"):
            key, _, value = item.strip().partition("=")
            if key == COOKIE:
                return value
        return ""

    def _person(self, call: Call, *, make: bool = False) -> Person | None:
        """The account's person (made on its first hand-in) or the cookie's, or None."""
        if call.user is not None:
            if make:
                return self.people.account(call.user.name, self._on_disk(call))
            return self.people.get("account:" + call.user.name)
        return self.people.visitor_of(self._cookie(call))

    def _set_cookie(self, call: Call, person: Person) -> bytes:
        secure = "; Secure" if call.tls else ""
        return (f"Set-Cookie: {COOKIE}={self.people.cookie_value(person.id)}; Path=/; "
                f"Max-Age={COOKIE_MAX_AGE}; HttpOnly; SameSite=Lax{secure}\r\n"
                ).encode("ascii")

    def _on_disk(self, call: Call) -> Callable[[], set[str]]:
        """What a new person's folder must not take: the names in NAME/ on disk, read through
        the request's access when a person is made."""
        return lambda: call.files.hand_in_names(self._collect.name)

    def _is_open(self) -> bool:
        until = self._collect.until
        return until is None or self._clock.time() < until

    # -- the page and its state ------------------------------------------------------------------

    def page(self, call: Call) -> Response:
        call.may_wait()  # the person's folder is read
        person = self._person(call)
        files = self._files_of(call, person) if person is not None else []
        view = HandInView(
            collect_name=self._collect.name, until=self._collect.until, now=self._clock.time(),
            account=call.user.name if call.user is not None else None,
            label=person.label if person is not None else None, files=files,
            may_browse=call.files.may(Action.LIST, "/"), server_name=self._config.server_name,
            lang=call.language)
        return Response(200, HTML + NO_STORE + NOSNIFF + PAGE_CSP + VARY_LANGUAGE,
                        render_page(view))

    def _state(self, call: Call) -> Response:
        call.may_wait()
        person = self._person(call)
        files = self._files_of(call, person) if person is not None else []
        doc = {"name": self._collect.name, "until": self._collect.until,
               "open": self._is_open(),
               "person": None if person is None else {"label": person.label,
                                                      "folder": person.folder},
               "files": [{"name": e.name, "size": e.size, "mtime": e.mtime} for e in files]}
        return Response(200, JSON + NO_STORE + NOSNIFF, json_bytes(doc))

    def _files_of(self, call: Call, person: Person) -> list[Entry]:
        access = call.files.hand_in(self._collect, person.folder, self._clock.time)
        folder = access.target(url_quote(f"/{self._collect.name}/{person.folder}/"))
        return sorted((e for e in access.list_folder(folder) if not e.is_dir),
                      key=lambda e: e.name.casefold())

    # -- changes ---------------------------------------------------------------------------------

    def _set_name(self, call: Call) -> Response:
        fields = writes.read_text_form(_body(call), call.request)
        headers = b""
        if call.user is None:  # an account is its account's name
            person = self._person(call)
            typed = fields.get("name", "")
            if person is None:
                with self._new_people.admit(call.client):
                    person = self.people.new_visitor(typed, self._on_disk(call))
            else:
                person = self.people.relabel(person, typed)
            headers = self._set_cookie(call, person)
        return _see_page(headers)

    def _hand_in(self, call: Call) -> Response:
        # a hand-in begun in time may finish within HAND_IN_GRACE after the deadline (each
        # commit asks the deadline and collect mode in force then); its withdrawal (a later
        # part failing, the grace running out, a change of settings) takes back what it
        # saved through the access as it was routed
        refuse_if_closed(self._collect, self._clock.time())
        person = self._person(call, make=True)
        if person is None:
            raise HttpError(403, N_("Give your name first."), close=True)
        access = call.files.hand_in(self._collect, person.folder, self._clock.time)
        folder = access.target(url_quote(f"/{self._collect.name}/{person.folder}/"))
        replace_as = call.first("replace")
        stored = self._store(call, access, folder, clean_name(replace_as) if replace_as else "")
        if call.wants_json():
            ctype, body = writes.created_body(stored, "/", True)
            return Response(201, ctype + NOSNIFF, body)
        return _see_page(b"")

    def _store(self, call: Call, access: FileAccess, folder: Resolved,
               replace_as: str) -> list[writes.Stored]:
        request = call.request
        if not request.header("content-type").lower().startswith("multipart/form-data"):
            raise HttpError(415, N_("Send files as multipart/form-data."))
        writes.check_declared_size(request, self._config.max_upload_bytes)
        body = _body(call)
        cap = writes.request_cap(request, self._config.max_upload_bytes)

        def read(n: int) -> bytes:
            data = body.read(n)
            if cap is not None and body.received > cap:
                raise UploadRefused(413, N_("The upload is larger than this share accepts."))
            self._refuse_past_grace()
            return data

        reader = MultipartReader(request.header("content-type"), read, None)
        stored: list[writes.Stored] = []
        try:
            for part in reader.parts():
                if part.name != "file" or not part.filename:
                    continue
                if len(stored) >= (1 if replace_as else MAX_FILES):
                    raise UploadRefused(413, N_("Send fewer files at a time."))
                name = replace_as or clean_name(part.filename)
                with access.open_folder(folder.fs_path) as opened, \
                        access.upload(opened, folder.url_path, name, rename=False,
                                      max_size=self._config.max_upload_bytes) as upload:
                    for chunk in part.chunks():
                        upload.write(chunk)
                    self._refuse_past_grace()
                    final = upload.commit()
                stored.append(writes.Stored(final, url_quote(folder.url_path + final),
                                            upload.replaces, upload.identity))
            if not reader.finished:
                raise UploadRefused(400, N_("The upload ended before its closing boundary."))
        except BaseException:
            writes.withdraw(access, stored)  # the hand-in is saved whole or not at all
            raise
        if not stored:
            raise HttpError(400, N_("No file was sent (form field 'file')."), close=False)
        return stored

    def _refuse_past_grace(self) -> None:
        """403 "closed" (the rest of the body unread) once a hand-in outlasts the deadline by
        more than HAND_IN_GRACE, on the engine's clock: its files are then withdrawn."""
        until = self._collect.until
        if until is not None and self._clock.time() >= until + HAND_IN_GRACE:
            raise closed_error(until, close=True)


def _see_page(headers: bytes) -> Response:
    return Response(303, b"Location: /\r\n" + headers + NO_STORE + TEXT, b"")


def _body(call: Call) -> RequestBody:
    assert call.body is not None, "the router gives collect's POSTs their body"
    return call.body
