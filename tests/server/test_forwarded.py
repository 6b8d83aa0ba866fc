"""--trusted-proxy and --base-path without a proxy in front: the X-Forwarded-* rules
(server/forwarded.py), the base path's parsing and stripping (server/base_path.py), and both
over real HTTP from the test itself acting as the proxy."""

from __future__ import annotations

import http.client
import json
import socket
from pathlib import Path

import pytest

from server.admission import Slots
from server.base_path import BasePath, normalise_base_path
from server.cli import _config_from, build_parser, subcommand
from server.cli_config import parse_with_config
from server.config import ServerConfig
from server.engine import ServerEngine
from server.errors import ConfigError
from server.forwarded import MAX_HOPS, TrustedProxies
from server.http11 import HttpError
from server.records import RequestRecord
from server.response import HTML, JSON, Response, StreamBody
from tests.conftest import RunningServer

PROXIES = TrustedProxies(["127.0.0.1", "10.0.0.0/8", "2001:db8::/32"])


def forwarded_client(chain: str, peer: str = "127.0.0.1") -> str:
    said = PROXIES.forwarded(peer, {"x-forwarded-for": chain})
    assert said is not None
    return said.client


@pytest.mark.parametrize(("chain", "client"), [
    ("203.0.113.7", "203.0.113.7"),
    ("198.51.100.1, 203.0.113.7", "203.0.113.7"),  # the client's own entry is passed over
    ("203.0.113.7, 10.1.2.3", "203.0.113.7"),  # a second trusted proxy is skipped
    ("203.0.113.7, 10.1.2.3, 10.9.9.9", "203.0.113.7"),
    ("10.1.2.3, 10.9.9.9", "10.1.2.3"),  # only proxies: the left-most
    ("203.0.113.7:51000", "203.0.113.7"),
    ("[2001:db9::5]:443", "2001:db9::5"),
    ("::ffff:203.0.113.7", "203.0.113.7"),
    ("", "127.0.0.1"),
    ("unknown", "127.0.0.1"),  # malformed: the peer
    ("203.0.113.7, junk", "127.0.0.1"),
    ("junk, 203.0.113.7", "203.0.113.7"),  # left of the client: never read
    ("203.0.113.7, 10.0.0.1:99999999", "127.0.0.1"),
    (", ,", "127.0.0.1"),
    ("x" * 5000, "127.0.0.1"),
    (", ".join(["10.0.0.1"] * (MAX_HOPS + 1)), "127.0.0.1"),  # too long a chain of proxies
])
def test_the_client_is_the_right_most_untrusted_address(chain: str, client: str) -> None:
    assert forwarded_client(chain) == client


def test_an_untrusted_peer_is_not_believed() -> None:
    headers = {"x-forwarded-for": "203.0.113.7", "x-forwarded-host": "evil.example",
               "x-forwarded-proto": "https"}
    assert PROXIES.forwarded("192.0.2.1", headers) is None
    assert PROXIES.forwarded("not an address", headers) is None
    assert PROXIES.trusts("::ffff:127.0.0.1") and not PROXIES.trusts("127.0.0.2")


def test_host_and_scheme_are_the_nearest_proxys() -> None:
    said = PROXIES.forwarded("10.0.0.1", {"x-forwarded-host": "a.example, files.example.org",
                                          "x-forwarded-proto": "http, HTTPS"})
    assert said is not None and said.host == "files.example.org" and said.https is True
    plain = PROXIES.forwarded("10.0.0.1", {"x-forwarded-proto": "gopher"})
    assert plain is not None and plain.https is None and plain.host is None


@pytest.mark.parametrize(("text", "prefix"), [
    ("/files", "/files"), ("files/", "/files"), ("/office/files/", "/office/files"),
    ("", ""), ("/", ""),
])
def test_base_paths(text: str, prefix: str) -> None:
    assert normalise_base_path(text) == prefix


@pytest.mark.parametrize("text", ["/a/../b", "/a//b", "/f?x=1", "/a b", "/fi%6ces",
                                  '/a"b', "/a#b", "/ü"])
def test_base_paths_that_are_not_plain_paths_are_refused(text: str) -> None:
    with pytest.raises(ConfigError):
        normalise_base_path(text)


def test_stripping_and_putting_back() -> None:
    base = BasePath("/files")
    assert base.share_path("/files/a%20b") == "/a%20b" and base.share_path("/files") == ""
    for outside in ("/", "/filesX/a", "/other/files/a", "/.well-known/pier/assets/x.css"):
        with pytest.raises(HttpError) as refused:
            base.share_path(outside)
        assert refused.value.status == 404
    page = Response(200, HTML + b"Location: /a/\r\nSet-Cookie: k=v; Path=/; HttpOnly\r\n",
                    b'<a href="/x">x</a><a href="//cdn/y">y</a><img src="/t?thumb">'
                    b"<p>href=\"/not-an-attribute\"</p>")
    out = base.outbound(page)
    assert out.headers.endswith(b"Location: /files/a/\r\nSet-Cookie: k=v; Path=/files/; "
                                b"HttpOnly\r\n")
    assert out.body == (b'<a href="/files/x">x</a><a href="//cdn/y">y</a>'
                        b'<img src="/files/t?thumb"><p>href="/not-an-attribute"</p>')
    assert page.body == b'<a href="/x">x</a><a href="//cdn/y">y</a><img src="/t?thumb">' \
        b'<p>href="/not-an-attribute"</p>'  # the route's own answer is left alone
    verbatim = Response(200, HTML, b'<a href="/x">', verbatim=True)
    assert base.outbound(verbatim).body == b'<a href="/x">'
    stream = base.outbound(Response(200, JSON, StreamBody(lambda: iter([b'{"url":"/a"}']))))
    assert isinstance(stream.body, StreamBody)
    assert list(stream.body.chunks()) == [b'{"url":"/files/a"}']


def test_the_cli_takes_both(pier_paths, tmp_path: Path) -> None:
    args = build_parser().parse_args(["serve", str(tmp_path), "--trusted-proxy", "127.0.0.1",
                                      "--trusted-proxy", "10.0.0.0/8", "--base-path", "files/"])
    config = _config_from(args, pier_paths).validated()
    assert config.trusted_proxies == ("127.0.0.1/32", "10.0.0.0/8")
    assert config.base_path == "/files"
    with pytest.raises(ConfigError):
        ServerConfig(root=tmp_path, trusted_proxies=("proxy.lan",)).validated()


def test_a_service_config_file_takes_both(pier_paths, tmp_path: Path) -> None:
    config_file = tmp_path / "pier.toml"
    config_file.write_text('trusted-proxy = ["127.0.0.1", "10.0.0.0/8"]\nbase-path = "/files"\n',
                           encoding="utf-8")
    config_file.chmod(0o600)  # a config others may write is refused (whatever the umask)
    parser = build_parser()
    args = parse_with_config(parser, subcommand(parser, "serve"),
                             ["serve", str(tmp_path), "--config", str(config_file)])
    config = _config_from(args, pier_paths).validated()
    assert config.trusted_proxies == ("127.0.0.1/32", "10.0.0.0/8")
    assert config.base_path == "/files"


def test_a_proxy_is_free_of_the_per_address_cap_but_not_of_the_total() -> None:
    slots = Slots(max_connections=20, max_per_group=3, exempt=PROXIES.trusts)
    assert [slots.take("192.0.2.1") for _ in range(4)] == [True, True, True, False]
    assert sum(slots.take("127.0.0.1") for _ in range(30)) == 17  # up to the total
    assert not slots.take("192.0.2.9")


# -- over real HTTP: the test is the proxy ---------------------------------------------------

def ask(port: int, method: str, target: str, *lines: str, host: str = "127.0.0.1",
        body: bytes = b"") -> bytes:
    """One raw request (the test writes the head as a proxy would)."""
    head = "\r\n".join([f"{method} {target} HTTP/1.1", f"Host: {host}", "Connection: close",
                        *lines]) + "\r\n\r\n"
    with socket.create_connection(("127.0.0.1", port), timeout=10) as sock:
        sock.sendall(head.encode("latin-1") + body)
        chunks = []
        while chunk := sock.recv(65536):
            chunks.append(chunk)
    return b"".join(chunks)


def last_record(server: RunningServer, count: int) -> RequestRecord:
    return server.wait_for_records(count)[count - 1]


def test_a_trusted_proxys_client_is_the_one_recorded(server_factory, share: Path) -> None:
    running = server_factory(share, trusted_proxies=("127.0.0.1",))
    answer = ask(running.port, "GET", "/hello.txt", "X-Forwarded-For: 198.51.100.4, 203.0.113.7")
    assert answer.startswith(b"HTTP/1.1 200")
    assert last_record(running, 1).client == "203.0.113.7"
    ask(running.port, "GET", "/hello.txt", "X-Forwarded-For: garbage")
    assert last_record(running, 2).client == "127.0.0.1"


def test_the_forwarded_host_is_the_one_checked(server_factory, share: Path) -> None:
    running = server_factory(share, trusted_proxies=("127.0.0.1",),
                             allowed_hosts=("files.example.org",))
    ok = ask(running.port, "GET", "/hello.txt", "X-Forwarded-Host: files.example.org",
             host="backend.internal")
    assert ok.startswith(b"HTTP/1.1 200")
    foreign = ask(running.port, "GET", "/hello.txt", "X-Forwarded-Host: evil.example")
    assert foreign.startswith(b"HTTP/1.1 421")


def test_the_forwarded_scheme_is_the_pages_origin(server_factory, share: Path) -> None:
    """Behind a TLS proxy the page's own Origin is https: its uploads are same-origin."""
    running = server_factory(share, trusted_proxies=("127.0.0.1",), upload=True,
                             allowed_hosts=("files.example.org",))
    put = ("PUT", "/new.txt", "Origin: https://files.example.org", "Content-Length: 2",
           "X-Forwarded-Host: files.example.org")
    plain = ask(running.port, *put, body=b"no")  # the proxy did not say https
    assert plain.startswith(b"HTTP/1.1 403") and not (share / "new.txt").exists()
    secure = ask(running.port, *put, "X-Forwarded-Proto: https", body=b"ok")
    assert secure.startswith(b"HTTP/1.1 201"), secure
    assert (share / "new.txt").read_bytes() == b"ok"


def test_a_banned_client_behind_the_proxy_is_refused(share: Path, tmp_path: Path) -> None:
    engine = ServerEngine(bans_file=tmp_path / "bans.json")
    engine.start(ServerConfig(root=share, port=0, trusted_proxies=("127.0.0.1",)))
    try:
        engine.ban("203.0.113.0/24")
        banned = ask(engine.port, "GET", "/hello.txt", "X-Forwarded-For: 203.0.113.7")
        assert banned.startswith(b"HTTP/1.1 403")
        other = ask(engine.port, "GET", "/hello.txt", "X-Forwarded-For: 198.51.100.1")
        assert other.startswith(b"HTTP/1.1 200")
    finally:
        engine.stop()


def test_under_a_base_path(server_factory, share: Path) -> None:
    running = server_factory(share, base_path="/files")
    assert ask(running.port, "GET", "/files/hello.txt").endswith(b"\r\n\r\nhello, world\n")
    assert ask(running.port, "GET", "/hello.txt").startswith(b"HTTP/1.1 404")
    assert ask(running.port, "GET", "/.well-known/pier/assets/style.css").startswith(
        b"HTTP/1.1 404")
    bare = ask(running.port, "GET", "/files?sort=size")
    assert bare.startswith(b"HTTP/1.1 301") and b"\r\nLocation: /files/?sort=size\r\n" in bare
    folder = ask(running.port, "GET", "/files/docs")
    assert b"\r\nLocation: /files/docs/\r\n" in folder
    missing = ask(running.port, "GET", "/files/nothing-here", "Accept: text/html")
    assert missing.startswith(b"HTTP/1.1 404") and b'href="/files/.well-known/pier/' in missing
    conn = http.client.HTTPConnection("127.0.0.1", running.port, timeout=10)
    conn.request("GET", "/files/?format=json")
    urls = [e["url"] for e in json.loads(conn.getresponse().read())["entries"]]
    conn.close()
    assert urls and all(u.startswith("/files/") for u in urls)


def test_a_base_path_on_webdav_requests(server_factory, share: Path) -> None:
    running = server_factory(share, base_path="/files", upload=True, modify=True)
    moved = ask(running.port, "MOVE", "/files/hello.txt",
                "Destination: http://127.0.0.1/files/docs/moved.txt")
    assert moved.startswith(b"HTTP/1.1 201"), moved
    assert b"\r\nLocation: /files/docs/moved.txt\r\n" in moved
    assert (share / "docs" / "moved.txt").exists()
    outside = ask(running.port, "MOVE", "/files/docs/moved.txt", "Destination: /moved.txt")
    assert outside.startswith(b"HTTP/1.1 502") and (share / "docs" / "moved.txt").exists()
    listing = ask(running.port, "PROPFIND", "/files/docs/", "Depth: 1")
    assert b"<D:href>/files/docs/</D:href>" in listing
    assert b"<D:href>/docs/" not in listing
