"""A multipart form with files and a ``text`` field: the files are stored first, then the text
is checked; an empty text (or a bad ``name``) answers 400 while the files stay in the share.
The client is told nothing was saved, retries, and gets "kept (1).bin" (/tmp/pt3/live2.py).
Either the whole form is saved (201) or nothing of it is."""

from __future__ import annotations

from pathlib import Path

import pytest

from tests.security.conftest import exchange, request, status_of


def post(running, body: bytes) -> bytes:
    head = request("/?format=json", "Content-Type: multipart/form-data; boundary=B",
                   f"Content-Length: {len(body)}", method="POST")
    return exchange(running, head + body)


@pytest.mark.parametrize("text_part", [
    b'Content-Disposition: form-data; name="text"\r\n\r\n',  # empty text
    b'Content-Disposition: form-data; name="text"\r\n\r\nhi\r\n--B\r\n'
    b'Content-Disposition: form-data; name="name"\r\n\r\n.hidden',  # refused name
])
def test_a_refused_text_leaves_no_file_of_its_form_behind(server_factory, share: Path,
                                                           text_part: bytes):
    running = server_factory(share, upload=True)
    before = set(share.iterdir())
    body = (b'--B\r\nContent-Disposition: form-data; name="file"; filename="kept.bin"\r\n\r\n'
            b"DATA\r\n--B\r\n" + text_part + b"\r\n--B--\r\n")
    data = post(running, body)
    status = status_of(data)
    assert status == 201 or set(share.iterdir()) == before, (status, sorted(
        p.name for p in set(share.iterdir()) - before))
