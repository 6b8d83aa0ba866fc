"""Attack: the thumbnail's ETag is the first 128 bits of an unsalted SHA-256 of values a
visitor knows or can guess: FORMAT_VERSION, the kind, the media, the share's absolute folder,
the file's absolute path, its size and its mtime_ns (a download's ETag is the hex mtime_ns and
size). The only unknown is where the share lives on the owner's disk, so anyone who may see
one thumbnail can test guesses of it offline ("/home/<name>/Pictures", ...) and learn the
owner's account name and folder layout, which Pier shows nowhere else. Seen live: the guess
"/tmp/pat/share" matched a visitor's thumbnail ETag, "/home/pat/share" did not. A per-install
secret (a keyed hash) in the digest would end it."""

from __future__ import annotations

import hashlib
import http.client
from pathlib import Path

from server.thumbnails import FORMAT_VERSION
from tests.conftest import RunningServer
from tests.server.thumb_helpers import photo_jpeg


def http_request_full(port: int, method: str, path: str) -> tuple[int, dict[str, str], bytes]:
    conn = http.client.HTTPConnection("127.0.0.1", port, timeout=5)
    try:
        conn.request(method, path)
        response = conn.getresponse()
        body = response.read()
        return response.status, {k.lower(): v for k, v in response.getheaders()}, body
    finally:
        conn.close()


def test_the_thumbnail_etag_does_not_confirm_a_guess_of_the_share_s_location(
        server_factory, tmp_path: Path) -> None:
    share = tmp_path / "share"
    share.mkdir()
    (share / "p.jpg").write_bytes(photo_jpeg(640, 480))
    running: RunningServer = server_factory(share)
    status, headers, _ = http_request_full(running.port, "GET", "/p.jpg")
    assert status == 200
    mtime_hex, size_hex = headers["etag"].strip('"').split("-")
    status, headers, _ = http_request_full(running.port, "GET", "/p.jpg?thumb")
    assert status == 200
    guess = str(share.resolve())  # what an attacker tries, among "/home/<name>/..."
    text = "\0".join((FORMAT_VERSION, "thumb", "image", guess, guess + "/p.jpg",
                      str(int(size_hex, 16)), str(int(mtime_hex, 16))))
    confirmed = hashlib.sha256(text.encode()).hexdigest()[:32]
    assert headers["etag"].strip('"') != confirmed, "the ETag confirms the share's location"
