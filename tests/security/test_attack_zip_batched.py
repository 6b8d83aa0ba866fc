"""The zip walk does its per-entry work once per folder (issue 21): a folder is scanned once
(names and kinds, no stat), the policy is asked once per folder whether it allows everything
below, and a file's checks are made on the descriptor it opened. What that batching could
break, over real HTTP: a name swapped after the scan (for a link leading out, a FIFO, a second
name of Pier's own file), a folder-limited account zipping a parent (and a sibling whose name
starts like its folder), hidden names and Pier's own paths inside the zipped folder."""

from __future__ import annotations

import io
import os
import zipfile
from collections.abc import Callable, Iterator
from pathlib import Path

import pytest

from server import zip_walk
from server.access import FileAccess
from server.access_link import LinkAccess
from server.auth import Authenticator
from server.collect_access import HandInAccess
from server.paths import PierPaths
from server.users import UserStore
from tests.conftest import http_request
from tests.security.conftest import CANARY
from tests.security.test_zip_selection import login

INSIDE = {f"f{i:03d}.txt": b"inside %d " % i * 20 for i in range(40)}  # longer than the canary


def archive_of(body: bytes) -> dict[str, bytes]:
    """Every entry of a valid archive (each CRC checked) and its bytes."""
    assert CANARY not in body
    archive = zipfile.ZipFile(io.BytesIO(body))
    assert archive.testzip() is None
    return {name: archive.read(name) for name in archive.namelist()}


@pytest.fixture
def outside(tmp_path: Path) -> Path:
    folder = tmp_path / "outside"
    (folder / "deeper").mkdir(parents=True)
    (folder / "secret.txt").write_bytes(CANARY + b" outside the share")
    (folder / "deeper" / "secret.txt").write_bytes(CANARY + b" deeper outside")
    return folder


@pytest.fixture
def own_config(tmp_path: Path) -> Path:
    """Pier's config folder (outside the share) with its accounts file."""
    config = tmp_path / "config"
    config.mkdir()
    (config / "users.toml").write_bytes(CANARY + b" accounts")
    return config


def zipme(share: Path) -> Path:
    folder = share / "zipme"
    (folder / "sub").mkdir(parents=True)
    for name, data in INSIDE.items():
        (folder / name).write_bytes(data)
    (folder / "sub" / "kept.txt").write_bytes(b"kept below")
    return folder


def swap_file_for_link(folder: Path, outside: Path, config: Path) -> None:
    os.unlink(folder / "f020.txt")
    os.symlink(outside / "secret.txt", folder / "f020.txt")


def swap_folder_for_link(folder: Path, outside: Path, config: Path) -> None:
    os.rename(folder / "sub", folder.parent / "sub-away")
    os.symlink(outside / "deeper", folder / "sub", target_is_directory=True)


def swap_file_for_fifo(folder: Path, outside: Path, config: Path) -> None:
    os.unlink(folder / "f020.txt")
    os.mkfifo(folder / "f020.txt")  # opened without O_NONBLOCK, it would hang the zip


def swap_file_for_own_file(folder: Path, outside: Path, config: Path) -> None:
    os.unlink(folder / "f020.txt")
    os.link(config / "users.toml", folder / "f020.txt")  # a second name of Pier's accounts


SWAPS = {"file-for-link": (swap_file_for_link, {"f020.txt"}),
         "folder-for-link": (swap_folder_for_link, {"sub/kept.txt"}),
         "file-for-fifo": (swap_file_for_fifo, {"f020.txt"}),
         "file-for-own-file": (swap_file_for_own_file, {"f020.txt"})}


def swap_after_the_scan(monkeypatch: pytest.MonkeyPatch, folder: Path,
                        swap: Callable[[], None]) -> list[str]:
    """Run ``swap`` once the walk has read ``folder``'s names (and before it opens any)."""
    real = zip_walk.entries_in
    done: list[str] = []

    def scanning(opened):  # type: ignore[no-untyped-def]
        yield from real(opened)
        if not done and os.path.samefile(opened.path, folder):
            swap()
            done.append(opened.path)

    monkeypatch.setattr(zip_walk, "entries_in", scanning)
    return done


@pytest.mark.timeout(60)
@pytest.mark.parametrize("moment", list(SWAPS))
def test_a_name_swapped_between_the_scan_and_the_open_leads_nowhere(
        server_factory, share, outside, own_config, monkeypatch, moment):
    folder = zipme(share)
    swap, gone = SWAPS[moment]
    running = server_factory(share, protected_paths=PierPaths.under(own_config).protected)
    done = swap_after_the_scan(monkeypatch, folder, lambda: swap(folder, outside, own_config))
    status, body = http_request(running.port, "GET", "/zipme/?format=zip")
    assert done, "the swap really ran"
    assert status == 200
    stored = archive_of(body)
    expected = {**INSIDE, "sub/kept.txt": b"kept below"}
    assert stored == {name: data for name, data in expected.items() if name not in gone}


@pytest.fixture
def team(server_factory, tmp_path: Path, private_config_dir: Path):
    share = tmp_path / "share"
    files = {"team/top.txt": b"top", "team/ana/a.txt": b"ana's", "team/ana/deep/x/y.txt": b"y",
             "team/ana/deep/z.txt": b"z", "team/anabel/secret.txt": CANARY + b" anabel",
             "team/bob/secret.txt": CANARY + b" bob", "root.txt": CANARY + b" root"}
    for name, data in files.items():
        (share / name).parent.mkdir(parents=True, exist_ok=True)
        (share / name).write_bytes(data)
    (share / "team" / "ana" / "empty").mkdir()
    os.symlink(share / "team" / "bob", share / "team" / "ana" / "to-bob")
    users = UserStore(private_config_dir / "users.toml")
    users.load()
    users.add("ana", "pw-ana", folders=["/team/ana"])
    users.add("deep", "pw-deep", folders=["/team/ana/deep/x"])
    return server_factory(share, auth=Authenticator(users, "Pier - test"))


ANA = {"ana/a.txt": b"ana's", "ana/deep/x/y.txt": b"y", "ana/deep/z.txt": b"z", "ana/empty/": b""}


@pytest.mark.parametrize(("who", "path", "expected"), [
    ("ana", "/team/", ANA),
    ("ana", "/", {"team/" + name: data for name, data in ANA.items()}),
    ("ana", "/team/ana/", {name[4:]: data for name, data in ANA.items()}),
    ("deep", "/team/", {"ana/deep/x/y.txt": b"y"}),
    ("deep", "/team/ana/deep/", {"x/y.txt": b"y"}),
])
def test_a_folder_limited_account_zipping_a_parent_gets_only_its_folders(team, who, path,
                                                                         expected):
    status, body = http_request(team.port, "GET", path + "?format=zip",
                                headers=login(who, f"pw-{who}"))
    assert status == 200
    assert archive_of(body) == expected


@pytest.mark.parametrize("show_hidden", [False, True])
def test_hidden_names_and_piers_own_paths_inside_the_zipped_folder_stay_out(
        server_factory, share, own_config, show_hidden):
    folder = zipme(share)
    conf = folder / "conf"  # Pier's config folder, inside the zipped one
    (conf / "tls").mkdir(parents=True)
    (conf / "users.toml").write_bytes(CANARY + b" accounts")
    (conf / "tls" / "server.key").write_bytes(CANARY + b" key")
    logs = folder / "logs"
    logs.mkdir()
    (logs / "access.log.1").write_bytes(CANARY + b" an old log")
    (folder / ".pier-upload-0123456789abcdef.part").write_bytes(CANARY + b" an upload")
    (folder / (".pier-tus-" + "0" * 32 + ".part")).write_bytes(CANARY + b" a resumable one")
    for trash in ("$RECYCLE.BIN", ".Trash-1000", ".Trashes"):
        (folder / trash).mkdir()
        (folder / trash / "deleted.txt").write_bytes(CANARY + b" deleted")
    os.link(own_config / "users.toml", folder / "innocent.txt")  # a second name, elsewhere
    hidden = {".hidden": b"dot", ".git/config": b"git", "desktop.ini": b"ini",
              "Thumbs.db": b"thumbs", "._f000.txt": b"apple double", ".DS_Store": b"finder"}
    for name, data in hidden.items():
        (folder / name).parent.mkdir(exist_ok=True)
        (folder / name).write_bytes(data)
    protected = (*PierPaths.under(conf).protected, *PierPaths.under(own_config).protected)
    running = server_factory(share, protected_paths=protected, show_hidden=show_hidden,
                             access_log=logs / "access.log")
    status, body = http_request(running.port, "GET", "/zipme/?format=zip")
    assert status == 200
    expected = {**INSIDE, "sub/kept.txt": b"kept below"}
    if show_hidden:
        expected |= hidden
    stored = archive_of(body)
    stored.pop("logs/", None)  # the access log's folder: the log itself is Pier's own
    assert stored == expected


def test_every_access_that_narrows_may_narrows_may_all_below():
    """A subclass of FileAccess that judges paths its own way (``may``) must not inherit the
    share-wide answer to "everything below?", or its zips would skip its own judgement."""
    def subclasses(cls: type) -> Iterator[type]:
        for sub in cls.__subclasses__():
            yield sub
            yield from subclasses(sub)

    assert {LinkAccess, HandInAccess} <= set(subclasses(FileAccess))
    for sub in subclasses(FileAccess):
        if "may" in vars(sub):
            assert "may_all_below" in vars(sub), sub


def test_a_selection_of_only_what_the_opened_file_check_refuses_is_refused(
        server_factory, share, own_config):
    """Pier's own file under another name is refused when it is opened (its listing says only
    "a file"): a selection naming nothing else holds nothing, and is a 404 like one naming
    nothing, not an empty archive (which through a link would count as a download)."""
    folder = zipme(share)
    os.link(own_config / "users.toml", folder / "innocent.txt")
    running = server_factory(share, protected_paths=PierPaths.under(own_config).protected)
    status, body = http_request(running.port, "GET", "/zipme/?format=zip&name=innocent.txt")
    assert status == 404 and CANARY not in body
    status, body = http_request(running.port, "GET",
                                "/zipme/?format=zip&name=innocent.txt&name=f001.txt")
    assert status == 200 and archive_of(body) == {"f001.txt": INSIDE["f001.txt"]}
