"""Names that are not UTF-8 under attack (e9e8fa4: on POSIX a URL's bytes decode with
surrogateescape, so a name like b"caf\\xe9.txt" is reachable at /caf%E9.txt; no new name may
be made of such bytes, an item moved or copied keeps its own). Each test here is a finding of
the attack review, fixed (the "Was" comments say what it found)."""

from __future__ import annotations

import base64
import json
import os
import subprocess
import sys
from pathlib import Path

import pytest

from server.collect import CollectConfig
from server.paths import PierPaths
from tests.collect_http import STATE, Browser
from tests.conftest import http_request

pytestmark = pytest.mark.skipif(os.name != "posix", reason="only POSIX names can be bytes")


def _write(path: bytes, data: bytes) -> None:
    try:
        with open(path, "wb") as f:
            f.write(data)
    except OSError as err:  # a file system that insists on UTF-8 names (ZFS utf8only)
        pytest.skip(f"this file system refuses names that are not UTF-8: {err}")


def _not_utf8(names: list[bytes]) -> set[bytes]:
    found = set()
    for name in names:
        try:
            name.decode("utf-8")
        except UnicodeDecodeError:
            found.add(name)
    return found


def _ana_with_a_file_named(share: Path, pier_paths: PierPaths, server_factory,
                           name: bytes) -> Browser:
    """Collect mode, Ana's hand-in made, and beside it a file named ``name`` (an old archive's)."""
    running = server_factory(share, upload=True, thumb_threads=0,
                             collect=CollectConfig("Homework", None, pier_paths.collect_file))
    ana = Browser(running.port)
    assert ana.give_name("Ana") == 303
    assert ana.hand_in([("work.txt", b"ana's work")])[0] == 303
    folder = os.path.join(os.fsencode(share), b"Homework", b"Ana")
    assert os.path.isdir(folder)
    _write(os.path.join(folder, name), b"from an old archive\n")
    return ana


# Was (fixed): collect state JSON is json.dumps(ensure_ascii=False).encode('utf-8'): a file
# whose name is not UTF-8 in the person's folder raises UnicodeEncodeError, a 500 and a
# traceback (routes_collect._state); the hand-in page itself renders
def test_collect_state_with_a_name_that_is_not_utf8_is_not_a_500(
        share: Path, pier_paths: PierPaths, server_factory) -> None:
    ana = _ana_with_a_file_named(share, pier_paths, server_factory, b"old-archive-\xe9.txt")
    status, _, body = ana.request("GET", STATE)
    assert status == 200, body[:200]
    names = [entry["name"] for entry in json.loads(body)["files"]]
    assert "work.txt" in names


# Was (fixed): kept=True lets a moved item keep a name that is not UTF-8, but clean_name
# NFC-normalises it first: b'e\xcc\x81\xe9.txt' (an NFD e-acute, then a Latin-1 byte) is stored
# as the new undecodable name b'\xc3\xa9\xe9.txt' that never existed (neither kept nor refused)
def test_a_kept_name_is_kept_byte_for_byte_or_refused(share: Path, server_factory) -> None:
    root = os.fsencode(share)
    source = b"e\xcc\x81\xe9.txt"
    _write(os.path.join(root, b"docs", source), b"nfd and latin-1\n")
    before = _not_utf8(os.listdir(root)) | _not_utf8(os.listdir(os.path.join(root, b"docs")))
    running = server_factory(share, upload=True, modify=True)
    status, _ = http_request(running.port, "MOVE", "/docs/e%CC%81%E9.txt",
                             headers={"Destination": "/e%CC%81%E9.txt"})
    assert status in (201, 400)
    after = _not_utf8(os.listdir(root)) | _not_utf8(os.listdir(os.path.join(root, b"docs")))
    assert after <= before, f"new names that are not UTF-8: {sorted(after - before)}"


# Was (fixed): ?mkdir= is read by parse_qs with errors='replace': %E9 (a Latin-1 byte) and
# %ED%A0%80 (an encoded surrogate) silently make folders named U+FFFD instead of the 400 every
# other new name that is not UTF-8 gets (PUT, MKCOL, the text form's name=, tus)
@pytest.mark.parametrize("encoded", ["%E9", "a%ED%A0%80"])
def test_mkdir_with_bytes_that_are_not_utf8_is_refused(share: Path, server_factory,
                                                      encoded: str) -> None:
    running = server_factory(share, upload=True)
    before = sorted(os.listdir(os.fsencode(share)))
    status, body = http_request(running.port, "POST", "/?mkdir=" + encoded)
    assert status == 400, body[:200]
    assert sorted(os.listdir(os.fsencode(share))) == before


def _tus_create(port: int, folder: bytes) -> tuple[int, bytes]:
    metadata = (f"filename {base64.b64encode(b'new.txt').decode()},"
                f"folder {base64.b64encode(folder).decode()}")
    return http_request(port, "POST", "/.well-known/pier/tus/", headers={
        "Tus-Resumable": "1.0.0", "Upload-Length": "3", "Upload-Metadata": metadata})


# Was (fixed): the tus record (tus_store._write) is
# json.dumps(ensure_ascii=False).encode('utf-8') of an upload whose folder_path is the target's
# real path: where that path holds bytes that are not UTF-8 (a shared folder on an old USB
# disk's Latin-1 name, or a UTF-8 named link to such a folder) every resumable upload, the
# page's default way, is a 500 with a traceback, and each one leaves an orphan .pier-tus-*.part
# file behind
@pytest.mark.parametrize("where", ["root", "link"])
def test_a_resumable_upload_below_a_real_path_that_is_not_utf8_is_not_a_500(
        share: Path, tmp_path: Path, server_factory, where: str) -> None:
    root = os.fsencode(share)
    if where == "root":  # the shared folder itself is named in Latin-1
        moved = os.path.join(os.fsencode(tmp_path), b"partag\xe9")
        try:
            os.rename(root, moved)
        except OSError as err:
            pytest.skip(f"this file system refuses names that are not UTF-8: {err}")
        root, folder = moved, b"/docs/"
    else:  # a folder named in Latin-1, reached through a link with a UTF-8 name
        try:
            os.mkdir(os.path.join(root, b"dossier \xe9t\xe9"))
        except OSError as err:
            pytest.skip(f"this file system refuses names that are not UTF-8: {err}")
        os.symlink(b"dossier \xe9t\xe9", os.path.join(root, b"uploads"))
        folder = b"/uploads/"
    running = server_factory(Path(os.fsdecode(root)), upload=True, tus_state=tmp_path / "tus")
    status, body = _tus_create(running.port, folder)
    assert status < 500, body[:200]
    if status != 201:  # refused: then nothing of it may stay behind
        target = os.path.realpath(os.path.join(root, folder.strip(b"/")))
        assert not [n for n in os.listdir(target) if n.startswith(b".pier-tus-")]


# Was (fixed): a hand-in's ?replace= is read by parse_qs with errors='replace':
# ?replace=old-%E9.txt, meant for the person's b'old-\xe9.txt', stores a new 'old-\ufffd.txt'
# beside it with a 303 instead of a 400
def test_collect_replace_with_bytes_that_are_not_utf8_is_refused(
        share: Path, pier_paths: PierPaths, server_factory) -> None:
    ana = _ana_with_a_file_named(share, pier_paths, server_factory, b"old-\xe9.txt")
    folder = os.path.join(os.fsencode(share), b"Homework", b"Ana")
    before = sorted(os.listdir(folder))
    status, _ = ana.hand_in([("new.txt", b"new work")], replace="old-%E9.txt")
    assert 400 <= status < 500
    assert sorted(os.listdir(folder)) == before


# Was (fixed): normalize_folder takes a folder limit whose bytes are not UTF-8 (argv decodes
# with surrogateescape: `pier users add bob --folder $'/caf\xe9'`), then writing users.toml
# raises UnicodeEncodeError: a traceback instead of a clear refusal (links refuse such a path
# with InvalidLinkError)
def test_an_account_folder_that_is_not_utf8_is_refused_clearly(private_config_dir: Path) -> None:
    done = subprocess.run(
        [sys.executable, "-m", "server.cli", "users", "add", "bob", "--password-stdin",
         "--folder", os.fsdecode(b"/caf\xe9")],
        input="meadow-kettle-orbit\n", text=True, capture_output=True,
        cwd=Path(__file__).resolve().parents[2], env=dict(os.environ), timeout=60)
    assert "Traceback" not in done.stderr, done.stderr[-300:]
    assert done.returncode != 0
