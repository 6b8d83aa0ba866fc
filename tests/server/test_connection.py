"""server/connection.py: a connection's read-ahead buffer and BodyReader's framing of request
bodies (Content-Length and chunked, RFC 9112 7.1), over a real socket pair."""

from __future__ import annotations

import socket
from collections.abc import Iterator

import pytest

from server.connection import BodyReader, Connection
from server.http11 import HttpError


@pytest.fixture
def pair() -> Iterator[tuple[Connection, socket.socket]]:
    """(the server's Connection, the client's socket)."""
    server_side, client = socket.socketpair()
    server_side.settimeout(5)
    conn = Connection(server_side, "127.0.0.1", io_timeout=5)
    yield conn, client
    client.close()
    conn.close()


def read_body(conn: Connection, length: int, chunked: bool, size: int = 262144) -> bytes:
    reader = BodyReader(conn, length, chunked)
    data = b""
    while piece := reader.read(size):
        data += piece
    assert reader.received == len(data)
    return data


def test_a_content_length_body_stops_at_its_length(pair):
    conn, client = pair
    client.sendall(b"hello worldGET /next")
    assert read_body(conn, 11, chunked=False, size=4) == b"hello world"
    assert bytes(conn.buffer) == b"GET /next"  # the next request stays for the next reader


def test_an_empty_body_reads_nothing(pair):
    conn, client = pair
    client.sendall(b"GET /next")
    assert read_body(conn, 0, chunked=False) == b""
    assert conn.buffer == bytearray()  # nothing was read from the socket


def test_a_body_that_arrives_in_pieces_is_put_together(pair):
    conn, client = pair
    conn.buffer += b"abc"  # read ahead with the head
    client.sendall(b"def")
    client.sendall(b"ghi")
    assert read_body(conn, 9, chunked=False) == b"abcdefghi"


def test_a_client_gone_mid_body_is_a_reset(pair):
    conn, client = pair
    client.sendall(b"only half")
    client.shutdown(socket.SHUT_WR)
    with pytest.raises(ConnectionResetError):
        read_body(conn, 100, chunked=False)


def test_chunks_with_extensions_and_trailers_are_joined(pair):
    conn, client = pair
    client.sendall(b"5\r\nhello\r\n6;name=value; q=\"a b\"\r\n world\r\n"
                   b"0\r\nX-Checksum: 1\r\n\r\nNEXT")
    assert read_body(conn, 0, chunked=True, size=3) == b"hello world"
    assert bytes(conn.buffer) == b"NEXT"


def test_upper_case_hex_sizes_are_read(pair):
    conn, client = pair
    client.sendall(b"A\r\n0123456789\r\n0\r\n\r\n")
    assert read_body(conn, 0, chunked=True) == b"0123456789"


@pytest.mark.parametrize("body", [
    b"5 \r\nhello\r\n0\r\n\r\n",  # blank after the size
    b" 5\r\nhello\r\n0\r\n\r\n",  # blank before it
    b"0x5\r\nhello\r\n0\r\n\r\n",
    b"-5\r\nhello\r\n0\r\n\r\n",
    b"5\r\nhelloXX0\r\n\r\n",  # data not followed by CRLF
    b"5;\x01=x\r\nhello\r\n0\r\n\r\n",  # a control character in an extension
    b"10000000000000000\r\n",  # 17 hex digits
    b"5\nhello\r\n0\r\n\r\n",  # a bare LF ends no chunk line
    b"0\r\nnot a trailer\r\n\r\n",
])
def test_malformed_chunked_framing_is_400(pair, body):
    conn, client = pair
    client.sendall(body)
    client.shutdown(socket.SHUT_WR)
    with pytest.raises(HttpError) as refused:
        read_body(conn, 0, chunked=True)
    assert refused.value.status == 400


def test_an_endless_chunk_line_is_refused_without_reading_it_all(pair):
    conn, client = pair
    client.sendall(b"5;" + b"x" * (BodyReader.MAX_LINE + 10))
    with pytest.raises(HttpError, match="too long"):
        read_body(conn, 0, chunked=True)


def test_too_many_trailers_are_refused(pair):
    conn, client = pair
    client.sendall(b"0\r\n" + b"X-T: 1\r\n" * (BodyReader.MAX_TRAILERS + 1) + b"\r\n")
    with pytest.raises(HttpError, match="Too many trailer"):
        read_body(conn, 0, chunked=True)


def test_drain_drops_a_body_and_refuses_one_past_the_limit(pair):
    conn, client = pair
    client.sendall(b"x" * 100 + b"y" * 100)
    BodyReader(conn, 100, chunked=False).drain(limit=100)
    assert bytes(conn.buffer).startswith(b"y")
    with pytest.raises(HttpError) as refused:
        BodyReader(conn, 100, chunked=False).drain(limit=50)
    assert refused.value.status == 413


def test_leading_blank_lines_are_ignored_and_heads_taken(pair):
    conn, _client = pair
    conn.buffer += b"\r\n\r\n\nGET / HTTP/1.1\r\n\r\nrest"
    conn.strip_leading_blank_lines()
    assert conn.take_head(18) == b"GET / HTTP/1.1\r\n\r\n"
    assert bytes(conn.buffer) == b"rest"


def test_abort_makes_the_peer_see_the_connection_end(pair):
    conn, client = pair
    client.settimeout(5)
    conn.abort()
    assert client.recv(10) == b""
