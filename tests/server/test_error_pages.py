"""Custom error pages (--error-pages DIR, website mode's 404.html), over real HTTP."""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path

import pytest

from server.auth import Authenticator
from server.config import ErrorPagesRefused, ServerConfig
from server.error_pages import MAX_TEMPLATE, fill, language_tags, template_names
from server.users import HashParams, PasswordHasher, UserStore

FAST = HashParams(argon2_memory_kib=64, argon2_iterations=1, scrypt_log2_n=10)
HTML = {"Accept": "text/html"}
JSON_ACCEPT = {"Accept": "application/json"}


@pytest.fixture
def pages(tmp_path: Path) -> Path:
    folder = tmp_path / "errors"
    folder.mkdir()
    for status in (401, 403, 404, 405, 500):
        (folder / f"{status}.html").write_text(
            f"<h1>OWN-{status} {{status}} {{reason}}</h1><p>{{path}}</p>", encoding="utf-8")
    return folder


def get(running, path: str, headers: dict[str, str] | None = None, method: str = "GET"):
    response, body = running.get(path, headers={**HTML, **(headers or {})}, method=method)
    return response, body.decode("utf-8", "replace")


def test_each_status_uses_its_template(server_factory, share, pages):
    running = server_factory(share, error_pages=pages)
    response, body = get(running, "/missing.txt")
    assert response.status == 404
    assert body == "<h1>OWN-404 404 Not Found</h1><p>/missing.txt</p>"
    assert response.getheader("Content-Type") == "text/html; charset=utf-8"
    assert response.getheader("Cache-Control") == "no-store"
    assert "Accept-Language" in response.getheader("Vary", "")
    response, body = get(running, "/hello.txt", method="PATCH")  # read-only share
    assert response.status == 405 and body.startswith("<h1>OWN-405 405 Method Not Allowed")
    assert response.getheader("Allow")  # the error's own headers are kept
    response, body = get(running, "/hello.txt", method="DELETE")
    assert response.status == 403 and body.startswith("<h1>OWN-403 403 Forbidden")


def test_a_status_without_a_template_gets_pier_s_page(server_factory, share, pages):
    (pages / "404.html").unlink()
    running = server_factory(share, error_pages=pages)
    response, body = get(running, "/missing.txt")
    assert response.status == 404 and "OWN-" not in body and "Not Found" in body


def test_401_keeps_its_challenge(server_factory, share, pages, private_config_dir):
    store = UserStore(private_config_dir / "users.toml", hasher=PasswordHasher(FAST))
    store.load()
    store.add("ann", "ann-pw")
    running = server_factory(share, error_pages=pages, auth=Authenticator(store, "Pier"))
    response, body = get(running, "/hello.txt")
    assert response.status == 401 and body.startswith("<h1>OWN-401 401 Unauthorized")
    assert response.getheader("WWW-Authenticate")


def test_json_clients_keep_the_json_error(server_factory, share, pages):
    running = server_factory(share, error_pages=pages)
    for headers, path in ((JSON_ACCEPT, "/missing.txt"), ({}, "/missing.txt?format=json")):
        response, body = running.get(path, headers=headers)
        assert response.status == 404
        assert response.getheader("Content-Type").startswith("application/json")
        assert json.loads(body)["status"] == 404 and b"OWN-" not in body


def test_a_hostile_path_is_escaped(server_factory, share, pages):
    running = server_factory(share, error_pages=pages)
    response, body = get(running, "/%3Cscript%3Ealert(1)%3C/script%3E%22'&x")
    assert response.status == 404
    assert "<script>" not in body
    assert "&lt;script&gt;alert(1)&lt;/script&gt;&quot;&#x27;&amp;x" in body
    assert "script-src 'self'" in response.getheader("Content-Security-Policy")


def test_other_braces_render_literally(server_factory, share, pages):
    (pages / "404.html").write_text("{other} {0} {{status}} {status {} {path!r} {status}",
                                    encoding="utf-8")
    running = server_factory(share, error_pages=pages)
    response, body = get(running, "/x")
    assert response.status == 404
    assert body == "{other} {0} {404} {status {} {path!r} 404"


@pytest.mark.parametrize("content", [
    b"x" * (MAX_TEMPLATE + 1),  # oversized
    b"<h1>OWN-\x00\x01\x02</h1>",  # binary
    b"<h1>OWN-\xff\xfe broken</h1>",  # not UTF-8
])
def test_an_unusable_template_falls_back(server_factory, share, pages, content):
    (pages / "404.html").write_bytes(content)
    running = server_factory(share, error_pages=pages)
    response, body = get(running, "/missing")
    assert response.status == 404 and "OWN-" not in body and "Not Found" in body
    assert "x" * 1000 not in body


@pytest.mark.skipif(os.name != "posix" or os.geteuid() == 0, reason="needs a non-root POSIX user")
def test_an_unreadable_template_falls_back(server_factory, share, pages):
    (pages / "404.html").chmod(0)
    running = server_factory(share, error_pages=pages)
    try:
        response, body = get(running, "/missing")
        assert response.status == 404 and "OWN-" not in body and "Not Found" in body
    finally:
        (pages / "404.html").chmod(0o644)


def test_a_folder_named_like_a_template_falls_back(server_factory, share, pages):
    (pages / "404.html").unlink()
    (pages / "404.html").mkdir()
    running = server_factory(share, error_pages=pages)
    response, body = get(running, "/missing")
    assert response.status == 404 and "OWN-" not in body and "Not Found" in body


def test_a_changed_template_is_read_again(server_factory, share, pages):
    running = server_factory(share, error_pages=pages)
    assert "OWN-404" in get(running, "/a")[1]
    (pages / "404.html").write_text("<p>SECOND VERSION, much longer than the first</p>",
                                    encoding="utf-8")
    assert get(running, "/a")[1] == "<p>SECOND VERSION, much longer than the first</p>"
    (pages / "404.html").unlink()
    assert "OWN-" not in get(running, "/a")[1]


def test_the_request_s_language_picks_the_file(server_factory, share, pages):
    (pages / "404.de.html").write_text("<p>Nicht gefunden: {path}</p>", encoding="utf-8")
    (pages / "404.fr-ca.html").write_text("<p>Introuvable (CA)</p>", encoding="utf-8")
    running = server_factory(share, error_pages=pages)
    assert get(running, "/x", {"Accept-Language": "de-CH, en;q=0.5"})[1] == \
        "<p>Nicht gefunden: /x</p>"
    assert get(running, "/x", {"Accept-Language": "fr-CA"})[1] == "<p>Introuvable (CA)</p>"
    assert "OWN-404" in get(running, "/x", {"Accept-Language": "es, de;q=0"})[1]
    assert "OWN-404" in get(running, "/x", {"Accept-Language": "../../etc"})[1]


def test_website_mode_uses_the_share_s_404(server_factory, share, pages):
    (share / "404.html").write_text("<h1>SITE {status}</h1><script>site()</script>{path}",
                                    encoding="utf-8")
    running = server_factory(share, website_mode=True, error_pages=pages)
    response, body = get(running, "/nope/%3Cb%3E")
    assert response.status == 404
    assert body == "<h1>SITE 404</h1><script>site()</script>/nope/&lt;b&gt;"
    assert response.getheader("Content-Security-Policy") is None  # as the site's pages
    response, body = get(running, "/hello.txt", method="PATCH")
    assert response.status == 405 and "OWN-405" in body  # other statuses: the folder's
    response, body = running.get("/nope", headers=JSON_ACCEPT)
    assert response.status == 404 and json.loads(body)["status"] == 404


def test_website_mode_without_a_404_html_keeps_pier_s_page(server_factory, share):
    running = server_factory(share, website_mode=True)
    response, body = get(running, "/nope")
    assert response.status == 404 and "Not Found" in body


def test_the_share_s_404_is_ignored_outside_website_mode(server_factory, share):
    (share / "404.html").write_text("<h1>SITE</h1>", encoding="utf-8")
    running = server_factory(share)
    assert "SITE" not in get(running, "/nope")[1]


@pytest.mark.parametrize("switch", ["upload", "modify"])
def test_a_folder_inside_a_share_that_accepts_changes_is_refused(share, switch):
    inside = share / "docs"
    with pytest.raises(ErrorPagesRefused, match="inside the shared folder"):
        ServerConfig(root=share, error_pages=inside, **{switch: True}).validated()
    with pytest.raises(ErrorPagesRefused):
        ServerConfig(root=share, error_pages=share, **{switch: True}).validated()
    # read-only: the templates are the owner's files there too, nobody can replace them
    assert ServerConfig(root=share, error_pages=inside).validated().error_pages == inside


def test_a_link_to_a_folder_inside_the_share_is_refused(share, tmp_path):
    link = tmp_path / "looks-outside"
    link.symlink_to(share / "docs", target_is_directory=True)
    with pytest.raises(ErrorPagesRefused):
        ServerConfig(root=share, error_pages=link, upload=True).validated()


def test_a_missing_folder_is_refused(share, tmp_path):
    with pytest.raises(ErrorPagesRefused, match="does not exist"):
        ServerConfig(root=share, error_pages=tmp_path / "nope").validated()


def test_the_cli_refuses_with_exit_2(share, tmp_path):
    done = subprocess.run(
        [sys.executable, "-m", "server.cli", "serve", str(share), "--port", "0", "--upload",
         "--error-pages", str(share / "docs")],
        capture_output=True, text=True, timeout=60,
        env={"PIER_CONFIG_DIR": str(tmp_path / "cfg"), "PATH": "/usr/bin:/bin",
             "HOME": str(tmp_path)})
    assert done.returncode == 2, done.stderr
    assert "inside the shared folder" in done.stderr and "Traceback" not in done.stderr


def test_fill_and_names() -> None:
    assert fill("{status}{reason}{path}", 403, "A&B", "<p>") == b"403A&amp;B&lt;p&gt;"
    assert language_tags("de-CH;q=0.9, fr;q=1, *;q=0.5, x y, en;q=0") == ["fr", "de-ch", "de"]
    assert template_names(404, ["de"]) == ["404.de.html", "404.html"]
