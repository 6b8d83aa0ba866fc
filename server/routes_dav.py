"""WebDAV on the share's own URLs (RFC 4918 class 1 and 2): OPTIONS, PROPFIND (Depth 0 and 1),
PROPPATCH, MKCOL, DELETE (to the trash), COPY, MOVE; LOCK and UNLOCK are
server/routes_dav_locks.py's. Bodies are parsed by server/dav_xml.py, answers rendered by
dav_render/dav_props; every path is reached through ``call.files`` (the access policy), and
every write first asks the lock manager. GET/HEAD/PUT stay the ordinary routes'."""

from __future__ import annotations

from collections.abc import Iterable
from itertools import chain
from urllib.parse import urlsplit

from server.call import Call
from server.clock import Clock
from server.dav_headers import parse_depth
from server.dav_locks import normalise
from server.dav_members import RenderedMembers, member_entry
from server.dav_props import DavEntry, propfind_response, proppatch_response, proppatch_statuses
from server.dav_render import multistatus, multistatus_chunks
from server.dav_xml import (
    DAV,
    DavBadRequest,
    PropfindRequest,
    PropUpdate,
    parse_propfind,
    parse_proppatch,
)
from server.files import Resolved, content_type, decode_url_path, url_quote
from server.http11 import HttpError
from server.response import Response, StreamBody
from server.routes_dav_locks import (
    XML,
    DavLocks,
    DavRefused,
    decoded,
    drain,
    etag_of,
    read_xml_body,
    spelled,
)
from server.writes import check_same_origin, make_folder

DAV_METHODS = frozenset({"OPTIONS", "PROPFIND", "PROPPATCH", "MKCOL", "DELETE", "COPY", "MOVE",
                         "LOCK", "UNLOCK"})
ALLOW = ("OPTIONS, GET, HEAD, POST, PUT, PROPFIND, PROPPATCH, MKCOL, DELETE, COPY, MOVE, LOCK, "
         "UNLOCK")
OPTIONS_HEADERS = (f"Allow: {ALLOW}\r\nDAV: 1, 2\r\nMS-Author-Via: DAV\r\n"
                   "Accept-Ranges: bytes\r\n").encode("ascii")
# A bigger Depth 1 answer is sent as it is made (chunked), not built whole: a 100,000-entry
# folder's allprop is ~75 MB of XML, and any reader may ask for it
STREAMED_OVER = 2000
# Windows sends its file times and attributes with every copy; it fails the copy when they are
# refused, and nothing else reads them: accepted and not kept (Pier keeps no dead properties)
WIN32_NAMESPACE = "urn:schemas-microsoft-com:"
QUOTA_NAMES = frozenset({(DAV, "quota-available-bytes"), (DAV, "quota-used-bytes")})


class DavRoutes:
    def __init__(self, clock: Clock) -> None:
        self._clock = clock
        self.locks = DavLocks(clock)
        self._members = RenderedMembers()

    def options(self) -> Response:
        return Response(200, OPTIONS_HEADERS, b"")

    def route(self, call: Call) -> Response:
        """A DAV method on the share (not OPTIONS: the router answers it without a login)."""
        method = call.request.method
        try:
            if method == "PROPFIND":
                return self.propfind(call)
            check_same_origin(call.request, tls=call.tls)
            if method == "PROPPATCH":
                return self.proppatch(call)
            if method == "MKCOL":
                return self.mkcol(call)
            if method == "DELETE":
                return self.delete(call)
            if method in ("COPY", "MOVE"):
                return self.copy_or_move(call, move=method == "MOVE")
            if method == "LOCK":
                return self.locks.lock(call)
            return self.locks.unlock(call)
        except DavRefused as refused:
            drain(call.body)
            return refused.response()
        except DavBadRequest as err:
            raise HttpError(err.status, err.reason,
                            close=call.body is not None and not call.body.finished) from None

    # -- reading -------------------------------------------------------------------------------

    def propfind(self, call: Call) -> Response:
        call.may_wait()
        depth = parse_depth(call.request.header("depth"), "infinity")
        if depth == "infinity":
            drain(call.body)
            raise DavRefused(403, "propfind-finite-depth")
        asked = parse_propfind(read_xml_body(call))
        found = call.files.target(call.path)
        now = self._clock.monotonic()
        locks = self.locks.manager
        used, free = call.files.disk_usage(found) if found.is_dir and _wants_quota(asked) \
            else (None, None)
        top = self._entry(found, used, free)
        members = call.files.list_folder(found, housekeeping=True) \
            if found.is_dir and depth == "1" else []
        if locks.held() or used is not None:  # answers that hold more than the stats
            key = normalise(call.files.judged_url(found))  # the lock manager's path (real place)
            responses: Iterable[str] = chain(
                [propfind_response(top, asked, locks.locks_on(key), now)],
                (propfind_response(member_entry(top.url_path, m, used, free), asked,
                                   locks.locks_on(normalise(key + "/" + m.name)), now)
                 for m in members))
        elif len(members) > STREAMED_OVER:  # made while sent: memory stays a batch's
            responses = chain([propfind_response(top, asked)],
                              (propfind_response(member_entry(top.url_path, m), asked)
                               for m in members))
        else:
            responses = [propfind_response(top, asked),
                         *self._members.responses(top.url_path, asked, members)]
        if len(members) > STREAMED_OVER:
            return Response(207, XML, StreamBody(lambda: multistatus_chunks(responses)))
        return Response(207, XML, multistatus(responses))

    @staticmethod
    def _entry(found: Resolved, used: int | None = None, free: int | None = None) -> DavEntry:
        st = found.stat
        url = found.url_path
        if found.is_dir and not url.endswith("/"):
            url += "/"
        name = url.rstrip("/").rpartition("/")[2]
        created = getattr(st, "st_birthtime", st.st_ctime)
        return DavEntry(url, name, found.is_dir, 0 if found.is_dir else st.st_size,
                        st.st_mtime, created, "" if found.is_dir else etag_of(found),
                        "" if found.is_dir else content_type(name), used, free)

    # -- changing ------------------------------------------------------------------------------

    def proppatch(self, call: Call) -> Response:
        """Pier keeps no dead properties and lets no live one be set: Windows' Win32 times
        are answered 200 (not kept), anything else 403, all or nothing (RFC 4918 §9.2)."""
        call.may_wait()
        updates = parse_proppatch(read_xml_body(call))
        found = call.files.target(call.path)
        self.locks.check_write(call, call.path, membership=False,
                               etag=None if found.is_dir else etag_of(found))
        statuses = proppatch_statuses(updates, _verdict)
        url = self._entry(found).url_path
        return Response(207, XML, multistatus([proppatch_response(url, statuses)]))

    def mkcol(self, call: Call) -> Response:
        call.may_wait()
        if call.request.content_length or call.request.chunked:
            drain(call.body)
            raise HttpError(415, "MKCOL takes no body.", close=False)
        parent, raw_name = _split(call.path)
        if _exists(call, call.path):
            raise HttpError(405, "Something with that name already exists.", close=False)
        self.locks.check_write(call, call.path, written=True)
        try:
            folder = call.files.write_folder(parent)
        except HttpError as err:
            if err.status == 404:
                raise HttpError(409, "The parent folder does not exist.", close=False) from None
            raise
        stored = make_folder(call.files, folder, decode_url_path(raw_name))
        return Response(201, b"Location: " + stored.url.encode("ascii") + b"\r\n", b"")

    def delete(self, call: Call) -> Response:
        call.may_wait()
        drain(call.body)
        if parse_depth(call.request.header("depth"), "infinity") != "infinity":
            raise HttpError(400, "DELETE of a folder takes everything in it (Depth: infinity).",
                            close=False)
        found = call.files.target(call.path)
        self.locks.check_write(call, call.path, deep=found.is_dir,
                               etag=None if found.is_dir else etag_of(found))
        if found.is_dir:
            call.leave_pool()  # a folder's trip to the trash may take long
        # the item checked is the one that goes (a link followed: the link's own check is
        # FileAccess.delete's, found.stat being its target's)
        call.files.delete(call.path, expected=found.stat if found.steps else None)
        self.locks.forget(call, call.path)
        return Response(204, b"")

    def copy_or_move(self, call: Call, *, move: bool) -> Response:
        call.may_wait()
        drain(call.body)
        found = call.files.target(call.path)
        depth = parse_depth(call.request.header("depth"), "infinity")
        if found.is_dir and depth != "infinity" and (move or depth == "1"):
            raise HttpError(400, "A folder is copied or moved whole (Depth: infinity).",
                            close=False)
        if found.is_dir and depth == "0":
            raise HttpError(400, "Pier copies a folder with everything in it.", close=False)
        destination = self._destination(call)
        if _onto_itself(call.path, destination):
            raise HttpError(403, "The source and the destination are the same.", close=False)
        overwrite = _overwrite(call)
        target = self.locks.where(call, destination, written=True)  # the name as stored
        existed = target.found is not None
        if existed and not overwrite:
            raise HttpError(412, "The destination exists and Overwrite is F.", close=False)
        if move:
            self.locks.check_write(call, call.path, deep=found.is_dir)
        self.locks.check_target(call, target, deep=existed)
        folder, raw_name = _split(destination)
        call.leave_pool()  # a folder's copy or a move across disks may take long
        if move:
            url = call.files.move(call.path, folder, decode_url_path(raw_name),
                                  overwrite=overwrite)
            self.locks.forget(call, call.path)
        else:
            url = call.files.copy(call.path, folder, decode_url_path(raw_name),
                                  overwrite=overwrite)
        if existed:
            self.locks.forget(call, destination, written=True)
            return Response(204, b"")
        return Response(201, b"Location: " + url_quote(url).encode("ascii") + b"\r\n", b"")

    @staticmethod
    def _destination(call: Call) -> str:
        """The Destination header's path (percent-encoded), which must name this share on the
        host the request was sent to."""
        value = call.request.header("destination").strip()
        if not value:
            raise HttpError(400, "COPY and MOVE need a Destination header.", close=False)
        parts = urlsplit(value)
        if parts.fragment or parts.query:
            raise HttpError(400, "The Destination may not hold a query or fragment.",
                            close=False)
        if parts.netloc:
            host = call.request.header("host").strip().lower()
            if parts.netloc.rpartition("@")[2].lower() != host or \
                    parts.scheme.lower() not in ("http", "https"):
                raise HttpError(502, "The Destination is on another server.", close=False)
        path = parts.path
        if not path.startswith("/"):
            raise HttpError(400, "The Destination must be an absolute path.", close=False)
        return path


def _wants_quota(asked: PropfindRequest) -> bool:
    """Quotas are never in allprop (RFC 4331): a statvfs only when they are named."""
    return any(name in QUOTA_NAMES for name in asked.names)


def _verdict(update: PropUpdate) -> int:
    return 200 if update.name[0] == WIN32_NAMESPACE else 403


def _onto_itself(raw_source: str, raw_destination: str) -> bool:
    """Whether a COPY or MOVE would write the item onto itself: the destination as a write
    stores the name (NFC, no trailing dots or spaces: ``decoded``) or as sent is the source as
    it is. An item no upload could have named ("report.", an NFD name) may take its clean
    spelling, the one way to mend such a name over WebDAV."""
    source = spelled(raw_source)
    return source in (decoded(raw_destination), spelled(raw_destination))


def _split(raw_path: str) -> tuple[str, str]:
    """(the folder's URL path ending in "/", the last segment still encoded)."""
    parent, _, raw_name = raw_path.rstrip("/").rpartition("/")
    if not raw_name:
        raise HttpError(403, "The share's root cannot be changed.", close=False)
    return parent + "/", raw_name


def _exists(call: Call, raw_path: str) -> bool:
    try:
        call.files.target(raw_path)
    except HttpError as err:
        if err.status == 404:
            return False
        raise
    return True


def _overwrite(call: Call) -> bool:
    value = call.request.header("overwrite").strip().upper() or "T"
    if value not in ("T", "F"):
        raise HttpError(400, "Overwrite must be T or F.", close=False)
    return value == "T"
