"""What an upload replaces goes to the trash first, as a delete's would (issue 17): a PUT (204),
a form upload and a resumable (tus) upload with --overwrite. An empty old file goes for good
(Windows writes one first, then the real one); where the disk has no trash the replace is
refused unless permanent deletes are allowed, and the new upload is then neither published
nor left half-written."""

from __future__ import annotations

import os
from collections.abc import Iterator
from pathlib import Path

import pytest
import send2trash

from server.http11 import HttpError
from tests.server.file_ops_helpers import access_for, temporary_trash, trashed
from tests.server.test_writes import multipart


@pytest.fixture(autouse=True)
def trash(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Iterator[Path]:
    yield from temporary_trash(tmp_path, monkeypatch)


@pytest.fixture
def no_trash(monkeypatch: pytest.MonkeyPatch) -> None:
    """Stated exception to "no mocks": a disk without a usable trash is simulated by making
    send2trash raise what it raises there (TrashPermissionError)."""
    def refuse(path: str) -> None:
        raise send2trash.TrashPermissionError(path)

    monkeypatch.setattr(send2trash, "send2trash", refuse)


def send(port: int, method: str, path: str, body: bytes = b"",
         headers: dict[str, str] | None = None) -> tuple[int, bytes]:
    import http.client

    conn = http.client.HTTPConnection("127.0.0.1", port, timeout=10)
    try:
        conn.request(method, path, body=body, headers=headers or {})
        response = conn.getresponse()
        return response.status, response.read()
    finally:
        conn.close()


def own_names(folder: Path) -> list[str]:
    return [name for name in os.listdir(folder) if name.startswith(".pier-")]


def test_a_put_over_an_empty_file_does_not_fill_the_trash(server_factory, share: Path,
                                                          trash: Path) -> None:
    """Windows' way: an empty file first, then the real content under the same name."""
    running = server_factory(share, upload=True, modify=True)
    assert send(running.port, "PUT", "/report.txt")[0] == 201
    assert send(running.port, "PUT", "/report.txt", b"the report")[0] == 204
    assert (share / "report.txt").read_bytes() == b"the report" and trashed(trash) == []
    assert send(running.port, "PUT", "/report.txt", b"second")[0] == 204
    assert trashed(trash) == ["report.txt"] and (trash / "report.txt").read_bytes() == \
        b"the report"


def test_without_a_trash_a_put_does_not_replace(server_factory, share: Path, trash: Path,
                                                no_trash: None) -> None:
    running = server_factory(share, upload=True, modify=True)
    status, body = send(running.port, "PUT", "/hello.txt", b"new content")
    assert status == 409 and b"The file it replaces cannot go to the trash" in body
    assert (share / "hello.txt").read_text() == "hello, world\n"
    assert own_names(share) == []  # the new upload's temp file is gone
    allowed = server_factory(share, upload=True, modify=True, permanent_deletes=True)
    assert send(allowed.port, "PUT", "/hello.txt", b"new content")[0] == 204
    assert (share / "hello.txt").read_bytes() == b"new content" and trashed(trash) == []


def test_a_form_upload_with_overwrite_trashes_what_it_replaces(server_factory, share: Path,
                                                               trash: Path) -> None:
    running = server_factory(share, upload=True, overwrite=True)
    body, ctype = multipart([("hello.txt", b"new hello")])
    assert send(running.port, "POST", "/", body, {"Content-Type": ctype})[0] == 201
    assert (share / "hello.txt").read_bytes() == b"new hello"
    assert (trash / "hello.txt").read_text() == "hello, world\n"


def test_a_form_upload_is_not_saved_where_the_old_file_cannot_go(server_factory, share: Path,
                                                                 trash: Path,
                                                                 no_trash: None) -> None:
    running = server_factory(share, upload=True, overwrite=True)
    before = sorted(os.listdir(share))
    body, ctype = multipart([("hello.txt", b"new hello")])
    assert send(running.port, "POST", "/", body, {"Content-Type": ctype})[0] == 409
    assert (share / "hello.txt").read_text() == "hello, world\n"
    assert sorted(os.listdir(share)) == before  # no temp file, no "hello (1).txt"


def finish_tus(share: Path, data: bytes, **options: object) -> str:
    """A resumable upload of ``data`` as hello.txt, finished with the collision rules of a
    share with --overwrite."""
    files = access_for(share, upload=True, overwrite=True, **options)
    with files.open_folder(str(share)) as folder:
        partial = files.new_partial(folder, "/", "hello.txt")
        (share / partial).write_bytes(data)
        try:
            return files.finish_partial(folder, "/", "hello.txt", partial, replace=True)
        except HttpError:
            assert (share / partial).read_bytes() == data  # kept: the client may finish again
            raise


def test_a_resumable_upload_trashes_what_it_replaces(share: Path, trash: Path) -> None:
    assert finish_tus(share, b"resumed") == "hello.txt"
    assert (share / "hello.txt").read_bytes() == b"resumed"
    assert (trash / "hello.txt").read_text() == "hello, world\n"


def test_a_resumable_upload_does_not_replace_without_a_trash(share: Path, trash: Path,
                                                             no_trash: None) -> None:
    with pytest.raises(HttpError) as refused:
        finish_tus(share, b"resumed")
    assert refused.value.status == 409
    assert (share / "hello.txt").read_text() == "hello, world\n"
    assert finish_tus(share, b"resumed", permanent_deletes=True) == "hello.txt"
    assert (share / "hello.txt").read_bytes() == b"resumed"
