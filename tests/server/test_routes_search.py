"""server/routes_search.py (and its dispatch in routes_folders.py) without sockets: a Call in, a
Response out, its StreamBody read to the end. What a search finds (three levels down, case and
accents folded, folders too, literal text), the JSON document and the page, the limits (1,000
results, the time budget on a ManualClock moved from inside the walk), and what is not a search
(blank ?q=) or is refused (a ?q= too long, the serve thread)."""

from __future__ import annotations

import json
import os
import sys
from collections.abc import Iterator
from pathlib import Path

import pytest

import server.search_walk as search_walk
from server.cache import FileCache, ListingCache
from server.call import NeedsWorker
from server.clock import ManualClock
from server.config import ServerConfig
from server.files import PathRefused
from server.http11 import HttpError
from server.listing import render_json
from server.response import HTML, JSON, PAGE_CSP, Response, StreamBody
from server.routes_files import FileRoutes
from server.routes_folders import FolderRoutes
from server.routes_search import MAX_QUERY, SEARCH_HEADERS
from server.users import User
from tests.server.conftest import call_for, config_of, field


class Searches:
    """FolderRoutes of one share on a ManualClock, asked as the router asks it."""

    def __init__(self, config: ServerConfig) -> None:
        self.config = config
        self.clock = ManualClock()
        downloads = FileRoutes(FileCache(), self.clock)
        self.routes = FolderRoutes(config, ListingCache(clock=self.clock), downloads,
                                   clock=self.clock)

    def get(self, target: str, *fields: str, user: User | None = None,
            serve_thread: bool = False, method: str = "GET") -> Response:
        call = call_for(self.config, method, target, *fields, user=user,
                        serve_thread=serve_thread)
        return self.routes.folder(call, call.files.target(call.path))

    def body(self, target: str, *fields: str, **options) -> bytes:
        response = self.get(target, *fields, **options)
        assert response.status == 200, response
        assert isinstance(response.body, StreamBody)
        return b"".join(response.body.chunks())

    def json(self, target: str, **options) -> dict:
        return json.loads(self.body(target, "Accept: application/json", **options))

    def paths(self, target: str, **options) -> list[str]:
        return [entry["path"] for entry in self.json(target, **options)["entries"]]


@pytest.fixture
def searches(share: Path) -> Searches:
    (share / "a" / "b" / "c").mkdir(parents=True)
    (share / "a" / "b" / "c" / "deep report.txt").write_text("deep\n", encoding="utf-8")
    (share / "a" / "b" / "Reports").mkdir()
    (share / "Café.txt").write_text("coffee\n", encoding="utf-8")
    return Searches(config_of(share))


# -- what it finds ------------------------------------------------------------------------------


def test_a_file_three_levels_down_is_found(searches):
    document = searches.json("/?q=deep")
    assert document["path"] == "/" and document["query"] == "deep"
    [entry] = document["entries"]
    assert entry["path"] == "a/b/c/deep report.txt"
    assert entry["url"] == "/a/b/c/deep%20report.txt"
    assert (entry["name"], entry["type"], entry["size"]) == ("deep report.txt", "file", 5)
    assert document["truncated"] is False


def test_paths_are_relative_to_the_searched_folder(searches):
    [entry] = searches.json("/a/b/?q=DEEP")["entries"]
    assert entry["path"] == "c/deep report.txt"
    assert entry["url"] == "/a/b/c/deep%20report.txt"


def test_folders_match_and_end_in_a_slash(searches):
    [entry] = searches.json("/?q=report")["entries"][:1]
    assert (entry["name"], entry["type"], entry["size"]) == ("Reports", "dir", None)
    assert entry["path"] == "a/b/Reports/" and entry["url"] == "/a/b/Reports/"
    assert searches.paths("/?q=report") == ["a/b/Reports/", "a/b/c/deep report.txt"]


def test_case_and_accents_are_folded_on_both_sides(searches, share):
    (share / "a" / "cafe au lait.md").write_text("x", encoding="utf-8")
    (share / "a" / "ﬁle.txt").write_text("x", encoding="utf-8")  # the "fi" ligature
    assert searches.paths("/?q=cafe") == ["Café.txt", "a/cafe au lait.md"]
    assert searches.paths("/?q=CAF%C3%89") == ["Café.txt", "a/cafe au lait.md"]
    assert searches.paths("/?q=Cafe%CC%81") == ["Café.txt", "a/cafe au lait.md"]  # decomposed
    assert searches.paths("/?q=FILE") == ["a/ﬁle.txt"]


def test_shallow_hits_come_first(searches, share):
    (share / "a" / "deep.txt").write_text("x", encoding="utf-8")
    (share / "deeper").mkdir()
    assert searches.paths("/?q=deep") == ["deeper/", "a/deep.txt", "a/b/c/deep report.txt"]


def test_the_searched_folder_itself_is_not_a_result(searches):
    assert searches.paths("/a/b/c/?q=c") == []


@pytest.mark.parametrize("text", ["a.b", "a*", "[ab]", "(a|b)", "a+", "^a", "a?", "%", "\\"])
def test_regex_and_glob_characters_are_plain_text(searches, share, text):
    for name in ("a.b", "axb", "a*", "ab", "[ab]", "(a|b)", "a+", "^a", "a?", "100%", "x\\y"):
        (share / "a" / name).write_text("x", encoding="utf-8")
    query = text.replace("%", "%25").replace("+", "%2B")
    found = [path.removeprefix("a/") for path in searches.paths("/?q=" + query)]
    assert found == [name for name in ("a.b", "a*", "[ab]", "(a|b)", "a+", "^a", "a?", "100%",
                                       "x\\y") if text in name]


@pytest.mark.parametrize("query", ["%00", "a%2Fb", "%2F", "..", "../..", "%2e%2e%2f",
                                   "c%2F", "%E2%80%AEtxt"])
def test_hostile_text_is_just_text(searches, query):
    document = searches.json("/?q=" + query)
    assert document["entries"] == [] and document["truncated"] is False


def test_json_entries_are_the_listings_plus_path_and_truncated_comes_last(searches, share):
    body = searches.body("/?q=deep&format=json").decode()
    assert body.startswith('{"path":"/","query":"deep","entries":[')
    assert body.endswith('],"truncated":false}')
    [entry] = json.loads(body)["entries"]
    listed = json.loads(render_json("/a/b/c/", [_entry_of(share / "a/b/c/deep report.txt")]))
    assert list(entry) == [*listed["entries"][0], "path"]
    assert {k: v for k, v in entry.items() if k != "path"} == listed["entries"][0]


def _entry_of(path: Path):
    from server.listing import Entry
    st = path.stat()
    return Entry(path.name, False, st.st_size, st.st_mtime)


def test_unsafe_characters_in_names_and_text_are_escaped_in_json(searches, share):
    (share / "a" / "x\u202etxt.exe").write_text("x", encoding="utf-8")
    body = searches.body("/?q=x%E2%80%AE&format=json")
    assert "\u202e".encode() not in body and b"\\u202e" in body
    document = json.loads(body)
    assert document["query"] == "x\u202e" and document["entries"][0]["name"] == "x\u202etxt.exe"


# -- the page ------------------------------------------------------------------------------------


def test_the_page_is_the_listing_page_with_results(searches):
    response = searches.get("/?q=report")
    assert response.headers == HTML + PAGE_CSP + SEARCH_HEADERS
    assert field(response.headers, "Cache-Control") == "no-store"
    page = b"".join(response.body.chunks()).decode()
    assert "<title>Results for “report” in / — Pier</title>" in page
    assert 'id="search-heading">Results for “report” in <a href="/">/</a></h2>' in page
    assert '<table class="listing search-results" id="listing">' in page
    assert '<tbody id="results">' in page
    assert ('<tr class="dir" data-size="0" data-mtime="' in page
            and '<a href="/a/b/Reports/">Reports/</a>' in page)
    assert ('<tr class="text" data-size="5" data-mtime="' in page
            and '<a href="/a/b/c/deep%20report.txt">deep report.txt</a>' in page)
    assert '<td class="path"><a href="/a/b/c/">a/b/c/</a>' in page
    assert '<span id="search-done" data-count="2" data-truncated="false">2 results</span>' \
        in page
    assert page.index('id="search-done"') > page.index("</tbody>")
    assert page.rstrip().endswith("</html>") and "\x00" not in page
    assert "upload-form" not in page


def test_nothing_found_says_so(searches):
    page = searches.body("/?q=nothing-like-this").decode()
    assert '<tr class="empty"><td colspan="4">Nothing below this folder matches' in page
    assert 'data-count="0" data-truncated="false">0 results<' in page


def test_names_and_text_on_the_page_are_escaped(searches, share):
    (share / "a" / '<img src=x onerror="alert(1)">.txt').write_text("x", encoding="utf-8")
    page = searches.body('/?q=%3Cimg%20src').decode()
    assert "<img" not in page
    assert "&lt;img src=x onerror=&quot;alert(1)&quot;&gt;.txt" in page
    assert "Results for “&lt;img src”" in page


def test_the_column_links_keep_the_search(searches):
    page = searches.body("/?q=a%26b").decode()
    assert '<a href="?q=a%26b&amp;sort=size&amp;order=desc">Size</a>' in page


# -- limits -------------------------------------------------------------------------------------


def test_at_most_1000_results_then_truncated(searches, share):
    many = share / "many"
    many.mkdir()
    for number in range(1001):
        (many / f"hit{number:04}").touch()
    document = searches.json("/many/?q=hit")
    assert len(document["entries"]) == 1000 and document["truncated"] is True
    os.unlink(many / "hit1000")
    document = searches.json("/many/?q=hit")
    assert len(document["entries"]) == 1000 and document["truncated"] is False


def test_the_time_budget_stops_the_walk(searches, share, monkeypatch):
    folder = share / "slow"
    for _ in range(5):
        folder = folder / "slow"
    folder.mkdir(parents=True)
    read = search_walk.entries_in

    def slow_read(opened) -> Iterator[os.DirEntry[str]]:
        searches.clock.advance(6.0)  # each folder "takes" 6 s of the 10 s budget
        return read(opened)

    monkeypatch.setattr(search_walk, "entries_in", slow_read)
    document = searches.json("/slow/?q=slow")
    assert [entry["path"] for entry in document["entries"]] == ["slow/", "slow/slow/"]
    assert document["truncated"] is True
    page = searches.body("/slow/?q=slow").decode()
    assert 'data-truncated="true"' in page and "stopped early" in page


def test_a_search_is_not_cached(searches, share):
    assert searches.paths("/?q=fresh") == []
    (share / "a" / "fresh.txt").touch()
    assert searches.paths("/?q=fresh") == ["a/fresh.txt"]


# -- not a search, or refused ---------------------------------------------------------------------


@pytest.mark.parametrize("query", ["", "%20%20", "%09", "%CC%81"])
def test_a_blank_text_gives_the_listing(searches, query):
    response = searches.get("/?q=" + query, "Accept: application/json")
    assert response.headers.startswith(JSON) and isinstance(response.body, bytes)
    assert "entries" in json.loads(response.body) and "query" not in json.loads(response.body)


def test_a_text_too_long_is_refused(searches):
    assert searches.json("/?q=" + "x" * MAX_QUERY)["entries"] == []
    with pytest.raises(HttpError) as refused:
        searches.get("/?q=" + "x" * (MAX_QUERY + 1))
    assert refused.value.status == 400 and "too long" in refused.value.reason


def test_the_serve_thread_never_walks(searches):
    with pytest.raises(NeedsWorker):
        searches.get("/?q=deep", serve_thread=True)


def test_head_opens_the_folder_as_get_does(searches, share):
    """A HEAD answer sends no body, but its status must be GET's: a folder that cannot be
    opened (here: removed after the router resolved it) is a 404, not a 200."""
    (share / "gone").mkdir()
    call = call_for(searches.config, "HEAD", "/gone/?q=x")
    target = call.files.target(call.path)
    (share / "gone").rmdir()
    with pytest.raises(HttpError) as refused:
        searches.routes.folder(call, target)
    assert refused.value.status == 404
    assert searches.get("/a/?q=x", method="HEAD").status == 200
    if sys.platform.startswith("linux"):
        before = len(os.listdir("/proc/self/fd"))
        searches.get("/a/?q=x", method="HEAD")
        assert len(os.listdir("/proc/self/fd")) == before  # the walk it opened was closed


def test_a_folder_the_account_may_not_list_is_not_found(searches, share):
    limited = User("lim", folders=("/a/b/c",))
    with pytest.raises(PathRefused) as refused:
        searches.get("/a/b/Reports/?q=x", user=limited)
    assert refused.value.status == 404
    assert searches.paths("/?q=deep", user=limited) == ["a/b/c/deep report.txt"]
    assert searches.paths("/?q=report", user=limited) == ["a/b/c/deep report.txt"]


@pytest.mark.skipif(not sys.platform.startswith("linux"), reason="counts /proc/self/fd")
def test_an_abandoned_search_closes_its_folders(searches, share):
    for number in range(40):
        (share / f"f{number}" / "x").mkdir(parents=True)
    before = len(os.listdir("/proc/self/fd"))
    response = searches.get("/?q=x")
    chunks = response.body.chunks()
    next(chunks), next(chunks)  # the page's head, then the first folder's hits
    assert len(os.listdir("/proc/self/fd")) > before
    chunks.close()
    assert len(os.listdir("/proc/self/fd")) == before
