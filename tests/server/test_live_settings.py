"""Settings changed while sharing (ServerEngine.reconfigure): rules apply to the next request on
the same listener; a new address, port, HTTPS or folder moves the share to a new listener, the
old one stops accepting and its downloads finish. Real server, real HTTP."""

from __future__ import annotations

import base64
import hashlib
import http.client
import os
import socket
import ssl
from collections.abc import Iterator
from dataclasses import replace
from pathlib import Path

import pytest

from server.auth import Authenticator
from server.clock import ManualClock
from server.config import ALL_INTERFACES, LOCALHOST, ServerConfig, TlsSettings
from server.engine import ServerEngine
from server.errors import PortInUseError
from server.urls import lan_ipv4_addresses
from server.users import UserStore
from tests.conftest import http_request

BASIC = "Basic " + base64.b64encode(b"ana:a long password").decode()


@pytest.fixture
def engine() -> Iterator[ServerEngine]:
    running = ServerEngine()
    yield running
    running.stop()


@pytest.fixture
def store(private_config_dir: Path) -> UserStore:
    users = UserStore(private_config_dir / "users.toml")
    users.load()
    users.add("ana", "a long password", can_upload=True)
    return users


def start(engine: ServerEngine, share: Path, **options: object) -> ServerConfig:
    config = ServerConfig(root=share, port=0, **options)  # type: ignore[arg-type]
    engine.start(config)
    return config


def listener_of(engine: ServerEngine) -> socket.socket:
    loop = engine._loop
    assert loop is not None
    return loop._listener


def test_login_switched_on_answers_the_next_request_401_on_the_same_listener(
        engine: ServerEngine, share: Path, store: UserStore) -> None:
    config = start(engine, share)
    port, loop, listener = engine.port, engine._loop, listener_of(engine)
    assert http_request(port, "GET", "/hello.txt")[0] == 200
    auth = Authenticator(store, "Pier - share")
    engine.reconfigure(replace(config, auth=auth))
    assert http_request(port, "GET", "/hello.txt")[0] == 401
    assert http_request(port, "GET", "/hello.txt", headers={"Authorization": BASIC}) \
        == (200, b"hello, world\n")
    assert (engine.port, engine._loop, listener_of(engine)) == (port, loop, listener)
    engine.reconfigure(config)  # off again
    assert http_request(port, "GET", "/hello.txt")[0] == 200


def test_a_keep_alive_connection_gets_the_new_rules_on_its_next_request(
        engine: ServerEngine, share: Path, store: UserStore) -> None:
    config = start(engine, share)
    conn = http.client.HTTPConnection("127.0.0.1", engine.port, timeout=10)
    try:
        conn.request("GET", "/hello.txt")
        first = conn.getresponse()
        assert (first.status, first.read()) == (200, b"hello, world\n")
        engine.reconfigure(replace(config, auth=Authenticator(store, "Pier - share")))
        conn.request("GET", "/hello.txt")
        assert conn.getresponse().status == 401
    finally:
        conn.close()


def test_uploads_switched_off_are_refused_at_once(engine: ServerEngine, share: Path) -> None:
    config = start(engine, share, upload=True)
    port = engine.port
    assert http_request(port, "PUT", "/new.txt", b"one")[0] == 201
    engine.reconfigure(replace(config, upload=False))
    status, body = http_request(port, "PUT", "/other.txt", b"two")
    assert status == 405 and b"Uploads are turned off" in body
    assert http_request(port, "MKCOL", "/folder/")[0] == 403
    assert not (share / "other.txt").exists() and not (share / "folder").exists()
    engine.reconfigure(config)
    assert http_request(port, "PUT", "/other.txt", b"two")[0] == 201
    assert (share / "other.txt").read_bytes() == b"two"


def test_changes_and_the_upload_limit_apply_to_the_next_request(engine: ServerEngine,
                                                                share: Path) -> None:
    config = start(engine, share, upload=True, modify=True)
    port = engine.port
    engine.reconfigure(replace(config, max_upload_bytes=10))
    status, _ = http_request(port, "PUT", "/big.txt", b"x" * 11)
    assert status == 413 and not (share / "big.txt").exists()
    assert http_request(port, "PUT", "/small.txt", b"x" * 10)[0] == 201
    engine.reconfigure(replace(config, modify=False))
    assert http_request(port, "DELETE", "/small.txt")[0] == 403
    assert (share / "small.txt").exists()


def test_visitors_rights_follow_the_anonymous_level(engine: ServerEngine, share: Path,
                                                    store: UserStore) -> None:
    auth = Authenticator(store, "Pier - share")
    config = start(engine, share, auth=auth, upload=True)
    port = engine.port
    assert http_request(port, "GET", "/hello.txt")[0] == 401
    engine.reconfigure(replace(config, auth=Authenticator(store, "Pier - share",
                                                          anonymous_read=True)))
    assert http_request(port, "GET", "/hello.txt")[0] == 200
    assert http_request(port, "PUT", "/v.txt", b"v")[0] == 403  # visitors may not upload
    visiting = engine.config
    assert visiting is not None and visiting.auth is not None
    engine.reconfigure(replace(visiting, anonymous_upload=True))
    assert http_request(port, "PUT", "/v.txt", b"v")[0] == 201


def test_a_new_authenticator_for_the_same_accounts_keeps_lockouts(
        engine: ServerEngine, share: Path, store: UserStore, clock: ManualClock) -> None:
    auth = Authenticator(store, "Pier - share", clock=clock)  # time stands: the lock holds
    config = start(engine, share, auth=auth)
    wrong = "Basic " + base64.b64encode(b"ana:wrong").decode()
    while http_request(engine.port, "GET", "/", headers={"Authorization": wrong})[0] != 429:
        pass
    engine.reconfigure(replace(config, auth=Authenticator(store, "Pier - share",
                                                          anonymous_read=True)))
    assert http_request(engine.port, "GET", "/", headers={"Authorization": BASIC})[0] == 429
    running = engine.config
    assert running is not None and running.auth is not None
    assert running.auth.anonymous_read and not auth.anonymous_read  # a copy, the old unchanged
    assert "127.0.0.1" in [lock.key for lock in running.auth.lockouts()]


def test_hidden_files_and_host_names_change_in_place(engine: ServerEngine, share: Path) -> None:
    config = start(engine, share)
    port = engine.port
    assert http_request(port, "GET", "/.secret")[0] == 404
    named = {"Host": f"pc.fritz.box:{port}"}
    assert http_request(port, "GET", "/hello.txt", headers=named)[0] == 421
    engine.reconfigure(replace(config, show_hidden=True, allowed_hosts=("pc.fritz.box",)))
    assert http_request(port, "GET", "/.secret") == (200, b"hidden\n")
    assert http_request(port, "GET", "/hello.txt", headers=named)[0] == 200


def refuses(host: str, port: int) -> bool:
    try:
        socket.create_connection((host, port), timeout=5).close()
    except ConnectionRefusedError:
        return True
    return False


def test_a_new_port_opens_first_and_the_old_one_stops_accepting(engine: ServerEngine,
                                                                 share: Path) -> None:
    config = start(engine, share)
    old_port, old_loop = engine.port, engine._loop
    with socket.socket() as probe:  # a port that is free now
        probe.bind((LOCALHOST, 0))
        new_port = probe.getsockname()[1]
    urls = engine.reconfigure(replace(config, port=new_port))
    assert urls == [f"http://127.0.0.1:{new_port}/"]
    assert engine.port == new_port and engine._loop is not old_loop
    assert http_request(new_port, "GET", "/hello.txt") == (200, b"hello, world\n")
    assert refuses(LOCALHOST, old_port)


def test_a_taken_port_is_reported_and_the_old_listener_goes_on(engine: ServerEngine,
                                                                share: Path) -> None:
    config = start(engine, share)
    port, loop, listener = engine.port, engine._loop, listener_of(engine)
    with socket.socket() as taken:
        taken.bind((LOCALHOST, 0))
        taken.listen(1)
        with pytest.raises(PortInUseError, match="already in use"):
            engine.reconfigure(replace(config, port=taken.getsockname()[1], upload=True))
    assert (engine.port, engine._loop, listener_of(engine)) == (port, loop, listener)
    assert http_request(port, "GET", "/hello.txt") == (200, b"hello, world\n")
    assert http_request(port, "PUT", "/new.txt", b"x")[0] == 405  # nothing of it applied


def lan_address() -> str:
    addresses = lan_ipv4_addresses()
    if not addresses:
        pytest.skip("this machine has no LAN address")
    return addresses[0]


def test_this_computer_to_the_local_network_and_back(engine: ServerEngine, share: Path) -> None:
    lan = lan_address()
    config = start(engine, share, host=LOCALHOST)
    port = engine.port
    assert refuses(lan, port)
    urls = engine.reconfigure(replace(config, host=ALL_INTERFACES))
    assert engine.port == port and urls[0] == f"http://127.0.0.1:{port}/"
    assert f"http://{lan}:{port}/" in urls
    assert listener_of(engine).getsockname() == (ALL_INTERFACES, port)
    assert http_request(port, "GET", "/hello.txt", host=lan) == (200, b"hello, world\n")
    engine.reconfigure(replace(config, host=LOCALHOST))
    assert listener_of(engine).getsockname() == (LOCALHOST, port)
    assert refuses(lan, port)
    assert http_request(port, "GET", "/hello.txt") == (200, b"hello, world\n")


def test_any_free_port_keeps_the_port_the_share_has(engine: ServerEngine, share: Path) -> None:
    config = start(engine, share)
    port = engine.port
    engine.reconfigure(replace(config, port=0, show_hidden=True))
    assert engine.port == port


def test_another_folder_is_served_on_the_same_port(engine: ServerEngine, share: Path,
                                                   tmp_path: Path) -> None:
    other = tmp_path / "other"
    other.mkdir()
    (other / "only-here.txt").write_bytes(b"other folder")
    config = start(engine, share)
    port = engine.port
    engine.reconfigure(replace(config, root=other))
    assert engine.port == port
    assert http_request(port, "GET", "/only-here.txt") == (200, b"other folder")
    assert http_request(port, "GET", "/hello.txt")[0] == 404


def test_https_switched_on_serves_tls_on_the_same_port(engine: ServerEngine, share: Path,
                                                        tls_settings: TlsSettings) -> None:
    config = start(engine, share)
    port = engine.port
    urls = engine.reconfigure(replace(config, tls=tls_settings))
    assert urls == [f"https://127.0.0.1:{port}/"]
    context = ssl.create_default_context(cadata=(tls_settings.ca_pem or b"").decode())
    context.check_hostname = False
    conn = http.client.HTTPSConnection("127.0.0.1", port, timeout=10, context=context)
    try:
        conn.request("GET", "/hello.txt")
        response = conn.getresponse()
        assert (response.status, response.read()) == (200, b"hello, world\n")
    finally:
        conn.close()
    assert http_request(port, "GET", "/hello.txt")[0] == 301  # plain HTTP: to https


def test_a_download_running_during_a_listener_change_completes(engine: ServerEngine,
                                                                share: Path) -> None:
    data = os.urandom(48 * 1024 * 1024)  # far more than the sockets' buffers hold
    (share / "large.bin").write_bytes(data)
    config = start(engine, share)
    old_port = engine.port
    download = http.client.HTTPConnection("127.0.0.1", old_port, timeout=10)
    try:
        download.request("GET", "/large.bin")
        response = download.getresponse()
        first = response.read(1024 * 1024)  # under way, the rest waits in the server
        with socket.socket() as probe:
            probe.bind((LOCALHOST, 0))
            new_port = probe.getsockname()[1]
        engine.reconfigure(replace(config, port=new_port))
        assert refuses(LOCALHOST, old_port)
        assert http_request(new_port, "GET", "/hello.txt")[0] == 200
        rest = response.read()
    finally:
        download.close()
    assert hashlib.sha256(first + rest).digest() == hashlib.sha256(data).digest()
    for _old, finishing in list(engine._draining):  # the old loop stops once it is done
        finishing.join(10)
    assert engine._draining == []


def test_a_download_under_way_ends_under_the_rules_it_began_with(
        engine: ServerEngine, share: Path, store: UserStore) -> None:
    data = os.urandom(32 * 1024 * 1024)
    (share / "large.bin").write_bytes(data)
    config = start(engine, share)
    download = http.client.HTTPConnection("127.0.0.1", engine.port, timeout=10)
    try:
        download.request("GET", "/large.bin")
        response = download.getresponse()
        first = response.read(1024 * 1024)
        engine.reconfigure(replace(config, auth=Authenticator(store, "Pier - share")))
        assert http_request(engine.port, "GET", "/large.bin")[0] == 401
        rest = response.read()
    finally:
        download.close()
    assert hashlib.sha256(first + rest).digest() == hashlib.sha256(data).digest()


def test_stopping_while_an_old_listener_drains_ends_every_thread(engine: ServerEngine,
                                                                 share: Path, huge: Path) -> None:
    config = start(engine, share)
    download = http.client.HTTPConnection("127.0.0.1", engine.port, timeout=10)
    try:
        download.request("GET", "/" + huge.name)
        response = download.getresponse()
        response.read(1024 * 1024)  # then it stalls: nobody reads the rest
        engine.reconfigure(replace(config, port=0, host=ALL_INTERFACES))
        assert len(engine._draining) == 1
        engine.stop()  # the old loop's download is cut, its thread ends (no_thread_left_behind)
        assert engine._draining == [] and not engine.running
    finally:
        download.close()
