"""server/handler.py over a socketpair: RequestHandler as the serve thread (answer_quickly) and a
worker (handle) call it. What the serve thread answers at once and what it hands over, the
routed answer (Prepared) a worker sends without routing again, the login a worker does not
check twice, the Host check, methods, request bodies, the share gone, and the records."""

from __future__ import annotations

import http.client
import io
import json
import socket
import zipfile
from pathlib import Path

import pytest

from server.auth import Authenticator
from server.clock import ManualClock
from server.config import ServerConfig
from server.connection import PLAIN_ON_TLS, Connection
from server.control import TrafficControl, TrafficLimits
from server.handler import CONTINUE, RequestHandler
from server.health import Availability
from server.records import RequestRecord
from server.response import FileSpan, ZipBody
from server.routes_dav import ALLOW
from server.users import PasswordHasher, UserStore
from tests.server.conftest import config_of, one_answer, request_head, served
from tests.server.test_auth import FAST, digest_header
from tests.server.test_slow_clients import split

BIG_SIZE = 3 * 1024 * 1024 + 17
HELLO = b"hello, world\n"


class Handling:
    """A RequestHandler of one share and the two ends of one client's connection."""

    def __init__(self, config: ServerConfig, sockets: tuple[Connection, socket.socket],
                 control: TrafficControl | None = None) -> None:
        self.conn, self.client = sockets
        self.records: list[RequestRecord] = []
        self.share = Availability()
        self.auth = config.auth
        self.handler = RequestHandler(config, self.records.append, None, share=self.share,
                                      control=control, clock=ManualClock())

    def quick(self, head: bytes) -> tuple[bool, bytes] | None:
        """The serve thread's answer: (keep the connection, the bytes), or None for a worker."""
        answer = self.handler.answer_quickly(self.conn, head)
        return None if answer is None else (answer[0], b"".join(answer[1]))

    def worker(self, head: bytes,
               method: str = "GET") -> tuple[bool, http.client.HTTPResponse, bytes]:
        """A worker's answer, read as a client reads it: (keep-alive, response, body)."""
        return one_answer(self.conn, self.client, lambda: self.handler.handle(self.conn, head),
                          method)


@pytest.fixture
def handling(share: Path, sockets) -> Handling:
    return Handling(config_of(share), sockets)


def status_of(answer: bytes) -> int:
    return split(answer)[0]


# -- the serve thread's quick answers and the hand-over ------------------------------------------


def test_a_large_file_is_routed_once_and_streamed_by_the_worker(handling, share):
    head = request_head("GET", "/big.bin")
    assert handling.quick(head) is None
    prepared = handling.conn.prepared
    assert prepared is not None and prepared.head == head and prepared.answer is not None
    response = prepared.answer[1]
    assert isinstance(response.body, FileSpan) and response.body.count == BIG_SIZE
    assert handling.records == []  # nothing sent or recorded yet
    handling.share.available = False  # routing again would now answer 503
    keep, response, body = handling.worker(head)
    assert (response.status, body) == (200, (share / "big.bin").read_bytes())
    assert keep and handling.conn.prepared is None
    [record] = handling.records
    assert (record.status, record.bytes_sent, record.bytes_expected) == (200, BIG_SIZE, BIG_SIZE)
    assert record.complete and record.path == "/big.bin"


def test_a_prepared_answer_for_another_request_is_not_used(handling):
    assert handling.quick(request_head("GET", "/big.bin")) is None
    keep, response, body = handling.worker(request_head("GET", "/hello.txt"))
    assert (response.status, body, keep) == (200, HELLO, True)
    assert handling.conn.prepared is None
    # the one prepared is abandoned like one a closing connection leaves (what it held, a
    # link's download under way, is freed): recorded as the client's going
    assert [(r.path, r.status) for r in handling.records] == [("/big.bin", 499),
                                                             ("/hello.txt", 200)]


def test_a_small_file_is_answered_quickly_once_a_worker_read_it(handling):
    head = request_head("GET", "/hello.txt")
    assert handling.quick(head) is None
    assert handling.conn.prepared is None  # no login to keep, no answer: the worker routes
    assert handling.records == []
    assert handling.worker(head)[2] == HELLO
    keep, answer = handling.quick(head)
    status, headers, body = split(answer)
    assert (keep, status, body) == (True, 200, HELLO)
    assert (headers["content-length"], headers["server"]) == (str(len(HELLO)), "Pier")
    assert [r.status for r in handling.records] == [200, 200]


def test_head_of_a_large_file_needs_no_worker(handling):
    keep, answer = handling.quick(request_head("HEAD", "/big.bin"))
    status, headers, body = split(answer)
    assert (keep, status, headers["content-length"], body) == (True, 200, str(BIG_SIZE), b"")
    assert handling.conn.prepared is None


def test_a_zip_is_routed_on_the_serve_thread_and_sent_by_a_worker(handling):
    head = request_head("GET", "/docs/?format=zip")
    assert handling.quick(head) is None
    assert isinstance(handling.conn.prepared.answer[1].body, ZipBody)
    keep, response, body = handling.worker(head)
    assert response.status == 200 and response.getheader("Transfer-Encoding") == "chunked"
    assert zipfile.ZipFile(io.BytesIO(body)).namelist() == ["notes.md"]
    assert keep and handling.records[-1].status == 200


def test_under_a_bandwidth_limit_every_request_goes_to_a_worker(share, sockets):
    control = TrafficControl(ManualClock())
    control.set_limits(TrafficLimits(client_rate=10**12))
    handling = Handling(config_of(share), sockets, control)
    assert handling.quick(request_head("GET", "/missing")) is None  # even an error
    assert handling.conn.prepared is None
    assert handling.worker(request_head("GET", "/missing"))[1].status == 404


# -- logins --------------------------------------------------------------------------------------


REALM = "Pier - share"


@pytest.fixture
def guarded(share: Path, sockets, private_config_dir: Path) -> Handling:
    store = UserStore(private_config_dir / "users.toml", hasher=PasswordHasher(FAST))
    store.load()
    auth = Authenticator(store, REALM, clock=ManualClock())
    store.add("ana", "ana-pw", digest=True)
    return Handling(config_of(share, auth=auth), sockets)


def test_a_digest_login_checked_by_the_serve_thread_is_not_checked_again(guarded):
    """A Digest nonce count is good once: the worker takes the serve thread's word for it."""
    authorization = digest_header(guarded.auth, "ana", "ana-pw", uri="/hello.txt", realm=REALM)
    head = request_head("GET", "/hello.txt", f"Authorization: {authorization}")
    assert guarded.quick(head) is None  # logged in, then the file must be read
    prepared = guarded.conn.prepared
    assert prepared is not None and prepared.user is not None and prepared.user.name == "ana"
    assert prepared.answer is None  # the worker routes, with the login it was handed
    assert guarded.auth.check(authorization, "GET", "/hello.txt", "127.0.0.2").outcome == \
        "challenge"  # checking the same header again is a replay
    keep, response, body = guarded.worker(head)
    assert (response.status, body, keep) == (200, HELLO, True)
    assert guarded.records[-1].user == "ana"
    assert not guarded.auth.lockouts()


def test_without_credentials_the_serve_thread_asks_for_a_login(guarded):
    keep, answer = guarded.quick(request_head("GET", "/hello.txt"))
    status, headers, _ = split(answer)
    assert (keep, status) == (True, 401)
    assert headers["www-authenticate"].startswith("Digest ")  # Basic and Digest are offered
    assert b'WWW-Authenticate: Basic realm="Pier - share"' in answer


def test_a_password_to_hash_goes_to_a_worker(guarded):
    head = request_head("GET", "/hello.txt", "Authorization: Basic YW5hOmFuYS1wdw==")
    assert guarded.quick(head) is None  # ana:ana-pw, not verified yet: hashing waits
    assert guarded.conn.prepared is None
    keep, response, body = guarded.worker(head)
    assert (response.status, body, keep) == (200, HELLO, True)


# -- the Host check, methods ---------------------------------------------------------------------


@pytest.mark.parametrize("head", [
    request_head("GET", "/hello.txt", host="evil.example"),
    request_head("GET", "http://evil.example/hello.txt"),  # the authority names the host
    request_head("GET", "/hello.txt", host="localhost.evil.example:80"),
])
def test_a_foreign_host_is_421(handling, head):
    keep, answer = handling.quick(head)
    assert status_of(answer) == 421 and keep  # the connection may still be used
    assert HELLO not in answer


def test_the_shares_own_names_are_accepted(handling):
    for head in (request_head("GET", "/hello.txt", host="LOCALHOST:8000"),
                 request_head("GET", "/hello.txt", host="127.0.0.1"),
                 request_head("GET", "http://localhost/hello.txt")):
        assert handling.quick(head) is None  # passed the check; the file needs a worker


@pytest.mark.parametrize("upload", [False, True])
def test_options_lists_the_webdav_methods(share, sockets, upload):
    """WebDAV clients probe with OPTIONS before they log in; what a principal may really do
    is decided per request (a read-only share answers a MKCOL 403)."""
    handling = Handling(config_of(share, upload=upload), sockets)
    for target in ("/hello.txt", "*"):
        keep, answer = handling.quick(request_head("OPTIONS", target))
        status, headers, body = split(answer)
        assert (status, headers["allow"], body, keep) == (200, ALLOW, b"", True)
        assert headers["dav"] == "1, 2"


def test_known_methods_are_405_and_others_501(handling):
    keep, answer = handling.quick(request_head("PATCH", "/hello.txt"))
    assert (status_of(answer), split(answer)[1]["allow"], keep) == (
        405, "GET, HEAD, OPTIONS, PROPFIND", True)
    keep, answer = handling.quick(request_head("BREW", "/pot"))
    assert status_of(answer) == 501 and not keep
    assert split(answer)[1]["connection"] == "close"


def test_uploads_turned_off_say_so(handling, share):
    head = request_head("PUT", "/new.txt", "Content-Length: 3")
    assert handling.quick(head) is None  # a body to deal with
    handling.conn.buffer += b"new"
    keep, response, body = handling.worker(head)
    assert response.status == 405 and b"Uploads are turned off" in body
    assert not keep  # the body was never read: it cannot be told from the next request
    assert not (share / "new.txt").exists()


def test_plain_http_on_the_tls_port_is_sent_to_https(handling):
    handling.conn.tls_state = PLAIN_ON_TLS
    keep, answer = handling.quick(request_head("GET", "/docs/?sort=size", host="localhost:8443"))
    status, headers, _ = split(answer)
    assert (status, headers["location"], keep) == (301, "https://localhost:8443/docs/?sort=size",
                                                   False)


# -- request bodies ------------------------------------------------------------------------------


def test_a_small_body_on_a_get_is_read_and_the_connection_kept(handling):
    head = request_head("GET", "/hello.txt", "Content-Length: 5")
    following = request_head("GET", "/docs/notes.md")
    assert handling.quick(head) is None  # the serve thread reads no bodies
    handling.conn.buffer += b"abcde" + following
    keep, response, body = handling.worker(head)
    assert (response.status, body, keep) == (200, HELLO, True)
    assert bytes(handling.conn.buffer) == following  # the next request is intact
    assert handling.records[-1].bytes_received == 5


def test_a_large_body_on_a_get_is_413_and_closes(handling):
    head = request_head("GET", "/hello.txt", "Content-Length: 100000")
    keep, response, _ = handling.worker(head)
    assert response.status == 413 and not keep


def test_an_upload_is_told_to_continue_and_stored(share, sockets):
    handling = Handling(config_of(share, upload=True), sockets)
    head = request_head("PUT", "/docs/new.txt", "Content-Length: 10", "Expect: 100-continue",
                        "Accept: application/json")
    handling.conn.buffer += b"fresh data"
    keep, answer = served(handling.conn, handling.client,
                          lambda: handling.handler.handle(handling.conn, head))
    assert answer.startswith(CONTINUE)
    status, headers, body = split(answer[len(CONTINUE):])
    assert (status, headers["location"], keep) == (201, "/docs/new.txt", True)
    assert json.loads(body) == {"files": [{"name": "new.txt", "url": "/docs/new.txt"}]}
    assert (share / "docs" / "new.txt").read_bytes() == b"fresh data"
    record = handling.records[-1]
    assert (record.method, record.status, record.bytes_received) == ("PUT", 201, 10)


# -- the share gone ------------------------------------------------------------------------------


def test_while_the_share_is_gone_only_piers_own_pages_answer(handling):
    handling.share.available = False
    keep, answer = handling.quick(request_head("GET", "/hello.txt"))
    status, headers, _ = split(answer)
    assert (status, headers["retry-after"], keep) == (503, "5", True)
    keep, answer = handling.quick(request_head("GET", "/.well-known/pier/assets/style.css"))
    assert status_of(answer) == 200


def test_errors_answer_json_to_scripts(handling):
    keep, answer = handling.quick(request_head("GET", "/missing.txt",
                                               "Accept: application/json"))
    status, headers, body = split(answer)
    assert (status, headers["content-type"], keep) == (404, "application/json; charset=utf-8",
                                                       True)
    assert body == b'{"status": 404, "error": "Not found."}'


def test_a_malformed_head_is_400_and_closes(handling):
    keep, answer = handling.quick(b"GET /hello.txt HTTP/1.1\r\n\r\n")  # no Host
    assert status_of(answer) == 400 and not keep
    assert handling.records[-1].status == 400


def test_a_file_replaced_after_routing_is_503_from_the_worker(handling, share):
    head = request_head("GET", "/big.bin")
    assert handling.quick(head) is None  # routed: a span of the file as it was then
    (share / "new.bin").write_bytes(b"another version")
    (share / "new.bin").replace(share / "big.bin")
    keep, response, body = handling.worker(head)
    assert (response.status, response.getheader("Retry-After"), keep) == (503, "1", True)
    assert b"another version" not in body
    assert handling.records[-1].status == 503


def test_a_client_gone_before_the_answer_is_recorded_incomplete(handling):
    """Not a complete 200 of 0 bytes: the log must show that nothing arrived."""
    head = request_head("GET", "/big.bin")
    assert handling.quick(head) is None
    handling.client.close()
    assert handling.handler.handle(handling.conn, head) is False  # the connection closes
    [record] = handling.records
    assert (record.bytes_sent, record.bytes_expected) == (0, BIG_SIZE)
    assert record.incomplete


@pytest.mark.parametrize("head", [
    request_head("PUT", "/empty.txt", "Content-Length: 0"),
    request_head("POST", "/?mkdir=made", "Content-Length: 0"),
    request_head("POST", "/?mkdir=made"),
], ids=["put-empty", "mkdir-length-0", "mkdir-no-length"])
def test_the_serve_thread_never_changes_the_share(share, sockets, head):
    """Even a write without a body (an empty file, a new folder) is a worker's: the serve
    thread does no more than lstat the share."""
    handling = Handling(config_of(share, upload=True), sockets)
    assert handling.quick(head) is None
    assert not (share / "empty.txt").exists() and not (share / "made").exists()
    keep, response, _ = handling.worker(head)
    assert response.status == 201 and keep
    assert (share / "empty.txt").exists() or (share / "made").is_dir()
