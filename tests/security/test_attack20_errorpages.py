"""Attack on custom error pages (issue 20, --error-pages DIR and website mode's 404.html),
against the running server."""

from __future__ import annotations

import http.client
from pathlib import Path

from server.links import LinkStore

HTML = {"Accept": "text/html"}


def ask(port: int, method: str, path: str, body: bytes = b"",
        headers: dict[str, str] | None = None) -> tuple[int, dict[str, str], bytes]:
    conn = http.client.HTTPConnection("127.0.0.1", port, timeout=10)
    try:
        conn.request(method, path, body=body, headers=headers or {})
        response = conn.getresponse()
        return response.status, {k.lower(): v for k, v in response.getheaders()}, \
            response.read()
    finally:
        conn.close()


def test_a_drop_box_link_cannot_plant_an_error_page(server_factory, tmp_path: Path) -> None:
    share = tmp_path / "share"
    pages = share / "site-errors"
    pages.mkdir(parents=True)
    (pages / "404.html").write_text("<h1>OWNER 404</h1>", encoding="utf-8")
    (share / "pierconf").mkdir()
    store = LinkStore(share / "pierconf" / "links.toml")
    store.load()
    link = store.create(pages, "folder", upload=True)  # a drop box for "send us your pages"
    above = store.create(share, "folder", upload=True)  # and one on the whole share
    running = server_factory(share, links_file=share / "pierconf" / "links.toml",
                             protected_paths=(share / "pierconf",), error_pages=pages)
    origin = {"Origin": f"http://127.0.0.1:{running.port}"}
    # the holder cannot replace 404.html, but a language's file is a new name, and would win:
    # the error pages folder is written by nobody through Pier (the fix: refused, not ignored)
    for target in (link.url_path + "/404.de.html", above.url_path + "/site-errors/404.de.html",
                   above.url_path + "/SITE-ERRORS/404.de.html"):
        status, _, _ = ask(running.port, "PUT", target,
                           b"<h1>PLANTED</h1><form action=/login method=post>Passwort: "
                           b"<input name=p type=password></form>", origin)
        assert status in (403, 404), target  # 404: another spelling, on a file system with case
    assert sorted(p.name for p in pages.iterdir()) == ["404.html"]
    # the drop box one level up still takes files elsewhere
    status, _, _ = ask(running.port, "PUT", above.url_path + "/note.txt", b"hello", origin)
    assert status == 201
    status, _, body = ask(running.port, "GET", "/missing.txt",
                          headers={**HTML, "Accept-Language": "de-DE,de;q=0.9"})
    assert status == 404
    assert b"PLANTED" not in body


def test_a_website_s_404_is_sent_as_written_under_a_base_path(server_factory,
                                                              tmp_path: Path) -> None:
    share = tmp_path / "site"
    share.mkdir()
    page = '<link rel="stylesheet" href="/files/style.css"><a href="/files/">Home</a>'
    (share / "index.html").write_text(page, encoding="utf-8")
    (share / "404.html").write_text(page, encoding="utf-8")
    (share / "style.css").write_text("h1{}", encoding="utf-8")
    running = server_factory(share, website_mode=True, base_path="/files")
    status, _, index = ask(running.port, "GET", "/files/index.html", headers=HTML)
    assert status == 200 and index.decode() == page
    status, _, missing = ask(running.port, "GET", "/files/nope.html", headers=HTML)
    assert status == 404
    assert b"/files/files/" not in missing
    assert missing.decode() == page


def test_a_link_holder_s_error_page_does_not_name_the_share_s_folders(server_factory,
                                                                    tmp_path: Path) -> None:
    share = tmp_path / "share"
    linked = share / "Private HR" / "Salaries 2026"
    linked.mkdir(parents=True)
    (linked / "summary.txt").write_text("total", encoding="utf-8")
    (share / "pierconf").mkdir()
    pages = tmp_path / "errors"
    pages.mkdir()
    (pages / "404.html").write_text("<p>Nothing at {path}</p>", encoding="utf-8")
    store = LinkStore(share / "pierconf" / "links.toml")
    store.load()
    link = store.create(linked, "folder")
    running = server_factory(share, links_file=share / "pierconf" / "links.toml",
                             protected_paths=(share / "pierconf",), error_pages=pages)
    status, _, body = ask(running.port, "GET", link.url_path + "/summary.txt", headers=HTML)
    assert status == 200  # the holder reaches the folder's files
    status, _, body = ask(running.port, "GET", link.url_path + "/missing.txt", headers=HTML)
    assert status == 404 and body.startswith(b"<p>Nothing at ")
    assert b"Private HR" not in body and b"Salaries" not in body


def test_path_in_a_template_is_never_a_link_to_another_site(server_factory, share,
                                                            tmp_path: Path) -> None:
    pages = tmp_path / "errors"
    pages.mkdir()
    (pages / "404.html").write_text('<p>Not found. <a href="{path}">Try again</a></p>',
                                    encoding="utf-8")
    running = server_factory(share, error_pages=pages)
    for target in ("//evil.example/login", "/%2fevil.example/login"):
        status, _, body = ask(running.port, "GET", target, headers=HTML)
        assert status == 404 and body.startswith(b"<p>Not found. ")
        href = body.split(b'href="', 1)[1].split(b'"', 1)[0]
        assert href.startswith(b"/") and not href.startswith(b"//"), href
