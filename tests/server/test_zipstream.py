"""The streamed ZIP: read back by zipfile, `unzip -t` and `python -m zipfile -t`; bounded chunks;
files that vanish or change while zipping; ZIP64; the exact size estimate."""

from __future__ import annotations

import io
import os
import shutil
import subprocess
import sys
import tracemalloc
import zipfile
from pathlib import Path

import pytest

from server.zipstream import ZipItem, ZipStream, estimate_zip_size, iter_zip

MTIME = 1_700_000_000.0  # 2023-11-14


def make_tree(root: Path) -> list[ZipItem]:
    """A small share: nested folders, an empty folder, an empty file, non-ASCII names."""
    files = {
        "a.txt": b"hello\n",
        "empty.bin": b"",
        "photos/2024/café ☕.jpg": os.urandom(300_000),
        "photos/日本語.txt": "こんにちは".encode(),
        "docs/report (1).pdf": b"%PDF" + b"x" * 70_000,
    }
    items = [ZipItem("photos/", None, 0, MTIME), ZipItem("photos/2024/", None, 0, MTIME),
             ZipItem("docs/", None, 0, MTIME), ZipItem("empty folder/", None, 0, MTIME)]
    for name, data in files.items():
        path = root / name
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_bytes(data)
        os.utime(path, (MTIME, MTIME))
        items.append(ZipItem(name, str(path), len(data), MTIME))
    return items


def expected_contents(items: list[ZipItem]) -> dict[str, bytes]:
    return {i.arcname: Path(i.fs_path).read_bytes() if i.fs_path else b"" for i in items}


def read_back(data: bytes) -> dict[str, bytes]:
    with zipfile.ZipFile(io.BytesIO(data)) as archive:
        assert archive.testzip() is None
        return {info.filename: archive.read(info) for info in archive.infolist()}


def check_with_tools(path: Path) -> None:
    result = subprocess.run([sys.executable, "-m", "zipfile", "-t", str(path)],
                            capture_output=True, text=True, timeout=60)
    assert result.returncode == 0, result.stderr
    if shutil.which("unzip"):
        result = subprocess.run(["unzip", "-t", str(path)], capture_output=True, timeout=60)
        assert result.returncode == 0, result.stdout


def test_round_trip_through_zipfile_and_unzip(tmp_path: Path):
    items = make_tree(tmp_path / "share")
    data = b"".join(iter_zip(items))
    assert read_back(data) == expected_contents(items)
    with zipfile.ZipFile(io.BytesIO(data)) as archive:
        info = archive.getinfo("photos/2024/café ☕.jpg")
        assert info.flag_bits & 0x800  # UTF-8 name
        assert info.flag_bits & 0x08  # data descriptor
        assert info.compress_type == zipfile.ZIP_STORED
        assert info.date_time[:3] == (2023, 11, 14)
        assert archive.getinfo("empty folder/").is_dir()
        assert not archive.getinfo("a.txt").flag_bits & 0x800
    archive_path = tmp_path / "out.zip"
    archive_path.write_bytes(data)
    check_with_tools(archive_path)
    if shutil.which("unzip"):
        target = tmp_path / "unzipped"
        subprocess.run(["unzip", "-q", str(archive_path), "-d", str(target)], check=True,
                       timeout=60)
        assert (target / "photos/2024/café ☕.jpg").read_bytes() == (
            tmp_path / "share/photos/2024/café ☕.jpg").read_bytes()
        assert (target / "empty folder").is_dir()


def test_estimate_is_exact(tmp_path: Path):
    items = make_tree(tmp_path)
    for force in (False, True):
        data = b"".join(iter_zip(items, force_zip64=force))
        assert estimate_zip_size(items, force_zip64=force) == len(data)
    assert estimate_zip_size([]) == len(b"".join(iter_zip([]))) == 22
    assert estimate_zip_size([ZipItem("x", str(tmp_path / "x"), -1, MTIME)]) is None


def test_empty_archive_is_valid():
    assert read_back(b"".join(iter_zip([]))) == {}


@pytest.mark.parametrize("chunk_size", [1, 1000, 64 * 1024])
def test_chunks_are_bounded(tmp_path: Path, chunk_size: int):
    items = make_tree(tmp_path)
    chunks = list(iter_zip(items, chunk_size=chunk_size))
    assert all(0 < len(c) <= chunk_size for c in chunks)
    assert all(len(c) == chunk_size for c in chunks[:-1])
    assert read_back(b"".join(chunks)) == expected_contents(items)


def test_memory_stays_flat_for_a_large_file(tmp_path: Path):
    big = tmp_path / "big.bin"
    with open(big, "wb") as handle:
        handle.truncate(64 * 1024 * 1024)  # sparse: cheap to make, read as zeros
    items = [ZipItem("big.bin", str(big), 64 * 1024 * 1024, MTIME)]
    tracemalloc.start()
    total = sum(len(chunk) for chunk in iter_zip(items))
    _, peak = tracemalloc.get_traced_memory()
    tracemalloc.stop()
    assert total == estimate_zip_size(items)
    assert peak < 4 * 1024 * 1024


def test_vanished_and_unreadable_files_are_skipped(tmp_path: Path):
    items = make_tree(tmp_path)
    (tmp_path / "a.txt").unlink()
    fifo = tmp_path / "fifo"
    os.mkfifo(fifo)
    link = tmp_path / "link.txt"
    link.symlink_to(tmp_path / "docs/report (1).pdf")
    items += [ZipItem("fifo", str(fifo), 0, MTIME), ZipItem("link.txt", str(link), 10, MTIME),
              ZipItem("dir/", None, 0, MTIME)]
    if os.geteuid() != 0:
        locked = tmp_path / "locked.txt"
        locked.write_bytes(b"secret")
        locked.chmod(0)
        items.append(ZipItem("locked.txt", str(locked), 6, MTIME))
    stream = ZipStream(items)
    data = b"".join(stream)
    contents = read_back(data)
    assert "a.txt" not in contents and "fifo" not in contents and "link.txt" not in contents
    assert "locked.txt" not in contents
    assert contents["photos/日本語.txt"] == "こんにちは".encode()
    assert {"a.txt", "fifo", "link.txt"} <= set(stream.skipped)
    assert stream.bytes_out == len(data)
    path = tmp_path / "out.zip"
    path.write_bytes(data)
    check_with_tools(path)


def test_file_vanishing_while_the_stream_runs(tmp_path: Path):
    items = make_tree(tmp_path)
    stream = iter_zip(items, chunk_size=1024)
    first = next(stream)
    (tmp_path / "docs/report (1).pdf").unlink()  # listed, not opened yet
    data = first + b"".join(stream)
    contents = read_back(data)
    assert "docs/report (1).pdf" not in contents
    assert contents["a.txt"] == b"hello\n"


def test_files_that_change_size_keep_the_archive_valid(tmp_path: Path):
    shrinking = tmp_path / "shrinking.bin"
    shrinking.write_bytes(b"s" * 1000)
    growing = tmp_path / "growing.bin"
    growing.write_bytes(b"g" * 1000)
    items = [ZipItem("shrinking.bin", str(shrinking), 5000, MTIME),
             ZipItem("growing.bin", str(growing), 500, MTIME)]
    stream = ZipStream(items)
    contents = read_back(b"".join(stream))
    assert contents == {"shrinking.bin": b"s" * 1000, "growing.bin": b"g" * 500}
    assert set(stream.changed) == {"shrinking.bin", "growing.bin"}


def test_file_truncated_mid_read(tmp_path: Path):
    path = tmp_path / "video.mp4"
    path.write_bytes(b"v" * 100_000)
    stream = iter_zip([ZipItem("video.mp4", str(path), 100_000, MTIME)], chunk_size=4096)
    first = next(stream)
    os.truncate(path, 10_000)
    contents = read_back(first + b"".join(stream))
    assert contents["video.mp4"] == b"v" * 10_000


def test_root_confinement(tmp_path: Path):
    share = tmp_path / "share"
    share.mkdir()
    outside = tmp_path / "secret.txt"
    outside.write_bytes(b"secret")
    (share / "sub").mkdir()
    (share / "escape").symlink_to(tmp_path)  # a folder symlink leaving the root
    items = [ZipItem("escape/secret.txt", str(share / "escape/secret.txt"), 6, MTIME)]
    assert b"secret" not in b"".join(iter_zip(items, root=str(share)))


def test_forced_zip64(tmp_path: Path):
    items = make_tree(tmp_path)
    data = b"".join(iter_zip(items, force_zip64=True))
    assert b"PK\x06\x06" in data and b"PK\x06\x07" in data  # ZIP64 end record and locator
    assert read_back(data) == expected_contents(items)
    path = tmp_path / "out.zip"
    path.write_bytes(data)
    check_with_tools(path)


def test_zip64_entry_for_a_file_listed_at_4_gib_or_more(tmp_path: Path):
    """The ZIP64 decision follows the listed size; here the file turns out smaller, which also
    proves that an 8-byte data descriptor and ZIP64 extra fields read back correctly."""
    path = tmp_path / "small.bin"
    path.write_bytes(b"z" * 1234)
    items = [ZipItem("small.bin", str(path), 5 * 1024**3, MTIME),
             ZipItem("a/", None, 0, MTIME)]
    data = b"".join(iter_zip(items))
    assert read_back(data) == {"small.bin": b"z" * 1234, "a/": b""}
    out = tmp_path / "out.zip"
    out.write_bytes(data)
    check_with_tools(out)


def test_more_than_65535_entries_use_zip64(tmp_path: Path):
    items = [ZipItem(f"d{i}/", None, 0, MTIME) for i in range(65_536)]
    data = b"".join(iter_zip(items))
    assert len(data) == estimate_zip_size(items)
    assert b"PK\x06\x06" in data[-200:]
    with zipfile.ZipFile(io.BytesIO(data)) as archive:
        assert len(archive.infolist()) == 65_536
    path = tmp_path / "many.zip"
    path.write_bytes(data)
    check_with_tools(path)


@pytest.mark.parametrize("arcname", ["/etc/passwd", "../x", "a/../../x", "C:/x", "a\\..\\x",
                                     "", "a//b", "./a", "nul\x00"])
def test_unsafe_archive_names_are_a_programming_error(arcname: str):
    with pytest.raises(ValueError):
        b"".join(iter_zip([ZipItem(arcname, None, 0, MTIME)]))


@pytest.mark.skipif(os.environ.get("PIER_SLOW_TESTS") != "1",
                    reason="writes a 4 GiB archive; set PIER_SLOW_TESTS=1")
@pytest.mark.timeout(900)
def test_real_file_over_4_gib(tmp_path: Path):
    size = 4 * 1024**3 + 12_345
    big = tmp_path / "big.bin"
    with open(big, "wb") as handle:
        handle.truncate(size)
        handle.seek(size - 5)
        handle.write(b"tail!")
    small = tmp_path / "after.txt"
    small.write_bytes(b"after the big one")
    items = [ZipItem("big.bin", str(big), size, MTIME),
             ZipItem("after.txt", str(small), 17, MTIME)]
    out = tmp_path / "big.zip"
    with open(out, "wb") as handle:
        for chunk in iter_zip(items, chunk_size=4 * 1024 * 1024):
            handle.write(chunk)
    assert out.stat().st_size == estimate_zip_size(items)
    with zipfile.ZipFile(out) as archive:
        assert archive.getinfo("big.bin").file_size == size
        assert archive.read("after.txt") == b"after the big one"
        with archive.open("big.bin") as member:
            member.seek(size - 5)
            assert member.read() == b"tail!"
    check_with_tools(out)
