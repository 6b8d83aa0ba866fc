"""Attack: a creation-with-upload (POST with a first chunk) that is refused after the record
was made (checksum mismatch 460, a chunked body over Upload-Length 413) answers without a
Location, so the client can never resume or DELETE it; yet the record and its partial file stay
for a day and count against the account's cap of unfinished uploads. 32 such refusals (a flaky
link with checksums is enough) lock the account (or, on a share without logins, the address)
out of resumable uploads for a day, and leave 32 hidden partial files on disk.
Reproduction against the real server: /tmp/pt2/ghost.py. The cap is made small (2) here."""

from __future__ import annotations

import base64
from pathlib import Path

import pytest

from server.tus_store import TusStore
from tests.server.tus_http import create

PER_OWNER = 2
BAD_SHA1 = "sha1 " + base64.b64encode(b"\0" * 20).decode()


@pytest.fixture
def small_cap(monkeypatch):
    monkeypatch.setitem(TusStore.__init__.__kwdefaults__, "per_owner", PER_OWNER)


def test_refused_first_chunks_do_not_use_up_the_cap(small_cap, server_factory, share: Path,
                                                     tmp_path: Path):
    running = server_factory(share, upload=True, tus_state=tmp_path / "tus")
    for n in range(PER_OWNER):
        answer = create(running.port, f"bad{n}.bin", 10, body=b"0123456789",
                        Upload_Checksum=BAD_SHA1)
        assert answer.status == 460
        assert answer.get("Location") is None  # the client is never told the upload's URL
    assert create(running.port, "good.bin", 5).status == 201


def test_a_refused_first_chunk_leaves_no_partial_file(server_factory, share: Path,
                                                      tmp_path: Path):
    running = server_factory(share, upload=True, tus_state=tmp_path / "tus")
    answer = create(running.port, "bad.bin", 10, body=b"0123456789", Upload_Checksum=BAD_SHA1)
    assert answer.status == 460
    assert list(share.rglob(".pier-tus-*.part")) == []
    assert list((tmp_path / "tus").glob("*.json")) == []
