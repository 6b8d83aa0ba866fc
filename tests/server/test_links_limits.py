"""A link's download limit over real HTTP: parallel downloads hold their places while they are
sent (a download cut short frees its place), a burst gets the file once, an empty selection is
no download, and a folder link with a limit shows no README under its listing (its content
would go uncounted). Views and previews counting: tests/security/test_attack18_links.py."""

from __future__ import annotations

import threading
from concurrent.futures import ThreadPoolExecutor

from tests.conftest import HUGE_SIZE
from tests.server import test_links_serving as serving

owner, serve = serving.owner, serving.serve

README = "# Read me\n\nREADME-TEXT shown under the listing\n"


def test_a_download_under_way_holds_the_last_place_until_it_ends(share, huge, owner, serve):
    link = owner.create(huge, "file", downloads_allowed=1)
    running = serve(share)
    last_bytes = {"Range": f"bytes={HUGE_SIZE - 10}-"}
    sock, _ = serving._start_download(running, link.url_path)  # the one download allowed, unread
    try:
        with ThreadPoolExecutor(5) as pool:
            answers = list(pool.map(lambda _: running.ask("GET", link.url_path), range(5)))
        assert [status for status, _, _ in answers] == [410] * 5
        assert b"under way" in answers[0][2]
        assert running.ask("GET", link.url_path, headers=last_bytes)[0] == 410
        status, _, body = running.ask("GET", link.url_path, headers={"Range": "bytes=0-9"})
        assert (status, len(body)) == (206, 10)  # a part short of the end is no download
    finally:
        sock.close()
    running.wait_for_records(8)
    assert running.downloads(link) == 0  # cut short: not counted, its place free again
    status, _, body = running.ask("GET", link.url_path, headers=last_bytes)
    assert (status, len(body)) == (206, 10)
    running.wait_for_records(9)
    assert running.downloads(link) == 1
    assert running.ask("GET", link.url_path, headers=last_bytes)[0] == 410


def test_a_burst_of_downloads_gets_the_file_once(share, owner, serve):
    link = owner.create(share / "big.bin", "file", downloads_allowed=1)
    running = serve(share)
    start = threading.Barrier(6)

    def fetch(_: int) -> int:
        start.wait()
        return running.ask("GET", link.url_path)[0]

    with ThreadPoolExecutor(6) as pool:
        statuses = sorted(pool.map(fetch, range(6)))
    assert statuses == [200] + [410] * 5
    running.wait_for_records(6)
    assert running.downloads(link) == 1


def test_an_empty_selection_is_refused_and_not_counted(share, owner, serve):
    link = owner.create(share / "docs", "folder", downloads_allowed=1)
    running = serve(share)
    for names in ("name=missing", "name=missing&name=.secret"):
        status, _, body = running.ask("GET", link.url_path + "/?format=zip&" + names)
        assert status == 404 and b"None of the selected names" in body
    running.wait_for_records(2)
    assert running.downloads(link) == 0
    status, _, body = running.ask("GET", link.url_path + "/?format=zip&name=missing"
                                  "&name=notes.md")
    assert status == 200 and b"notes.md" in body
    running.wait_for_records(3)
    assert running.downloads(link) == 1


def test_a_readme_is_shown_only_where_nothing_is_counted(share, owner, serve):
    (share / "docs" / "README.md").write_text(README)
    limited = owner.create(share / "docs", "folder", downloads_allowed=1)
    free = owner.create(share / "docs", "folder")
    running = serve(share)
    for _ in range(2):
        status, _, page = running.ask("GET", limited.url_path + "/")
        assert status == 200 and b"README.md" in page and b"README-TEXT" not in page
        status, _, page = running.ask("GET", free.url_path + "/")
        assert status == 200 and b"README-TEXT" in page
        status, _, page = running.ask("GET", free.url_path + "/README.md?view")
        assert status == 200 and b"README-TEXT" in page
    running.wait_for_records(6)
    assert running.downloads(limited) == 0
    status, _, page = running.ask("GET", limited.url_path + "/README.md?view")
    assert status == 200 and b"README-TEXT" in page
    running.wait_for_records(7)
    assert running.downloads(limited) == 1
    assert running.ask("GET", limited.url_path + "/README.md?view")[0] == 410
    assert running.ask("GET", limited.url_path + "/")[0] == 410  # used up: the whole link
