"""server/routes_markdown.py without sockets: a Markdown file's page (``?view``) and a folder's
README under its HTML listing (through FolderRoutes, as the router builds them), with the cache
that lets the serve thread answer both from memory until the file changes."""

from __future__ import annotations

import json
import os
from collections.abc import Iterator
from pathlib import Path

import pytest

from server import routes_markdown
from server.cache import FileCache, ListingCache
from server.call import NeedsWorker
from server.config import ServerConfig
from server.http11 import HttpError
from server.listing import Entry
from server.markdown_page import MARKDOWN_STYLESHEET_URL
from server.response import HTML, NOSNIFF, PAGE_CSP, Response
from server.routes_files import FileRoutes
from server.routes_folders import FolderRoutes
from server.routes_markdown import MAX_MARKDOWN_BYTES, MarkdownRoutes, readme_name
from server.users import User
from tests.server.conftest import call_for, config_of, field


class Markdown:
    """MarkdownRoutes and the FolderRoutes that show READMEs, asked as the router asks them."""

    def __init__(self, config: ServerConfig) -> None:
        self.config = config
        self.routes = MarkdownRoutes(config.server_name)
        self.folders = FolderRoutes(config, ListingCache(), FileRoutes(FileCache()),
                                    readmes=self.routes)

    def view(self, target: str, *, serve_thread: bool = False) -> Response:
        call = call_for(self.config, "GET", target, serve_thread=serve_thread)
        return self.routes.view(call, call.files.target(call.path))

    def listing(self, target: str, *fields: str, serve_thread: bool = False) -> Response:
        call = call_for(self.config, "GET", target, *fields, serve_thread=serve_thread)
        return self.folders.folder(call, call.files.target(call.path))

    def page(self, target: str, **options) -> str:
        response = self.listing(target, **options)
        assert response.status == 200 and isinstance(response.body, bytes)
        return response.body.decode()


@pytest.fixture
def markdown(share: Path) -> Markdown:
    (share / "docs" / "README.md").write_text("# Docs\n\nRead *me*.\n", encoding="utf-8")
    return Markdown(config_of(share))


def edit_in_place(path: Path, text: str) -> None:
    """Rewrite a file without changing its folder (same inode), with a newer mtime."""
    before = os.stat(path)
    with open(path, "r+b") as f:
        f.truncate(0)
        f.write(text.encode())
    os.utime(path, ns=(before.st_atime_ns, before.st_mtime_ns + 10**9))


# -- ?view ----------------------------------------------------------------------------------------


def test_a_markdown_file_is_shown_as_a_page(markdown):
    response = markdown.view("/docs/notes.md?view")
    assert response.status == 200
    assert response.headers.startswith(HTML + PAGE_CSP + NOSNIFF)
    assert field(response.headers, "Cache-Control") == "no-cache"
    page = response.body.decode()
    assert "<h1>notes</h1>" in page
    assert "<title>notes.md — Pier</title>" in page
    assert 'href="/docs/notes.md">Raw</a>' in page
    assert 'href="/docs/notes.md?download"' in page
    assert 'href="/docs/">docs</a>' in page  # the way back, as on a listing
    assert "/.well-known/pier/assets/markdown.css" in page


def test_names_are_escaped_on_the_page(markdown, share):
    (share / "<b>&.md").write_text("text", encoding="utf-8")
    page = markdown.view("/%3Cb%3E%26.md?view").body.decode()
    assert "<b>&" not in page
    assert "&lt;b&gt;&amp;.md" in page and 'href="/%3Cb%3E%26.md"' in page


def test_the_serve_thread_shows_only_rendered_pages(markdown, share):
    with pytest.raises(NeedsWorker):
        markdown.view("/docs/notes.md?view", serve_thread=True)
    first = markdown.view("/docs/notes.md?view")
    assert markdown.view("/docs/notes.md?view", serve_thread=True).body == first.body
    edit_in_place(share / "docs" / "notes.md", "# other\n")
    with pytest.raises(NeedsWorker):  # a new version: read and rendered again
        markdown.view("/docs/notes.md?view", serve_thread=True)
    assert "<h1>other</h1>" in markdown.view("/docs/notes.md?view").body.decode()


def test_a_file_too_large_is_not_read(markdown, share):
    big = share / "big.md"
    big.write_bytes(b"# x\n" * (MAX_MARKDOWN_BYTES // 4 + 1))
    response = markdown.view("/big.md?view", serve_thread=True)  # its size says enough
    assert response.status == 200
    page = response.body.decode()
    assert "big.md is too large to show here (524 kB)." in page
    assert 'href="/big.md">Open big.md</a>' in page
    assert "<h1>x</h1>" not in page


def test_a_file_with_too_much_markup_gets_a_note(markdown, share):
    (share / "bomb.md").write_text("[" * 150_000, encoding="utf-8")
    page = markdown.view("/bomb.md?view").body.decode()
    assert "bomb.md has too much markup to show here." in page
    assert markdown.view("/bomb.md?view", serve_thread=True).status == 200  # the verdict is kept


def test_text_that_is_not_utf8_is_shown_with_replacement_characters(markdown, share):
    (share / "latin.md").write_bytes(b"\xef\xbb\xbf# caf\xe9\n")  # a BOM, then Latin-1
    page = markdown.view("/latin.md?view").body.decode()
    assert "<h1>caf\ufffd</h1>" in page


# -- the README under a listing -------------------------------------------------------------------


def test_a_folders_readme_is_shown_under_its_listing(markdown):
    page = markdown.page("/docs/")
    section = page[page.index("</table>"):]
    assert '<section class="readme" id="readme"' in section
    assert '<a href="/docs/README.md">README.md</a></h2>' in section
    assert "<h1>Docs</h1>\n<p>Read <em>me</em>.</p>" in section
    assert f'<link rel="stylesheet" href="{MARKDOWN_STYLESHEET_URL}">' in page


def test_no_readme_no_section(markdown):
    page = markdown.page("/")
    assert 'class="readme"' not in page and "markdown.css" not in page


def test_json_listings_carry_no_readme(markdown):
    response = markdown.listing("/docs/?format=json")
    assert "Docs" not in json.dumps(json.loads(response.body))


def test_an_edited_readme_is_shown_at_once(markdown, share):
    """Editing in place changes neither the folder's mtime nor, here, the size: the cached
    listing is checked against the README's identity."""
    assert "Read <em>me</em>" in markdown.page("/docs/")
    assert "Read <em>me</em>" in markdown.page("/docs/", serve_thread=True)  # cached
    edit_in_place(share / "docs" / "README.md", "# Docs\n\nRead *us*.\n")  # same size
    with pytest.raises(NeedsWorker):
        markdown.listing("/docs/", serve_thread=True)
    assert "Read <em>us</em>" in markdown.page("/docs/")


def test_a_readme_too_large_gets_a_line_and_a_link(markdown, share):
    (share / "docs" / "README.md").write_bytes(b"a" * (MAX_MARKDOWN_BYTES + 1))
    page = markdown.page("/docs/")
    assert "README.md is too large to show here (524 kB)." in page
    assert 'href="/docs/README.md">Open README.md</a>' in page


def test_a_readme_that_is_a_folder_is_not_shown(markdown, share):
    (share / "README.md").mkdir()
    assert 'class="readme"' not in markdown.page("/")


@pytest.mark.parametrize("name", ["readme.md", "Readme.md", "README.MD", "README.markdown"])
def test_other_spellings_of_the_readme(share, name: str):
    (share / "docs" / name).write_text("# Spelled\n", encoding="utf-8")
    assert "<h1>Spelled</h1>" in Markdown(config_of(share)).page("/docs/")


def test_which_readme_wins():
    def entries(*names: str) -> list[Entry]:
        return [Entry(n, False, 1, 0.0) for n in names]

    assert readme_name(entries("readme.md", "README.md", "README.markdown")) == "README.md"
    assert readme_name(entries("readme.markdown", "readme.md")) == "readme.md"
    assert readme_name(entries("Readme.md", "readme.md")) == "Readme.md"
    assert readme_name(entries("README.txt", "READ.md", "notes.md")) is None
    assert readme_name([Entry("README.md", True, 0, 0.0)]) is None


def test_the_readme_is_judged_itself_not_only_by_the_listing(share, tmp_path, auth):
    """readme() is given a listing's entries, but asks the policy about the file again: an
    entry that slipped in (or a file swapped since the folder was read) is not shown."""
    outside = tmp_path / "outside.md"
    outside.write_text("# outside\n", encoding="utf-8")
    own = share / "own"
    own.mkdir()
    (own / "notes.md").write_text("# own\n", encoding="utf-8")
    config = config_of(share, auth=auth, protected_paths=(own,))
    routes = MarkdownRoutes("Pier")
    listed = [Entry("README.md", False, 10, 0.0)]
    for target in (outside, own / "notes.md"):
        (share / "docs" / "README.md").unlink(missing_ok=True)
        (share / "docs" / "README.md").symlink_to(target)
        call = call_for(config, "GET", "/docs/")
        assert routes.readme(call, call.files.target("/docs/"), listed) is None
    (share / "private").mkdir()
    (share / "private" / "README.md").write_text("# private\n", encoding="utf-8")
    (share / "README.md").write_text("# root\n", encoding="utf-8")
    call = call_for(config, "GET", "/", user=User("lim", folders=("/docs",)))
    assert routes.readme(call, call.files.target("/"), listed) is None  # lim may not read it
    call = call_for(config, "GET", "/", user=User("ana"))
    assert routes.readme(call, call.files.target("/"), listed) is not None
    call = call_for(config, "GET", "/private/", user=User("ana"))
    found = routes.readme(call, call.files.target("/private/"), listed)
    assert found is not None and "<h1>private</h1>" in found.html


# -- a busy renderer --------------------------------------------------------------------------


@pytest.fixture
def busy(markdown: Markdown) -> Iterator[None]:
    """Somebody else's text is being rendered (the test holds the render lock)."""
    lock = markdown.routes._rendering
    assert lock.acquire(blocking=False)
    try:
        yield
    finally:
        lock.release()


def test_a_listing_does_not_wait_for_a_busy_renderer(markdown, busy):
    page = markdown.page("/docs/")
    assert "README.md is being prepared — reload to see it." in page
    assert '<a href="/docs/README.md">Open README.md</a>' in page
    assert "<h1>Docs</h1>" not in page
    with pytest.raises(NeedsWorker):  # that page was not kept: the next visit renders it
        markdown.listing("/docs/", serve_thread=True)


def test_the_readme_shows_once_the_renderer_is_free(markdown):
    lock = markdown.routes._rendering
    with lock:
        assert "is being prepared" in markdown.page("/docs/")
    page = markdown.page("/docs/")
    assert "<h1>Docs</h1>" in page and "is being prepared" not in page
    assert markdown.page("/docs/", serve_thread=True) == page  # kept now


def test_a_rendered_readme_is_shown_while_the_renderer_is_busy(markdown):
    page = markdown.page("/docs/")
    markdown.folders = FolderRoutes(markdown.config, ListingCache(), FileRoutes(FileCache()),
                                    readmes=markdown.routes)  # no cached listing
    with markdown.routes._rendering:
        assert markdown.page("/docs/") == page


def test_a_view_that_must_wait_leaves_the_pool_first(markdown, busy, monkeypatch):
    """Its turn does not come here (the test holds the lock): a 503 to retry, after the
    request has given its worker's place to a fresh one."""
    monkeypatch.setattr(routes_markdown, "RENDER_WAIT_MAX", 0.001)
    call = call_for(markdown.config, "GET", "/docs/notes.md?view")
    left: list[bool] = []
    call.detach = lambda: left.append(True)
    with pytest.raises(HttpError) as raised:
        markdown.routes.view(call, call.files.target(call.path))
    assert raised.value.status == 503 and b"Retry-After: 2" in raised.value.headers
    assert left == [True]


def test_a_view_waits_in_a_bounded_line(markdown, busy, monkeypatch):
    monkeypatch.setattr(routes_markdown, "RENDERS_WAITING_MAX", 0)
    call = call_for(markdown.config, "GET", "/docs/notes.md?view")
    left: list[bool] = []
    call.detach = lambda: left.append(True)
    with pytest.raises(HttpError) as raised:
        markdown.routes.view(call, call.files.target(call.path))
    assert raised.value.status == 503 and left == []  # turned away before leaving the pool


def test_a_rendered_page_is_viewed_while_the_renderer_is_busy(markdown):
    first = markdown.view("/docs/README.md?view")
    with markdown.routes._rendering:
        assert markdown.view("/docs/README.md?view", serve_thread=True).body == first.body
