"""Issue 17, attacked over real HTTP: a PROPFIND body that names properties Pier does not have,
each in its own long namespace, is answered with every one of them (and its namespace) again
for every entry of the folder. The body is capped at 64 KiB, the answer is not: on a
100,000-entry folder one such request of 60 KB grew the server past 4.7 GB (the multistatus
is built in memory), and any reader may send it (anonymous readers too)."""

from __future__ import annotations

import http.client
from pathlib import Path

import pytest

ENTRIES = 200
PER_ENTRY_LIMIT = 16 * 1024  # far above any real entry (allprop is under 1 KiB)


def unknown_properties_body(count: int = 30, namespace_length: int = 2000) -> bytes:
    names = b"".join(b'<x:p%d xmlns:x="urn:%s"/>' % (i, b"n" * namespace_length)
                     for i in range(count))
    return (b'<?xml version="1.0"?><D:propfind xmlns:D="DAV:"><D:prop>' + names
            + b"</D:prop></D:propfind>")


@pytest.fixture
def crowded(share: Path) -> Path:
    folder = share / "crowded"
    folder.mkdir()
    for i in range(ENTRIES):
        (folder / f"{i:04d}.txt").write_bytes(b"")
    return folder


def test_unknown_properties_do_not_multiply_the_answer(server, crowded: Path) -> None:
    body = unknown_properties_body()
    assert len(body) < 64 * 1024  # within the documented body cap
    conn = http.client.HTTPConnection("127.0.0.1", server.port, timeout=30)
    try:
        conn.request("PROPFIND", "/crowded/", body=body, headers={"Depth": "1"})
        response = conn.getresponse()
        answer = response.read()
    finally:
        conn.close()
    # a refusal (400/403/413/507...) is a fine answer; a 207 must stay proportionate
    if response.status == 207:
        assert len(answer) <= (ENTRIES + 1) * PER_ENTRY_LIMIT
    else:
        assert 400 <= response.status < 600 and response.status != 500
