"""Custom error pages against hostile visitors and files: the site's 404.html is the root's and
only for who may read it; templates never come from where visitors can write; no file there
hangs or breaks an answer."""

from __future__ import annotations

import base64
import os
from pathlib import Path

import pytest

from server.auth import Authenticator
from server.config import ErrorPagesRefused, ServerConfig
from server.links import LinkStore
from server.users import HashParams, PasswordHasher, UserStore

FAST = HashParams(argon2_memory_kib=64, argon2_iterations=1, scrypt_log2_n=10)
MARKER = "SITE-404-MARKER-9f2e"
HTML = {"Accept": "text/html"}


def basic(name: str, password: str) -> dict[str, str]:
    token = base64.b64encode(f"{name}:{password}".encode()).decode("ascii")
    return {**HTML, "Authorization": "Basic " + token}


def accounts(folder: Path) -> Authenticator:
    store = UserStore(folder / "users.toml", hasher=PasswordHasher(FAST))
    store.load()
    store.add("owner", "owner-pw")
    store.add("limited", "limited-pw", folders=("/sub",))
    return Authenticator(store, "Pier")


def page(running, path: str, headers: dict[str, str] | None = None) -> tuple[int, str]:
    response, body = running.get(path, headers=headers or HTML)
    return response.status, body.decode("utf-8", "replace")


@pytest.fixture
def site(share: Path) -> Path:
    (share / "sub").mkdir()
    (share / "sub" / "index.html").write_text("<p>sub</p>", encoding="utf-8")
    (share / "404.html").write_text(f"<h1>{MARKER}</h1>", encoding="utf-8")
    return share


def test_a_folder_limited_account_never_sees_the_root_s_404(
        server_factory, site, private_config_dir):
    running = server_factory(site, website_mode=True, auth=accounts(private_config_dir))
    status, body = page(running, "/sub/nope", basic("limited", "limited-pw"))
    assert status == 404 and MARKER not in body
    status, body = page(running, "/404.html", basic("limited", "limited-pw"))
    assert status == 404 and MARKER not in body
    status, body = page(running, "/sub/nope", basic("owner", "owner-pw"))
    assert status == 404 and MARKER in body  # the control: the whole-share account sees it


def test_a_visitor_without_a_login_never_sees_it_on_a_login_share(
        server_factory, site, private_config_dir):
    running = server_factory(site, website_mode=True, auth=accounts(private_config_dir))
    for path in ("/nope", "/.well-known/pier/nope", "/.well-known/pier/ca.pem",
                 "/.well-known/pier/assets/nope.css"):
        status, body = page(running, path)
        assert status in (401, 404) and MARKER not in body, path


@pytest.mark.parametrize("target", [".secret", "../outside.html", "sub/../.secret"])
def test_a_404_html_that_is_a_link_to_a_hidden_or_outside_file_is_not_read(
        server_factory, site, target):
    (site.parent / "outside.html").write_text(f"<h1>{MARKER}-outside</h1>", encoding="utf-8")
    (site / ".secret").write_text(f"<h1>{MARKER}-hidden</h1>", encoding="utf-8")
    (site / "404.html").unlink()
    (site / "404.html").symlink_to(target)
    running = server_factory(site, website_mode=True)
    status, body = page(running, "/nope")
    assert status == 404 and MARKER not in body and "Not Found" in body


def test_pier_s_own_file_as_the_site_s_404_is_not_read(server_factory, site, tmp_path):
    """The access log in the share, linked as 404.html: Pier's own, never a page."""
    log = site / "access.log"
    log.write_text(f"{MARKER} 127.0.0.1 secret log line\n", encoding="utf-8")
    (site / "404.html").unlink()
    (site / "404.html").symlink_to("access.log")
    running = server_factory(site, website_mode=True, access_log=log)
    status, body = page(running, "/nope")
    assert status == 404 and MARKER not in body


def test_a_share_link_never_shows_a_404_from_the_linked_folder_or_the_root(
        server_factory, site, tmp_path):
    (site / "sub" / "404.html").write_text(f"<h1>{MARKER}-linked</h1>", encoding="utf-8")
    links_file = tmp_path / "links.toml"
    store = LinkStore(links_file)
    store.load()
    link = store.create(site / "sub", "folder")
    running = server_factory(site, website_mode=True, links_file=links_file)
    status, body = page(running, link.url_path + "/nope")
    assert status == 404 and MARKER not in body
    assert link.token not in body  # the path shown has its token shortened


def test_an_oversized_or_binary_site_404_falls_back(server_factory, site):
    (site / "404.html").write_bytes(MARKER.encode() + b"x" * (256 * 1024 + 1))
    running = server_factory(site, website_mode=True)
    status, body = page(running, "/nope")
    assert status == 404 and MARKER not in body
    (site / "404.html").write_bytes(MARKER.encode() + b"\0\0")
    status, body = page(running, "/nope")
    assert status == 404 and MARKER not in body


@pytest.mark.parametrize("switch", ["upload", "modify"])
def test_an_error_folder_reached_through_links_into_the_share_is_refused(
        share, tmp_path, switch):
    (share / "inbox").mkdir()
    outer = tmp_path / "outer"
    outer.mkdir()
    (outer / "pages").symlink_to(share / "inbox", target_is_directory=True)
    for folder in (outer / "pages", outer / "pages" / ".", outer / ".." / "share" / "inbox"):
        with pytest.raises(ErrorPagesRefused):
            ServerConfig(root=share, error_pages=folder, **{switch: True}).validated()


def test_a_template_linked_into_an_uploadable_share_is_not_used(server_factory, share, tmp_path):
    """The folder is outside, but its 404.html is a link to a file visitors can replace."""
    (share / "inbox").mkdir()
    (share / "inbox" / "page.html").write_text(f"<h1>{MARKER}</h1>", encoding="utf-8")
    pages = tmp_path / "pages"
    pages.mkdir()
    (pages / "404.html").symlink_to(share / "inbox" / "page.html")
    running = server_factory(share, upload=True, error_pages=pages)
    status, body = page(running, "/nope")
    assert status == 404 and MARKER not in body and "Not Found" in body


def test_an_error_folder_in_the_collect_share_is_refused(share, tmp_path):
    from server.collect import CollectConfig

    collect = CollectConfig("Hand-ins", None, tmp_path / "collect.json")
    with pytest.raises(ErrorPagesRefused):
        ServerConfig(root=share, error_pages=share / "docs", collect=collect).validated()


@pytest.mark.skipif(not hasattr(os, "mkfifo"), reason="named pipes")
def test_a_pipe_named_like_a_template_does_not_hang_the_answer(server_factory, share, tmp_path):
    pages = tmp_path / "pages"
    pages.mkdir()
    os.mkfifo(pages / "404.html")
    running = server_factory(share, error_pages=pages)
    status, body = page(running, "/nope")
    assert status == 404 and "Not Found" in body


def test_hostile_paths_and_languages_stay_text(server_factory, share, tmp_path):
    pages = tmp_path / "pages"
    pages.mkdir()
    (pages / "404.html").write_text("<title>{path}</title><a href=\"{path}\">{reason}</a>",
                                    encoding="utf-8")
    (pages / "secret.html").write_text(MARKER, encoding="utf-8")
    running = server_factory(share, error_pages=pages)
    status, body = page(running, "/%22%3E%3Cimg%20src=x%20onerror=alert(1)%3E")
    assert status == 404
    assert "<img" not in body and '"><' not in body
    assert "&quot;&gt;&lt;img src=x onerror=alert(1)&gt;" in body
    for language in ("../secret", "x/../../secret", "secret", "*", "4/../secret"):
        status, body = page(running, "/nope", {**HTML, "Accept-Language": language})
        assert status == 404 and MARKER not in body, language
