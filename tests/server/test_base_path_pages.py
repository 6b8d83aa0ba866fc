"""Under --base-path /files, the pages beyond the listing link under the prefix: a share link
(its redirect and its listing), collect mode's page, cookie and redirect, the trust page, the
log-out link, a rendered Markdown page, search results (a streamed body) and an error page."""

from __future__ import annotations

import base64
import re
import socket
from pathlib import Path

from server.auth import Authenticator
from server.base_path import BasePath
from server.collect import CollectConfig
from server.links import LinkStore, item_kind
from server.pages import AS_WRITTEN_END, AS_WRITTEN_START
from server.response import HTML, Response, StreamBody
from server.users import UserStore

PREFIX = "/files"


def ask(port: int, method: str, target: str, *lines: str, body: bytes = b"") -> bytes:
    head = "\r\n".join([f"{method} {target} HTTP/1.1", "Host: 127.0.0.1", "Connection: close",
                        "Accept: text/html", *lines]) + "\r\n\r\n"
    with socket.create_connection(("127.0.0.1", port), timeout=10) as sock:
        sock.sendall(head.encode("latin-1") + body)
        chunks = []
        while chunk := sock.recv(65536):
            chunks.append(chunk)
    return b"".join(chunks)


def rooted_urls(answer: bytes) -> list[bytes]:
    """Every href, src and action of a page that is an absolute path."""
    return re.findall(rb'(?:href|src|action)="(/[^"]*)"', answer)


def assert_all_under_prefix(answer: bytes) -> None:
    urls = rooted_urls(answer)
    assert urls, answer[:300]
    assert all(u.startswith(PREFIX.encode() + b"/") for u in urls), urls


def test_a_share_link_under_the_prefix(server_factory, share: Path, tmp_path: Path) -> None:
    links = tmp_path / "links.toml"
    store = LinkStore(links)
    store.load()
    link = store.create(share / "docs", item_kind(share / "docs"))
    running = server_factory(share, links_file=links, base_path=PREFIX)
    entered = ask(running.port, "GET", PREFIX + link.url_path)
    assert f"\r\nLocation: {PREFIX}{link.url_path}/\r\n".encode() in entered
    page = ask(running.port, "GET", PREFIX + link.url_path + "/")
    assert page.startswith(b"HTTP/1.1 200")
    assert_all_under_prefix(page)
    assert f'href="{PREFIX}{link.url_path}/notes.md"'.encode() in page
    assert ask(running.port, "GET", link.url_path + "/").startswith(b"HTTP/1.1 404")


def test_collect_mode_under_the_prefix(server_factory, share: Path, tmp_path: Path) -> None:
    running = server_factory(share, base_path=PREFIX,
                             collect=CollectConfig("Homework", None, tmp_path / "collect.json"))
    page = ask(running.port, "GET", PREFIX + "/")
    assert_all_under_prefix(page)
    assert f'action="{PREFIX}/.well-known/pier/collect/name"'.encode() in page
    named = ask(running.port, "POST", PREFIX + "/.well-known/pier/collect/name",
                "Content-Type: application/x-www-form-urlencoded", "Content-Length: 8",
                body=b"name=Ana")
    assert named.startswith(b"HTTP/1.1 303") and f"\r\nLocation: {PREFIX}/\r\n".encode() in named
    assert re.search(rb"\r\nSet-Cookie: pier-collect=[^\r]*; Path=/files/;", named), named


def test_the_trust_page_under_the_prefix(server_factory, share: Path, tls_settings) -> None:
    running = server_factory(share, tls=tls_settings, base_path=PREFIX)
    page = ask(running.port, "GET", PREFIX + "/.well-known/pier/trust")  # plain HTTP: allowed
    assert page.startswith(b"HTTP/1.1 200")
    assert_all_under_prefix(page)
    assert f'href="{PREFIX}/.well-known/pier/ca.crt"'.encode() in page
    crt = ask(running.port, "GET", PREFIX + "/.well-known/pier/ca.crt")
    assert crt.startswith(b"HTTP/1.1 200")


def test_log_out_markdown_search_and_errors_under_the_prefix(server_factory, share: Path,
                                                             private_config_dir: Path) -> None:
    store = UserStore(private_config_dir / "users.toml")
    store.load()
    auth = Authenticator(store, "Pier - share", anonymous_read=True)
    store.add("ana", "ana-secret")
    running = server_factory(share, auth=auth, base_path=PREFIX)
    ana = "Authorization: Basic " + base64.b64encode(b"ana:ana-secret").decode("ascii")
    listing = ask(running.port, "GET", PREFIX + "/docs/", ana)
    assert_all_under_prefix(listing)
    assert f'href="{PREFIX}/.well-known/pier/logout"'.encode() in listing
    assert ask(running.port, "GET", PREFIX + "/.well-known/pier/logout").startswith(
        b"HTTP/1.1 401")
    markdown = ask(running.port, "GET", PREFIX + "/docs/notes.md?view")
    assert markdown.startswith(b"HTTP/1.1 200")
    assert_all_under_prefix(markdown)
    found = ask(running.port, "GET", PREFIX + "/?q=notes")
    assert f'href="{PREFIX}/docs/notes.md"'.encode() in found
    assert_all_under_prefix(found)
    missing = ask(running.port, "GET", PREFIX + "/nothing")
    assert missing.startswith(b"HTTP/1.1 404")
    assert_all_under_prefix(missing)
    raw = ask(running.port, "GET", PREFIX + "/docs/notes.md")  # the file's bytes, as they are
    assert raw.endswith((share / "docs" / "notes.md").read_bytes())


def test_the_user_s_markdown_is_shown_as_written_pier_s_markup_is_not(server_factory,
                                                                      share: Path) -> None:
    """A README under a listing and a ?view page: the prefix goes on Pier's own links (crumbs,
    raw and download links, the README's heading), never into the user's rendered text, whose
    links and code samples are theirs (as a downloaded .md file is)."""
    text = ("# Tips\n\nWrite `<img src=/logo.png>` or `<a href='/x/'>`, see [docs](/docs/).\n\n"
            "```html\n<form action=/login>\n```\n")
    (share / "docs" / "README.md").write_text(text, encoding="utf-8")
    running = server_factory(share, base_path=PREFIX)
    for answer in (ask(running.port, "GET", PREFIX + "/docs/"),
                   ask(running.port, "GET", PREFIX + "/docs/README.md?view")):
        assert answer.startswith(b"HTTP/1.1 200")
        assert b"&lt;img src=/logo.png&gt;" in answer
        assert b"&lt;a href='/x/'&gt;" in answer
        assert b"&lt;form action=/login&gt;" in answer
        assert b'<a href="/docs/">docs</a>' in answer
        assert f'href="{PREFIX}/docs/README.md'.encode() in answer  # Pier's own link
        outside = re.sub(rb"<!--pier:as-written-->.*?<!--/pier:as-written-->", b"", answer,
                         flags=re.DOTALL)
        assert_all_under_prefix(outside)


def test_the_owner_s_error_page_is_sent_as_written_with_the_address_asked(
        server_factory, share: Path, tmp_path: Path) -> None:
    pages = tmp_path / "errors"
    pages.mkdir()
    (pages / "404.html").write_text(
        '<link rel="stylesheet" href="/files/site.css"><a href="{path}">{path}</a>',
        encoding="utf-8")
    running = server_factory(share, base_path=PREFIX, error_pages=pages)
    for target, shown in ((PREFIX + "/nothing", PREFIX + "/nothing"),
                          (PREFIX + "//evil.example/x", PREFIX + "//evil.example/x"),
                          ("//evil.example/x", "/evil.example/x")):  # outside the prefix
        answer = ask(running.port, "GET", target)
        assert answer.startswith(b"HTTP/1.1 404"), target
        body = answer.partition(b"\r\n\r\n")[2]
        assert body == (f'<link rel="stylesheet" href="/files/site.css">'
                        f'<a href="{shown}">{shown}</a>').encode(), target


def test_a_streamed_page_keeps_its_as_written_part_across_chunks() -> None:
    start, end = AS_WRITTEN_START.encode(), AS_WRITTEN_END.encode()
    chunks = [b'<a href="/a/">a</a>' + start + b'<a href="/own">', b'own</a><img src="/x.png">',
              end + b'<a href="/b/">b</a>', b'<a href="/c/">c</a>']
    whole = Response(200, HTML, b"".join(chunks))
    streamed = Response(200, HTML, StreamBody(lambda: iter(chunks)))
    base = BasePath(PREFIX)
    sent_whole = base.outbound(whole).body
    body = base.outbound(streamed).body
    assert isinstance(body, StreamBody)
    sent_streamed = b"".join(body.chunks())
    assert sent_streamed == sent_whole
    assert b'href="/files/a/"' in sent_streamed and b'href="/files/c/"' in sent_streamed
    assert b'src="/x.png"' in sent_streamed and b'href="/own"' in sent_streamed
