"""Request framing beyond tests/server/test_framing.py: smuggling attempts (CL.TE, TE.CL,
obfuscated Transfer-Encoding), odd versions and line endings, huge URIs, Expect, and Range
abuse. Every message gets exactly one correct answer; ambiguous ones close the connection."""

from __future__ import annotations

import pytest

from server.config import Limits
from tests.security.conftest import (
    answers,
    connect,
    content_length,
    exchange,
    head_and_body,
    read_head,
    read_rest,
    request,
    status_of,
)

SMUGGLED = b"GET /hello.txt HTTP/1.1\r\nHost: localhost\r\n\r\n"


def head(*lines: bytes, method: bytes = b"GET", target: bytes = b"/hello.txt",
         version: bytes = b"HTTP/1.1") -> bytes:
    return b"\r\n".join([method + b" " + target + b" " + version, *lines, b"", b""])


SMUGGLING = [
    # CL.TE and TE.CL, in both orders and on POST
    (head(b"Host: localhost", b"Content-Length: 6", b"Transfer-Encoding: chunked", method=b"POST")
     + b"0\r\n\r\nG", 400),
    (head(b"Host: localhost", b"Transfer-Encoding: chunked", b"Content-Length: 4", method=b"POST")
     + b"5c\r\nGPOST / HTTP/1.1\r\n\r\n0\r\n\r\n", 400),
    (head(b"Host: [::1]", b"Content-Length: 0", b"Transfer-Encoding: chunked") + b"0\r\n\r\n", 400),
    # obfuscated Transfer-Encoding
    (head(b"Host: localhost", b"Transfer-Encoding: chunked, identity") + b"0\r\n\r\n", 501),
    (head(b"Host: localhost", b"Transfer-Encoding: identity, chunked") + b"0\r\n\r\n", 501),
    (head(b"Host: localhost", b"Transfer-Encoding: xchunked") + b"0\r\n\r\n", 501),
    (head(b"Host: localhost", b"Transfer-Encoding: chunked;q=1") + b"0\r\n\r\n", 501),
    (head(b"Host: localhost", b'Transfer-Encoding: "chunked"') + b"0\r\n\r\n", 501),
    (head(b"Host: localhost", b"Transfer-Encoding : chunked") + b"0\r\n\r\n", 400),
    (head(b"Host: localhost", b"Transfer-Encoding\t: chunked") + b"0\r\n\r\n", 400),
    (head(b"Host: localhost", b"Transfer-Encoding:\x0bchunked") + b"0\r\n\r\n", 400),
    (head(b"Host: localhost", b"Transfer-Encoding: chunked\x00") + b"0\r\n\r\n", 400),
    (head(b"\tTransfer-Encoding: chunked", b"Host: localhost") + b"0\r\n\r\n", 400),
    (head(b"Host: localhost", b"X-A: a", b"\tTransfer-Encoding: chunked") + b"0\r\n\r\n", 400),
    (head(b"Host: localhost", b" Transfer-Encoding: chunked") + b"0\r\n\r\n", 400),
    (head(b"Host: localhost", b"Transfer-Encoding: chunked", b"Transfer-Encoding: chunked")
     + b"0\r\n\r\n", 400),
    (head(b"Host: localhost", b"Transfer-Encoding: chunked", b"transfer-encoding: identity")
     + b"0\r\n\r\n", 400),
    (head(b"Transfer-Encoding: chunked", version=b"HTTP/1.0") + b"0\r\n\r\n", 400),
    # Content-Length that two parsers could read differently
    (head(b"Host: localhost", b"Content-Length: 5", b"content-length: 5") + b"hello", 400),
    (head(b"Host: localhost", b"Content-Length: 5, 5") + b"hello", 400),
    (head(b"Host: localhost", b"Content-Length: 5 5") + b"hello", 400),
    (head(b"Host: localhost", b"Content-Length: 0x5") + b"hello", 400),
    (head(b"Host: localhost", b"Content-Length: 5e0") + b"hello", 400),
    (head(b"Host: localhost", b"Content-Length: \xb5") + b"hello", 400),
    (head(b"Host: localhost", b"Content-Length:") + b"hello", 400),
    (head(b"Host: localhost", b"Content-Length: 99999999999999999999") + b"hello", 400),
    (head(b"Host: localhost", b"Content-Length: 999999999999999999") + b"hello", 413),
    # chunked bodies that a lenient parser would resynchronise on
    (head(b"Host: localhost", b"Transfer-Encoding: chunked") + b"4\nabcd\n0\n\n", 400),
    (head(b"Host: localhost", b"Transfer-Encoding: chunked") + b"0x4\r\nabcd\r\n0\r\n\r\n", 400),
    (head(b"Host: localhost", b"Transfer-Encoding: chunked") + b"-4\r\nabcd\r\n0\r\n\r\n", 400),
    (head(b"Host: localhost", b"Transfer-Encoding: chunked") + b"\xb2\r\nab\r\n0\r\n\r\n", 400),
    (head(b"Host: localhost", b"Transfer-Encoding: chunked") + b"f" * 17 + b"\r\n", 400),
    (head(b"Host: localhost", b"Transfer-Encoding: chunked") + b"4\r\nabcdX\r\n0\r\n\r\n", 400),
    (head(b"Host: localhost", b"Transfer-Encoding: chunked") + b"ffffffffffffffff\r\n"
     + b"a" * 70_000, 413),
]


@pytest.mark.parametrize(("data", "status"), SMUGGLING)
def test_smuggling_attempt_gets_one_answer_and_a_close(server, data, status):
    reply = exchange(server, data + SMUGGLED)
    assert status_of(reply) == status
    assert answers(reply) == 1, reply
    assert b"\r\nConnection: close\r\n" in reply


BAD_HEADS = [
    (head(b"Host : x"), 400),
    (head(b"Host: localhost", b"Content-Length : 0"), 400),
    (head(b"Host: localhost", b"X-Name\x00: v"), 400),
    (head(b"Host: localhost", b": no name"), 400),
    (head(b"Host: localhost", b"X-A: \x7f"), 400),
    (head(b"Host: localhost", version=b"HTTP/1.10"), 400),
    (head(b"Host: localhost", version=b"HTTP/01.1"), 400),
    (head(b"Host: localhost", version=b"http/1.1"), 400),
    (head(b"Host: localhost", version=b"HTTP/1"), 400),
    (head(b"Host: localhost", version=b"HTTP/1.1\t"), 400),
    (head(b"Host: localhost", version=b"HTTP/1.1 "), 400),
    (head(b"Host: localhost", version=b"HTTP/0.9"), 505),
    (head(b"Host: localhost", version=b"HTTP/1.2"), 505),
    (head(b"Host: localhost", version=b"HTTP/3.0"), 505),
    (b" GET /hello.txt HTTP/1.1\r\nHost: localhost\r\n\r\n", 400),
    (b"GET  /hello.txt HTTP/1.1\r\nHost: localhost\r\n\r\n", 400),
    (b"GET\t/hello.txt\tHTTP/1.1\r\nHost: localhost\r\n\r\n", 400),
    (b"GET /hello.txt HTTP/1.1\nHost: localhost\r\n\r\n", 400),
    (b"GET /hello.txt HTTP/1.1\r\nHost: x\nX-A: b\r\n\r\n", 400),
    (b"GET /hello.txt HTTP/1.1\r\nHost: localhost\r\n\n", 400),
    (b"GET /hello.txt HTTP/1.1\rHost: localhost\r\n\r\n", 400),
    (b"GET /hello.txt HTTP/1.1\r\nHost: localhost\r\r\n\r\n", 400),
    (b"GET /hel lo.txt HTTP/1.1\r\nHost: localhost\r\n\r\n", 400),
    (b"GET /h\xc3\xa9llo.txt HTTP/1.1\r\nHost: localhost\r\n\r\n", 400),
    (head(b"Host: localhost", b"Range: bytes=0-1", b"Range: bytes=2-3"), 400),
]


@pytest.mark.parametrize(("data", "status"), BAD_HEADS)
def test_malformed_head_gets_one_clear_answer(server, data, status):
    reply = exchange(server, data)
    assert status_of(reply) == status
    assert answers(reply) == 1
    assert b"Traceback" not in reply and b"\r\nConnection: close\r\n" in reply


def test_huge_request_line_is_refused_before_it_ends(server):
    """No CRLF ever comes: the server must not wait for it, nor buffer without bound."""
    with connect(server.port) as sock:
        sock.sendall(b"GET /" + b"a" * 9000)
        reply, closed = read_rest(sock)
    assert closed and status_of(reply) == 414 and answers(reply) == 1


def test_uri_at_the_limit_is_served_normally(server):
    target = b"/" + b"a" * (Limits().max_uri - 1)
    reply = exchange(server, b"GET " + target + b" HTTP/1.1\r\nHost: localhost\r\nConnection: close"
                     b"\r\n\r\n")
    assert status_of(reply) == 404  # an answer about the file, not about the request
    many = b"/a" * (Limits().max_uri // 2)
    assert status_of(exchange(server, request(many.decode()))) == 404


def test_expect_continue_without_a_body_is_answered_once(server):
    for method in ("GET", "HEAD"):
        reply = exchange(server, request("/hello.txt", "Expect: 100-continue", method=method))
        assert reply.startswith(b"HTTP/1.1 200 OK") and b"100 Continue" not in reply
        assert answers(reply) == 1
    reply = exchange(server, request("/hello.txt", "Expect: 100-continue", version="HTTP/1.0"))
    assert status_of(reply) == 200 and answers(reply) == 1
    reply = exchange(server, request("/hello.txt", "Expect: teapot"))
    assert status_of(reply) in (200, 417) and answers(reply) == 1


def test_expect_continue_with_a_body_on_get_is_answered_before_the_body(server_factory, share):
    """RFC 9110 10.1.1: a server MUST answer 100 (Continue) or a final status before it waits
    for the content. A client that waits for that answer must not hang until a timeout."""
    running = server_factory(share, limits=Limits(io_timeout=30))
    with connect(running.port, timeout=3) as sock:
        sock.sendall(head(b"Host: localhost", b"Expect: 100-continue", b"Content-Length: 5",
                          b"Connection: close"))
        try:
            first = sock.recv(65536)
        except TimeoutError:
            pytest.fail("no 100 Continue nor final answer: the client and server wait on "
                        "each other")
        if first.startswith(b"HTTP/1.1 100"):
            sock.sendall(b"hello")
            first = first.partition(b"\r\n\r\n")[2]
        reply, _ = read_rest(sock, first)
    assert status_of(reply) in (200, 400, 413, 417) and answers(reply) == 1


# ---------------------------------------------------------------------------- ranges


def test_hundreds_of_overlapping_ranges_get_the_file_once(server, share):
    data = (share / "big.bin").read_bytes()
    for spec in (",".join(["0-"] * 500), ",".join(["0-0"] * 600), ",".join(["-1"] * 700),
                 ",".join(f"{i}-{i + 1000000}" for i in range(300))):
        assert len(spec) < Limits().max_header_line
        reply = exchange(server, request("/big.bin", f"Range: bytes={spec}"), timeout=10)
        fields, body = head_and_body(reply)
        assert status_of(reply) == 200 and answers(reply) == 1
        assert fields["content-length"] == [str(len(data))] and body == data
        assert "content-range" not in fields


def test_a_range_header_beyond_the_line_limit_is_refused(server):
    spec = ",".join(["0-"] * 4000)
    reply = exchange(server, request("/hello.txt", f"Range: bytes={spec}"))
    assert status_of(reply) == 431 and answers(reply) == 1


@pytest.mark.parametrize(
    ("spec", "status"),
    [
        ("bytes=99999999999999999999-", 416),
        ("bytes=18446744073709551616-18446744073709551617", 416),
        ("bytes=0-99999999999999999999", 206),
        ("bytes=-99999999999999999999", 206),
        ("bytes=" + "9" * 5000 + "-", 416),
        ("bytes=0-" + "9" * 5000, 206),
        ("bytes=-" + "9" * 5000, 206),
        ("bytes=-0", 416),
        ("bytes=--1", 200),
        ("bytes=-1-2", 200),
        ("bytes=1--2", 200),
        ("bytes=-", 200),
        ("bytes=", 200),
        ("bytes", 200),
        ("=0-1", 200),
        ("bytes=0-1-2", 200),
        ("bytes=0x1-2", 200),
        ("bytes=1.5-2", 200),
        ("bytes=+1-2", 200),
        ("bytes=\xb2-", 200),
        ("bytes=0-\xb9", 200),
        ("bytes=-\xb3", 200),
        ("bytes=\u00bd-", 200),
        ("bytes=0-1;x", 200),
        ("pages=0-1", 200),
    ],
)
def test_absurd_or_garbage_ranges_are_answered_and_keep_the_connection(server, share, spec,
                                                                      status):
    """416 for a well-formed range past the end, the whole file for garbage (RFC 9110 14.2),
    206 for a range that overshoots; never a 500, and the connection stays usable."""
    size = (share / "hello.txt").stat().st_size
    first = ("GET /hello.txt HTTP/1.1\r\nHost: [::1]\r\nRange: " + spec
             + "\r\n\r\n").encode("latin-1")
    reply = exchange(server, first + request("/hello.txt"))
    assert status_of(reply) == status, reply[:200]
    assert answers(reply) == 2, reply[:300]
    if status == 416:
        assert f"Content-Range: bytes */{size}".encode() in reply
    if status == 206:
        assert f"Content-Range: bytes 0-{size - 1}/{size}".encode() in reply


def test_if_range_and_conditionals_with_garbage_are_ignored(server):
    for extra in ("If-Range: \x80\xff", "If-Modified-Since: " + "9" * 5000,
                  "If-None-Match: " + ",".join(['"x"'] * 1500), "If-Range: W/\"\"",
                  "If-Modified-Since: Mon, 99 Foo 99999 99:99:99 GMT"):
        data = ("GET /hello.txt HTTP/1.1\r\nHost: localhost\r\nRange: bytes=0-1\r\n" + extra
                + "\r\nConnection: close\r\n\r\n").encode("latin-1")
        reply = exchange(server, data)
        assert status_of(reply) in (200, 206, 304), extra[:30]
        assert answers(reply) == 1


def test_ranged_download_of_a_large_file_is_exact(server, share):
    data = (share / "big.bin").read_bytes()
    with connect(server.port, timeout=10) as sock:
        sock.sendall(request("/big.bin", f"Range: bytes={len(data) - 300000}-"))
        reply_head, rest = read_head(sock)
        body, closed = read_rest(sock, rest)
    assert status_of(reply_head) == 206 and content_length(reply_head + b"\r\n") == 300000
    assert closed and body == data[-300000:]
