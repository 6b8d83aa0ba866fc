"""Security review finding 2: the login throttle and the per-address connection cap count an
IPv6 client's whole /64, since a host may take any address of its /64 (SLAAC).

Run for real: a share bound to "::" inside a private network namespace (``unshare -n``), whose
loopback carries fd00::1-fd00::30 (one /64) and fd00:0:0:1::2 (another); clients bind to those
source addresses. The part inside the namespace runs in a child process (this module run as a
script) and reports what it saw as JSON; the test checks it here."""

from __future__ import annotations

import base64
import http.client
import json
import os
import shutil
import socket
import subprocess
import sys
import tempfile
from pathlib import Path

import pytest

REPO = Path(__file__).resolve().parents[2]
GROUP = "fd00::/64"
GUESSERS = [f"fd00::{i:x}" for i in range(2, 0x31)]  # fd00::2 ... fd00::30, one /64
NEIGHBOUR = "fd00:0:0:1::2"  # the next /64
PASSWORD = "alice's own password"
PER_GROUP = 4


def namespace_unavailable() -> str:
    """Why a private network namespace cannot be made here, or "" when it can."""
    if not sys.platform.startswith("linux"):
        return "network namespaces are Linux-only"
    if not socket.has_ipv6:
        return "Python was built without IPv6"
    for tool in ("unshare", "ip"):
        if shutil.which(tool) is None:
            return f"needs the {tool!r} command (util-linux / iproute2)"
    if os.geteuid() != 0:
        return "creating a network namespace (unshare -n) needs root; CI runs the suite as root"
    probe = subprocess.run(["unshare", "-n", "true"], capture_output=True, text=True,
                           timeout=10, check=False)
    if probe.returncode != 0:
        return f"unshare -n failed: {probe.stderr.strip()}"
    return ""


@pytest.fixture(scope="module")
def seen() -> dict:
    if reason := namespace_unavailable():
        pytest.skip(reason)
    with tempfile.TemporaryDirectory() as work:
        child = subprocess.run(
            ["unshare", "-n", sys.executable, "-m", "tests.security.test_ipv6_groups", work],
            cwd=REPO, capture_output=True, text=True, timeout=60, check=False,
            env={**os.environ, "PIER_CONFIG_DIR": work})
    assert child.returncode == 0, child.stderr[-3000:]
    return json.loads(child.stdout.splitlines()[-1])


def test_guesses_from_fresh_addresses_of_one_64_are_throttled(seen: dict) -> None:
    assert seen["first"] == [401] * 5 + [429] * 3
    assert seen["rest_of_64"] == [429] * (len(GUESSERS) - 1)
    assert seen["right_password_in_64"] == 429


def test_the_next_64_and_ipv4_are_not_held_back(seen: dict) -> None:
    assert seen["right_password_elsewhere"] == {NEIGHBOUR: 200, "::1": 200, "127.0.0.1": 200}


def test_lockouts_show_the_64_and_release_takes_it(seen: dict) -> None:
    assert seen["lockouts"] == [[GROUP, "ip", GROUP, GROUP], [f"user:alice@{GROUP}", "user",
                                                              "alice", GROUP]]
    assert seen["after_release"] == 200


def test_the_log_keeps_the_full_address(seen: dict) -> None:
    assert seen["logged_clients"][:8] == [GUESSERS[0]] * 8
    assert GUESSERS[5] in seen["logged_clients"]


def test_the_per_address_cap_counts_the_64(seen: dict) -> None:
    assert seen["drained"]  # the earlier logins' connections are closed and forgotten
    assert seen["held"] == [200] * PER_GROUP
    assert seen["fifth_in_64"].startswith("HTTP/1.1 503") and "Retry-After: 1" in \
        seen["fifth_in_64"]
    assert seen["neighbour_while_held"] == 200
    assert seen["clients_while_held"] == PER_GROUP  # the clients shown are addresses


# -- the part that runs inside the namespace --------------------------------------------------


def _inside_namespace(work: Path) -> dict:
    """Set up the namespace's loopback, run a share on "::" and report what clients saw."""
    from server.auth import Authenticator
    from server.clock import ManualClock
    from server.config import Limits, ServerConfig
    from server.engine import ServerEngine
    from server.records import RequestRecord
    from server.users import HashParams, PasswordHasher, UserStore
    from tests.security.conftest import wait_until

    subprocess.run(["ip", "link", "set", "lo", "up"], check=True)
    commands = [f"addr add {address}/64 dev lo nodad"
                for address in ["fd00::1", *GUESSERS, NEIGHBOUR]]
    subprocess.run(["ip", "-6", "-batch", "-"], input="\n".join(commands) + "\n", text=True,
                   check=True)

    store = UserStore(work / "users.toml", hasher=PasswordHasher(
        HashParams(argon2_memory_kib=64, argon2_iterations=1, scrypt_log2_n=10)))
    store.load()
    store.add("alice", PASSWORD)
    auth = Authenticator(store, "Pier - v6", clock=ManualClock())  # locks never run out
    (work / "share").mkdir()
    (work / "share" / "hello.txt").write_text("hello, world\n")
    records: list[RequestRecord] = []
    engine = ServerEngine(sink=records.append, bans_file=work / "bans.json")
    engine.start(ServerConfig(root=work / "share", host="::", port=0, auth=auth,
                              limits=Limits(max_connections_per_ip=PER_GROUP)))
    port = engine.port
    token = base64.b64encode(f"alice:{PASSWORD}".encode()).decode()
    seen: dict[str, object] = {}
    held: list[http.client.HTTPConnection] = []

    def login(source: str, password: str, keep: list[http.client.HTTPConnection] | None = None
              ) -> int:
        host = "127.0.0.1" if "." in source else "::1"
        conn = http.client.HTTPConnection(host, port, timeout=10, source_address=(source, 0))
        secret = base64.b64encode(f"alice:{password}".encode()).decode()
        conn.request("GET", "/hello.txt", headers={"Authorization": f"Basic {secret}"})
        response = conn.getresponse()
        response.read()
        if keep is None:  # gone before the next login: only held ones count against the cap
            conn.close()
            assert wait_until(lambda: engine.stats().active_connections == len(held), 10)
        else:
            keep.append(conn)
        return response.status

    try:
        seen["first"] = [login(GUESSERS[0], f"guess {i}") for i in range(8)]
        seen["rest_of_64"] = [login(source, "guess") for source in GUESSERS[1:]]
        seen["right_password_in_64"] = login(GUESSERS[1], PASSWORD)
        seen["right_password_elsewhere"] = {source: login(source, PASSWORD)
                                            for source in (NEIGHBOUR, "::1", "127.0.0.1")}
        seen["lockouts"] = [[lock.key, lock.kind, lock.subject, lock.address]
                            for lock in auth.lockouts()]
        auth.release(GROUP)
        seen["after_release"] = login(GUESSERS[2], PASSWORD)

        seen["drained"] = engine.stats().active_connections == 0
        seen["held"] = [login(source, PASSWORD, keep=held) for source in GUESSERS[:PER_GROUP]]
        with socket.socket(socket.AF_INET6, socket.SOCK_STREAM) as sock:
            sock.settimeout(10)
            sock.bind((GUESSERS[PER_GROUP], 0))
            sock.connect(("::1", port))
            sock.sendall(f"GET /hello.txt HTTP/1.1\r\nHost: [::1]:{port}\r\n"
                         f"Authorization: Basic {token}\r\n\r\n".encode())
            seen["fifth_in_64"] = sock.recv(4096).decode("latin-1")
        seen["clients_while_held"] = engine.stats().clients
        seen["neighbour_while_held"] = login(NEIGHBOUR, PASSWORD)
        for conn in held:
            conn.close()
        seen["logged_clients"] = [record.client for record in records]
    finally:
        engine.stop()
    return seen


if __name__ == "__main__":
    print(json.dumps(_inside_namespace(Path(sys.argv[1]))))
