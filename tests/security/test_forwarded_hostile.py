"""X-Forwarded-* from someone who is not a trusted proxy, and paths around a base path: a
forged client address must not change the log, escape a lock-out or a ban; a forged host or
scheme must not pass the Host check or the same-origin check; nothing outside the prefix (or
climbing out of it) is served."""

from __future__ import annotations

import base64
import socket
from pathlib import Path

import pytest

from server.auth import Authenticator
from server.clock import ManualClock
from server.config import ServerConfig
from server.engine import ServerEngine
from server.users import UserStore
from tests.conftest import read_until_closed

FORGED = ("X-Forwarded-For: 203.0.113.7", "X-Forwarded-Host: evil.example",
          "X-Forwarded-Proto: https")


def ask(port: int, method: str, target: str, *lines: str, body: bytes = b"",
        host: str = "127.0.0.1") -> bytes:
    head = "\r\n".join([f"{method} {target} HTTP/1.1", f"Host: {host}", "Connection: close",
                        *lines]) + "\r\n\r\n"
    with socket.create_connection(("127.0.0.1", port), timeout=10) as sock:
        sock.sendall(head.encode("latin-1") + body)
        chunks = []
        while chunk := sock.recv(65536):
            chunks.append(chunk)
    return b"".join(chunks)


@pytest.mark.parametrize("proxies", [(), ("10.0.0.0/8",)], ids=["no proxy", "another proxy"])
def test_a_forged_forwarded_for_from_an_untrusted_peer_is_ignored(server_factory, share: Path,
                                                                  proxies) -> None:
    running = server_factory(share, trusted_proxies=proxies)
    answer = ask(running.port, "GET", "/hello.txt", *FORGED)
    assert answer.startswith(b"HTTP/1.1 200")  # the forged host was not even looked at
    assert running.wait_for_records(1)[0].client == "127.0.0.1"


def test_forging_new_addresses_does_not_escape_a_lock_out(server_factory, share: Path,
                                                          private_config_dir: Path) -> None:
    store = UserStore(private_config_dir / "users.toml")
    store.load()
    auth = Authenticator(store, "Pier - share", clock=ManualClock())
    store.add("ana", "ana-secret")
    running = server_factory(share, auth=auth, trusted_proxies=("10.0.0.0/8",))
    wrong = "Authorization: Basic " + base64.b64encode(b"ana:guess").decode("ascii")
    statuses = [ask(running.port, "GET", "/", wrong, f"X-Forwarded-For: 198.51.100.{i}")[9:12]
                for i in range(7)]
    assert statuses[:5] == [b"401"] * 5 and statuses[5:] == [b"429"] * 2


def test_a_forged_scheme_does_not_make_a_cross_site_upload_same_origin(server_factory,
                                                                        share: Path) -> None:
    running = server_factory(share, upload=True, trusted_proxies=("10.0.0.0/8",))
    answer = ask(running.port, "PUT", "/planted.txt", "Origin: https://127.0.0.1",
                 "Content-Length: 2", "X-Forwarded-Proto: https", body=b"no")
    assert answer.startswith(b"HTTP/1.1 403") and not (share / "planted.txt").exists()


def test_a_ban_holds_whatever_a_direct_client_forwards(share: Path, tmp_path: Path) -> None:
    engine = ServerEngine(bans_file=tmp_path / "bans.json")
    engine.start(ServerConfig(root=share, port=0, trusted_proxies=("10.0.0.0/8",)))
    try:
        engine.ban("127.0.0.1")
        with socket.create_connection(("127.0.0.1", engine.port), timeout=10) as sock:
            sock.sendall(b"GET / HTTP/1.1\r\nHost: 127.0.0.1\r\nX-Forwarded-For: 10.0.0.1\r\n\r\n")
            assert read_until_closed(sock) == b""  # dropped at accept, as ever
    finally:
        engine.stop()


def test_a_client_cannot_pose_as_a_trusted_proxy_through_it(server_factory, share: Path) -> None:
    """The proxy appends the address it saw; naming a trusted address on the left is useless."""
    running = server_factory(share, trusted_proxies=("127.0.0.1", "10.0.0.0/8"))
    ask(running.port, "GET", "/hello.txt", "X-Forwarded-For: 10.0.0.1, 198.51.100.9")
    assert running.wait_for_records(1)[0].client == "198.51.100.9"


@pytest.mark.parametrize("target", [
    "/hello.txt", "/filesx/hello.txt", "/%66iles/hello.txt", "/FILES/hello.txt",
    "/.well-known/pier/assets/style.css", "/x/files/hello.txt",
])
def test_nothing_outside_the_base_path_is_served(server_factory, share: Path, target) -> None:
    running = server_factory(share, base_path="/files")
    assert ask(running.port, "GET", target).startswith(b"HTTP/1.1 404")


@pytest.mark.parametrize("target", ["/files/../hello.txt", "/files/%2e%2e/hello.txt",
                                    "/files/docs/../../hello.txt"])
def test_climbing_out_of_the_base_path_is_refused(server_factory, share: Path, target) -> None:
    (share.parent / "outside.txt").write_text("secret")
    running = server_factory(share, base_path="/files")
    answer = ask(running.port, "GET", target.replace("hello.txt", "../outside.txt"))
    assert answer.startswith(b"HTTP/1.1 400") and b"secret" not in answer
