"""server.portable and server.portable_folders in both modes: the running system's fast paths
("fast") and every fallback forced, as Windows would take them ("fallback")."""

from __future__ import annotations

import dataclasses
import os
import selectors
import socket
import stat
import subprocess
import sys
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path
from types import SimpleNamespace
from typing import cast

import pytest

from server import portable
from server.files import PathRefused, open_confined, open_confined_folder
from server.portable import Wake
from server.portable_folders import (
    Folder,
    FolderChanged,
    create_file_at,
    folder_path,
    free_bytes,
    link_at,
    mkdir_at,
    names_in,
    open_file_at,
    open_folder,
    open_folder_at,
    open_no_link,
    rename_at,
    replace_at,
    stat_at,
    unlink_at,
)
from server.sending import send_file

LINUX = sys.platform.startswith("linux")


@pytest.fixture
def restore_features() -> Iterator[None]:
    saved = dataclasses.replace(portable.features)
    yield
    for field in dataclasses.fields(portable.Features):
        setattr(portable.features, field.name, getattr(saved, field.name))


@pytest.fixture
def forced(restore_features: None) -> None:
    """Every fallback taken, whatever the run's mode; the features are restored afterwards."""
    portable.force_fallbacks()


@pytest.fixture(params=["fast", "fallback"])
def mode(request: pytest.FixtureRequest, restore_features: None) -> str:
    if request.param == "fast":
        portable.use_detected()
    else:
        portable.force_fallbacks()
    return str(request.param)


@pytest.fixture
def tree(tmp_path: Path) -> Path:
    root = tmp_path / "root"
    (root / "sub").mkdir(parents=True)
    (root / "a.txt").write_bytes(b"alpha")
    (root / "sub" / "b.txt").write_bytes(b"beta")
    (tmp_path / "outside").mkdir()
    (tmp_path / "outside" / "b.txt").write_bytes(b"outside")
    (root / "link-to-outside").symlink_to(tmp_path / "outside", target_is_directory=True)
    (root / "link.txt").symlink_to(tmp_path / "outside" / "b.txt")
    return root


def identity_of(path: Path) -> tuple[int, int]:
    st = os.lstat(path)
    return st.st_dev, st.st_ino


def read_all(fd: int) -> bytes:
    try:
        return os.read(fd, 1 << 16)
    finally:
        os.close(fd)


# -- features --------------------------------------------------------------------------------


@pytest.mark.skipif(not LINUX, reason="the fast paths detected are Linux's")
def test_linux_has_every_fast_path_but_macos_getpath() -> None:
    found = dataclasses.asdict(portable.detect())
    assert found.pop("getpath") is False
    assert all(found.values()), found


def test_force_fallbacks_turns_every_feature_off_and_use_detected_brings_them_back(
        restore_features: None) -> None:
    portable.force_fallbacks()
    assert not any(dataclasses.asdict(portable.features).values())
    assert portable.msg_more_flag() == 0 and portable.no_follow_flag() == 0
    assert isinstance(portable.new_selector(), selectors.SelectSelector)
    portable.use_detected()
    assert portable.features == portable.detect()


def test_a_windows_junction_counts_as_a_link(tmp_path: Path) -> None:
    junction = SimpleNamespace(st_mode=stat.S_IFDIR | 0o755, st_reparse_tag=0xA0000003)
    cloud_file = SimpleNamespace(st_mode=stat.S_IFREG | 0o644, st_reparse_tag=0x9000001A)
    assert portable.is_link(cast(os.stat_result, junction))
    assert not portable.is_link(cast(os.stat_result, cloud_file))  # e.g. a OneDrive placeholder
    (tmp_path / "link").symlink_to(tmp_path)
    assert portable.is_link(os.lstat(tmp_path / "link"))
    assert not portable.is_link(os.lstat(tmp_path))


# -- folders ---------------------------------------------------------------------------------


def test_a_folder_is_closed_by_close_or_by_os_close(tree: Path, mode: str) -> None:
    with open_folder(str(tree)) as folder:
        assert (folder.fd is None) == (mode == "fallback")
        assert (folder.stat().st_dev, folder.stat().st_ino) == identity_of(tree)
        assert sorted(names_in(folder)) == ["a.txt", "link-to-outside", "link.txt", "sub"]
        assert folder_path(folder) == str(tree)
    other = open_folder(str(tree))
    os.close(other)  # what callers written for descriptors do


def test_folders_and_files_behind_links_are_refused(tree: Path, mode: str) -> None:
    with pytest.raises(OSError):
        open_folder(str(tree / "link-to-outside"))
    with open_folder(str(tree)) as folder:
        with pytest.raises(OSError):
            open_folder_at(folder, "link-to-outside")
        with pytest.raises(OSError):
            open_file_at(folder, "link.txt")
        assert stat.S_ISLNK(stat_at(folder, "link.txt").st_mode)  # the link, not its target
    with pytest.raises(OSError):
        open_no_link(str(tree / "link.txt"))
    assert read_all(open_no_link(str(tree / "a.txt"))) == b"alpha"


def test_opening_by_name_checks_the_listed_identity(tree: Path, mode: str) -> None:
    with open_folder(str(tree)) as folder:
        assert read_all(open_file_at(folder, "a.txt", expected=identity_of(tree / "a.txt"))) \
            == b"alpha"
        with pytest.raises(OSError):
            open_file_at(folder, "a.txt", expected=identity_of(tree / "sub"))
        with pytest.raises(OSError):
            open_folder_at(folder, "sub", expected=identity_of(tree / "a.txt"))
        with open_folder_at(folder, "sub", expected=identity_of(tree / "sub")) as sub:
            assert names_in(sub) == ["b.txt"]
            assert read_all(open_file_at(sub, "b.txt")) == b"beta"


def test_names_are_created_renamed_linked_and_removed_in_the_folder(tree: Path,
                                                                    mode: str) -> None:
    with open_folder(str(tree / "sub")) as folder:
        fd = create_file_at(folder, "new.txt")
        os.write(fd, b"new")
        os.close(fd)
        with pytest.raises(FileExistsError):
            create_file_at(folder, "new.txt")
        os.symlink(tree / "nowhere", tree / "sub" / "dangling")
        with pytest.raises(FileExistsError):
            create_file_at(folder, "dangling")  # never through a link, even a dangling one
        link_at(folder, "new.txt", "second.txt")
        with pytest.raises(FileExistsError):
            link_at(folder, "new.txt", "b.txt")
        replace_at(folder, "second.txt", "b.txt")
        rename_at(folder, "b.txt", "c.txt")
        mkdir_at(folder, "made")
        unlink_at(folder, "new.txt")
        assert free_bytes(folder) > 0
    assert sorted(os.listdir(tree / "sub")) == ["c.txt", "dangling", "made"]
    assert (tree / "sub" / "c.txt").read_bytes() == b"new"
    assert not (tree / "nowhere").exists()
    assert free_bytes(str(tree)) > 0


def test_a_folder_moved_away_is_refused_in_fallback_and_followed_by_descriptor(
        tree: Path, mode: str) -> None:
    folder = open_folder(str(tree / "sub"))
    try:
        os.rename(tree / "sub", tree / "moved")
        (tree / "sub").mkdir()  # an impostor under the old name
        (tree / "sub" / "planted.txt").write_bytes(b"x")
        if mode == "fallback":
            for call in (lambda: names_in(folder), lambda: stat_at(folder, "b.txt"),
                         lambda: create_file_at(folder, "c.txt"), folder.stat):
                with pytest.raises(FolderChanged):
                    call()
        else:  # the descriptor still holds the folder that was opened
            assert names_in(folder) == ["b.txt"]
    finally:
        folder.close()
    assert not (tree / "sub" / "c.txt").exists()


def test_fallback_refuses_a_file_swapped_between_lstat_and_open(
        tree: Path, forced: None, monkeypatch: pytest.MonkeyPatch) -> None:
    real_open = os.open

    def swapping_open(path: str, flags: int, *args: object, **kwargs: object) -> int:
        if os.path.basename(path) == "a.txt":
            os.replace(tree / "sub" / "b.txt", tree / "a.txt")
        return real_open(path, flags, *args, **kwargs)  # type: ignore[arg-type]

    folder = open_folder(str(tree))
    monkeypatch.setattr(os, "open", swapping_open)
    try:
        with pytest.raises(OSError):
            open_file_at(folder, "a.txt")
    finally:
        monkeypatch.setattr(os, "open", real_open)
        folder.close()


def test_the_kernel_names_an_opened_file_only_on_the_fast_path(tree: Path, mode: str) -> None:
    fd = os.open(tree / "a.txt", os.O_RDONLY)
    try:
        name = portable.opened_path(fd)
        assert name == (str(tree / "a.txt") if mode == "fast" and LINUX else None)
        assert portable.read_at(fd, 3, 1) == b"lph"
        assert portable.read_at(fd, 10, 4) == b"a"
    finally:
        os.close(fd)


# -- confined opens (server.files) -------------------------------------------------------------


def test_confined_opens_refuse_a_folder_swapped_for_a_link_out_of_the_root(tree: Path,
                                                                           mode: str) -> None:
    root = str(tree)
    target = str(tree / "sub" / "b.txt")
    assert read_all(open_confined(target, root, show_hidden=False, protected=())) == b"beta"
    with open_confined_folder(str(tree / "sub"), root, show_hidden=False, protected=()) as sub:
        assert isinstance(sub, Folder) and names_in(sub) == ["b.txt"]
    os.rename(tree / "sub", tree.parent / "sub-moved")
    (tree / "sub").symlink_to(tree.parent / "outside", target_is_directory=True)
    with pytest.raises(PathRefused):
        open_confined(target, root, show_hidden=False, protected=())
    with pytest.raises(PathRefused):
        open_confined_folder(str(tree / "sub"), root, show_hidden=False, protected=())


# -- sockets and locks -----------------------------------------------------------------------


def test_waiting_on_sockets(mode: str) -> None:
    ours, theirs = socket.socketpair()
    with ours, theirs:
        assert portable.wait_ready(ours.fileno(), 1.0)
        assert not portable.wait_ready(ours.fileno(), 0.01, readable=True)
        assert portable.watch(ours.fileno(), 0.01, readable=True) is Wake.NOTHING
        theirs.send(b"x")
        assert portable.wait_ready(ours.fileno(), 1.0, readable=True)
        assert portable.watch(ours.fileno(), 1.0, readable=True) is Wake.READABLE
        ours.recv(1)
        theirs.close()
        woke = portable.watch(ours.fileno(), 1.0, readable=mode == "fallback")
        assert woke is (Wake.FAILED if mode == "fast" else Wake.READABLE)


def test_the_send_queue_is_read_only_on_the_fast_path(mode: str) -> None:
    with socket.create_server(("127.0.0.1", 0)) as server, \
            socket.create_connection(server.getsockname()) as client:
        peer, _ = server.accept()
        with peer:
            client.sendall(b"x" * 1000)
            queued = portable.unacknowledged_bytes(client.fileno())
            if mode == "fast" and LINUX:
                assert queued is not None and 0 <= queued <= 1000
            else:
                assert queued is None


@dataclass
class Progress:
    done: int = 0


def test_send_file_sends_every_byte_with_or_without_sendfile(tmp_path: Path, mode: str) -> None:
    data = os.urandom(600_000)
    (tmp_path / "data.bin").write_bytes(data)
    fd = os.open(tmp_path / "data.bin", os.O_RDONLY)
    ours, theirs = socket.socketpair()
    got = bytearray()
    try:
        ours.setblocking(False)
        progress = Progress()
        offset = 0
        while offset < len(data) - 10:  # the reader drains between the sender's attempts
            offset += send_file(ours, fd, 10 + offset, len(data) - 10 - offset, 0.05, progress,
                                give_up=True)
            theirs.setblocking(False)
            while portable.wait_ready(theirs.fileno(), 0.01, readable=True):
                got += theirs.recv(1 << 20)
        assert progress.done == len(data) - 10
    finally:
        os.close(fd)
        ours.close()
        theirs.close()
    assert bytes(got) == data[10:]


def test_a_lock_is_taken_where_the_system_has_one(tmp_path: Path, mode: str) -> None:
    fd = os.open(tmp_path / "lock", os.O_RDWR | os.O_CREAT)
    try:
        assert portable.lock_file(fd) is (mode == "fast" or sys.platform == "win32")
    finally:
        os.close(fd)


def test_a_child_s_memory_is_capped_where_the_system_can(mode: str) -> None:
    """Python asking for 256 MB under a 128 MB cap gets a MemoryError (exit status 1) where
    the system can cap it (the fast path on Linux); elsewhere the command runs as it is."""
    grab = [sys.executable, "-c", "bytearray(256 * 1024 * 1024)"]
    cap = 128 * 1024 * 1024
    capped = portable.memory_capped(grab, cap)
    assert (capped != grab) is portable.features.child_memory_cap
    assert portable.features.child_memory_cap is (mode == "fast" and LINUX)
    done = subprocess.run(capped, capture_output=True, check=False)
    assert done.returncode == (1 if portable.features.child_memory_cap else 0), done.stderr
    small = portable.memory_capped([sys.executable, "-c", "bytearray(1024 * 1024)"], cap)
    assert subprocess.run(small, capture_output=True, check=False).returncode == 0
