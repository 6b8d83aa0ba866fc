"""The error pages folder inside a share is read like any folder and written by nobody through
Pier (server/unwritable.py): not by a share link's drop box on a read-only share (over HTTP),
and, should a share that takes changes ever hold it (the config refuses that; the policy is the
second wall), not by PUT, a resumable upload, MOVE, COPY, a rename or a delete either."""

from __future__ import annotations

import http.client
from dataclasses import replace
from pathlib import Path

import pytest

from server.access import Action, policy_for
from server.config import ServerConfig
from server.http11 import HttpError
from server.links import LinkStore

HTML = {"Accept": "text/html"}


def ask(port: int, method: str, path: str, body: bytes = b"",
        headers: dict[str, str] | None = None) -> tuple[int, bytes]:
    conn = http.client.HTTPConnection("127.0.0.1", port, timeout=10)
    try:
        conn.request(method, path, body=body, headers=headers or {})
        response = conn.getresponse()
        return response.status, response.read()
    finally:
        conn.close()


@pytest.fixture
def share_with_pages(tmp_path: Path) -> tuple[Path, Path]:
    share = tmp_path / "share"
    pages = share / "web" / "errors"
    pages.mkdir(parents=True)
    (pages / "404.html").write_text("<h1>OWNER</h1>", encoding="utf-8")
    (share / "web" / "other").mkdir()
    (share / "web" / "other" / "page.html").write_text("<h1>PLANTED</h1>", encoding="utf-8")
    (share / "inbox").mkdir()
    (share / "inbox" / "x.txt").write_text("x", encoding="utf-8")
    return share, pages


def test_a_drop_box_above_the_folder_cannot_write_into_it_by_form_or_put(
        server_factory, share_with_pages, tmp_path) -> None:
    share, pages = share_with_pages
    links_file = tmp_path / "links.toml"
    store = LinkStore(links_file)
    store.load()
    box = store.create(share / "web", "folder", upload=True)
    running = server_factory(share, links_file=links_file, error_pages=pages)
    origin = {"Origin": f"http://127.0.0.1:{running.port}"}
    boundary = "b0undary"
    form = (f"--{boundary}\r\nContent-Disposition: form-data; name=\"file\"; "
            f"filename=\"404.fr.html\"\r\n\r\n<h1>PLANTED</h1>\r\n--{boundary}--\r\n").encode()
    status, _ = ask(running.port, "POST", box.url_path + "/errors/", form,
                    {**origin, "Content-Type": f"multipart/form-data; boundary={boundary}"})
    assert status == 403
    status, _ = ask(running.port, "PUT", box.url_path + "/errors/404.it.html", b"<h1>PLANTED</h1>",
                    origin)
    assert status == 403
    # a form upload into the box naming the folder on the way (relative paths of a folder drop)
    status, _ = ask(running.port, "PUT", box.url_path + "/errors/new/404.html", b"x", origin)
    assert status in (403, 404)
    assert sorted(p.name for p in pages.iterdir()) == ["404.html"]
    # the box still takes files beside it, and the pages are read as before
    status, _ = ask(running.port, "PUT", box.url_path + "/other/note.txt", b"hello", origin)
    assert status == 201
    status, body = ask(running.port, "GET", "/nope", headers={**HTML, "Accept-Language": "it"})
    assert status == 404 and body == b"<h1>OWNER</h1>"
    status, body = ask(running.port, "GET", box.url_path + "/errors/404.html")
    assert status == 200 and body == b"<h1>OWNER</h1>"


@pytest.fixture
def owner_access(share_with_pages):
    """The policy of a share that accepts every change, with the folder in it: what the config
    refuses to start, built here to show the policy refuses on its own."""
    share, pages = share_with_pages
    config = ServerConfig(root=share, upload=True, modify=True).validated()
    policy = policy_for(replace(config, error_pages=pages.resolve()))
    return policy.bind(None), share, pages


def test_no_put_or_resumable_upload_goes_into_it(owner_access) -> None:
    access, _, pages = owner_access
    for spelling in ("/web/errors/", "/web/errors", "/web/%65rrors/", "/web//errors/"):
        with pytest.raises(HttpError) as refused:
            access.write_folder(spelling)
        assert refused.value.status in (403, 404)
    folder = access.write_folder("/web/")  # the folder above takes files, not this name's
    with access.open_folder(folder.fs_path) as opened, pytest.raises(HttpError) as refused:
        access.new_partial(opened, folder.url_path + "errors/", "404.de.html")
    assert not access.may(Action.CREATE, "/web/errors/404.de.html")
    assert not access.may(Action.REPLACE, "/web/errors/404.html")
    assert access.may(Action.CREATE, "/web/other/404.de.html")
    assert access.may(Action.READ, "/web/errors/404.html")
    assert sorted(p.name for p in pages.iterdir()) == ["404.html"]


def test_no_move_copy_rename_or_delete_touches_it(owner_access) -> None:
    access, _, pages = owner_access
    attempts = [
        lambda: access.move("/web/other/page.html", "/web/errors/", "404.html", overwrite=True),
        lambda: access.copy("/web/other/page.html", "/web/errors/", "404.es.html"),
        lambda: access.move("/web/errors/404.html", "/web/errors/", "404.en.html"),
        lambda: access.move("/web/errors/404.html", "/inbox/", "404.html"),
        lambda: access.delete("/web/errors/404.html"),
        lambda: access.move("/web/errors/", "/inbox/", "errors"),  # the folder itself
        lambda: access.move("/web/", "/inbox/", "web"),  # a folder holding it
        lambda: access.delete("/web/"),
    ]
    for attempt in attempts:
        with pytest.raises(HttpError) as refused:
            attempt()
        assert refused.value.status in (403, 404)
    assert sorted(p.name for p in pages.iterdir()) == ["404.html"]
    assert (pages / "404.html").read_text(encoding="utf-8") == "<h1>OWNER</h1>"
    # changes elsewhere are not refused
    assert access.copy("/web/other/page.html", "/inbox/", "copy.html") == "/inbox/copy.html"


def test_a_missing_folder_s_name_is_not_free_to_take(owner_access) -> None:
    """Deleted by its owner meanwhile: nobody makes it again through Pier and fills it."""
    access, _, pages = owner_access
    (pages / "404.html").unlink()
    pages.rmdir()
    assert not access.may(Action.CREATE, "/web/errors")
    assert not access.may(Action.CREATE, "/web/Errors")  # its name in another case too
    assert access.may(Action.CREATE, "/web/elsewhere")


def test_a_template_linked_into_a_read_only_share_is_not_used(server_factory, share_with_pages,
                                                              tmp_path) -> None:
    """A drop box can be made on any folder of a read-only share at any time: a template that is
    a link to a file there (rather than really in the pages folder) is no page."""
    share, _ = share_with_pages
    outside = tmp_path / "outside-pages"
    outside.mkdir()
    (outside / "404.html").symlink_to(share / "web" / "other" / "page.html")
    (outside / "403.html").write_text("<h1>OWNER 403</h1>", encoding="utf-8")
    running = server_factory(share, error_pages=outside)
    status, body = ask(running.port, "GET", "/nope", headers=HTML)
    assert status == 404 and b"PLANTED" not in body and b"Not Found" in body


def test_a_folder_above_the_share_or_the_share_itself(share_with_pages, tmp_path) -> None:
    """Above the share (allowed with uploads: only NNN*.html directly in it are read), the
    share's writes go on; the share's root itself (a read-only share's) takes no new file."""
    share, _ = share_with_pages
    config = ServerConfig(root=share, upload=True, modify=True).validated()
    above = policy_for(replace(config, error_pages=tmp_path.resolve())).bind(None)
    assert above.may(Action.CREATE, "/inbox/404.html")
    assert above.may(Action.MODIFY, "/inbox/x.txt")
    root = policy_for(replace(config, error_pages=share.resolve())).bind(None)
    assert not root.may(Action.CREATE, "/404.de.html")
    assert not root.may(Action.CREATE, "/inbox/a.txt")
