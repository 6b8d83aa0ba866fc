from __future__ import annotations

import http.client
import socket
import threading
from collections import deque
from collections.abc import Iterator
from pathlib import Path

import pytest
import qasync
from pytestqt.qtbot import QtBot

from app.controller import (
    Activity,
    InvalidPortError,
    ServerController,
    ServerState,
    ShareRequest,
    check_port,
    make_config,
)
from app.settings import SCOPE_LAN, SCOPE_LOCAL
from server.appdirs import find_ffmpeg, find_trash_folders
from server.clock import ManualClock
from server.config import ALL_INTERFACES, LOCALHOST, ServerConfig
from server.errors import FolderError, PortInUseError
from server.paths import PierPaths
from server.records import RequestRecord
from tests.app.conftest import run
from tests.conftest import non_daemon_threads


@pytest.fixture
def folder(tmp_path: Path) -> Path:
    root = tmp_path / "share"
    root.mkdir()
    (root / "hello.txt").write_text("hello\n", encoding="utf-8")
    return root


@pytest.fixture
def records() -> deque[RequestRecord]:
    return deque()


@pytest.fixture
def clock() -> ManualClock:
    return ManualClock()


@pytest.fixture
def controller(qtbot: QtBot, records: deque[RequestRecord], app_paths: PierPaths,
               clock: ManualClock) -> Iterator[ServerController]:
    ctrl = ServerController(records.append, app_paths, clock=clock)
    yield ctrl
    ctrl.stop_blocking()


def get(port: int, path: str) -> tuple[int, bytes]:
    conn = http.client.HTTPConnection("127.0.0.1", port, timeout=5)
    try:
        conn.request("GET", path)
        response = conn.getresponse()
        return response.status, response.read()
    finally:
        conn.close()


def port_is_closed(port: int) -> bool:
    try:
        socket.create_connection(("127.0.0.1", port), timeout=1).close()
    except ConnectionRefusedError:
        return True
    return False


def test_make_config_maps_scope_to_host(app_paths: PierPaths, folder: Path) -> None:
    local = make_config(ShareRequest(str(folder), SCOPE_LOCAL, 0), app_paths)
    lan = make_config(ShareRequest(f"  {folder}  ", SCOPE_LAN, 8080, show_hidden=True), app_paths)
    assert (local.host, lan.host) == (LOCALHOST, ALL_INTERFACES)
    assert lan.root == folder and lan.port == 8080 and lan.show_hidden
    assert local.protected_paths, "the config dir must never be served"
    assert local.tus_state == app_paths.tus_dir  # resumable uploads outlive a restart
    assert local.links_file == app_paths.links_file  # share links made by the CLI are served
    assert local.thumb_cache == app_paths.thumbs_dir  # in the cache folder, not the share
    assert local.ffmpeg == find_ffmpeg()  # looked up on PATH here: server/ reads no PATH
    assert local.trash_folders == find_trash_folders()  # the home trash: Pier's own path


def test_make_config_passes_the_other_names_of_this_computer(folder: Path,
                                                             app_paths: PierPaths) -> None:
    share = ShareRequest(str(folder), SCOPE_LAN, 0, allowed_hosts=("pc.fritz.box", "laptop.vpn"))
    assert make_config(share, app_paths).allowed_hosts == ("pc.fritz.box", "laptop.vpn")
    assert make_config(ShareRequest(str(folder), SCOPE_LOCAL, 0), app_paths).allowed_hosts == ()


def test_start_share_serves_with_the_other_names(
        controller: ServerController, folder: Path, aloop: qasync.QEventLoop) -> None:
    share = ShareRequest(str(folder), SCOPE_LOCAL, 0, allowed_hosts=("pc.fritz.box",))
    assert run(aloop, controller.start_share(share)) is True
    assert controller.config is not None
    assert controller.config.allowed_hosts == ("pc.fritz.box",)
    run(aloop, controller.stop())


def test_make_config_without_a_folder_is_a_folder_error(app_paths: PierPaths) -> None:
    with pytest.raises(FolderError, match="Choose a folder"):
        make_config(ShareRequest("  ", SCOPE_LOCAL, 0), app_paths)


def test_blocking_start_serves_and_stop_closes_everything(
        controller: ServerController, folder: Path, records: deque[RequestRecord],
        qtbot: QtBot, app_paths: PierPaths, clock: ManualClock) -> None:
    before = non_daemon_threads()
    states: list[ServerState] = []
    controller.state_changed.connect(states.append)
    with qtbot.waitSignal(controller.started) as started:
        config = make_config(ShareRequest(str(folder), SCOPE_LOCAL, 0), app_paths)
        assert controller.start_blocking(config)
    port = controller.port
    assert port and started.args[0][0] == f"http://127.0.0.1:{port}/"
    assert get(port, "/hello.txt") == (200, b"hello\n")
    with qtbot.waitSignal(controller.stats_updated, timeout=3000) as stats:
        pass
    assert stats.args[0].total_requests >= 1
    assert controller.elapsed() == 0.0  # the engine's clock has not moved
    clock.advance(42.0)
    assert controller.elapsed() == 42.0
    controller.stop_blocking()
    assert states == [ServerState.STARTING, ServerState.RUNNING, ServerState.STOPPING,
                      ServerState.STOPPED]
    assert [r.path for r in records] == ["/hello.txt"]
    assert port_is_closed(port)
    assert controller.elapsed() == 0.0
    assert non_daemon_threads() <= before


def test_async_start_and_stop_on_a_qasync_loop(
        controller: ServerController, folder: Path, aloop: qasync.QEventLoop,
        app_paths: PierPaths) -> None:
    config = make_config(ShareRequest(str(folder), SCOPE_LOCAL, 0), app_paths)
    assert run(aloop, controller.start(config)) is True
    assert controller.state is ServerState.RUNNING
    port = controller.port
    assert port is not None and get(port, "/hello.txt")[0] == 200
    run(aloop, controller.stop())
    assert controller.state is ServerState.STOPPED
    assert port_is_closed(port)


def test_a_stop_stepped_without_a_running_loop_still_stops_the_engine(
        controller: ServerController, folder: Path, app_paths: PierPaths) -> None:
    """Closing the window at exit (or at a test's end) schedules ``stop()`` on a loop that no
    longer runs; stepped there, it must not mark the share stopped with its engine serving."""
    config = make_config(ShareRequest(str(folder), SCOPE_LOCAL, 0), app_paths)
    assert controller.start_blocking(config)
    port = controller.port
    assert port is not None
    with pytest.raises(StopIteration):
        controller.stop().send(None)  # one step, no loop running
    assert controller.state is ServerState.STOPPED
    assert port_is_closed(port)
    assert not [t.name for t in threading.enumerate() if t.name == "pier-serve"]


def test_port_in_use_is_reported_as_a_typed_error(
        controller: ServerController, folder: Path, aloop: qasync.QEventLoop,
        qtbot: QtBot) -> None:
    with socket.socket() as taken:
        taken.bind(("127.0.0.1", 0))
        taken.listen()
        busy = taken.getsockname()[1]
        failures: list[Exception] = []
        controller.failed.connect(failures.append)
        config = ServerConfig(root=folder, host="127.0.0.1", port=busy)
        assert run(aloop, controller.start(config)) is False
    assert controller.state is ServerState.STOPPED
    assert len(failures) == 1 and isinstance(failures[0], PortInUseError)
    assert str(busy) in str(failures[0])


def test_missing_folder_is_reported_and_leaves_the_controller_usable(
        controller: ServerController, folder: Path, tmp_path: Path) -> None:
    failures: list[Exception] = []
    controller.failed.connect(failures.append)
    assert not controller.start_blocking(ServerConfig(root=tmp_path / "nope", port=0))
    assert isinstance(failures[0], FolderError)
    assert controller.start_blocking(ServerConfig(root=folder, port=0))
    assert controller.state is ServerState.RUNNING


def test_start_while_running_is_ignored(controller: ServerController, folder: Path) -> None:
    config = ServerConfig(root=folder, port=0)
    assert controller.start_blocking(config)
    port = controller.port
    assert not controller.start_blocking(config)
    assert controller.port == port


def free_port_now() -> int:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return int(probe.getsockname()[1])


def test_any_free_port_asks_for_the_remembered_port_first(
        controller: ServerController, folder: Path, aloop: qasync.QEventLoop) -> None:
    wanted = free_port_now()
    share = ShareRequest(str(folder), SCOPE_LOCAL, 0, preferred_port=wanted)
    assert run(aloop, controller.start_share(share)) is True
    assert controller.port == wanted
    assert controller.port_notice is None
    run(aloop, controller.stop())


def test_a_taken_remembered_port_falls_back_to_a_free_one_and_says_so(
        controller: ServerController, folder: Path, aloop: qasync.QEventLoop) -> None:
    with socket.socket() as taken:
        taken.bind(("127.0.0.1", 0))
        taken.listen()
        busy = taken.getsockname()[1]
        share = ShareRequest(str(folder), SCOPE_LOCAL, 0, preferred_port=busy)
        assert run(aloop, controller.start_share(share)) is True
        assert controller.port not in (None, busy)
        notice = controller.port_notice
        assert notice is not None
        assert f"Port {busy}" in notice and str(controller.port) in notice
    run(aloop, controller.stop())
    assert controller.port_notice is None


def test_a_port_out_of_range_is_refused_not_changed(
        controller: ServerController, folder: Path, aloop: qasync.QEventLoop) -> None:
    failures: list[Exception] = []
    controller.failed.connect(failures.append)
    share = ShareRequest(str(folder), SCOPE_LOCAL, 99999)
    with pytest.raises(InvalidPortError, match="99999 is not a port number"):
        check_port(share)
    assert run(aloop, controller.start_share(share)) is False
    assert len(failures) == 1 and isinstance(failures[0], InvalidPortError)
    assert controller.state is ServerState.STOPPED


def test_activity_counts_connections_while_running(
        controller: ServerController, folder: Path, aloop: qasync.QEventLoop,
        qtbot: QtBot) -> None:
    assert controller.activity() == Activity() and not Activity().busy
    assert run(aloop, controller.start_share(ShareRequest(str(folder), SCOPE_LOCAL, 0)))
    port = controller.port
    assert port is not None
    with socket.create_connection(("127.0.0.1", port), timeout=5):
        qtbot.waitUntil(lambda: controller.activity().busy)
        activity = controller.activity()
        assert activity.connections == 1 and activity.clients == 1
        assert activity.describe() == "1 device is connected"
    assert Activity(3, 2, 2).describe() == "2 devices are connected and 2 transfers are running"
    run(aloop, controller.stop())
