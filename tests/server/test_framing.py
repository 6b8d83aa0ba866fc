"""Strict request framing: every malformed head gets one clear answer, then the connection
closes where the message is ambiguous. Raw sockets, because http.client cannot send these.
The parser on its own: test_http11.py."""

from __future__ import annotations

import pytest

from server.routes_dav import ALLOW

GOOD = b"GET /hello.txt HTTP/1.1\r\nHost: localhost\r\n"


def status_of(data: bytes) -> int:
    return int(data.split(b" ", 2)[1])


def answers(data: bytes) -> int:
    return data.count(b"\r\nServer: Pier\r\n")


@pytest.mark.parametrize(
    ("head", "status"),
    [
        (GOOD + b"Content-Length: 1\r\nContent-Length: 1\r\n\r\nx", 400),
        (GOOD + b"Content-Length: -1\r\n\r\n", 400),
        (GOOD + b"Content-Length: 1x\r\n\r\n", 400),
        (GOOD + b"Content-Length: +5\r\n\r\n", 400),
        (GOOD + b"Transfer-Encoding: chunked\r\nContent-Length: 3\r\n\r\n", 400),
        (GOOD + b"Transfer-Encoding: gzip\r\n\r\n", 501),
        (GOOD + b"X-A: 1\r\n folded\r\n\r\n", 400),
        (GOOD + b"X-A : 1\r\n\r\n", 400),
        (GOOD + b"No colon here\r\n\r\n", 400),
        (GOOD + b"Host: localhost\r\n\r\n", 400),
        (b"GET /hello.txt HTTP/1.1\r\n\r\n", 400),
        (b"GET /hello.txt HTTP/2.0\r\nHost: localhost\r\n\r\n", 505),
        (b"GET /hello.txt HTTP/1.1 extra\r\nHost: localhost\r\n\r\n", 400),
        (b"GET /hello.txt FOO/1.1\r\nHost: localhost\r\n\r\n", 400),
        (b"GET /hello.txt\r\nHost: localhost\r\n\r\n", 400),
        (b"G(T /hello.txt HTTP/1.1\r\nHost: localhost\r\n\r\n", 400),
        (b"GET /hello.txt HTTP/1.1\nHost: x\n\n", 400),
        (b"GET /he\x00llo.txt HTTP/1.1\r\nHost: localhost\r\n\r\n", 400),
        (b"GET /hello.txt HTTP/1.1\r\nHost: localhost\r\nX-A: a\rb\r\n\r\n", 400),
        (b"GET hello.txt HTTP/1.1\r\nHost: localhost\r\n\r\n", 400),
        (b"GET /hello.txt#frag HTTP/1.1\r\nHost: localhost\r\n\r\n", 400),
        (GOOD + b"X-Long: " + b"a" * 9000 + b"\r\n\r\n", 431),
        (GOOD + b"".join(b"X-%d: 1\r\n" % i for i in range(120)) + b"\r\n", 431),
        (b"GET /" + b"a" * 9000 + b" HTTP/1.1\r\nHost: localhost\r\n\r\n", 414),
        (b"BREW /pot HTTP/1.1\r\nHost: localhost\r\n\r\n", 501),
        (GOOD.replace(b"GET", b"PATCH") + b"Connection: close\r\n\r\n", 405),
        (GOOD.replace(b"GET", b"DELETE") + b"Connection: close\r\n\r\n", 403),
    ],
)
def test_malformed_requests_get_one_clear_answer(server, head, status):
    data = server.raw(head)
    assert status_of(data) == status
    assert answers(data) == 1
    assert b"Traceback" not in data


@pytest.mark.parametrize(
    "head",
    [
        GOOD + b"Content-Length: 1\r\nContent-Length: 1\r\n\r\nx",
        GOOD + b"Transfer-Encoding: chunked\r\nContent-Length: 3\r\n\r\n",
        GOOD + b"X-A: 1\r\n folded\r\n\r\n",
        b"POST /hello.txt HTTP/1.1\r\nHost: localhost\r\nContent-Length: 5\r\n\r\nhello",
    ],
)
def test_ambiguous_messages_close_the_connection(server, head):
    # A second request smuggled behind the first must never be answered.
    data = server.raw(head + b"GET /hello.txt HTTP/1.1\r\nHost: localhost\r\n\r\n")
    assert answers(data) == 1
    assert b"Connection: close" in data


def test_get_with_small_body_keeps_framing(server):
    data = server.raw(GOOD + b"Content-Length: 4\r\n\r\nabcd"
                      + b"GET /hello.txt HTTP/1.1\r\nHost: localhost\r\nConnection: close\r\n\r\n")
    assert answers(data) == 2


def test_405_names_the_allowed_methods(server):
    data = server.raw(b"PUT /x HTTP/1.1\r\nHost: localhost\r\nContent-Length: 0\r\n"
                      b"Connection: close\r\n\r\n")
    assert status_of(data) == 405
    assert b"Allow: GET, HEAD, OPTIONS, PROPFIND\r\n" in data


def test_405_names_what_a_changing_share_allows(server_factory, share):
    running = server_factory(share, upload=True, modify=True)
    data = running.raw(b"TRACE /x HTTP/1.1\r\nHost: localhost\r\nConnection: close\r\n\r\n")
    assert status_of(data) == 405
    allow = data.split(b"\r\nAllow: ", 1)[1].split(b"\r\n", 1)[0].decode().split(", ")
    assert set(allow) == {"GET", "HEAD", "OPTIONS", "PROPFIND", "PUT", "POST", "MKCOL", "COPY",
                          "DELETE", "MOVE", "PROPPATCH", "LOCK", "UNLOCK"}


def test_options_lists_methods(server):
    response, _ = server.get("/", method="OPTIONS")
    assert response.status == 200
    assert response.getheader("Allow") == ALLOW and response.getheader("DAV") == "1, 2"


def test_absolute_form_target_is_accepted(server):
    data = server.raw(b"GET http://localhost/hello.txt HTTP/1.1\r\nHost: localhost\r\n"
                      b"Connection: close\r\n\r\n")
    assert data.startswith(b"HTTP/1.1 200") and data.endswith(b"hello, world\n")


def test_leading_blank_lines_are_ignored(server):
    data = server.raw(b"\r\n\r\n" + GOOD + b"Connection: close\r\n\r\n")
    assert data.startswith(b"HTTP/1.1 200")


def test_refused_heads_are_recorded(server):
    server.raw(b"GET /" + b"a" * 9000 + b" HTTP/1.1\r\nHost: localhost\r\n\r\n")
    records = server.wait_for_records(1)
    assert records[0].status == 414


def test_chunked_body_on_get_is_drained(server):
    data = server.raw(GOOD + b"Transfer-Encoding: chunked\r\n\r\n"
                      + b"4;ext=1\r\nabcd\r\n0\r\nX-T: 1\r\n\r\n"
                      + b"GET /hello.txt HTTP/1.1\r\nHost: localhost\r\nConnection: close\r\n\r\n")
    assert answers(data) == 2 and data.count(b"HTTP/1.1 200 OK") == 2


@pytest.mark.parametrize("body", [b"zz\r\nab\r\n0\r\n\r\n", b"2\r\nabXX0\r\n\r\n",
                                  b"1" * 40 + b"\r\n"])
def test_malformed_chunked_body_is_400_and_closes(server, body):
    data = server.raw(GOOD + b"Transfer-Encoding: chunked\r\n\r\n" + body
                      + b"GET /hello.txt HTTP/1.1\r\nHost: localhost\r\n\r\n")
    assert status_of(data) == 400 and answers(data) == 1
