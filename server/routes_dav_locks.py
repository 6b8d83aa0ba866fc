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


class DavLocks:
    def __init__(self, clock: Clock) -> None:
        self._clock = clock
        self.manager = LockManager(clock)

    # -- the check before every write ---------------------------------------------------------

    def check_write(self, call: Call, raw_path: str, *, deep: bool = False,
                    membership: bool = True, etag: str | None = None) -> None:
        """423 when a lock whose token this request did not submit covers ``raw_path`` (and,
        when a member is added or removed, its folder); 412 when the If header is false."""
        condition = _if_header(call)
        path = decoded(raw_path)
        who = principal(call)
        submitted = condition.submitted_tokens()
        blocking = self.manager.blocking(path, who, submitted, deep=deep)
        if membership and path != "/" and not blocking:
            parent = path.rsplit("/", 1)[0] or "/"
            blocking = self.manager.blocking(parent, who, submitted)
        if blocking:
            raise DavRefused(423, "lock-token-submitted", sorted({h.root for h in blocking}))
        if condition is not NO_IF and not condition.evaluate(
                lambda tag: self._state(path if tag is None else _tag(tag), etag, tag is None)):
            raise HttpError(412, "The If header's conditions do not hold.", close=False)

    def check_put(self, call: Call, raw_path: str) -> None:
        """check_write for a PUT: replacing a file's content changes no folder's membership,
        so a depth-0 lock on its folder does not hold it back; a new name does."""
        call.may_wait()
        found = _existing(call)
        self.check_write(call, raw_path, membership=found is None,
                         etag=etag_of(found) if found is not None and not found.is_dir else None)

    def _state(self, path: str, etag: str | None, own: bool
               ) -> tuple[frozenset[str], str | None]:
        tokens = frozenset(held.token for held in self.manager.locks_on(path))
        return tokens, etag if own else None

    def forget(self, raw_path: str) -> None:
        """After a DELETE, or the source of a MOVE: its locks go with it."""
        self.manager.drop_locks_at_or_below(decoded(raw_path))

    # -- LOCK and UNLOCK -----------------------------------------------------------------------

    def lock(self, call: Call) -> Response:
        call.may_wait()
        body = read_xml_body(call)
        asked = parse_lockinfo(body)
        timeout = parse_timeout(call.request.header("timeout"), self.manager.max_timeout)
        path = decoded(call.path)
        now = self._clock.monotonic()
        if asked is None:  # a refresh
            tokens = _if_header(call).submitted_tokens()
            try:
                held = self.manager.refresh(path, tokens, principal(call), timeout)
            except LockError as err:
                raise _refused(err) from None
            return Response(200, XML, lock_answer(held, now))
        depth = parse_depth(call.request.header("depth"), "infinity")
        if depth == "1":
            raise HttpError(400, "A LOCK's Depth is 0 or infinity.", close=False)
        found = _existing(call)
        self._check_may_lock(call, found)
        try:
            held = self.manager.lock(path, principal(call), exclusive=asked.exclusive,
                                     infinite=depth == "infinity" and bool(found and found.is_dir),
                                     owner_xml=asked.owner_xml, timeout_s=timeout)
        except LockError as err:
            raise _refused(err) from None
        status = 200
        if found is None:
            try:
                _create_empty(call)
            except BaseException:
                self.manager.unlock(path, held.token, held.principal)
                raise
            status = 201
        headers = XML + b"Lock-Token: <" + held.token.encode("ascii") + b">\r\n"
        return Response(status, headers, lock_answer(held, now))

    def unlock(self, call: Call) -> Response:
        drain(call.body)
        token = parse_lock_token(call.request.header("lock-token"))
        call.files.target(call.path)  # 404 for what this principal may not see
        try:
            self.manager.unlock(decoded(call.path), token, principal(call))
        except LockError as err:
            raise _refused(err) from None
        return Response(204, b"")

    @staticmethod
    def _check_may_lock(call: Call, found: Resolved | None) -> None:
        """A lock keeps others from writing: only a principal who may write there takes one."""
        files = call.files
        if found is None:
            folder = files.write_folder(call.path.rstrip("/").rpartition("/")[0] + "/")
            if files.may(Action.CREATE, folder.url_path + "*"):
                return
        else:
            url = files.judged_url(found)
            if files.may(Action.REPLACE, url) or files.may(Action.MODIFY, url) or (
                    found.is_dir and files.may(Action.CREATE, url.rstrip("/") + "/*")):
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


def _tag(resource: str) -> str:
    return decoded(tag_path(resource))


def _existing(call: Call) -> Resolved | None:
    try:
        return call.files.target(call.path)
    except HttpError as err:
        if err.status != 404:
            raise
        return None


def _create_empty(call: Call) -> None:
    """A lock-null resource: an empty file, created like a PUT's (never over an existing one)."""
    parent, _, raw_name = call.path.rstrip("/").rpartition("/")
    name = clean_name(decode_url_path(raw_name))
    files = call.files
    folder = files.write_folder(parent + "/")
    with files.open_folder(folder.fs_path) as opened, \
            files.upload(opened, folder.url_path, name, max_size=None, expected_size=0,
                         rename=False) as upload:
        upload.commit()


def _refused(err: LockError) -> HttpError:
    if err.condition:
        return DavRefused(err.status, err.condition, sorted({held.root for held in err.locks}))
    return HttpError(err.status, err.reason, close=False)
