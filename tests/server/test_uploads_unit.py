"""Upload building blocks on real files: the name rules, the temp-file-then-publish writer and
the streaming multipart parser (hostile input, every split of the stream, speed and memory)."""

from __future__ import annotations

import errno
import os
import threading
import time
import tracemalloc
import unicodedata
from collections.abc import Callable, Iterator
from pathlib import Path

import pytest

from server import uploads
from server.multipart import MultipartReader
from server.portable_folders import open_folder
from server.uploads import (
    UploadFile,
    UploadRefused,
    clean_name,
    clean_relative_path,
    free_name,
    is_temp_name,
    sweep_stale_temp_files,
)

# -- names ---------------------------------------------------------------------------------------


@pytest.mark.parametrize(("raw", "expected"), [
    ("report.pdf", "report.pdf"),
    ("folder/x.txt", "x.txt"),
    ("../../etc/passwd", "passwd"),
    ("C:\\fakepath\\x.txt", "x.txt"),
    ("..\\..\\boot.ini", "boot.ini"),
    ("/absolute/name.txt", "name.txt"),
    ("trailing dots...", "trailing dots"),
    ("trailing spaces.txt   ", "trailing spaces.txt"),
    ("mixed. . .", "mixed"),
    ("console.txt", "console.txt"),
    ("com10.txt", "com10.txt"),
    ("lpt.txt", "lpt.txt"),
    ("nul-ish.txt", "nul-ish.txt"),
    ("Ünïcødé 文件 🎉.txt", "Ünïcødé 文件 🎉.txt"),
    ("a" * 251 + ".txt", "a" * 251 + ".txt"),
    ("{{7+7}} ${x} %s &amp; (x).txt", "{{7+7}} ${x} %s &amp; (x).txt"),
])
def test_clean_name_keeps_what_the_user_meant(raw: str, expected: str):
    assert clean_name(raw) == expected


@pytest.mark.parametrize("raw", [
    "", ".", "..", "...", " ", ". .", "folder/", "a/..", "C:\\fakepath\\",
    "bell\x07.txt", "nul\x00byte.txt", "esc\x1b[31mred.txt", "del\x7f.txt", "c1\x85.txt",
    "line\nbreak.txt", "tab\t.txt", "sep\u2028.txt", "spoof\u202etxt.exe",
    "con", "CON", "con.txt", "Con.tar.gz", "NUL", "nul.txt", "aux", "AUX.log", "prn.txt",
    "com1", "COM9.txt", "lpt1", "LPT9.doc", "con .txt", "com¹.txt", "conin$",
    "a<b.txt", "a>b.txt", "a:b.txt", 'a"b.txt', "a|b.txt", "a?b.txt", "a*b.txt",
    "file.txt::$DATA", "{{7*7}}.txt", "{.exec|calc.}", "<script>.html",
    ".hidden", ".htaccess", "a" * 252 + ".txt", "é" * 128,
    "lone\udc80surrogate.txt",
])
def test_clean_name_refuses_hostile_names(raw: str):
    with pytest.raises(UploadRefused) as info:
        clean_name(raw)
    assert info.value.status == 400
    assert info.value.reason


def test_hidden_names_only_when_allowed():
    assert clean_name(".env", allow_hidden=True) == ".env"
    for never in ("..", ".pier-upload-0123456789abcdef.part"):
        with pytest.raises(UploadRefused):
            clean_name(never, allow_hidden=True)


def test_names_are_nfc_normalised():
    nfd = unicodedata.normalize("NFD", "café.txt")
    assert nfd != "café.txt"
    assert clean_name(nfd) == unicodedata.normalize("NFC", "café.txt")


def test_255_utf8_bytes_is_the_limit():
    assert clean_name("é" * 127 + "a") == "é" * 127 + "a"  # 255 bytes
    with pytest.raises(UploadRefused):
        clean_name("é" * 127 + "ab")  # 256 bytes


def test_clean_relative_path():
    assert clean_relative_path("photos/2024/a.jpg") == ["photos", "2024", "a.jpg"]
    assert clean_relative_path("photos//./2024\\a.jpg") == ["photos", "2024", "a.jpg"]
    for hostile in ("photos/../../etc/passwd", "a/con/b.txt", "a/.git/config", "", "/", "a/\x1b/b",
                    "/".join(["d"] * 33)):
        with pytest.raises(UploadRefused):
            clean_relative_path(hostile)
    assert len(clean_relative_path("/".join(["d"] * 32))) == 32


def test_free_name_numbers_before_the_extension(tmp_path: Path):
    folder = str(tmp_path)
    assert free_name(folder, "report.pdf") == "report.pdf"
    (tmp_path / "report.pdf").touch()
    assert free_name(folder, "report.pdf") == "report (1).pdf"
    (tmp_path / "report (1).pdf").touch()
    assert free_name(folder, "report.pdf") == "report (2).pdf"
    (tmp_path / "backup.tar.gz").touch()
    assert free_name(folder, "backup.tar.gz") == "backup (1).tar.gz"
    (tmp_path / "README").touch()
    assert free_name(folder, "README") == "README (1)"
    (tmp_path / "x.tar").touch()
    assert free_name(folder, "x.tar") == "x (1).tar"
    os.symlink(tmp_path / "missing", tmp_path / "dangling.txt")
    assert free_name(folder, "dangling.txt") == "dangling (1).txt"


def test_free_name_stays_within_255_bytes(tmp_path: Path):
    name = "é" * 125 + ".txt"  # 254 bytes
    (tmp_path / name).touch()
    free = free_name(str(tmp_path), name)
    assert free.endswith(" (1).txt")
    assert len(free.encode()) <= 255
    assert clean_name(free) == free


# -- UploadFile ----------------------------------------------------------------------------------


def listing(folder: Path) -> set[str]:
    return set(os.listdir(folder))


def test_commit_publishes_only_when_complete(tmp_path: Path):
    upload = UploadFile(str(tmp_path), "movie.mp4")
    for _ in range(10):
        upload.write(b"x" * 100_000)
        names = listing(tmp_path)
        assert "movie.mp4" not in names
        assert len(names) == 1 and is_temp_name(names.pop())
    assert upload.size == 1_000_000
    assert upload.commit() == "movie.mp4"
    assert upload.final_name == "movie.mp4"
    assert listing(tmp_path) == {"movie.mp4"}
    assert (tmp_path / "movie.mp4").stat().st_size == 1_000_000


def test_temp_file_mode_follows_umask(tmp_path: Path):
    old = os.umask(0o027)
    try:
        with UploadFile(str(tmp_path), "a.txt") as upload:
            upload.write(b"a")
            upload.commit()
    finally:
        os.umask(old)
    assert (tmp_path / "a.txt").stat().st_mode & 0o777 == 0o640


def test_abort_and_exceptions_leave_nothing(tmp_path: Path):
    upload = UploadFile(str(tmp_path), "a.txt")
    upload.write(b"partial")
    upload.abort()
    upload.abort()  # idempotent
    assert listing(tmp_path) == set()
    with pytest.raises(ConnectionResetError), UploadFile(str(tmp_path), "b.txt") as upload:
        upload.write(b"half")
        raise ConnectionResetError("client went away")
    assert listing(tmp_path) == set()


def test_max_size_gives_413_and_removes_the_temp_file(tmp_path: Path):
    upload = UploadFile(str(tmp_path), "big.bin", max_size=10)
    upload.write(b"0123456789")
    with pytest.raises(UploadRefused) as info:
        upload.write(b"!")
    assert info.value.status == 413
    assert listing(tmp_path) == set()
    with pytest.raises(UploadRefused) as info:
        UploadFile(str(tmp_path), "big.bin", max_size=10, expected_size=11)
    assert info.value.status == 413
    assert listing(tmp_path) == set()


def test_disk_space_checked_before_anything_is_written(tmp_path: Path):
    with pytest.raises(UploadRefused) as info:
        UploadFile(str(tmp_path), "huge.bin", expected_size=1 << 60)
    assert info.value.status == 507
    assert listing(tmp_path) == set()


def test_existing_names_are_kept_unless_overwrite(tmp_path: Path):
    (tmp_path / "a.txt").write_bytes(b"old")
    with UploadFile(str(tmp_path), "a.txt") as upload:
        upload.write(b"new")
        assert upload.commit() == "a (1).txt"
    assert (tmp_path / "a.txt").read_bytes() == b"old"
    assert (tmp_path / "a (1).txt").read_bytes() == b"new"
    with UploadFile(str(tmp_path), "a.txt", overwrite=True) as upload:
        upload.write(b"newer")
        assert upload.commit() == "a.txt"
    assert (tmp_path / "a.txt").read_bytes() == b"newer"
    with pytest.raises(UploadRefused) as info:
        UploadFile(str(tmp_path), "a.txt", rename=False)
    assert info.value.status == 409
    assert listing(tmp_path) == {"a.txt", "a (1).txt"}


def test_name_taken_during_the_upload_is_not_clobbered(tmp_path: Path):
    with UploadFile(str(tmp_path), "a.txt", rename=False) as upload:
        upload.write(b"mine")
        (tmp_path / "a.txt").write_bytes(b"theirs")
        with pytest.raises(UploadRefused) as info:
            upload.commit()
    assert info.value.status == 409
    assert listing(tmp_path) == {"a.txt"}
    assert (tmp_path / "a.txt").read_bytes() == b"theirs"


def test_overwrite_refuses_to_replace_a_folder(tmp_path: Path):
    (tmp_path / "dir").mkdir()
    with UploadFile(str(tmp_path), "dir", overwrite=True) as upload:
        upload.write(b"x")
        with pytest.raises(UploadRefused) as info:
            upload.commit()
    assert info.value.status == 409
    assert listing(tmp_path) == {"dir"}


def test_upload_refuses_names_that_are_not_clean(tmp_path: Path):
    for bad in ("../x", "a/b", "", "con.txt", "x\x00"):
        with pytest.raises(UploadRefused):
            UploadFile(str(tmp_path), bad)
    with pytest.raises(UploadRefused) as info:
        UploadFile(str(tmp_path / "missing"), "a.txt")
    assert info.value.status == 404
    assert listing(tmp_path) == set()


def test_concurrent_uploads_of_one_name_get_distinct_names(tmp_path: Path):
    count = 8
    barrier = threading.Barrier(count)
    results: list[str] = []
    errors: list[BaseException] = []

    def upload(index: int) -> None:
        try:
            with UploadFile(str(tmp_path), "same.txt") as up:
                up.write(f"upload {index}".encode())
                barrier.wait(timeout=10)
                results.append(up.commit())
        except BaseException as err:  # reported below
            errors.append(err)

    threads = [threading.Thread(target=upload, args=(i,)) for i in range(count)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join(timeout=20)
    assert not errors
    assert sorted(results) == sorted(["same.txt"] + [f"same ({i}).txt" for i in range(1, count)])
    contents = {(tmp_path / name).read_text() for name in results}
    assert contents == {f"upload {i}" for i in range(count)}
    assert listing(tmp_path) == set(results)


def test_hard_link_free_file_systems_still_never_clobber(tmp_path: Path,
                                                        monkeypatch: pytest.MonkeyPatch):
    def no_links(*_args: object, **_kwargs: object) -> None:
        raise PermissionError(1, "Operation not permitted")  # what vfat/exFAT answer

    monkeypatch.setattr(os, "link", no_links)
    (tmp_path / "a.txt").write_bytes(b"old")
    with UploadFile(str(tmp_path), "a.txt") as upload:
        upload.write(b"new")
        assert upload.commit() == "a (1).txt"
    assert (tmp_path / "a.txt").read_bytes() == b"old"
    assert (tmp_path / "a (1).txt").read_bytes() == b"new"
    assert listing(tmp_path) == {"a.txt", "a (1).txt"}


def test_commit_can_set_mtime(tmp_path: Path):
    with UploadFile(str(tmp_path), "a.txt") as upload:
        upload.write(b"x")
        upload.commit(mtime=1_000_000_000)
    assert (tmp_path / "a.txt").stat().st_mtime == 1_000_000_000


def test_sweep_removes_only_stale_upload_leftovers(tmp_path: Path):
    sub = tmp_path / "sub"
    sub.mkdir()
    old = time.time() - 7200
    stale = [tmp_path / ".pier-upload-0123456789abcdef.part",
             sub / ".pier-upload-fedcba9876543210.part"]
    for path in stale:
        path.write_bytes(b"left over")
        os.utime(path, (old, old))
    fresh = tmp_path / ".pier-upload-00000000000000ff.part"
    fresh.write_bytes(b"in progress")
    lookalike = tmp_path / ".pier-upload-notours.part"
    lookalike.write_bytes(b"user file")
    os.utime(lookalike, (old, old))
    assert sweep_stale_temp_files(str(tmp_path)) == 1
    assert sweep_stale_temp_files(str(tmp_path), recursive=True) == 1
    assert fresh.exists() and lookalike.exists()
    assert not any(path.exists() for path in stale)


def test_the_stale_sweep_leaves_resumable_partial_files_while_they_can_live(tmp_path):
    """A tus upload may pause for most of a day: its partial file is the tus store's to
    remove; only one older than uploads.PARTIAL_STALE_S (its record lost) is swept."""
    idle = tmp_path / (".pier-tus-" + "1" * 32 + ".part")
    orphan = tmp_path / (".pier-tus-" + "2" * 32 + ".part")
    for path, age in ((idle, 20 * 3600), (orphan, uploads.PARTIAL_STALE_S + 60)):
        path.write_bytes(b"half")
        os.utime(path, (time.time() - age, time.time() - age))
    with open_folder(str(tmp_path)) as opened:
        assert sweep_stale_temp_files(opened, older_than=0) == 1
    assert idle.exists() and not orphan.exists()
    assert is_temp_name(idle.name) and uploads.is_partial_name(idle.name)


# -- multipart -----------------------------------------------------------------------------------

BOUNDARY = "----PierBoundary7MA4YWxkTrZu0gW"
CTYPE = f"multipart/form-data; boundary={BOUNDARY}"


def body_of(parts: list[tuple[str, str | None, bytes]], boundary: str = BOUNDARY,
            preamble: bytes = b"", epilogue: bytes = b"\r\n") -> bytes:
    out = [preamble]
    for name, filename, data in parts:
        disposition = f'form-data; name="{name}"'
        if filename is not None:
            disposition += f'; filename="{filename}"'
        out.append(f"--{boundary}\r\nContent-Disposition: {disposition}\r\n"
                   f"Content-Type: application/octet-stream\r\n\r\n".encode())
        out.append(data + b"\r\n")
    out.append(f"--{boundary}--".encode() + epilogue)
    return b"".join(out)


def reader_over(data: bytes, sizes: Iterator[int] | None = None) -> Callable[[int], bytes]:
    position = 0

    def read(n: int) -> bytes:
        nonlocal position
        step = min(n, next(sizes)) if sizes is not None else n
        piece = data[position:position + step]
        position += len(piece)
        return piece

    return read


def collect(reader: MultipartReader) -> list[tuple[str, str | None, bytes]]:
    return [(p.name, p.filename, b"".join(p.chunks())) for p in reader.parts()]


def cycle(*sizes: int) -> Iterator[int]:
    while True:
        yield from sizes


TRICKY = b"line1\r\nline2\r\n--" + BOUNDARY[:-1].encode() + b"\r\n\r\n--\r\n-" + b"\r" * 3


def test_simple_form_with_two_files_and_a_text_field():
    parts = [("note", None, b"hello"), ("file", "a.txt", b"A" * 1000),
             ("file", "b.bin", TRICKY)]
    body = body_of(parts, preamble=b"ignored preamble\r\n", epilogue=b"\r\nignored epilogue")
    reader = MultipartReader(CTYPE, reader_over(body), len(body))
    assert collect(reader) == parts
    assert reader.finished
    assert reader.part_count == 3


@pytest.mark.parametrize("sizes", [(1,), (2,), (3,), (7,), (13, 1, 64), (4096,)])
def test_boundary_split_across_reads_at_every_offset(sizes: tuple[int, ...]):
    parts = [("file", "a.txt", TRICKY), ("file", "empty.txt", b""), ("x", None, b"\r\n")]
    body = body_of(parts)
    reader = MultipartReader(CTYPE, reader_over(body, cycle(*sizes)), None)
    assert collect(reader) == parts


def test_every_split_point_of_a_small_body():
    parts = [("file", "a.txt", TRICKY), ("f", None, b"v")]
    body = body_of(parts)
    for split in range(1, len(body)):
        sizes = iter([split] + [len(body)] * 3)
        reader = MultipartReader(CTYPE, reader_over(body, sizes), len(body))
        assert collect(reader) == parts, split


def test_quoted_boundary_and_filename_star():
    boundary = "quoted boundary:=?"
    body = (f'--{boundary}\r\nContent-Disposition: form-data; name="file"; '
            "filename=\"fallback.txt\"; filename*=UTF-8''%E2%82%AC%20rates.txt\r\n\r\n"
            f"data\r\n--{boundary}--").encode()
    reader = MultipartReader(f'multipart/form-data; charset=utf-8; boundary="{boundary}"',
                             reader_over(body), None)
    parts = reader.parts()
    part = next(parts)
    assert part.filename == "€ rates.txt"
    assert b"".join(part.chunks()) == b"data"
    assert next(parts, None) is None
    assert reader.finished


def test_raw_utf8_filename_and_windows_path():
    body = (f'--{BOUNDARY}\r\nContent-Disposition: form-data; name="file"; '
            f'filename="C:\\fakepath\\résumé.txt"\r\n\r\nx\r\n--{BOUNDARY}--').encode()
    part = next(MultipartReader(CTYPE, reader_over(body), None).parts())
    assert part.filename == "C:\\fakepath\\résumé.txt"
    assert clean_name(part.filename) == "résumé.txt"


def test_unread_parts_are_skipped():
    parts = [("file", "a.txt", b"A" * 300_000), ("file", "b.txt", b"B" * 10)]
    body = body_of(parts)
    reader = MultipartReader(CTYPE, reader_over(body, cycle(1000)), None)
    seen = []
    for part in reader.parts():
        if part.filename == "b.txt":
            seen.append(b"".join(part.chunks()))
        else:
            next(part.chunks())  # read a little, leave the rest
    assert seen == [b"B" * 10]


def test_text_field_helper_limits_size():
    body = body_of([("note", None, "héllo".encode()), ("big", None, b"x" * 100)])
    reader = MultipartReader(CTYPE, reader_over(body), None)
    parts = reader.parts()
    assert next(parts).text() == "héllo"
    with pytest.raises(UploadRefused) as info:
        next(parts).text(limit=10)
    assert info.value.status == 413


def refused(content_type: str, body: bytes, **limits: int) -> UploadRefused:
    with pytest.raises(UploadRefused) as info:
        reader = MultipartReader(content_type, reader_over(body), len(body), **limits)
        collect(reader)
    return info.value


@pytest.mark.parametrize("content_type", [
    "multipart/form-data", "multipart/form-data; boundary=", 'multipart/form-data; boundary=""',
    "multipart/form-data; boundary=" + "b" * 71, "multipart/form-data; boundary=bad\x00",
    'multipart/form-data; boundary="unterminated', "multipart/form-data; boundary=a; boundary=b",
    "multipart/form-data; boundary=ends-with-space ",
])
def test_missing_or_invalid_boundary(content_type: str):
    assert refused(content_type, b"").status == 400


def test_not_multipart_is_415():
    assert refused("application/x-www-form-urlencoded", b"a=b").status == 415


def test_endless_preamble_refused():
    err = refused(CTYPE, b"x" * 100_000 + body_of([("f", None, b"v")]), max_preamble=16 * 1024)
    assert err.status == 400 and "preamble" in err.reason
    ok = b"x" * 1000 + b"\r\n" + body_of([("f", None, b"v")])
    assert collect(MultipartReader(CTYPE, reader_over(ok), None, max_preamble=1002)) == [
        ("f", None, b"v")]


def test_endless_part_headers_refused():
    body = (f"--{BOUNDARY}\r\nContent-Disposition: form-data; name=f\r\n".encode()
            + b"X-Junk: " + b"j" * 100_000 + b"\r\n\r\nv\r\n" + f"--{BOUNDARY}--".encode())
    err = refused(CTYPE, body)
    assert err.status == 400 and "headers" in err.reason


@pytest.mark.parametrize("body", [
    b"",
    f"--{BOUNDARY}".encode(),
    f"--{BOUNDARY}\r\n".encode(),
    f"--{BOUNDARY}\r\nContent-Disposition: form-data; name=f\r\n".encode(),
    f"--{BOUNDARY}\r\nContent-Disposition: form-data; name=f\r\n\r\nhalf of the data".encode(),
    f"--{BOUNDARY}\r\nContent-Disposition: form-data; name=f\r\n\r\nv\r\n--{BOUNDARY}".encode(),
])
def test_truncated_bodies_refused(body: bytes):
    assert refused(CTYPE, body).status == 400


@pytest.mark.parametrize("body", [
    b"no boundary at all " * 10,
    f"--{BOUNDARY}garbage\r\n".encode(),
    f"--{BOUNDARY}\r\nno colon here\r\n\r\nv\r\n--{BOUNDARY}--".encode(),
    f"--{BOUNDARY}\r\n\r\nno headers\r\n--{BOUNDARY}--".encode(),
    f"--{BOUNDARY}\r\nContent-Disposition: attachment; name=f\r\n\r\nv\r\n--{BOUNDARY}--".encode(),
    f"--{BOUNDARY}\r\nContent-Disposition: form-data\r\n\r\nv\r\n--{BOUNDARY}--".encode(),
    f"--{BOUNDARY}\r\nContent-Disposition: form-data; name=f\r\n folded\r\n\r\nv\r\n"
    f"--{BOUNDARY}--".encode(),
    f"--{BOUNDARY}\r\nContent-Disposition: form-data; name=f; name=g\r\n\r\nv\r\n"
    f"--{BOUNDARY}--".encode(),
    f"--{BOUNDARY}\r\nContent-Disposition: form-data; name=f\r\nContent-Disposition: "
    f"form-data; name=g\r\n\r\nv\r\n--{BOUNDARY}--".encode(),
    f"--{BOUNDARY}\r\nContent-Disposition: form-data; name=\"f\"; filename*=KOI8-R''x\r\n\r\n"
    f"v\r\n--{BOUNDARY}--".encode(),
    f"--{BOUNDARY}\r\nContent-Disposition: form-data; name=\"f\"; filename*=UTF-8''%FF\r\n\r\n"
    f"v\r\n--{BOUNDARY}--".encode(),
    f"--{BOUNDARY}\r\nContent-Disposition: form-data; name=\"f\r\n\r\nv\r\n--{BOUNDARY}--".encode(),
])
def test_garbage_refused(body: bytes):
    assert refused(CTYPE, body).status == 400


def test_part_bomb_refused():
    body = body_of([("f", None, b"")] * 10_000)
    err = refused(CTYPE, body)
    assert err.status == 400 and "too many parts" in err.reason


def test_content_length_bounds_reading():
    body = body_of([("f", None, b"v")])
    extra = body + b"next request on the same connection"
    reader = MultipartReader(CTYPE, reader_over(extra), len(body))
    assert collect(reader) == [("f", None, b"v")]


class SyntheticBody:
    """A multipart body of ``size`` bytes of file data, generated on the fly from one block."""

    def __init__(self, size: int, block: bytes) -> None:
        self.head = (f"--{BOUNDARY}\r\nContent-Disposition: form-data; name=\"file\"; "
                     f"filename=\"big.bin\"\r\n\r\n").encode()
        self.tail = f"\r\n--{BOUNDARY}--\r\n".encode()
        self.block = block
        self.size = size
        self.total = len(self.head) + size + len(self.tail)
        self.position = 0

    def read(self, n: int) -> bytes:
        head_end = len(self.head)
        data_end = head_end + self.size
        if self.position < head_end:
            piece = self.head[self.position:self.position + n]
        elif self.position < data_end:
            offset = (self.position - head_end) % len(self.block)
            count = min(n, data_end - self.position, len(self.block) - offset)
            piece = self.block[offset:offset + count]
        else:
            start = self.position - data_end
            piece = self.tail[start:start + n]
        self.position += len(piece)
        return piece


def test_200_mib_stream_is_fast_and_flat():
    size = 200 * 1024 * 1024
    block = (b"\r\n--" + BOUNDARY[:-3].encode() + bytes(range(256)) * 7) * 700  # near-misses
    body = SyntheticBody(size, block)
    tracemalloc.start()
    start = time.perf_counter()
    reader = MultipartReader(CTYPE, body.read, body.total)
    received = 0
    first_block_ok = None
    for part in reader.parts():
        assert part.filename == "big.bin"
        for chunk in part.chunks():
            if first_block_ok is None:
                first_block_ok = block.startswith(chunk[:1000])
            received += len(chunk)
    elapsed = time.perf_counter() - start
    _, peak = tracemalloc.get_traced_memory()
    tracemalloc.stop()
    print(f"\nmultipart: {size / elapsed / 1e6:.0f} MB/s (under tracemalloc), "
          f"peak {peak / 1024:.0f} KiB")
    assert received == size
    assert first_block_ok
    assert reader.finished
    assert peak < 16 * 1024 * 1024


def test_upload_through_multipart_into_files(tmp_path: Path):
    parts = [("file", "C:\\fakepath\\a.txt", b"A" * 5000), ("file", "b.txt", TRICKY)]
    body = body_of(parts)
    reader = MultipartReader(CTYPE, reader_over(body, cycle(977)), len(body))
    saved = []
    for part in reader.parts():
        assert part.filename is not None
        with UploadFile(str(tmp_path), clean_name(part.filename)) as upload:
            for chunk in part.chunks():
                upload.write(chunk)
            saved.append(upload.commit())
    assert saved == ["a.txt", "b.txt"]
    assert (tmp_path / "a.txt").read_bytes() == b"A" * 5000
    assert (tmp_path / "b.txt").read_bytes() == TRICKY


class FillsUp:
    """A real file that fails like a full disk after ``room`` bytes (fault injection)."""

    def __init__(self, real, room: int, error: int) -> None:
        self._real = real
        self._room = room
        self._error = error

    def write(self, data: bytes) -> int:
        if len(data) > self._room:
            raise OSError(self._error, os.strerror(self._error))
        self._room -= len(data)
        return self._real.write(data)

    def __getattr__(self, name: str):
        return getattr(self._real, name)


@pytest.mark.parametrize(("error", "status"), [(errno.ENOSPC, 507), (errno.EDQUOT, 507),
                                               (errno.EFBIG, 413)])
def test_disk_full_mid_upload_removes_the_temp_file(tmp_path: Path,
                                                    monkeypatch: pytest.MonkeyPatch,
                                                    error: int, status: int):
    real_open = open
    monkeypatch.setattr(uploads, "open",
                        lambda *a, **k: FillsUp(real_open(*a, **k), 1000, error), raising=False)
    upload = UploadFile(str(tmp_path), "a.bin")
    upload.write(b"x" * 1000)
    with pytest.raises(UploadRefused) as info:
        upload.write(b"y")
    assert info.value.status == status
    assert listing(tmp_path) == set()


def test_body_encoded_by_requests_parses():
    """A third-party encoder (urllib3, as used by requests) as the client."""
    import requests

    files = [("file", ("naïve \"quoted\".txt", TRICKY)), ("file", ("b.bin", b"\x00" * 3000))]
    prepared = requests.Request("POST", "http://127.0.0.1/", files=files,
                                data={"note": "hi"}).prepare()
    body = prepared.body
    assert isinstance(body, bytes)
    reader = MultipartReader(prepared.headers["Content-Type"], reader_over(body, cycle(5)),
                             len(body))
    got = collect(reader)
    assert ("note", None, b"hi") in got
    assert ("file", "b.bin", b"\x00" * 3000) in got
    [quoted] = [g for g in got if g[1] and g[1].startswith("na")]
    assert quoted[2] == TRICKY
    assert "quoted" in quoted[1]
