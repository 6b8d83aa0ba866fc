"""server/routes_folders.py without sockets: FolderRoutes.folder's Response for a real folder.
The redirect to the trailing slash (query kept), listings as HTML and JSON with their cache
(the serve thread answers only cached ones), partial listings of folder-limited accounts
(never cached), a folder as a ZipBody, and website mode's index page."""

from __future__ import annotations

import json
import os
from pathlib import Path

import pytest

from server.cache import FileCache, ListingCache
from server.call import NeedsWorker
from server.config import ServerConfig
from server.files import PathRefused
from server.http11 import HttpError
from server.response import HTML, JSON, PAGE_CSP, FileSpan, Response, ZipBody
from server.routes_files import FileRoutes
from server.routes_folders import LISTING_HEADERS, VARY_PAGE, FolderRoutes
from server.users import User
from tests.server.conftest import call_for, config_of, field

ALICE = User("alice", folders=("/docs",))  # sees /docs and the way to it, nothing else


class Folders:
    """FolderRoutes of one share, asked as the router asks it."""

    def __init__(self, config: ServerConfig) -> None:
        self.config = config
        downloads = FileRoutes(FileCache(website_mode=config.website_mode))
        self.routes = FolderRoutes(config, ListingCache(), downloads)

    def get(self, target: str, *fields: str, method: str = "GET", user: User | None = None,
            serve_thread: bool = False) -> Response:
        call = call_for(self.config, method, target, *fields, user=user,
                        serve_thread=serve_thread)
        return self.routes.folder(call, call.files.target(call.path))

    def json(self, target: str, **options) -> dict:
        response = self.get(target, "Accept: application/json", **options)
        assert response.status == 200 and response.headers.startswith(JSON)
        assert isinstance(response.body, bytes)
        return json.loads(response.body)


@pytest.fixture
def folders(share: Path) -> Folders:
    return Folders(config_of(share))


def names(document: dict) -> list[str]:
    return [entry["name"] for entry in document["entries"]]


# -- the redirect to the folder's own URL --------------------------------------------------------


def test_a_folder_without_its_slash_is_redirected_with_the_query(folders):
    response = folders.get("/docs?sort=size&order=desc")
    assert response.status == 301
    assert field(response.headers, "Location") == "/docs/?sort=size&order=desc"
    assert field(folders.get("/docs").headers, "Location") == "/docs/"


def test_the_redirect_is_quoted(folders, share):
    (share / "été 24").mkdir()
    response = folders.get("/%C3%A9t%C3%A9%2024?format=json")
    assert field(response.headers, "Location") == "/%C3%A9t%C3%A9%2024/?format=json"


def test_the_redirect_needs_no_worker(folders):
    assert folders.get("/docs", serve_thread=True).status == 301


# -- listings -----------------------------------------------------------------------------------


def test_html_listing(folders):
    response = folders.get("/")
    assert response.status == 200
    etag = field(response.headers, "ETag")
    assert response.headers == (HTML + PAGE_CSP + VARY_PAGE + f"ETag: {etag}\r\n".encode()
                                + LISTING_HEADERS)
    assert field(response.headers, "Vary") == "Accept, Accept-Language"
    assert field(response.headers, "Cache-Control") == "no-cache"
    page = response.body.decode()
    assert 'href="/hello.txt"' in page and 'href="/docs/"' in page
    assert "big.bin" in page and "été 2024.txt" in page
    assert ".secret" not in page  # hidden names stay hidden
    assert "upload-form" not in page  # uploads are off


def test_json_listing_by_query_or_accept(folders):
    document = folders.json("/")
    assert json.loads(folders.get("/?format=json").body) == document
    assert document["path"] == "/" and document["parent"] is None
    assert names(document) == ["docs", "big.bin", "hello.txt", "été 2024.txt"]
    docs, big = document["entries"][:2]
    assert (docs["type"], docs["size"], docs["url"]) == ("dir", None, "/docs/")
    assert (big["type"], big["size"]) == ("file", 3 * 1024 * 1024 + 17)
    nested = folders.json("/docs/")
    assert (nested["path"], nested["parent"], names(nested)) == ("/docs/", "/", ["notes.md"])


def test_json_listing_sorts_as_asked(folders):
    by_size = folders.json("/?sort=size&order=desc")
    assert (by_size["sort"], by_size["order"]) == ("size", "desc")
    assert names(by_size) == ["docs", "big.bin", "hello.txt", "été 2024.txt"]  # folders first
    ascending = folders.json("/?sort=size&order=asc")
    assert names(ascending) == ["docs", "été 2024.txt", "hello.txt", "big.bin"]
    reverse = folders.json("/?sort=name&order=desc")
    assert names(reverse) == ["docs", "été 2024.txt", "hello.txt", "big.bin"]
    unknown = folders.json("/?sort=colour")
    assert unknown["sort"] == "name" and names(unknown) == names(folders.json("/"))


def test_an_html_listing_offers_uploads_where_they_are_allowed(share):
    page = Folders(config_of(share, upload=True)).get("/docs/").body
    assert b'id="upload-form"' in page and b'action="/docs/"' in page


def test_the_serve_thread_answers_only_cached_listings(folders):
    with pytest.raises(NeedsWorker):
        folders.get("/", serve_thread=True)
    first = folders.get("/")  # a worker reads the folder and caches the page
    assert folders.get("/", serve_thread=True).body == first.body
    with pytest.raises(NeedsWorker):  # another format or order is another page
        folders.get("/?format=json", serve_thread=True)
    with pytest.raises(NeedsWorker):
        folders.get("/?sort=size", serve_thread=True)


def test_a_changed_folder_is_read_again(folders, share):
    folders.get("/docs/")
    (share / "docs" / "more.md").write_text("more")
    os.utime(share / "docs", ns=(0, os.stat(share / "docs").st_mtime_ns + 10**9))
    with pytest.raises(NeedsWorker):
        folders.get("/docs/", serve_thread=True)
    assert names(folders.json("/docs/")) == ["more.md", "notes.md"]


def test_a_folder_gone_since_it_was_looked_up_is_404(folders, share):
    call = call_for(folders.config, "GET", "/docs/")
    target = call.files.target("/docs/")
    (share / "docs" / "notes.md").unlink()
    (share / "docs").rmdir()
    with pytest.raises(PathRefused) as caught:
        folders.routes.folder(call, target)
    assert caught.value.status == 404


def test_a_folder_limited_account_sees_a_partial_listing_never_cached(share, auth):
    folders = Folders(config_of(share, auth=auth))
    everyone = folders.json("/")  # cached for anonymous readers
    assert "hello.txt" in names(everyone)
    assert names(folders.json("/", user=ALICE)) == ["docs"]
    with pytest.raises(NeedsWorker):  # neither the anonymous page nor alice's own is cached
        folders.get("/", "Accept: application/json", user=ALICE, serve_thread=True)
    page = folders.get("/", user=ALICE).body.decode()
    assert 'href="/docs/"' in page and "hello.txt" not in page and "big.bin" not in page
    assert "Logged in as <strong>alice</strong>" in page


def test_a_folder_the_account_sees_whole_is_cached_for_it(share, auth):
    folders = Folders(config_of(share, auth=auth))
    assert names(folders.json("/docs/", user=ALICE)) == ["notes.md"]
    cached = folders.get("/docs/", "Accept: application/json", user=ALICE, serve_thread=True)
    assert names(json.loads(cached.body)) == ["notes.md"]
    with pytest.raises(NeedsWorker):  # another account's page is its own
        folders.get("/docs/", "Accept: application/json", user=User("bob"), serve_thread=True)


# -- a folder as a zip --------------------------------------------------------------------------


def zip_names(response: Response) -> list[str]:
    assert isinstance(response.body, ZipBody)
    return sorted(item.arcname for item in response.body.items())


def test_zip_of_a_folder(folders, share):
    (share / "docs" / "empty").mkdir()
    (share / "docs" / ".hidden").write_text("no")
    response = folders.get("/docs/?format=zip")
    assert response.status == 200
    assert field(response.headers, "Content-Type") == "application/zip"
    assert field(response.headers, "Content-Disposition") == 'attachment; filename="docs.zip"'
    assert field(response.headers, "Cache-Control") == "no-store"
    assert field(response.headers, "X-Content-Type-Options") == "nosniff"
    assert response.length is None and not response.from_memory
    assert isinstance(response.body, ZipBody) and response.body.root == str(folders.config.root)
    assert zip_names(response) == ["empty/", "notes.md"]
    assert zip_names(response) == ["empty/", "notes.md"]  # each send walks the folder afresh


def test_zip_of_the_root_is_named_after_the_share(share):
    folders = Folders(config_of(share, server_name="Holiday"))
    response = folders.get("/?format=zip")
    assert field(response.headers, "Content-Disposition") == \
        'attachment; filename="Holiday.zip"'
    assert zip_names(response) == ["big.bin", "docs/notes.md", "hello.txt", "été 2024.txt"]


def test_zip_holds_only_what_the_account_may_read(share, auth):
    folders = Folders(config_of(share, auth=auth))
    assert zip_names(folders.get("/?format=zip", user=ALICE)) == ["docs/notes.md"]


def test_zip_of_a_selection_holds_only_the_named_entries(share):
    folders = Folders(config_of(share))
    (share / ".secret").write_text("hidden")
    response = folders.get("/?format=zip&name=docs&name=hello.txt&name=missing.txt")
    assert response.status == 200
    assert zip_names(response) == ["docs/notes.md", "hello.txt"]
    # a hidden name asked for by name stays out, like in the whole folder's zip
    assert zip_names(folders.get("/?format=zip&name=.secret&name=big.bin")) == ["big.bin"]
    assert zip_names(folders.get("/?format=zip&name=%C3%A9t%C3%A9%202024.txt")) == [
        "été 2024.txt"]


def test_zip_of_a_selection_is_judged_by_the_policy(share, auth):
    folders = Folders(config_of(share, auth=auth))
    assert zip_names(folders.get("/?format=zip&name=docs&name=hello.txt", user=ALICE)) == [
        "docs/notes.md"]
    with pytest.raises(HttpError) as refused:  # nothing she sees: no empty zip
        folders.get("/?format=zip&name=hello.txt", user=ALICE)
    assert refused.value.status == 404


def test_zip_of_a_selection_of_only_what_a_zip_leaves_out_is_refused(share, auth):
    (share / "shortcut.txt").symlink_to(share / "hello.txt")  # listed, never zipped
    (share / "docs" / "inner.md").symlink_to(share / "docs" / "notes.md")
    (share / "links").mkdir()
    (share / "links" / "to-hello").symlink_to(share / "hello.txt")
    for user, folders in ((None, Folders(config_of(share))),
                          (ALICE, Folders(config_of(share, auth=auth)))):
        for target in ("/?format=zip&name=shortcut.txt", "/docs/?format=zip&name=inner.md"):
            with pytest.raises(HttpError) as refused:  # no empty zip
                folders.get(target, user=user)
            assert refused.value.status == 404
            assert "None of the selected names" in refused.value.reason
        assert zip_names(folders.get("/docs/?format=zip&name=inner.md&name=notes.md",
                                     user=user)) == ["notes.md"]
    # a folder holding only links is zipped as an empty folder: something, not nothing
    assert zip_names(Folders(config_of(share)).get("/?format=zip&name=links")) == ["links/"]


@pytest.mark.parametrize("name", ["", "..", ".", "docs/notes.md", "a%5Cb", "a%00b"])
def test_zip_of_a_selection_refuses_paths(folders, name):
    with pytest.raises(HttpError) as refused:
        folders.get(f"/?format=zip&name={name}")
    assert refused.value.status == 400


def test_zip_is_routed_on_the_serve_thread_and_walked_later(folders):
    response = folders.get("/docs/?format=zip", serve_thread=True)  # opens nothing yet
    assert zip_names(response) == ["notes.md"]


# -- website mode --------------------------------------------------------------------------------


@pytest.fixture
def site(share: Path) -> Path:
    (share / "docs" / "index.html").write_bytes(b"<!doctype html><title>Docs</title>")
    return share


def test_website_mode_serves_the_index_page(site):
    folders = Folders(config_of(site, website_mode=True))
    response = folders.get("/docs/")
    assert response.status == 200 and response.body == b"<!doctype html><title>Docs</title>"
    assert field(response.headers, "Content-Type") == "text/html; charset=utf-8"
    assert field(response.headers, "Content-Security-Policy") is None  # the owner's site runs
    head = folders.get("/docs/", method="HEAD", serve_thread=True)
    assert isinstance(head.body, FileSpan) and head.body.count == len(response.body)
    listing = folders.get("/")  # no index.html: the listing
    assert listing.headers.startswith(HTML) and b'href="/docs/"' in listing.body


def test_website_mode_still_redirects_to_the_slash_and_zips_folders_without_index(site):
    folders = Folders(config_of(site, website_mode=True))
    assert field(folders.get("/docs").headers, "Location") == "/docs/"
    assert zip_names(folders.get("/?format=zip")) == [
        "big.bin", "docs/index.html", "docs/notes.md", "hello.txt", "été 2024.txt"]


def test_without_website_mode_an_index_page_is_just_listed(site):
    response = Folders(config_of(site)).get("/docs/")
    assert response.headers.startswith(HTML + PAGE_CSP)
    assert b'href="/docs/index.html"' in response.body


# -- what the page offers ------------------------------------------------------------------------


def test_the_page_loads_the_upload_scripts_only_where_the_visitor_may_upload(share):
    reading = Folders(config_of(share)).get("/").body
    assert b"app.js" in reading
    assert not any(name in reading for name in (b"tus.min.js", b"uploads.js", b"transfer.js",
                                                b"drop.js", b"forms.js", b"upload-form"))
    uploading = Folders(config_of(share, upload=True)).get("/").body
    assert b"upload-form" in uploading
    assert all(name in uploading for name in (b"tus.min.js", b"transfer.js", b"uploads.js",
                                              b"drop.js", b"forms.js"))


def test_the_page_offers_changes_only_where_the_principal_may_modify(share, auth):
    plain = Folders(config_of(share)).get("/").body
    assert b"data-can-modify" not in plain and b"changes.js" not in plain
    assert b"select.js" in plain  # a reader selects too, for a .zip of the selection
    changing = Folders(config_of(share, modify=True))
    body = changing.get("/").body
    assert b'data-can-modify="true"' in body and b"changes.js" in body
    # an account without the modify right is offered nothing; the cache keeps them apart
    limited = Folders(config_of(share, modify=True, auth=auth))
    reader = User("reader")
    changer = User("changer", can_modify=True)
    assert b"data-can-modify" not in limited.get("/", user=reader).body
    assert b'data-can-modify="true"' in limited.get("/", user=changer).body
    assert b"data-can-modify" not in limited.get("/", user=reader).body
