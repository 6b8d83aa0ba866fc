"""Search (``?q=``) through a folder link: what lies inside the linked folder, with every URL
of the results under the link's prefix, on the page and in JSON; nothing of the share's own
(its name, breadcrumbs, account or the CA offer) on the page."""

from __future__ import annotations

import http.client
import json
import re
from collections.abc import Iterator
from pathlib import Path

import pytest

from server.config import ServerConfig
from server.engine import ServerEngine
from server.links import LinkStore
from server.paths import PierPaths


@pytest.fixture
def served(share: Path, tmp_path: Path) -> Iterator[tuple[str, int]]:
    """(the folder link's URL path, the port): the link is made before the server starts."""
    (share / "docs" / "sub").mkdir()
    (share / "docs" / "sub" / "report 2024.txt").write_text("deep")
    (share / "docs" / "report.txt").write_text("top of docs")
    (share / "report-elsewhere.txt").write_text("not in the link")
    links_file = PierPaths.under(tmp_path / "config").links_file
    store = LinkStore(links_file)
    store.load()
    link = store.create(share / "docs", "folder")
    engine = ServerEngine()
    engine.start(ServerConfig(root=share, port=0, links_file=links_file, server_name="Home"))
    yield link.url_path, engine.port
    engine.stop()


def get(port: int, path: str) -> tuple[int, bytes]:
    conn = http.client.HTTPConnection("127.0.0.1", port, timeout=10)
    try:
        conn.request("GET", path)
        response = conn.getresponse()
        return response.status, response.read()
    finally:
        conn.close()


def test_a_folder_link_searches_its_folder_with_link_urls(served):
    url, port = served
    status, body = get(port, url + "/?q=report&format=json")
    assert status == 200
    document = json.loads(body)
    assert document["path"] == "/"
    assert sorted(e["url"] for e in document["entries"]) == [
        url + "/report.txt", url + "/sub/report%202024.txt"]
    status, body = get(port, url + "/sub/?q=report&format=json")
    assert [e["url"] for e in json.loads(body)["entries"]] == [
        url + "/sub/report%202024.txt"]


def test_the_results_page_stays_under_the_link(served):
    url, port = served
    status, body = get(port, url + "/sub/?q=report")
    page = body.decode()
    assert status == 200 and 'id="search-done" data-count="1"' in page
    hrefs = re.findall(r'href="(/[^"]*)"', page)
    assert f"{url}/sub/report%202024.txt" in hrefs
    assert f"{url}/" in hrefs and f"{url}/sub/" in hrefs  # crumbs, heading
    own = ("/.well-known/pier/assets/", "/favicon", "/.well-known/pier/style")
    assert [h for h in hrefs if not h.startswith(url) and not h.startswith(own)] == []
    assert "Home" not in page and "elsewhere" not in page
