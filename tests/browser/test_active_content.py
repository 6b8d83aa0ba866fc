"""Finding 3 of issue 13, stored XSS through uploads, checked in headless Chromium: a page one
account uploads cannot act with the login of the next person who opens it (no reading, no
writing), while an uploaded PDF and video still open in the browser. Website mode, which the
owner chooses on purpose, runs the same page on the share's origin.

data/blue-160x120.webm is one second of a plain blue 160x120 picture (VP8, 555 bytes), made with
ffmpeg -f lavfi -i color=c=0x3366cc:size=160x120:rate=2:duration=1 -c:v libvpx -an
-fflags +bitexact -flags +bitexact -map_metadata -1."""

from __future__ import annotations

import base64
import http.client
from pathlib import Path
from types import SimpleNamespace

import pytest

from tests.browser.conftest import basic_auth_header, browser_missing, wait_until

_MISSING = browser_missing()
if _MISSING:
    pytest.skip(f"browser tests skipped: {_MISSING}", allow_module_level=True)

from selenium.webdriver.common.by import By  # noqa: E402

VIDEO = Path(__file__).parent / "data" / "blue-160x120.webm"
PDF_VIEWER = "chrome-extension://mhjfbmdgcfjbbpaeojofohoefgiehjai/"  # Chromium's built-in viewer
SECRET = "the victim's private note"
MALLORY = ("mallory", "mallory's password")
VICTIM = ("victim", "victim's password")

# What the attacker uploads: everything it does is visible on the page or on disk.
INVITATION = b"""<!doctype html>
<html><head><title>invitation</title></head><body>
<h1>Party invitation</h1>
<p id="out">nothing read</p>
<img src="/public/missing.png" onerror="document.body.dataset.handler = 'ran'">
<script>
document.title = "script ran";
const out = document.getElementById("out");
fetch("/private/secret.txt").then(r => r.text()).then(t => { out.textContent = "read: " + t; });
const form = new FormData();
form.append("file", new Blob(["pwned"]), "posted.txt");
fetch("/private/", {method: "POST", body: form})
  .then(r => { document.body.dataset.posted = r.status; });
fetch("/private/put.txt", {method: "PUT", body: "pwned"})
  .then(r => { document.body.dataset.put = r.status; });
</script>
</body></html>
"""

# Run by WebDriver inside the opened page, as a script that got past the sandbox would be: its
# origin, and what a read and two writes (a PUT, and a POST that needs no CORS preflight) gave.
ATTEMPTS = """
const done = arguments[arguments.length - 1];
const form = new FormData();
form.append("file", new Blob(["pwned"]), "posted.txt");
const outcome = (request) => request.then(
  async (r) => `${r.type} ${r.status} ${JSON.stringify(await r.text())}`,
  (e) => "failed: " + e.name);
Promise.all([
  outcome(fetch("/private/secret.txt")),
  outcome(fetch("/private/secret.txt", {mode: "no-cors"})),
  outcome(fetch("/private/put.txt", {method: "PUT", body: "pwned"})),
  outcome(fetch("/private/", {method: "POST", body: form, mode: "no-cors"})),
]).then(([read, readNoCors, put, post]) => done({
  origin: self.origin, read, readNoCors, put, post}));
"""


def tiny_pdf(text: str) -> bytes:
    """A valid one-page PDF showing ``text`` (ASCII, no parentheses or backslashes)."""
    stream = f"BT /F1 24 Tf 40 100 Td ({text}) Tj ET".encode("ascii")
    objects = [
        b"<< /Type /Catalog /Pages 2 0 R >>",
        b"<< /Type /Pages /Kids [3 0 R] /Count 1 >>",
        b"<< /Type /Page /Parent 2 0 R /MediaBox [0 0 300 200] /Contents 4 0 R"
        b" /Resources << /Font << /F1 5 0 R >> >> >>",
        b"<< /Length %d >>\nstream\n%b\nendstream" % (len(stream), stream),
        b"<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica >>",
    ]
    out = bytearray(b"%PDF-1.4\n")
    offsets = []
    for number, body in enumerate(objects, 1):
        offsets.append(len(out))
        out += b"%d 0 obj\n%b\nendobj\n" % (number, body)
    xref = len(out)
    out += b"xref\n0 %d\n0000000000 65535 f \n" % (len(objects) + 1)
    for offset in offsets:
        out += b"%010d 00000 n \n" % offset
    out += b"trailer\n<< /Size %d /Root 1 0 R >>\nstartxref\n%d\n%%%%EOF\n" % (
        len(objects) + 1, xref)
    return bytes(out)


@pytest.fixture
def two_accounts(server_factory, tmp_path: Path, private_config_dir: Path):
    """A share with logins and uploads. mallory may write only in /public; /private holds the
    victim's note, and only the victim may read or write there."""
    from server.auth import Authenticator
    from server.users import UserStore

    def make(**options: object) -> SimpleNamespace:
        root = tmp_path / "share"
        (root / "public").mkdir(parents=True)
        (root / "private").mkdir()
        (root / "private" / "secret.txt").write_text(SECRET, encoding="utf-8")
        users = UserStore(private_config_dir / "users.toml")
        users.load()
        users.add(MALLORY[0], MALLORY[1], can_upload=True, folders=["/public"])
        users.add(VICTIM[0], VICTIM[1], can_upload=True)
        running = server_factory(root, auth=Authenticator(users, "Pier - test"), upload=True,
                                 **options)
        return SimpleNamespace(root=root, running=running)

    return make


def put(port: int, path: str, body: bytes, account: tuple[str, str]) -> int:
    """Upload ``body`` over real HTTP as ``account``; the status."""
    token = base64.b64encode(f"{account[0]}:{account[1]}".encode()).decode("ascii")
    conn = http.client.HTTPConnection("127.0.0.1", port, timeout=10)
    try:
        conn.request("PUT", path, body=body, headers={"Authorization": f"Basic {token}"})
        response = conn.getresponse()
        response.read()
        return response.status
    finally:
        conn.close()


def open_as_victim(page, port: int, path: str) -> None:
    """Open ``path`` with the victim's login sent on every request, as a saved login is."""
    page.execute_cdp_cmd("Network.enable", {})
    page.execute_cdp_cmd("Network.setExtraHTTPHeaders", {"headers": basic_auth_header(*VICTIM)})
    page.get(f"http://127.0.0.1:{port}{path}")


def written_by_the_page(root: Path) -> list[str]:
    return sorted(p.name for p in (root / "private").iterdir() if p.name != "secret.txt")


def test_finding3_uploaded_page_can_neither_read_nor_write_the_share(page, two_accounts):
    share = two_accounts()
    port = share.running.port
    assert put(port, "/private/invitation.html", INVITATION, MALLORY) in (403, 404)
    assert put(port, "/public/invitation.html", INVITATION, MALLORY) == 201

    open_as_victim(page, port, "/public/invitation.html")  # returns after the load event
    # The page opens, as an inert page: its text shows, and neither its script nor its event
    # handler ran (both would have left their mark before the load event).
    assert page.find_element(By.TAG_NAME, "h1").text == "Party invitation"
    assert page.title == "invitation"
    assert page.find_element(By.ID, "out").text == "nothing read"
    assert page.execute_script("return Object.keys(document.body.dataset)") == []

    # Even a script that did run there would have an opaque origin: it cannot read the share,
    # and the share refuses its writes.
    seen = page.execute_async_script(ATTEMPTS)
    assert seen["origin"] == "null"
    assert seen["read"] == "failed: TypeError"  # cross-origin, no CORS: nothing readable
    assert seen["readNoCors"] == 'opaque 0 ""'
    assert SECRET not in str(seen)
    assert seen["put"] == "failed: TypeError"  # its CORS preflight is not granted
    assert seen["post"] == 'opaque 0 ""'  # sent, answered, refused: Origin is "null"
    assert written_by_the_page(share.root) == []
    assert sorted(p.name for p in (share.root / "public").iterdir()) == ["invitation.html"]


def test_finding3_website_mode_runs_the_same_page_as_the_owner_chose(page, two_accounts):
    """The check above is not vacuous: where the owner turned website mode on, the very same
    page runs on the share's origin and acts with the victim's login."""
    share = two_accounts(website_mode=True)
    port = share.running.port
    assert put(port, "/public/invitation.html", INVITATION, MALLORY) == 201
    open_as_victim(page, port, "/public/invitation.html")
    assert page.title == "script ran"
    assert page.execute_script("return document.body.dataset.handler") == "ran"
    out = page.find_element(By.ID, "out")
    wait_until(page, lambda d: out.text == "read: " + SECRET, "the page did not read the note")
    wait_until(page, lambda d: d.execute_script(
        "return [document.body.dataset.posted, document.body.dataset.put]") == ["201", "201"],
        "the page's uploads did not finish")
    assert written_by_the_page(share.root) == ["posted.txt", "put.txt"]


def test_finding3_uploaded_pdf_and_video_still_open_in_the_browser(page, two_accounts,
                                                                   tmp_path: Path):
    share = two_accounts()
    port = share.running.port
    assert put(port, "/public/paper.pdf", tiny_pdf("Pier PDF test"), MALLORY) == 201
    assert put(port, "/public/clip.webm", VIDEO.read_bytes(), MALLORY) == 201
    downloads = tmp_path / "downloads"
    downloads.mkdir()
    page.execute_cdp_cmd("Browser.setDownloadBehavior",
                         {"behavior": "allow", "downloadPath": str(downloads)})
    try:
        open_as_victim(page, port, "/public/paper.pdf")
        assert page.current_url.endswith("/public/paper.pdf")
        frames = page.execute_cdp_cmd("Page.getFrameTree", {})["frameTree"]
        assert frames["frame"]["mimeType"] == "application/pdf"
        main_frame = frames["frame"]["id"]
        wait_until(page, lambda d: any(
            t["type"] == "iframe" and t["url"].startswith(PDF_VIEWER)
            and t.get("parentFrameId") == main_frame
            for t in d.execute_cdp_cmd("Target.getTargets", {})["targetInfos"]),
            "Chromium's PDF viewer did not open the PDF")

        page.get(f"http://127.0.0.1:{port}/public/clip.webm")
        assert page.current_url.endswith("/public/clip.webm")
        video = page.find_element(By.TAG_NAME, "video")  # Chromium's page around a video
        wait_until(page, lambda d: d.execute_script(
            "return arguments[0].readyState >= 1 && arguments[0].error === null", video),
            "the video did not load")
        assert page.execute_script(
            "return [arguments[0].videoWidth, arguments[0].videoHeight]", video) == [160, 120]
        assert list(downloads.iterdir()) == []  # both opened in the tab; nothing was saved
    finally:
        page.execute_cdp_cmd("Browser.setDownloadBehavior", {"behavior": "default"})
