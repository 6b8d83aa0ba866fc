"""The engine's life cycle, connection handling, limits and records, over real sockets."""

from __future__ import annotations

import http.client
import socket
import threading
import time
from pathlib import Path

import pytest

from server.clock import ManualClock
from server.config import Limits, ServerConfig
from server.engine import ServerEngine, bind_listener
from server.errors import ConfigError, EngineStateError, FolderError, PortInUseError
from tests.conftest import read_until_closed, start_server


def test_start_returns_url_and_serves(server):
    urls = server.engine.urls()
    assert urls == [f"http://127.0.0.1:{server.port}/"]
    response, body = server.get("/hello.txt")
    assert response.status == 200
    assert body == b"hello, world\n"


def test_stop_then_start_again_on_the_same_port(share):
    engine = ServerEngine()
    engine.start(ServerConfig(root=share, port=0))
    port = engine.port
    keep = http.client.HTTPConnection("127.0.0.1", port, timeout=5)
    keep.request("GET", "/hello.txt")
    keep.getresponse().read()
    engine.stop()
    assert not engine.running
    with pytest.raises(ConnectionRefusedError):
        socket.create_connection(("127.0.0.1", port), timeout=2).close()
    engine.start(ServerConfig(root=share, port=port))
    try:
        fresh = http.client.HTTPConnection("127.0.0.1", port, timeout=5)
        fresh.request("GET", "/hello.txt")
        assert fresh.getresponse().status == 200
        fresh.close()
    finally:
        engine.stop()
    keep.close()


def test_port_in_use_is_a_typed_error(share):
    holder = bind_listener("127.0.0.1", 0)
    try:
        port = holder.getsockname()[1]
        with pytest.raises(PortInUseError) as caught:
            ServerEngine().start(ServerConfig(root=share, port=port))
        assert str(port) in str(caught.value)
    finally:
        holder.close()


def test_missing_folder_and_bad_settings_are_typed_errors(tmp_path):
    engine = ServerEngine()
    with pytest.raises(FolderError, match="does not exist"):
        engine.start(ServerConfig(root=tmp_path / "gone", port=0))
    (tmp_path / "file").write_text("x")
    with pytest.raises(FolderError, match="not a folder"):
        engine.start(ServerConfig(root=tmp_path / "file", port=0))
    with pytest.raises(ConfigError):
        engine.start(ServerConfig(root=tmp_path, port=70000))
    with pytest.raises(ConfigError):
        engine.start(ServerConfig(root=tmp_path, host="my laptop", port=0))
    assert not engine.running


def test_second_start_is_refused(server, share):
    with pytest.raises(EngineStateError):
        server.engine.start(ServerConfig(root=share, port=0))


def test_keep_alive_serves_many_requests_on_one_connection(server):
    conn = server.connection()
    for _ in range(50):
        conn.request("GET", "/hello.txt")
        response = conn.getresponse()
        assert response.read() == b"hello, world\n"
        assert not response.will_close
    conn.close()
    records = server.wait_for_records(50)
    assert len(records) == 50
    assert server.engine.stats().total_requests == 50


def test_pipelined_requests_are_answered_in_order(server):
    request = b"GET /hello.txt HTTP/1.1\r\nHost: localhost\r\n\r\n"
    last = b"GET /docs/notes.md HTTP/1.1\r\nHost: localhost\r\nConnection: close\r\n\r\n"
    data = server.raw(request * 3 + last)
    assert data.count(b"HTTP/1.1 200 OK") == 4
    assert data.endswith(b"# notes\n")


def test_http10_closes_unless_keep_alive_is_asked(server):
    data = server.raw(b"GET /hello.txt HTTP/1.0\r\n\r\n")
    assert data.startswith(b"HTTP/1.1 200 OK")
    assert b"Connection: close" in data
    with socket.create_connection(("127.0.0.1", server.port), timeout=5) as sock:
        sock.sendall(b"GET /hello.txt HTTP/1.0\r\nConnection: keep-alive\r\n\r\n")
        response = http.client.HTTPResponse(sock)
        response.begin()
        assert response.getheader("Connection") == "keep-alive"
        assert response.read() == b"hello, world\n"
        sock.sendall(b"GET /hello.txt HTTP/1.0\r\n\r\n")
        assert read_until_closed(sock).endswith(b"hello, world\n")


def test_head_sends_headers_only(server):
    response, body = server.get("/big.bin", method="HEAD")
    assert response.status == 200
    assert body == b""
    assert int(response.getheader("Content-Length")) == 3 * 1024 * 1024 + 17
    response, body = server.get("/", method="HEAD")
    assert response.status == 200 and body == b""


def test_records_describe_each_request(server):
    server.get("/hello.txt", headers={"User-Agent": "probe/1.0", "Referer": "http://x/"})
    server.get("/missing")
    # A worker records after sending, so a quick answer that follows may be recorded first.
    first, second = sorted(server.wait_for_records(2), key=lambda r: r.path != "/hello.txt")
    assert (first.method, first.path, first.status) == ("GET", "/hello.txt", 200)
    assert first.client == "127.0.0.1"
    assert first.bytes_sent == len(b"hello, world\n")
    assert first.user_agent == "probe/1.0" and first.referer == "http://x/"
    assert first.tls is False and first.user == "" and isinstance(first.duration, float)
    assert time.time() - first.time < 60
    assert second.status == 404


def test_a_burst_of_connections_is_accepted(server):
    """The listen backlog is 128: a burst of 200 simultaneous connects must all be served."""
    results: list[int] = []
    lock = threading.Lock()

    def fetch() -> None:
        response, _ = server.get("/hello.txt")
        with lock:
            results.append(response.status)

    threads = [threading.Thread(target=fetch) for _ in range(60)]
    for t in threads:
        t.start()
    for t in threads:
        t.join(20)
    assert results == [200] * 60


def closed_by_server(sock: socket.socket) -> bool:
    """Whether the server closed or reset ``sock`` (rather than leaving it open until the
    client's timeout), reading past whatever it had sent."""
    try:
        while sock.recv(65536):
            pass
    except ConnectionError:
        return True
    except TimeoutError:
        return False
    return True


def test_stop_closes_idle_and_busy_connections(share, huge):
    running = start_server(share)
    idle = socket.create_connection(("127.0.0.1", running.port), timeout=5)
    downloader = socket.create_connection(("127.0.0.1", running.port), timeout=5)
    downloader.setsockopt(socket.SOL_SOCKET, socket.SO_RCVBUF, 4096)
    downloader.sendall(b"GET /huge.bin HTTP/1.1\r\nHost: localhost\r\n\r\n")
    assert downloader.recv(100).startswith(b"HTTP/1.1 200")  # the download is in flight
    running.engine.stop()  # the autouse thread check then finds no pier- thread left
    assert not running.engine.running
    assert closed_by_server(idle) and closed_by_server(downloader)
    idle.close()
    downloader.close()


def test_uptime_and_stats_run_on_the_engine_clock(share):
    clock = ManualClock()
    engine = ServerEngine(clock=clock)
    assert engine.uptime() == 0.0
    engine.start(ServerConfig(root=share, port=0))
    try:
        clock.advance(90.0)
        assert engine.uptime() == 90.0
        assert engine.live_stats()["uptime_s"] == 90.0
        assert engine.stats().started_at == clock.monotonic() - 90.0
    finally:
        engine.stop()
    assert engine.uptime() == 0.0 and engine.live_stats()["uptime_s"] == 0


def test_idle_keep_alive_connection_is_closed(server_factory, share):
    running = server_factory(share, limits=Limits(idle_timeout=0.3))
    with socket.create_connection(("127.0.0.1", running.port), timeout=5) as sock:
        sock.sendall(b"GET /hello.txt HTTP/1.1\r\nHost: localhost\r\n\r\n")
        response = http.client.HTTPResponse(sock)
        response.begin()
        response.read()
        assert sock.recv(10) == b""  # closed by the server after the idle timeout


def test_slow_header_gets_408_and_does_not_block_others(server_factory, share):
    running = server_factory(share, limits=Limits(header_timeout=0.5, workers=1))
    with socket.create_connection(("127.0.0.1", running.port), timeout=5) as slow:
        slow.sendall(b"GET /hello.txt HTTP/1.1\r\nHo")
        _response, body = running.get("/hello.txt")  # a single worker, yet no wait
        assert body == b"hello, world\n"
        assert read_until_closed(slow).startswith(b"HTTP/1.1 408")


def test_silent_connections_cost_no_worker(server_factory, share):
    running = server_factory(share, limits=Limits(workers=1))
    silent = [socket.create_connection(("127.0.0.1", running.port), timeout=5) for _ in range(20)]
    try:
        response, _ = running.get("/hello.txt")
        assert response.status == 200
    finally:
        for sock in silent:
            sock.close()


def test_large_downloads_do_not_starve_the_pool(server_factory, share, huge):
    running = server_factory(share, limits=Limits(workers=1))
    stalled = []
    for _ in range(3):  # three clients that start a large download and never read it
        sock = socket.create_connection(("127.0.0.1", running.port), timeout=5)
        sock.setsockopt(socket.SOL_SOCKET, socket.SO_RCVBUF, 4096)
        sock.sendall(b"GET /huge.bin HTTP/1.1\r\nHost: localhost\r\n\r\n")
        assert sock.recv(20).startswith(b"HTTP/1.1 200")
        stalled.append(sock)
    _response, body = running.get("/hello.txt")
    assert body == b"hello, world\n"
    for sock in stalled:
        sock.close()


def test_stalled_reader_is_dropped_after_io_timeout(server_factory, share, huge):
    running = server_factory(share, limits=Limits(io_timeout=0.3))
    sock = socket.create_connection(("127.0.0.1", running.port), timeout=5)
    sock.setsockopt(socket.SOL_SOCKET, socket.SO_RCVBUF, 4096)
    sock.sendall(b"GET /huge.bin HTTP/1.1\r\nHost: localhost\r\n\r\n")
    deadline = time.monotonic() + 5
    while running.engine.stats().active_connections and time.monotonic() < deadline:
        time.sleep(0.02)
    assert running.engine.stats().active_connections == 0
    sock.close()


def test_connection_caps_answer_503(server_factory, share):
    running = server_factory(share, limits=Limits(max_connections_per_ip=2))
    held = [socket.create_connection(("127.0.0.1", running.port), timeout=5) for _ in range(2)]
    try:
        deadline = time.monotonic() + 5
        while running.engine.stats().active_connections < 2 and time.monotonic() < deadline:
            time.sleep(0.01)
        data = running.raw(b"GET /hello.txt HTTP/1.1\r\nHost: localhost\r\n\r\n")
        assert data.startswith(b"HTTP/1.1 503")
        assert b"Retry-After: 1" in data
    finally:
        for sock in held:
            sock.close()
    deadline = time.monotonic() + 5
    while running.engine.stats().active_connections and time.monotonic() < deadline:
        time.sleep(0.01)
    response, _ = running.get("/hello.txt")  # recovers once the load is gone
    assert response.status == 200


def test_client_that_disconnects_mid_download_is_not_an_error(server, caplog):
    with socket.create_connection(("127.0.0.1", server.port), timeout=5) as sock:
        sock.sendall(b"GET /big.bin HTTP/1.1\r\nHost: localhost\r\n\r\n")
        sock.recv(1000)
    server.wait_for_records(1)
    assert not [r for r in caplog.records if r.levelname in ("ERROR", "CRITICAL")]
    response, _ = server.get("/hello.txt")
    assert response.status == 200


def test_access_log_in_combined_format(server_factory, share, tmp_path: Path):
    log_file = tmp_path / "logs" / "access.log"
    running = server_factory(share, access_log=log_file)
    running.get("/hello.txt", headers={"User-Agent": 'evil"\x1b[31m'.replace("\x1b", "")})
    running.get("/%1b%5b31mx")
    running.wait_for_records(2)
    running.engine.stop()
    # A worker logs after sending, so the quick 400 that follows may be logged first.
    lines = sorted(log_file.read_text(encoding="utf-8").splitlines(),
                   key=lambda line: "/hello.txt" not in line)
    assert len(lines) == 2
    assert lines[0].startswith("127.0.0.1 - - [")
    assert '"GET /hello.txt HTTP/1.1" 200 13 "-" "evil\\x22[31m"' in lines[0]
    assert "\x1b" not in log_file.read_text(encoding="utf-8")


# -- answers made on the serve thread --------------------------------------------------------

def read_response(sock: socket.socket, pending: bytearray) -> tuple[bytes, bytes]:
    """One Content-Length framed response from ``sock``: (head, body); ``pending`` keeps
    bytes read past it."""
    while b"\r\n\r\n" not in pending:
        chunk = sock.recv(65536)
        assert chunk, "closed before a whole head arrived"
        pending += chunk
    end = pending.index(b"\r\n\r\n") + 4
    head = bytes(pending[:end])
    length = int(head.lower().split(b"content-length: ", 1)[1].split(b"\r\n", 1)[0])
    while len(pending) < end + length:
        chunk = sock.recv(65536)
        assert chunk, "closed mid-body"
        pending += chunk
    body = bytes(pending[end:end + length])
    del pending[:end + length]
    return head, body


def test_pipelined_mix_of_quick_and_worker_answers_stays_in_order(server, share):
    """Cached small answers go out from the serve thread, a streamed file and a first listing
    from a worker; one connection's answers must still come in request order."""
    big = (share / "big.bin").read_bytes()
    paths = ["/hello.txt", "/big.bin", "/hello.txt", "/docs/", "/missing", "/docs/notes.md",
             "/big.bin", "/hello.txt"]
    with socket.create_connection(("127.0.0.1", server.port), timeout=10) as sock:
        for _ in range(2):  # the second pass finds the listing and small files cached
            sock.sendall(b"".join(b"GET %s HTTP/1.1\r\nHost: localhost\r\n\r\n" % p.encode()
                                  for p in paths))
            pending = bytearray()
            answers = [read_response(sock, pending) for _ in paths]
            assert pending == b""
            assert [h.split(b" ", 2)[1] for h, _ in answers] == \
                [b"200", b"200", b"200", b"200", b"404", b"200", b"200", b"200"]
            assert answers[0][1] == answers[2][1] == answers[7][1] == b"hello, world\n"
            assert answers[1][1] == answers[6][1] == big
            assert b"notes.md" in answers[3][1] and answers[5][1] == b"# notes\n"


def test_an_answer_the_client_does_not_read_is_finished_by_a_worker(server_factory, share):
    """The serve thread never waits for a client: what a slow reader cannot take at once goes
    to a worker, and everyone else keeps being answered meanwhile."""
    body = b"a" * (200 * 1024)  # small enough to be answered from memory
    (share / "cached.txt").write_bytes(body)
    running = server_factory(share, limits=Limits(workers=1))
    running.get("/cached.txt")  # now cached
    count = 100  # 20 MB of answers: far more than the socket buffers hold
    with socket.create_connection(("127.0.0.1", running.port), timeout=10) as slow:
        slow.sendall(b"GET /cached.txt HTTP/1.1\r\nHost: localhost\r\n\r\n" * count)
        for _ in range(3):  # answered while the slow reader's answers wait
            response, data = running.get("/hello.txt")
            assert response.status == 200 and data == b"hello, world\n"
        pending = bytearray()
        for _ in range(count):
            head, data = read_response(slow, pending)
            assert head.startswith(b"HTTP/1.1 200 OK") and data == body
    assert len(running.wait_for_records(count + 4)) == count + 4


def test_a_long_pipeline_is_answered_completely_and_in_order(server):
    """Thousands of requests in a few packets: answers are batched per round of ready sockets
    (bounded per connection) and must all arrive, in order."""
    count = 3000
    request = b"GET /hello.txt?n=%d HTTP/1.1\r\nHost: localhost\r\n\r\n"
    with socket.create_connection(("127.0.0.1", server.port), timeout=10) as sock:
        sock.sendall(b"".join(request % i for i in range(count)))
        pending = bytearray()
        for _ in range(count):
            head, body = read_response(sock, pending)
            assert head.startswith(b"HTTP/1.1 200 OK") and body == b"hello, world\n"
    records = server.wait_for_records(count)
    assert [r.path for r in records[:count]] == [f"/hello.txt?n={i}" for i in range(count)]


def test_answers_before_a_close_or_a_refusal_still_arrive_first(server):
    closing = (b"GET /hello.txt HTTP/1.1\r\nHost: localhost\r\n\r\n"
               b"GET /docs/notes.md HTTP/1.1\r\nHost: localhost\r\nConnection: close\r\n\r\n"
               b"GET /hello.txt HTTP/1.1\r\nHost: localhost\r\n\r\n")
    data = server.raw(closing)
    assert data.count(b"HTTP/1.1 200 OK") == 2 and data.endswith(b"# notes\n")
    too_long = b"GET /hello.txt HTTP/1.1\r\nHost: [::1]\r\n\r\nGET / HTTP/1.1\r\nX: " + b"a" * 20000
    data = server.raw(too_long)
    assert data.startswith(b"HTTP/1.1 200 OK") and b"hello, world\n" in data
    assert data.split(b"hello, world\n", 1)[1].startswith(b"HTTP/1.1 431")


def test_the_serve_thread_never_reads_file_contents(share):
    """Quick answers come from memory only: a file not cached yet is read by a worker, which
    caches it, and only then is it answered on the serve thread."""
    from server.connection import Connection
    from server.handler import RequestHandler

    handler = RequestHandler(ServerConfig(root=share, port=0).validated(), lambda _r: None, None)
    ours, theirs = socket.socketpair()
    try:
        conn = Connection(ours, "127.0.0.1", 5.0)
        head = b"GET /hello.txt HTTP/1.1\r\nHost: localhost\r\n\r\n"
        assert handler.answer_quickly(conn, head) is None
        assert handler.handle(conn, head)  # the worker's way: reads, caches, sends
        answer = handler.answer_quickly(conn, head)
        assert answer is not None and answer[0] and answer[1][-1] == b"hello, world\n"
    finally:
        ours.close()
        theirs.close()


def test_a_failure_on_one_connection_does_not_stop_the_share(server, caplog):
    """The serve thread runs handler code now; an unexpected error there closes the connection
    it happened on, and everyone else is still served."""
    loop = server.engine._loop
    real = loop._handler.answer_quickly
    failed = []

    def fail_once(conn, head):
        if not failed:
            failed.append(head)
            raise RuntimeError("a bug")
        return real(conn, head)

    loop._handler.answer_quickly = fail_once
    assert server.raw(b"GET /hello.txt HTTP/1.1\r\nHost: localhost\r\n\r\n") == b""
    response, body = server.get("/hello.txt")
    assert failed and response.status == 200 and body == b"hello, world\n"
    assert "closing that connection" in caplog.text
