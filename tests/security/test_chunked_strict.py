"""Issue 13, finding 13: the chunked body reader accepted spaces around the chunk size and bare
LFs in chunk extensions. Such lines are read differently by different parsers (where does the
body end?), so a chunk line must be exactly 1*HEXDIG [ chunk-ext ] CRLF (RFC 9112 7.1):
anything else is answered 400 and the connection is closed, so that nothing after it is read
as a request. Raw sockets against a real upload-enabled share."""

from __future__ import annotations

import pytest

from tests.security.conftest import answers, exchange, status_of

NEXT = b"GET /hello.txt HTTP/1.1\r\nHost: 127.0.0.1\r\n\r\n"  # must never be answered


def put(chunks: bytes) -> bytes:
    return (b"PUT /chunked.txt HTTP/1.1\r\nHost: 127.0.0.1\r\nTransfer-Encoding: chunked\r\n\r\n"
            + chunks)


@pytest.fixture
def uploads(server_factory, share):
    return server_factory(share, upload=True)


@pytest.mark.parametrize("chunks", [
    pytest.param(b"5 \r\nhello\r\n0\r\n\r\n", id="space-after-size"),
    pytest.param(b" 5\r\nhello\r\n0\r\n\r\n", id="space-before-size"),
    pytest.param(b"\t5\r\nhello\r\n0\r\n\r\n", id="tab-before-size"),
    pytest.param(b"5 ;ext=1\r\nhello\r\n0\r\n\r\n", id="space-between-size-and-extension"),
    pytest.param(b"5;ext\nX: y\r\nhello\r\n0\r\n\r\n", id="bare-lf-in-extension"),
    pytest.param(b"5;ext=a\nb\r\nhello\r\n0\r\n\r\n", id="bare-lf-in-extension-value"),
    pytest.param(b"5;ext=a\rb\r\nhello\r\n0\r\n\r\n", id="bare-cr-in-extension-value"),
    pytest.param(b"5\nhello\r\n0\r\n\r\n", id="bare-lf-after-size"),
    pytest.param(b"5;\r\nhello\r\n0\r\n\r\n", id="empty-extension"),
    pytest.param(b"5;ext=\r\nhello\r\n0\r\n\r\n", id="extension-without-value"),
    pytest.param(b"0x5\r\nhello\r\n0\r\n\r\n", id="hex-prefix"),
    pytest.param(b"+5\r\nhello\r\n0\r\n\r\n", id="sign"),
    pytest.param(b"5\r\nhello\r\n0 \r\n\r\n", id="space-after-last-size"),
    pytest.param(b"5\r\nhello\r\n0\r\nX-T: a\nb\r\n\r\n", id="bare-lf-in-trailer"),
    pytest.param(b"5\r\nhello\r\n0\r\nnot a field\r\n\r\n", id="trailer-without-colon"),
])
def test_finding_13_malformed_chunk_lines_are_400_and_close(uploads, share, chunks):
    answer = exchange(uploads, put(chunks) + NEXT)
    assert status_of(answer) == 400
    assert answers(answer) == 1  # closed: the request behind it was never read
    assert not (share / "chunked.txt").exists()


def test_finding_13_strict_reader_still_takes_valid_extensions_and_trailers(uploads, share):
    chunks = (b"5;name=value\r\nhello\r\n"
              b"1; bws = 1 ;quoted=\"a \\\" b\"\r\n!\r\n"
              b"00;last\r\nX-Checksum: abc\r\n\r\n")
    head = (b"PUT /chunked.txt HTTP/1.1\r\nHost: 127.0.0.1\r\nTransfer-Encoding: chunked\r\n"
            b"Connection: close\r\n\r\n")
    answer = exchange(uploads, head + chunks)
    assert status_of(answer) == 201
    assert (share / "chunked.txt").read_bytes() == b"hello!"
