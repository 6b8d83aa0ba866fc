"""Share links served over real HTTP: file and folder links, the download name, listings under
the link's URL, expiry on an injected clock, the download limit (what counts), revocation
during a transfer, PINs (form, cookie, header, lock), drop boxes, restart, and the logs."""

from __future__ import annotations

import http.client
import json
import re
import socket
from collections.abc import Iterator
from pathlib import Path

import pytest

from server.auth import Authenticator
from server.clock import ManualClock
from server.config import ServerConfig
from server.engine import ServerEngine
from server.link_model import shorten_token
from server.link_pins import LOCK_SECONDS
from server.links import REFRESH_INTERVAL, Link, LinkStore
from server.records import RequestRecord
from server.users import UserStore
from tests.conftest import HUGE_SIZE, RunningServer, read_until_closed


class LinkServer(RunningServer):
    def __init__(self, engine: ServerEngine, records: list[RequestRecord]) -> None:
        super().__init__(engine, records)

    def ask(self, method: str, path: str, body: bytes = b"",
            headers: dict[str, str] | None = None) -> tuple[int, dict[str, str], bytes]:
        conn = http.client.HTTPConnection("127.0.0.1", self.port, timeout=10)
        try:
            conn.request(method, path, body=body, headers=headers or {})
            response = conn.getresponse()
            return response.status, {k.lower(): v for k, v in response.getheaders()}, \
                response.read()
        finally:
            conn.close()

    def downloads(self, link: Link) -> int:
        keeper = self.engine.links
        assert keeper is not None
        found = keeper.store.get(link.id)
        assert found is not None
        return found.downloads


@pytest.fixture
def owner(links_file: Path, clock: ManualClock) -> LinkStore:
    """The links as `pier link` (another process) makes them."""
    store = LinkStore(links_file, clock=clock)
    store.load()
    return store


@pytest.fixture
def serve(links_file: Path, clock: ManualClock) -> Iterator:
    started: list[ServerEngine] = []

    def start(root: Path, **options) -> LinkServer:
        records: list[RequestRecord] = []
        engine = ServerEngine(sink=records.append, clock=clock)
        engine.start(ServerConfig(root=root, port=options.pop("port", 0),
                                  links_file=links_file, **options))
        started.append(engine)
        return LinkServer(engine, records)

    yield start
    for engine in started:
        engine.stop()


def test_a_file_link_serves_the_file_with_its_name(share, owner, serve):
    link = owner.create(share / "hello.txt", "file")
    running = serve(share)
    for path in (link.url_path, link.url_path + "/hello.txt"):
        status, headers, body = running.ask("GET", path)
        assert (status, body) == (200, b"hello, world\n")
        assert 'filename="hello.txt"' in headers["content-disposition"]
    assert running.ask("GET", link.url_path + "/other.txt")[0] == 404
    assert running.ask("GET", link.url_path + "/hello.txt/x")[0] == 404


def test_a_folder_link_lists_under_the_link_url(share, owner, serve):
    (share / "docs" / "sub").mkdir()
    (share / "docs" / "sub" / "deep.txt").write_text("deep")
    link = owner.create(share / "docs", "folder")
    running = serve(share)
    status, headers, _ = running.ask("GET", link.url_path + "?sort=size")
    assert status == 301
    assert headers["location"] == link.url_path + "/?sort=size"
    status, _, page = running.ask("GET", link.url_path + "/")
    assert status == 200
    text = page.decode()
    assert f'href="{link.url_path}/notes.md"' in text
    assert f'href="{link.url_path}/sub/"' in text
    assert 'href="/docs/' not in text and 'href="/"' not in text  # nothing of the share's
    assert f'class="home" href="{link.url_path}/"' in text
    status, _, body = running.ask("GET", link.url_path + "/sub/?format=json")
    document = json.loads(body)
    assert document["path"] == "/sub/"
    assert document["entries"][0]["url"] == link.url_path + "/sub/deep.txt"
    assert running.ask("GET", link.url_path + "/sub/deep.txt")[2] == b"deep"
    status, headers, _ = running.ask("GET", link.url_path + "/sub")
    assert (status, headers["location"]) == (301, link.url_path + "/sub/")


def test_a_folder_link_zips_the_folder_and_a_selection(share, owner, serve):
    (share / "docs" / "more.txt").write_text("more")
    link = owner.create(share / "docs", "folder")
    running = serve(share)
    status, headers, whole = running.ask("GET", link.url_path + "/?format=zip")
    assert status == 200 and 'filename="docs.zip"' in headers["content-disposition"]
    assert b"notes.md" in whole and b"more.txt" in whole
    _, _, picked = running.ask("GET", link.url_path + "/?format=zip&name=more.txt")
    assert b"more.txt" in picked and b"notes.md" not in picked


def test_unknown_tokens_are_404_and_ended_links_410_saying_why(share, owner, serve, clock):
    expiring = owner.create(share / "hello.txt", "file", expires=clock.time() + 3600)
    revoked = owner.create(share / "hello.txt", "file")
    owner.revoke(revoked.id)
    running = serve(share)
    assert running.ask("GET", "/.well-known/pier/l/" + "A" * 43)[0] == 404
    assert running.ask("GET", expiring.url_path)[0] == 200
    status, _, page = running.ask("GET", revoked.url_path)
    assert status == 410 and b"Link revoked" in page
    clock.advance(3601)
    status, _, page = running.ask("GET", expiring.url_path)
    assert status == 410 and b"expired" in page
    status, _, body = running.ask("GET", expiring.url_path, headers={"Accept": "application/json"})
    assert status == 410 and json.loads(body)["status"] == 410


def test_only_a_download_to_the_last_byte_counts(share, owner, serve):
    size = (share / "big.bin").stat().st_size
    link = owner.create(share / "big.bin", "file", downloads_allowed=2)
    running = serve(share)
    assert running.ask("HEAD", link.url_path)[0] == 200
    assert running.ask("GET", link.url_path, headers={"Range": "bytes=0-99"})[0] == 206
    running.wait_for_records(2)
    assert running.downloads(link) == 0
    status, _, body = running.ask("GET", link.url_path, headers={"Range": f"bytes=100-{size - 1}"})
    assert (status, len(body)) == (206, size - 100)
    running.wait_for_records(3)
    assert running.downloads(link) == 1
    status, _, body = running.ask("GET", link.url_path)
    assert (status, len(body)) == (200, size)
    running.wait_for_records(4)
    assert running.downloads(link) == 2
    status, _, page = running.ask("GET", link.url_path)
    assert status == 410 and b"used up" in page.lower()


def test_a_link_made_by_the_cli_is_served_after_the_next_look(share, owner, serve, clock):
    running = serve(share)
    link = owner.create(share / "hello.txt", "file")
    clock.advance(REFRESH_INTERVAL)
    assert running.ask("GET", link.url_path)[0] == 200


def _start_download(running: LinkServer, path: str) -> tuple[socket.socket, int]:
    """A download begun and then left unread; (socket, body bytes received so far)."""
    sock = socket.create_connection(("127.0.0.1", running.port), timeout=10)
    sock.setsockopt(socket.SOL_SOCKET, socket.SO_RCVBUF, 64 * 1024)
    sock.sendall(f"GET {path} HTTP/1.1\r\nHost: localhost\r\n\r\n".encode())
    first = sock.recv(65536)
    assert first.startswith(b"HTTP/1.1 200")
    return sock, len(first) - first.index(b"\r\n\r\n") - 4


@pytest.mark.parametrize("by", ["cli", "window", "expiry"])
def test_revoking_a_link_cuts_its_transfer(share, huge, owner, serve, clock, by):
    link = owner.create(huge, "file", expires=clock.time() + 60)
    running = serve(share)
    sock, received = _start_download(running, link.url_path)
    keeper = running.engine.links
    assert keeper is not None
    try:
        if by == "cli":  # another process: seen at the share's next look at the file
            owner.revoke(link.id)
            clock.advance(REFRESH_INTERVAL)
            keeper.tick()  # that look, now (its thread's would race a fast loopback's reader)
        elif by == "expiry":
            clock.advance(61)
            keeper.tick()
        else:
            keeper.revoke(link.id)
        rest = read_until_closed(sock)  # the cut closes the connection
    finally:
        sock.close()
    assert received + len(rest) < HUGE_SIZE
    assert running.ask("GET", link.url_path)[0] == 410


def test_a_pin_is_asked_by_a_page_and_remembered_by_a_cookie(share, owner, serve):
    link = owner.create(share / "docs", "folder", pin="2468")
    running = serve(share)
    status, _, page = running.ask("GET", link.url_path + "/")
    assert status == 403 and b'name="pin"' in page and b"notes.md" not in page
    status, _, body = running.ask("GET", link.url_path + "/", headers={"Accept":
                                                                      "application/json"})
    assert status == 403 and "Pier-Link-Pin" in json.loads(body)["error"]
    form = {"Content-Type": "application/x-www-form-urlencoded"}
    status, _, page = running.ask("POST", link.url_path + "/?pin", b"pin=1357", form)
    assert status == 403 and b"not right" in page
    status, headers, _ = running.ask("POST", link.url_path + "/?pin", b"pin=2468", form)
    assert status == 303 and headers["location"] == link.url_path + "/"
    cookie = headers["set-cookie"]
    assert f"Path={link.url_path};" in cookie and "HttpOnly" in cookie
    assert "SameSite=Strict" in cookie and "Secure" not in cookie
    value = cookie.split(";")[0]
    status, _, page = running.ask("GET", link.url_path + "/", headers={"Cookie": value})
    assert status == 200 and b"notes.md" in page
    forged = value[:-4] + ("0000" if not value.endswith("0000") else "1111")
    assert running.ask("GET", link.url_path + "/", headers={"Cookie": forged})[0] == 403


def test_scripts_send_the_pin_in_a_header(share, owner, serve):
    link = owner.create(share / "hello.txt", "file", pin="2468")
    running = serve(share)
    assert running.ask("GET", link.url_path, headers={"Pier-Link-Pin": "2468"})[2] == \
        b"hello, world\n"
    assert running.ask("GET", link.url_path, headers={"Pier-Link-Pin": "0000"})[0] == 403


def test_ten_wrong_pins_lock_the_link(share, owner, serve, clock):
    link = owner.create(share / "hello.txt", "file", pin="2468")
    running = serve(share)
    store = running.engine.links.store
    wrong = 0
    for _ in range(40):  # 10 wrong PINs, waiting out the per-client throttle between them
        status, headers, _ = running.ask("GET", link.url_path,
                                         headers={"Pier-Link-Pin": "0000"})
        wrong += status == 403
        if store.state(store.get(link.id)) == "locked":
            break
        if status == 429:
            clock.advance(int(headers["retry-after"]))
    assert store.state(store.get(link.id)) == "locked"
    assert wrong == 9  # the tenth wrong PIN is answered with the lock
    status, headers, page = running.ask("GET", link.url_path, headers={"Pier-Link-Pin": "2468"})
    assert status == 429 and int(headers["retry-after"]) > 60 and b"try again" in page
    clock.advance(LOCK_SECONDS + 1)
    assert running.ask("GET", link.url_path, headers={"Pier-Link-Pin": "2468"})[0] == 200


def test_a_link_works_without_an_account_on_a_login_share(share, owner, serve,
                                                           private_config_dir):
    users = UserStore(private_config_dir / "users.toml")
    users.load()
    auth = Authenticator(users, "Pier - share", clock=ManualClock())
    users.add("ana", "pa:ss wörd")
    link = owner.create(share / "docs", "folder")
    running = serve(share, auth=auth)
    assert running.ask("GET", link.url_path + "/notes.md")[2] == b"# notes\n"
    assert running.ask("GET", "/docs/notes.md")[0] == 401
    assert running.ask("GET", "/hello.txt")[0] == 401


def test_a_drop_box_takes_new_names_and_never_replaces(share, owner, serve):
    link = owner.create(share / "docs", "folder", upload=True)
    running = serve(share)
    origin = {"Origin": f"http://127.0.0.1:{running.port}"}
    boundary = "pierlinkboundary"
    form = (f"--{boundary}\r\nContent-Disposition: form-data; name=\"file\"; "
            f"filename=\"notes.md\"\r\nContent-Type: text/plain\r\n\r\nmine\r\n"
            f"--{boundary}--\r\n").encode()
    status, headers, _ = running.ask(
        "POST", link.url_path + "/", form,
        {**origin, "Content-Type": f"multipart/form-data; boundary={boundary}",
         "Accept": "application/json"})
    assert status == 201 and headers["location"].startswith(link.url_path + "/")
    assert (share / "docs" / "notes.md").read_text() == "# notes\n"
    assert (share / "docs" / "notes (1).md").read_text() == "mine"
    assert running.ask("PUT", link.url_path + "/new.txt", b"new", origin)[0] == 201
    assert (share / "docs" / "new.txt").read_bytes() == b"new"
    assert running.ask("PUT", link.url_path + "/notes.md", b"over", origin)[0] in (403, 409)
    assert (share / "docs" / "notes.md").read_text() == "# notes\n"
    assert running.ask("POST", link.url_path + "/?mkdir=inbox", b"", origin)[0] == 201
    assert (share / "docs" / "inbox").is_dir()


def test_a_link_without_uploads_refuses_them(share, owner, serve):
    link = owner.create(share / "docs", "folder")
    running = serve(share, upload=True)
    origin = {"Origin": f"http://127.0.0.1:{running.port}"}
    assert running.ask("PUT", link.url_path + "/new.txt", b"new", origin)[0] == 403
    assert running.ask("POST", link.url_path + "/?mkdir=inbox", b"", origin)[0] == 403
    assert not (share / "docs" / "new.txt").exists()
    assert not (share / "docs" / "inbox").exists()


def test_links_and_their_counts_survive_a_restart(share, owner, serve):
    link = owner.create(share / "hello.txt", "file", downloads_allowed=5)
    first = serve(share)
    assert first.ask("GET", link.url_path)[0] == 200
    first.wait_for_records(1)
    port = first.port
    first.engine.stop()
    second = serve(share, port=port)
    assert second.ask("GET", link.url_path)[0] == 200
    second.wait_for_records(1)
    assert second.downloads(link) == 2


def test_the_logs_show_the_token_shortened(share, owner, serve, tmp_path):
    link = owner.create(share / "docs", "folder")
    log = tmp_path / "access.log"
    running = serve(share, access_log=log)
    referer = f"http://127.0.0.1:{running.port}{link.url_path}/"
    running.ask("GET", link.url_path + "/notes.md", headers={"Referer": referer})
    records = running.wait_for_records(1)
    running.engine.stop()
    written = log.read_text(encoding="utf-8")
    short = shorten_token(link.token)
    assert link.token not in written and short in written
    assert records[0].path.startswith("/.well-known/pier/l/" + short)
    assert link.token not in records[0].referer and short in records[0].referer
    assert not re.search(re.escape(link.token[:12]), written)


def test_a_drop_box_page_offers_a_form_upload_and_a_plain_link_none(share, owner, serve):
    box = owner.create(share / "docs", "folder", upload=True)
    plain = owner.create(share / "docs", "folder")
    running = serve(share, upload=True)
    _, _, page = running.ask("GET", box.url_path + "/")
    text = page.decode()
    assert f'id="upload-form" method="post" action="{box.url_path}/"' in text
    assert "tus.min.js" not in text and "uploads.js" in text
    _, _, page = running.ask("GET", plain.url_path + "/")
    assert b"upload-form" not in page and b"uploads.js" not in page


def test_thumbnails_come_through_a_folder_link(share, owner, serve):
    link = owner.create(share / "docs", "folder")
    running = serve(share)
    status, headers, _ = running.ask("GET", link.url_path + "/notes.md?thumb")
    assert status == 200 and headers["content-type"].startswith("image/")
    running.wait_for_records(1)
    assert running.downloads(link) == 0  # a thumbnail is not a download


def test_revoking_a_drop_box_cuts_an_upload_under_way(share, owner, serve):
    link = owner.create(share / "docs", "folder", upload=True)
    running = serve(share)
    size = 64 * 1024 * 1024
    sock = socket.create_connection(("127.0.0.1", running.port), timeout=10)
    try:
        sock.sendall(f"PUT {link.url_path}/big.bin HTTP/1.1\r\nHost: localhost\r\n"
                     f"Content-Length: {size}\r\n\r\n".encode() + b"x" * 65536)
        keeper = running.engine.links
        assert keeper is not None
        transfers = running.engine.control.transfers
        for _ in range(1000):  # the server reads the body on a worker: wait for its upload
            if transfers():
                break
            sock.sendall(b"x" * 4096)
        assert [t.direction for t in transfers()] == ["up"]
        assert keeper.revoke(link.id) == 1
        answer = read_until_closed(sock)
    finally:
        sock.close()
    assert not answer.startswith(b"HTTP/1.1 201")
    running.wait_for_records(1)
    assert not (share / "docs" / "big.bin").exists()
