"""ShareControl, the app service behind the Clients and Limits tabs, and the lock-outs that
Accounts hands to the Users dialog: real engine, real bans file."""

from __future__ import annotations

import threading
from collections.abc import Iterator
from pathlib import Path

import pytest
from pytestqt.qtbot import QtBot

from app.accounts import Accounts, LockedOut
from app.share_control import BAN_FAILED, SerialWorker, ShareControl
from app.traffic_settings import TrafficChoices
from server.auth import Authenticator, Lockout
from server.control import TrafficLimits
from server.engine import ServerEngine
from server.errors import ConfigError
from server.users import UserStore


@pytest.fixture
def bans_file(tmp_path: Path) -> Path:
    return tmp_path / "config" / "bans.json"


@pytest.fixture
def control(qtbot: QtBot, bans_file: Path) -> Iterator[ShareControl]:
    service = ShareControl(ServerEngine(bans_file=bans_file))
    yield service
    assert service.wait(5)


def test_a_permanent_ban_is_saved_off_the_gui_thread(control: ShareControl, bans_file: Path,
                                                     qtbot: QtBot,
                                                     monkeypatch: pytest.MonkeyPatch) -> None:
    engine = control._engine
    threads: list[str] = []
    real_ban = engine.ban

    def recording_ban(target: str, *, permanent: bool = False) -> None:
        threads.append(threading.current_thread().name)
        real_ban(target, permanent=permanent)

    monkeypatch.setattr(engine, "ban", recording_ban)
    received: list[str] = []
    control.banned.connect(lambda *_: received.append(threading.current_thread().name))
    with qtbot.waitSignal(control.banned, timeout=5000) as banned:
        assert control.ban(" 192.0.2.7 ", permanent=True) == "192.0.2.7/32"
    assert banned.args == ["192.0.2.7/32", True]
    assert threads == ["pier-control"]  # the fsync happened in the worker
    assert received == [threading.current_thread().name]  # the signal came to the GUI thread
    assert "192.0.2.7/32" in bans_file.read_text(encoding="utf-8")
    assert control.bans() == [("192.0.2.7/32", True)]


def test_actions_run_in_the_order_asked(control: ShareControl, qtbot: QtBot) -> None:
    events: list[str] = []
    control.banned.connect(lambda net, permanent: events.append(f"ban {net} {permanent}"))
    control.unbanned.connect(lambda net: events.append(f"unban {net}"))
    with qtbot.waitSignal(control.unbanned, timeout=5000):
        control.ban("10.0.0.0/8")
        control.ban("192.0.2.1", permanent=True)
        control.unban("10.0.0.0/8")
    assert events == ["ban 10.0.0.0/8 False", "ban 192.0.2.1/32 True", "unban 10.0.0.0/8"]
    assert control.bans() == [("192.0.2.1/32", True)]


def test_a_bad_address_is_refused_at_once(control: ShareControl, qtbot: QtBot) -> None:
    with qtbot.assertNotEmitted(control.banned), pytest.raises(ConfigError, match=r"300\.1\.2\.3"):
        control.ban("300.1.2.3")
    with pytest.raises(ConfigError):
        control.unban("not an address")
    with pytest.raises(ConfigError):
        control.disconnect_client("")
    assert not control._worker.busy and control.bans() == []


def test_a_ban_that_cannot_be_saved_says_why(qtbot: QtBot, tmp_path: Path) -> None:
    (tmp_path / "a-file").write_text("", encoding="utf-8")
    control = ShareControl(ServerEngine(bans_file=tmp_path / "a-file" / "bans.json"))
    with qtbot.waitSignal(control.failed, timeout=5000) as failed:
        control.ban("192.0.2.7", permanent=True)
    assert failed.args[0] == BAN_FAILED and failed.args[1]
    assert control.wait(5)


def test_disconnect_of_a_stopped_share_closes_nothing(control: ShareControl,
                                                      qtbot: QtBot) -> None:
    with qtbot.waitSignal(control.disconnected, timeout=5000) as done:
        control.disconnect_client("192.0.2.7")
    assert done.args == ["192.0.2.7", 0]


def test_limits_and_allow_list_apply_at_once(control: ShareControl, qtbot: QtBot) -> None:
    choices = TrafficChoices(total_rate_kib=1024, downloads_per_client=2,
                             allow_list_on=True, allow_list="10.0.0.0/8, 127.0.0.1")
    assert control.set_limits(choices) == TrafficLimits(total_rate=1024 * 1024,
                                                 downloads_per_client=2)
    with qtbot.waitSignal(control.allow_list_changed) as changed:
        assert control.set_allow_list(choices) == ["10.0.0.0/8", "127.0.0.1/32"]
    assert changed.args == [["10.0.0.0/8", "127.0.0.1/32"]]
    with qtbot.assertNotEmitted(control.allow_list_changed), pytest.raises(ConfigError):
        control.set_allow_list(TrafficChoices(allow_list_on=True, allow_list="10.0.0.300"))
    assert control.allow_list() == ["10.0.0.0/8", "127.0.0.1/32"]  # left as it was
    with qtbot.waitSignal(control.allow_list_changed) as changed:
        assert control.set_allow_list(TrafficChoices()) == []
    assert changed.args == [[]]
    assert control.cancel(12345) is False  # no such transfer


def test_the_worker_thread_ends_when_idle() -> None:
    worker = SerialWorker("pier-test-worker")
    release = threading.Event()
    done: list[int] = []
    worker.submit(lambda: (release.wait(5), done.append(1)))
    worker.submit(lambda: done.append(2))
    assert worker.busy and not worker.wait(0.05)
    release.set()
    assert worker.wait(5) and done == [1, 2] and not worker.busy
    assert not [t for t in threading.enumerate() if t.name == "pier-test-worker"]


class FakeShare:
    def __init__(self, auth: Authenticator | None) -> None:
        self.authenticator = auth


class FakeAuthenticator:
    def __init__(self) -> None:
        self.locks = [Lockout("192.0.2.7", "ip", "192.0.2.7", 5, 30, 1e9, "192.0.2.7"),
                      Lockout("user:alice@192.0.2.7", "user", "alice", 6, 60, 1e9,
                              "192.0.2.7")]
        self.released: list[str] = []

    def lockouts(self) -> list[Lockout]:
        return list(self.locks)

    def release(self, key: str) -> None:
        self.released.append(key)


def test_lockouts_are_plain_copies_and_release_goes_to_the_share(qtbot: QtBot,
                                                                 tmp_path: Path) -> None:
    share = FakeShare(None)
    accounts = Accounts(UserStore(tmp_path / "users.toml"), share=share)
    assert accounts.lockouts() is None and accounts.release("192.0.2.7") is False
    auth = FakeAuthenticator()
    share.authenticator = auth  # type: ignore[assignment]
    locks = accounts.lockouts()
    assert locks is not None and all(type(lock) is LockedOut for lock in locks)
    assert [lock.who for lock in locks] == ["address 192.0.2.7", "user alice"]
    assert locks[1].key == "user:alice@192.0.2.7" and locks[1].retry_after == 60
    with qtbot.waitSignal(accounts.released) as released:
        assert accounts.release("user:alice@192.0.2.7")
    assert released.args == ["user:alice@192.0.2.7"] and auth.released == released.args
