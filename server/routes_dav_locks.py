"""WebDAV locks over HTTP (RFC 4918 class 2): LOCK, UNLOCK and the lock check every write
makes (PUT, MKCOL, DELETE, COPY, MOVE, PROPPATCH). One LockManager per engine, on the engine's
clock; a LOCK of a name that does not exist creates an empty file through FileAccess (RFC 4918
§7.3, what Finder and Windows do before a save). See docs/ARCHITECTURE.md "WebDAV"."""

from __future__ import annotations

from collections.abc import Iterable

from server.access_rules import Action
from server.call import Call, RequestBody
from server.clock import Clock
from server.dav_headers import (
    NO_IF,
    IfHeader,
    parse_depth,
    parse_if,
    parse_lock_token,
    parse_timeout,
    tag_path,
)
from server.dav_locks import LockError, LockManager, normalise, principal_of
from server.dav_render import CONTENT_TYPE, error_body, lock_answer
from server.dav_xml import MAX_BODY, DavBadRequest, parse_lockinfo
from server.files import Resolved, decode_url_path, make_etag
from server.http11 import HttpError
from server.response import Response
from server.routes_dav_lock_paths import LockTarget, lock_target
from server.uploads import clean_name

XML = f"Content-Type: {CONTENT_TYPE}\r\n".encode("ascii")


class DavRefused(HttpError):
    """A DAV answer with an XML ``D:error`` body (423 locked, 403 a precondition)."""

    def __init__(self, status: int, condition: str, paths: Iterable[str] = ()) -> None:
        super().__init__(status, condition, close=False)
        self.body = error_body(condition, paths)

    def response(self) -> Response:
        return Response(self.status, XML, self.body)


def read_xml_body(call: Call) -> bytes:
    """The request's XML body, at most MAX_BODY bytes (413 beyond, the connection closed: the
    rest is not read)."""
    request = call.request
    if request.content_length > MAX_BODY:
        raise HttpError(413, "The request body is too large.")
    body = call.body
    if body is None:
        return b""
    parts: list[bytes] = []
    size = 0
    while chunk := body.read(MAX_BODY + 1 - size):
        parts.append(chunk)
        size += len(chunk)
        if size > MAX_BODY:
            raise HttpError(413, "The request body is too large.")
    return b"".join(parts)


def drain(body: RequestBody | None, limit: int = MAX_BODY) -> None:
    if body is not None:
        body.drain(limit)


def decoded(raw_path: str) -> str:
    """The lock manager's path of a URL path: decoded, no trailing slash."""
    try:
        return normalise(decode_url_path(raw_path))
    except (HttpError, ValueError):
        raise HttpError(400, "The path cannot be read.", close=False) from None


def spelled(raw_path: str) -> str:
    """A URL path decoded, its names as they are (not folded as ``decoded`` folds them), no
    empty or "." names, no trailing slash."""
    try:
        text = decode_url_path(raw_path)
    except (HttpError, ValueError):
        raise HttpError(400, "The path cannot be read.", close=False) from None
    return "/" + "/".join(name for name in text.split("/") if name and name != ".")


class DavLocks:
    def __init__(self, clock: Clock) -> None:
        self._clock = clock
        self.manager = LockManager(clock)

    # -- the check before every write ---------------------------------------------------------

    @staticmethod
    def where(call: Call, raw_path: str, *, written: bool = False) -> LockTarget:
        """The lock paths of what ``raw_path`` names for this principal (server/
        routes_dav_lock_paths.py); ``written``: the request writes that name."""
        return lock_target(call.files, raw_path, written=written)

    def check_write(self, call: Call, raw_path: str, *, deep: bool = False,
                    membership: bool = True, etag: str | None = None,
                    written: bool = False) -> LockTarget:
        """423 when a lock whose token this request did not submit covers what ``raw_path``
        names (where it really is, and the name holding it) or, when a member is added or
        removed, its folder; 412 when the If header is false. ``written``: the request writes
        that name (PUT, MKCOL, a COPY or MOVE destination), so it is checked as the write will
        clean it. ``etag``: the item's, for the If header (by default the one found)."""
        target = self.where(call, raw_path, written=written)
        self.check_target(call, target, deep=deep, membership=membership, etag=etag)
        return target

    def check_target(self, call: Call, target: LockTarget, *, deep: bool = False,
                     membership: bool = True, etag: str | None = None) -> None:
        """check_write for a target already found (``where``)."""
        condition = _if_header(call)
        who = principal(call)
        submitted = condition.submitted_tokens()
        blocking = [held for key in target.keys
                    for held in self.manager.blocking(key, who, submitted, deep=deep)]
        if membership and target.folder is not None and not blocking:
            blocking += self.manager.blocking(target.folder, who, submitted)
        if blocking:
            raise DavRefused(423, "lock-token-submitted", sorted({h.root for h in blocking}))
        found = target.found
        if etag is None and found is not None and not found.is_dir:
            etag = etag_of(found)
        if condition is not NO_IF and not condition.evaluate(
                lambda tag: self._state(call, target.key if tag is None else tag, etag,
                                        tag is None)):
            raise HttpError(412, "The If header's conditions do not hold.", close=False)

    def check_put(self, call: Call, raw_path: str) -> None:
        """check_write for a PUT: replacing a file's content changes no folder's membership,
        so a depth-0 lock on its folder does not hold it back; a new name does."""
        call.may_wait()
        target = self.where(call, raw_path, written=True)
        self.check_target(call, target, membership=target.found is None)

    def _state(self, call: Call, where: str, etag: str | None, own: bool
               ) -> tuple[frozenset[str], str | None]:
        """An If header resource's lock tokens and ETag: ``where`` is the request's lock path
        (``own``) or a tag's URL."""
        path = where if own else self.where(call, tag_path(where)).key
        tokens = frozenset(held.token for held in self.manager.locks_on(path))
        return tokens, etag if own else None

    def forget(self, call: Call, raw_path: str, *, written: bool = False) -> None:
        """After a DELETE, or the source of a MOVE (or a destination overwritten): the locks
        on that name and below go with it (a link's target keeps its own)."""
        self.manager.drop_locks_at_or_below(self.where(call, raw_path, written=written).own)

    # -- LOCK and UNLOCK -----------------------------------------------------------------------

    def lock(self, call: Call) -> Response:
        call.may_wait()
        body = read_xml_body(call)
        asked = parse_lockinfo(body)
        timeout = parse_timeout(call.request.header("timeout"), self.manager.max_timeout)
        target = self.where(call, call.path)
        if target.found is None:  # a new name: the one the write will store
            target = self.where(call, call.path, written=True)
        now = self._clock.monotonic()
        if asked is None:  # a refresh: only while the principal may still take the lock
            _check_may_lock(call, target)
            tokens = _if_header(call).submitted_tokens()
            try:
                held = self.manager.refresh(target.key, tokens, principal(call), timeout)
            except LockError as err:
                raise _refused(err) from None
            return Response(200, XML, lock_answer(held, now))
        depth = parse_depth(call.request.header("depth"), "infinity")
        if depth == "1":
            raise HttpError(400, "A LOCK's Depth is 0 or infinity.", close=False)
        found = target.found
        _check_may_lock(call, target)
        try:
            held = self.manager.lock(target.key, principal(call), exclusive=asked.exclusive,
                                     infinite=depth == "infinity" and bool(found and found.is_dir),
                                     owner_xml=asked.owner_xml, timeout_s=timeout)
        except LockError as err:
            raise _refused(err) from None
        status = 200
        if found is None:
            try:
                _create_empty(call, target)
            except BaseException:
                self.manager.unlock(target.key, held.token, held.principal)
                raise
            status = 201
        headers = XML + b"Lock-Token: <" + held.token.encode("ascii") + b">\r\n"
        return Response(status, headers, lock_answer(held, now))

    def unlock(self, call: Call) -> Response:
        drain(call.body)
        token = parse_lock_token(call.request.header("lock-token"))
        call.files.target(call.path)  # 404 for what this principal may not see
        try:
            self.manager.unlock(self.where(call, call.path).key, token, principal(call))
        except LockError as err:
            raise _refused(err) from None
        return Response(204, b"")


def _check_may_lock(call: Call, target: LockTarget) -> None:
    """A lock keeps every other principal from writing, so taking (or refreshing) one is a
    write: an existing item needs the right to change it (MODIFY; a file's content also
    REPLACE), a folder's lock, Depth 0 or infinity, MODIFY on the folder; a new name the
    right to create that very name and to replace it (the empty file a lock makes is written
    next by a PUT over it): a lock on a member holds its folders' DELETE and MOVE back, which
    an upload-only principal must not be able to do to the owner."""
    files = call.files
    found = target.found
    if found is None:
        folder = files.write_folder(target.folder_raw)
        url = folder.url_path + target.name
        if files.may(Action.CREATE, url) and files.may(Action.REPLACE, url):
            return
    else:
        url = files.judged_url(found)
        if files.may(Action.MODIFY, url) or (
                not found.is_dir and files.may(Action.REPLACE, url)):
            return
    raise HttpError(403, "Your account may not change this.", close=False)


def principal(call: Call) -> str:
    return principal_of(call.user.name if call.user is not None else None, call.client)


def etag_of(found: Resolved) -> str:
    return make_etag(found.stat.st_mtime_ns, found.stat.st_size)


def _if_header(call: Call) -> IfHeader:
    try:
        return parse_if(call.request.header("if"))
    except DavBadRequest as err:
        raise HttpError(err.status, err.reason, close=False) from None


def _create_empty(call: Call, target: LockTarget) -> None:
    """A lock-null resource: an empty file, created like a PUT's, never over anything that
    has the name (not even what this principal may not see: 409)."""
    name = clean_name(target.name)
    files = call.files
    folder = files.write_folder(target.folder_raw)
    with files.open_folder(folder.fs_path) as opened, \
            files.upload(opened, folder.url_path, name, max_size=None, expected_size=0,
                         rename=False, replace=False) as upload:
        upload.commit()


def _refused(err: LockError) -> HttpError:
    if err.condition:
        return DavRefused(err.status, err.condition, sorted({held.root for held in err.locks}))
    return HttpError(err.status, err.reason, close=False)
