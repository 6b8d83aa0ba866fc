"""server/users.py, UserStore: the private accounts file read as snapshots and changed
atomically under a lock file, names and passwords checked, last-login times batched (on a clock
the test moves). Logins against the store: test_auth.py."""

from __future__ import annotations

import stat
import threading
from pathlib import Path

import pytest

from server import users
from server.clock import ManualClock
from server.errors import UserStoreError
from server.users import LOGIN_FLUSH_INTERVAL, HashParams, PasswordHasher, User, UserStore

FAST = HashParams(argon2_memory_kib=64, argon2_iterations=1, scrypt_log2_n=10)


@pytest.fixture
def clock() -> ManualClock:
    return ManualClock()


@pytest.fixture
def store(tmp_path: Path, clock: ManualClock) -> UserStore:
    s = UserStore(tmp_path / "users.toml", hasher=PasswordHasher(FAST), clock=clock)
    s.load()
    return s


def on_disk(path: Path, name: str) -> User:
    """The account as another process reads it from the file."""
    fresh = UserStore(path)
    fresh.load()
    user = fresh.get(name)
    assert user is not None
    return user


def test_store_file_is_private_atomic_and_round_trips(store, tmp_path):
    store.add("alice", "s3cret", can_upload=True, folders=["/alice/", "public"], expires=2e9)
    path = tmp_path / "users.toml"
    assert stat.S_IMODE(path.stat().st_mode) == 0o600
    assert "s3cret" not in path.read_text()
    assert not [p for p in tmp_path.iterdir() if p.name.endswith(".tmp")]
    again = UserStore(path)
    again.load()
    alice = again.get("alice")
    assert alice == User("alice", can_upload=True, folders=("/alice", "/public"),
                         created=alice.created, expires=2e9)
    assert again.password_hash("alice").startswith("$argon2id$v=19$m=64,t=1,p=1$")


def test_atomic_write_leaves_the_old_file_when_replace_fails(store, tmp_path, monkeypatch):
    store.add("alice", "pw")
    before = (tmp_path / "users.toml").read_bytes()

    def broken_replace(*_args):
        raise OSError(28, "No space left on device")

    monkeypatch.setattr(users.os, "replace", broken_replace)
    with pytest.raises(UserStoreError, match="No space left"):
        store.add("bob", "pw")
    assert (tmp_path / "users.toml").read_bytes() == before
    assert not [p for p in tmp_path.iterdir() if p.name.endswith(".tmp")]
    assert store.get("bob") is None


@pytest.mark.parametrize("content", [
    "this is [not toml",
    "format = 1\n[users.alice]\ncan_read = true\n",  # no password
    'format = 1\n[users.alice]\npassword = "$x"\nenabled = "yes"\n',
    "format = 99\n",
    b"\xff\xfe garbage",
])
def test_corrupt_file_gives_a_clear_error_and_is_never_overwritten(tmp_path, content):
    path = tmp_path / "users.toml"
    raw = content if isinstance(content, bytes) else content.encode()
    path.write_bytes(raw)
    s = UserStore(path, hasher=PasswordHasher(FAST))
    with pytest.raises(UserStoreError, match="damaged") as caught:
        s.load()
    assert str(path) in str(caught.value)
    for attempt in (lambda: s.add("bob", "pw"), lambda: s.remember_realm("R"),
                    lambda: s.remove("alice")):
        with pytest.raises(UserStoreError):
            attempt()
    assert path.read_bytes() == raw


@pytest.mark.parametrize("name", ["", "a" * 65, "a:b", "tab\there", " padded", "nul\x00"])
def test_bad_names_are_refused(store, name):
    with pytest.raises(users.InvalidAccountError):
        store.add(name, "pw")


@pytest.mark.parametrize("password", ["", "x" * 1025])
def test_bad_passwords_are_refused(store, password):
    with pytest.raises(users.InvalidAccountError):
        store.add("alice", password)


def test_limits_and_duplicates(store):
    store.add("a" * 64, "x" * 1024)
    with pytest.raises(UserStoreError, match="already exists"):
        store.add("a" * 64, "other")
    with pytest.raises(UserStoreError, match="no user"):
        store.set_password("nobody", "pw")
    with pytest.raises(users.InvalidAccountError):
        store.add("bob", "pw", folders=["/../etc"])


def test_version_bumps_on_changes_not_on_logins(store):
    v0 = store.version
    store.add("alice", "pw")
    v1 = store.version
    store.record_login("alice")
    store.flush()
    assert store.version == v1 and store.get("alice").last_login is not None
    store.update("alice", can_upload=True)
    store.set_password("alice", "new")
    store.remove("alice")
    assert v0 < v1 < store.version


def test_two_stores_on_one_file_do_not_lose_each_others_changes(tmp_path):
    path = tmp_path / "users.toml"
    first, second = (UserStore(path, hasher=PasswordHasher(FAST)) for _ in range(2))
    first.load()
    second.load()
    first.add("alice", "pw")
    second.add("bob", "pw")  # re-reads the changed file under the lock before writing
    first.update("alice", can_upload=True)
    final = UserStore(path)
    final.load()
    assert [u.name for u in final.users()] == ["alice", "bob"]
    assert final.get("alice").can_upload


def test_logins_are_written_at_most_once_a_minute(tmp_path, clock):
    path = tmp_path / "users.toml"
    store = UserStore(path, hasher=PasswordHasher(FAST), clock=clock)
    store.add("alice", "secret")
    store.add("bob", "secret")
    store.record_login("alice")
    assert store.get("alice").last_login == clock.time()  # seen at once by this process ...
    assert on_disk(path, "alice").last_login is None  # ... but not written yet
    clock.advance(LOGIN_FLUSH_INTERVAL)
    store.record_login("bob")  # the minute is over: both are written
    assert on_disk(path, "alice").last_login == clock.time() - LOGIN_FLUSH_INTERVAL
    assert on_disk(path, "bob").last_login == clock.time()


def test_flush_writes_pending_logins_now(tmp_path, clock):
    path = tmp_path / "users.toml"
    store = UserStore(path, hasher=PasswordHasher(FAST), clock=clock)
    store.add("alice", "secret")
    store.record_login("alice")
    store.flush()
    assert on_disk(path, "alice").last_login == clock.time()


def test_accounts_are_dated_by_the_store_clock(store, clock):
    assert store.add("alice", "secret").created == clock.time()


def test_last_login_write_can_leave_the_calling_thread(store, tmp_path, clock):
    """The serve thread records logins too; the once-a-minute write then runs elsewhere."""
    store.add("alice", "secret")
    clock.advance(LOGIN_FLUSH_INTERVAL)
    store.record_login("alice", wait=False)
    for thread in [t for t in threading.enumerate() if t.name == "pier-login-flush"]:
        thread.join(timeout=10)
    assert on_disk(tmp_path / "users.toml", "alice").last_login == clock.time()


def test_a_login_noted_without_waiting_is_skipped_while_the_store_writes(store):
    store.add("alice", "secret")
    holding, release = threading.Event(), threading.Event()

    def writer() -> None:  # stands for a write waiting on another process's file lock
        with store._write_lock:
            holding.set()
            release.wait(10)

    busy = threading.Thread(target=writer)
    busy.start()
    holding.wait(10)
    noting = threading.Thread(target=store.record_login, args=("alice",), kwargs={"wait": False})
    noting.start()
    noting.join(5)
    finished = not noting.is_alive()
    release.set()
    busy.join(10)
    noting.join(10)
    assert finished  # the serve thread would have been stuck until the write ended
    assert store.get("alice").last_login is None
