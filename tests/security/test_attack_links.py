"""Hostile use of share links: a folder link's holder tries to reach a sibling (``..``, encoded
dots and slashes, symlinks, a look-alike name, case), Pier's own files, the rest of a login
share, uploads outside a drop box or over existing files, and other links' tokens and PINs."""

from __future__ import annotations

import http.client
import json
import socket
from collections.abc import Iterator
from pathlib import Path

import pytest

from server.config import ServerConfig
from server.engine import ServerEngine
from server.links import LinkStore
from server.routes_links import pin_cookie
from tests.conftest import read_until_closed


@pytest.fixture
def tree(tmp_path: Path) -> Path:
    root = tmp_path / "share"
    (root / "docs" / "inner").mkdir(parents=True)
    (root / "docs" / "given.txt").write_text("given")
    (root / "docs" / "inner" / "deep.txt").write_text("deep")
    (root / "docs2").mkdir()
    (root / "docs2" / "lookalike.txt").write_text("LOOKALIKE")
    (root / "private").mkdir()
    (root / "private" / "secret.txt").write_text("SECRET")
    (root / "top.txt").write_text("TOP")
    (root / "pierconf").mkdir()  # Pier's config folder, inside the share
    return root


@pytest.fixture
def links(tree: Path) -> LinkStore:
    store = LinkStore(tree / "pierconf" / "links.toml")
    store.load()
    return store


@pytest.fixture
def start(tree: Path) -> Iterator:
    engines: list[ServerEngine] = []

    def run(**options) -> int:
        engine = ServerEngine()
        engine.start(ServerConfig(root=tree, port=0, links_file=tree / "pierconf" / "links.toml",
                                  protected_paths=(tree / "pierconf",), **options))
        engines.append(engine)
        return engine.port

    yield run
    for engine in engines:
        engine.stop()


def ask(port: int, method: str, path: str, body: bytes = b"",
        headers: dict[str, str] | None = None) -> tuple[int, bytes]:
    conn = http.client.HTTPConnection("127.0.0.1", port, timeout=10)
    try:
        conn.putrequest(method, path, skip_accept_encoding=True)  # the path exactly as given
        for name, value in (headers or {}).items():
            conn.putheader(name, value)
        conn.putheader("Content-Length", str(len(body)))
        conn.endheaders(body)
        response = conn.getresponse()
        return response.status, response.read()
    finally:
        conn.close()


SECRETS = (b"SECRET", b"TOP", b"LOOKALIKE")


@pytest.mark.parametrize("tail", [
    "/../top.txt", "/../private/secret.txt", "/%2e%2e/top.txt", "/%2E%2E/private/secret.txt",
    "/..%2ftop.txt", "/..%2Fprivate%2Fsecret.txt", "/inner/../../top.txt",
    "/%2e%2e%2fdocs2%2flookalike.txt", "/../docs2/lookalike.txt", "/..\\top.txt",
    "/..%5ctop.txt", "/%252e%252e/top.txt", "/../DOCS2/lookalike.txt",
])
def test_a_folder_link_cannot_reach_a_sibling(tree, links, start, tail):
    link = links.create(tree / "docs", "folder")
    port = start()
    status, body = ask(port, "GET", link.url_path + tail)
    assert status in (400, 404)
    assert not any(secret in body for secret in SECRETS)


def test_symlinks_out_of_a_linked_folder_lead_nowhere(tree, links, start):
    (tree / "docs" / "to-secret.txt").symlink_to(tree / "private" / "secret.txt")
    (tree / "docs" / "to-private").symlink_to(tree / "private")
    (tree / "docs" / "to-inner").symlink_to(tree / "docs" / "inner")
    link = links.create(tree / "docs", "folder")
    port = start()
    status, page = ask(port, "GET", link.url_path + "/")
    assert status == 200 and b"given.txt" in page
    assert b"to-secret" not in page and b"to-private" not in page
    for tail in ("/to-secret.txt", "/to-private/", "/to-private/secret.txt"):
        status, body = ask(port, "GET", link.url_path + tail)
        assert status == 404 and b"SECRET" not in body
    _, zipped = ask(port, "GET", link.url_path + "/?format=zip")
    assert b"SECRET" not in zipped and b"secret.txt" not in zipped


def test_a_link_to_a_symlink_that_leads_out_of_the_share_serves_nothing(tree, links, start,
                                                                         tmp_path):
    outside = tmp_path / "outside.txt"
    outside.write_text("OUTSIDE")
    (tree / "docs" / "out.txt").symlink_to(outside)
    link = links.create(tree / "docs" / "out.txt", "file")
    port = start()
    status, body = ask(port, "GET", link.url_path)
    assert status == 404 and b"OUTSIDE" not in body


def test_a_file_link_is_that_file_only(tree, links, start):
    link = links.create(tree / "docs" / "given.txt", "file")
    port = start()
    for tail in ("/../inner/deep.txt", "/given.txt/../inner/deep.txt", "/inner/deep.txt",
                 "/GIVEN.TXT", "/"):
        status, body = ask(port, "GET", link.url_path + tail)
        assert body in (b"given", b"") or status in (400, 404)
        assert b"deep" not in body
    assert ask(port, "GET", link.url_path + "/GIVEN.TXT")[0] == 404


def test_a_token_changed_in_case_or_encoded_opens_nothing(tree, links, start):
    link = links.create(tree / "docs", "folder")
    port = start()
    token = link.token
    assert ask(port, "GET", link.url_path + "/given.txt")[0] == 200
    for changed in (token.swapcase(), token[:-1], token + "A",
                    "".join(f"%{ord(c):02X}" for c in token)):
        status, body = ask(port, "GET", f"/.well-known/pier/l/{changed}/given.txt")
        assert status == 404 and body.find(b"given") == -1
    assert ask(port, "GET", f"/.well-known/pier/L/{token}/given.txt")[0] == 404


def test_pier_own_files_stay_out_of_a_link_of_the_whole_share(tree, links, start):
    link = links.create(tree, "folder")
    port = start()
    status, page = ask(port, "GET", link.url_path + "/")
    assert status == 200 and b"top.txt" in page and b"pierconf" not in page
    for tail in ("/pierconf/links.toml", "/pierconf/", "/PIERCONF/links.toml"):
        status, body = ask(port, "GET", link.url_path + tail)
        assert status == 404 and link.token.encode() not in body
    own = links.create(tree / "pierconf" / "links.toml", "file")
    status, body = ask(port, "GET", own.url_path)
    assert status == 404 and link.token.encode() not in body


def test_a_link_opens_nothing_else_of_a_login_share(tree, links, start, private_config_dir):
    from server.auth import Authenticator
    from server.clock import ManualClock
    from server.users import UserStore

    users = UserStore(private_config_dir / "users.toml")
    users.load()
    auth = Authenticator(users, "Pier - share", clock=ManualClock())
    users.add("ana", "pa:ss wörd")
    link = links.create(tree / "docs", "folder", upload=True)
    port = start(auth=auth, upload=True)
    assert ask(port, "GET", link.url_path + "/given.txt") == (200, b"given")
    for path in ("/private/secret.txt", "/top.txt", "/docs/given.txt", "/"):
        assert ask(port, "GET", path)[0] == 401
    origin = {"Origin": f"http://127.0.0.1:{port}"}
    assert ask(port, "PUT", "/private/dropped.txt", b"x", origin)[0] == 401
    assert not (tree / "private" / "dropped.txt").exists()


def test_a_drop_box_writes_only_new_names_inside_itself(tree, links, start):
    link = links.create(tree / "docs", "folder", upload=True)
    port = start()
    origin = {"Origin": f"http://127.0.0.1:{port}"}
    for tail in ("/../escaped.txt", "/%2e%2e/escaped.txt", "/..%2fescaped.txt"):
        assert ask(port, "PUT", link.url_path + tail, b"x", origin)[0] in (400, 403, 404)
    assert not (tree / "escaped.txt").exists()
    assert ask(port, "PUT", link.url_path + "/given.txt", b"over", origin)[0] in (403, 409)
    assert (tree / "docs" / "given.txt").read_text() == "given"
    ask(port, "POST", link.url_path + "/?mkdir=../escaped", b"", origin)  # a name, cleaned
    assert not (tree / "escaped").exists()
    for method in ("DELETE", "MOVE", "PROPFIND", "MKCOL"):
        assert ask(port, method, link.url_path + "/given.txt")[0] == 405
    assert (tree / "docs" / "given.txt").read_text() == "given"


def test_a_pin_cookie_opens_only_its_own_link(tree, links, start):
    first = links.create(tree / "docs", "folder", pin="2468")
    second = links.create(tree / "private", "folder", pin="2468")
    port = start()
    cookie = {"Cookie": f"pier-link={pin_cookie(first)}"}
    assert ask(port, "GET", first.url_path + "/given.txt", headers=cookie) == (200, b"given")
    status, body = ask(port, "GET", second.url_path + "/secret.txt", headers=cookie)
    assert status == 403 and b"SECRET" not in body


def test_a_pin_form_is_small_and_may_come_in_pieces(tree, links, start):
    link = links.create(tree / "docs", "folder", pin="2468")
    port = start()
    form = {"Content-Type": "application/x-www-form-urlencoded"}
    status, _ = ask(port, "POST", link.url_path + "/?pin", b"pin=" + b"9" * 10_000, form)
    assert status == 413
    with socket.create_connection(("127.0.0.1", port), timeout=10) as sock:
        sock.sendall(f"POST {link.url_path}/?pin HTTP/1.1\r\nHost: localhost\r\n"
                     "Content-Type: application/x-www-form-urlencoded\r\n"
                     "Content-Length: 8\r\nConnection: close\r\n\r\npin=".encode())
        sock.sendall(b"2468")
        answer = read_until_closed(sock)
    assert answer.startswith(b"HTTP/1.1 303") and b"Set-Cookie: pier-link=" in answer


def test_a_search_through_a_folder_link_finds_nothing_outside_it(tree, links, start):
    (tree / "docs" / "secret-here.txt").write_text("inside")
    (tree / "docs" / "to-private").symlink_to(tree / "private")
    (tree / "docs" / "to-secret.txt").symlink_to(tree / "private" / "secret.txt")
    link = links.create(tree / "docs", "folder")
    file_link = links.create(tree / "docs" / "given.txt", "file")
    port = start()
    for target in ("/?q=secret&format=json", "/?q=secret", "/inner/?q=secret&format=json",
                   "/../?q=secret&format=json", "/%2e%2e/?q=secret", "/to-private/?q=secret"):
        status, body = ask(port, "GET", link.url_path + target)
        assert b"/private/" not in body and b"lookalike" not in body
        if status == 200 and b"secret-here" in body:
            assert b'"/docs/' not in body and b'href="/docs/' not in body
    status, body = ask(port, "GET", link.url_path + "/?q=secret&format=json")
    urls = [entry["url"] for entry in json.loads(body)["entries"]]
    assert status == 200 and urls == [link.url_path + "/secret-here.txt"]
    status, body = ask(port, "GET", file_link.url_path + "?q=secret&format=json")
    assert (status, body) == (200, b"given")  # a file link is the file, whatever it asks
