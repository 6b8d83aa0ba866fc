"""Pier behind a real nginx (tests/nginx.py) under /files, with --trusted-proxy 127.0.0.1: the
real client in the log (the test's clients connect from 127.0.0.2 and 127.0.0.3), lock-outs per
real client, links and redirects under the prefix, uploads (multipart and tus), Range and
WebDAV through the proxy."""

from __future__ import annotations

import base64
import hashlib
import http.client
import json
import os
import re
import socket
from collections.abc import Iterator
from dataclasses import dataclass
from html.parser import HTMLParser
from pathlib import Path

import pytest

from server.auth import Authenticator
from server.clock import ManualClock
from server.users import UserStore
from tests.conftest import RunningServer
from tests.nginx import PREFIX, Nginx, nginx_missing, start_nginx, stop_nginx
from tests.server.tus_http import OFFSET_TYPE, metadata

pytestmark = pytest.mark.skipif(nginx_missing() is not None, reason=nginx_missing() or "")

CLIENT, OTHER_CLIENT = "127.0.0.2", "127.0.0.3"
ANA = "Basic " + base64.b64encode(b"ana:ana-secret").decode("ascii")
READER = "Basic " + base64.b64encode(b"reader:reader-secret").decode("ascii")


@dataclass
class Answer:
    status: int
    headers: dict[str, str]
    body: bytes


@dataclass
class Proxied:
    nginx: Nginx
    pier: RunningServer
    share: Path
    access_log: Path
    auth: Authenticator

    def ask(self, method: str, path: str, body: bytes = b"", *, source: str = CLIENT,
            auth: str | None = ANA, **headers: str) -> Answer:
        """One request to nginx from the address ``source``."""
        fields = {name.replace("_", "-"): value for name, value in headers.items()}
        if auth is not None:
            fields["Authorization"] = auth
        conn = http.client.HTTPConnection("127.0.0.1", self.nginx.port, timeout=30,
                                          source_address=(source, 0))
        try:
            conn.request(method, path, body=body if body or method in ("POST", "PATCH", "PUT")
                         else None, headers=fields)
            response = conn.getresponse()
            return Answer(response.status, {k.lower(): v for k, v in response.getheaders()},
                          response.read())
        finally:
            conn.close()


@pytest.fixture
def proxied(server_factory, share: Path, private_config_dir: Path,
            tmp_path: Path) -> Iterator[Proxied]:
    store = UserStore(private_config_dir / "users.toml")
    store.load()
    auth = Authenticator(store, "Pier - share", clock=ManualClock())  # lock-outs never lapse
    store.add("ana", "ana-secret", can_upload=True)
    store.add("reader", "reader-secret")
    access_log = tmp_path / "access.log"
    pier = server_factory(share, auth=auth, upload=True, access_log=access_log,
                          trusted_proxies=("127.0.0.1",), base_path=PREFIX)
    nginx = start_nginx(tmp_path / "nginx", pier.port)
    try:
        yield Proxied(nginx, pier, share, access_log, auth)
    finally:
        stop_nginx(nginx)


class Links(HTMLParser):
    """Every href, src and action of a page."""

    def __init__(self) -> None:
        super().__init__()
        self.urls: list[str] = []

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        self.urls += [value for name, value in attrs
                      if name in ("href", "src", "action") and value is not None]


def urls_of(page: bytes) -> list[str]:
    parser = Links()
    parser.feed(page.decode("utf-8"))
    return parser.urls


def test_the_log_names_the_real_client(proxied: Proxied) -> None:
    answer = proxied.ask("GET", PREFIX + "/hello.txt")
    assert answer.status == 200 and answer.body == b"hello, world\n"
    record = proxied.pier.wait_for_records(1)[-1]
    assert record.client == CLIENT and record.path == PREFIX + "/hello.txt"
    assert proxied.access_log.read_text(encoding="utf-8").startswith(CLIENT + " - ana ")


def test_a_forged_forwarded_for_through_the_proxy_is_passed_over(proxied: Proxied) -> None:
    """nginx appends the address it saw: the client's own entries are left of it."""
    proxied.ask("GET", PREFIX + "/hello.txt", X_Forwarded_For="203.0.113.9")
    assert proxied.pier.wait_for_records(1)[-1].client == CLIENT


def test_a_lock_out_holds_the_guessing_client_only(proxied: Proxied) -> None:
    wrong = "Basic " + base64.b64encode(b"reader:guess").decode("ascii")
    statuses = [proxied.ask("GET", PREFIX + "/", auth=wrong).status for _ in range(6)]
    assert statuses[:5] == [401] * 5 and statuses[5] == 429
    assert proxied.ask("GET", PREFIX + "/", auth=READER).status == 429  # the guesser
    assert proxied.ask("GET", PREFIX + "/", auth=READER, source=OTHER_CLIENT).status == 200
    assert {lock.key for lock in proxied.auth.lockouts()} >= {CLIENT}


def test_the_prefix_without_its_slash_and_folders_redirect_under_it(proxied: Proxied) -> None:
    answer = proxied.ask("GET", PREFIX + "/docs")
    assert answer.status == 301 and answer.headers["location"] == PREFIX + "/docs/"
    bare = proxied.ask("GET", PREFIX)  # nginx's own answer for a location ending in "/"
    assert bare.status == 301 and bare.headers["location"].endswith(PREFIX + "/")


def test_the_listing_links_only_under_the_prefix(proxied: Proxied) -> None:
    page = proxied.ask("GET", PREFIX + "/", Accept="text/html")
    assert page.status == 200
    urls = [u for u in urls_of(page.body) if u.startswith("/")]
    assert PREFIX + "/hello.txt" in urls and PREFIX + "/docs/" in urls
    assert any(u.startswith(PREFIX + "/.well-known/pier/assets/") for u in urls)
    assert all(u.startswith(PREFIX + "/") for u in urls), urls
    for asset in (u for u in urls if "/assets/" in u):  # they are really there
        assert proxied.ask("GET", asset).status == 200, asset
    listing = json.loads(proxied.ask("GET", PREFIX + "/docs/?format=json").body)
    assert [e["url"] for e in listing["entries"]] == [PREFIX + "/docs/notes.md"]


def test_a_multipart_upload_through_the_proxy(proxied: Proxied) -> None:
    data = os.urandom(3 * 1024 * 1024 + 17)
    boundary = "pier-proxy-test"
    body = (f"--{boundary}\r\nContent-Disposition: form-data; name=\"file\"; "
            f"filename=\"sent.bin\"\r\nContent-Type: application/octet-stream\r\n\r\n"
            ).encode() + data + f"\r\n--{boundary}--\r\n".encode()
    answer = proxied.ask("POST", PREFIX + "/docs/", body, Accept="application/json",
                         Content_Type=f"multipart/form-data; boundary={boundary}")
    assert answer.status == 201, answer.body
    assert answer.headers["location"].startswith(PREFIX + "/docs/sent.bin")
    assert json.loads(answer.body)["files"][0]["url"] == PREFIX + "/docs/sent.bin"
    assert (proxied.share / "docs" / "sent.bin").read_bytes() == data


def test_a_resumable_upload_through_the_proxy(proxied: Proxied) -> None:
    data = os.urandom(2 * 1024 * 1024 + 5)
    created = proxied.ask("POST", PREFIX + "/.well-known/pier/tus/", Tus_Resumable="1.0.0",
                          Upload_Length=str(len(data)),
                          Upload_Metadata=metadata(filename="tus.bin", folder="/docs/"),
                          Content_Length="0")
    assert created.status == 201, created.body
    upload = created.headers["location"]
    assert upload.startswith(PREFIX + "/.well-known/pier/tus/")
    half = len(data) // 2
    first = proxied.ask("PATCH", upload, data[:half], Tus_Resumable="1.0.0", Upload_Offset="0",
                        Content_Type=OFFSET_TYPE)
    assert first.status == 204 and first.headers["upload-offset"] == str(half)
    resumed = proxied.ask("HEAD", upload, Tus_Resumable="1.0.0")  # as after a lost connection
    assert resumed.headers["upload-offset"] == str(half)
    last = proxied.ask("PATCH", upload, data[half:], Tus_Resumable="1.0.0",
                       Upload_Offset=str(half), Content_Type=OFFSET_TYPE)
    assert last.status == 204
    assert last.headers["pier-file-url"] == PREFIX + "/docs/tus.bin"
    stored = (proxied.share / "docs" / "tus.bin").read_bytes()
    assert hashlib.sha256(stored).digest() == hashlib.sha256(data).digest()


def test_ranges_through_the_proxy(proxied: Proxied) -> None:
    data = os.urandom(1024 * 1024)
    (proxied.share / "big.bin").write_bytes(data)
    answer = proxied.ask("GET", PREFIX + "/big.bin", Range="bytes=1000-299999")
    assert answer.status == 206 and answer.body == data[1000:300000]
    assert answer.headers["content-range"] == f"bytes 1000-299999/{len(data)}"
    whole = proxied.ask("GET", PREFIX + "/big.bin")
    assert whole.body == data


def test_webdav_hrefs_and_destinations_carry_the_prefix(proxied: Proxied) -> None:
    answer = proxied.ask("PROPFIND", PREFIX + "/docs/", Depth="1")
    assert answer.status == 207
    hrefs = re.findall(rb"<D:href>([^<]*)</D:href>", answer.body)
    assert hrefs and all(h.startswith(PREFIX.encode() + b"/docs/") for h in hrefs), hrefs
    host = f"127.0.0.1:{proxied.nginx.port}"
    copied = proxied.ask("COPY", PREFIX + "/hello.txt",
                         Destination=f"http://{host}{PREFIX}/docs/copy.txt")
    assert copied.status == 201, copied.body
    assert (proxied.share / "docs" / "copy.txt").read_bytes() == b"hello, world\n"
    elsewhere = proxied.ask("COPY", PREFIX + "/hello.txt",
                            Destination=f"http://{host}/docs/other.txt")
    assert elsewhere.status == 502 and not (proxied.share / "docs" / "other.txt").exists()


def test_an_http_1_0_request_without_host_through_the_proxy(proxied: Proxied) -> None:
    """HTTP/1.0 needs no Host: nginx's $http_host is empty then and the header left out, and
    Pier would refuse an HTTP/1.1 request without one; $host always has a value (the README's
    and this config's `proxy_set_header Host $host;`)."""
    with socket.create_connection(("127.0.0.1", proxied.nginx.port), timeout=30) as sock:
        sock.sendall(f"GET {PREFIX}/ HTTP/1.0\r\nAuthorization: {ANA}\r\n\r\n".encode())
        answer = b""
        while chunk := sock.recv(65536):
            answer += chunk
    assert answer.startswith((b"HTTP/1.1 200", b"HTTP/1.0 200")), answer[:300]
    assert b"hello.txt" in answer
