"""The listing page in a real browser (headless Chromium): sort, filter, keys, uploads by the
file input and by drop, new folders, folder zips, names that look like markup."""

from __future__ import annotations

import base64
import io
import os
import re
import time
import zipfile
from pathlib import Path

import pytest

from tests.browser.conftest import basic_auth_header, browser_missing, wait_until

_MISSING = browser_missing()
if _MISSING:
    pytest.skip(f"browser tests skipped: {_MISSING}", allow_module_level=True)

from selenium.webdriver.common.action_chains import ActionChains  # noqa: E402
from selenium.webdriver.common.by import By  # noqa: E402
from selenium.webdriver.common.keys import Keys  # noqa: E402

HOSTILE = "<img src=x onerror=\"document.title='owned'\">&amp; 'q'.txt"


@pytest.fixture
def folder(tmp_path: Path) -> Path:
    root = tmp_path / "share"
    (root / "Photos").mkdir(parents=True)
    (root / "Photos" / "beach.jpg").write_bytes(b"\xff\xd8" + b"j" * 5000)
    (root / "report 2.pdf").write_bytes(b"%PDF" + b"p" * 30_000)
    (root / "report 10.pdf").write_bytes(b"%PDF" + b"p" * 100)
    (root / "notes.txt").write_text("remember the milk\n", encoding="utf-8")
    (root / "song.mp3").write_bytes(b"m" * 800_000)
    os.utime(root / "notes.txt", (1_600_000_000, 1_600_000_000))  # the oldest file
    return root


def url(running, path: str = "/") -> str:
    return f"http://127.0.0.1:{running.port}{path}"


def names_shown(driver) -> list[str]:
    """Names of the visible rows, in order, as the page shows them."""
    return driver.execute_script(
        "return Array.from(document.querySelectorAll('#listing tbody tr[data-mtime]'))"
        ".filter(r => !r.hidden).map(r => r.querySelector('a').textContent)")


def press(driver, *keys: str) -> None:
    """Type `keys` into whatever has the focus, as a person would."""
    ActionChains(driver).send_keys(*keys).perform()


def focused_text(driver) -> str:
    return driver.execute_script("return document.activeElement.textContent")


def fetch_bytes(driver, path: str) -> tuple[int, bytes]:
    """GET `path` from inside the page (same origin), as (status, body)."""
    status, encoded = driver.execute_async_script(
        """const done = arguments[arguments.length - 1];
        fetch(arguments[0]).then(async (r) => {
          const bytes = new Uint8Array(await r.arrayBuffer());
          let text = "";
          for (let i = 0; i < bytes.length; i += 0x8000) {
            text += String.fromCharCode.apply(null, bytes.subarray(i, i + 0x8000));
          }
          done([r.status, btoa(text)]);
        }, (e) => done([0, ""]));""", path)
    return status, base64.b64decode(encoded)


# ---------------------------------------------------------------- reading


def test_sort_is_instant_and_kept_in_the_address(page, server_factory, folder):
    running = server_factory(folder)
    page.get(url(running))
    assert names_shown(page) == ["Photos/", "notes.txt", "report 2.pdf", "report 10.pdf",
                                 "song.mp3"]
    page.execute_script("window.notReloaded = true")
    page.find_element(By.CSS_SELECTOR, "th.size a").click()
    assert names_shown(page) == ["Photos/", "song.mp3", "report 2.pdf", "report 10.pdf",
                                 "notes.txt"]
    assert page.execute_script("return window.notReloaded") is True
    assert page.current_url.endswith("/?sort=size&order=desc")
    size_header = page.find_element(By.CSS_SELECTOR, "th.size")
    assert size_header.get_attribute("aria-sort") == "descending"
    assert size_header.text.endswith("▼")
    page.find_element(By.CSS_SELECTOR, "th.date a").click()  # newest first
    assert names_shown(page)[-1] == "notes.txt"
    folder_link = page.find_element(By.LINK_TEXT, "Photos/")
    assert folder_link.get_attribute("href").endswith("/Photos/?sort=date&order=desc")
    page.refresh()  # the server sorts the same way from the address
    assert names_shown(page)[-1] == "notes.txt"
    assert page.execute_script("return window.notReloaded") is None


def test_filter_box_hides_what_does_not_match(page, server_factory, folder):
    running = server_factory(folder)
    page.get(url(running))
    box = page.find_element(By.ID, "filter")
    assert box.is_displayed()
    box.send_keys("REPORT")
    assert names_shown(page) == ["report 2.pdf", "report 10.pdf"]
    assert page.find_element(By.ID, "count").text == "2 of 5 shown"
    box.send_keys(" 9")
    assert names_shown(page) == []
    assert "Nothing here matches" in page.find_element(By.CSS_SELECTOR, "tr.no-match").text
    box.send_keys(Keys.ESCAPE)
    assert len(names_shown(page)) == 5
    assert page.find_element(By.ID, "count").text.startswith("5 items")


def test_keyboard_moves_opens_filters_and_goes_up(page, server_factory, folder):
    running = server_factory(folder)
    page.get(url(running))
    press(page, "j")
    assert focused_text(page) == "Photos/"
    press(page, "j", "j", Keys.ARROW_DOWN)
    assert focused_text(page) == "report 10.pdf"
    press(page, "k")
    assert focused_text(page) == "report 2.pdf"
    press(page, "/")
    assert page.switch_to.active_element.get_attribute("id") == "filter"
    press(page, "phot", Keys.ENTER)  # opens the first match
    wait_until(page, lambda d: d.current_url.endswith("/Photos/"))
    press(page, "j")
    assert focused_text(page) == ".."
    press(page, Keys.BACKSPACE)
    wait_until(page, lambda d: d.current_url == url(running))
    page.get(url(running, "/Photos/"))
    ActionChains(page).key_down(Keys.ALT).send_keys(Keys.ARROW_UP).key_up(Keys.ALT).perform()
    wait_until(page, lambda d: d.current_url == url(running))


def test_hostile_name_is_shown_as_text(page, server_factory, folder):
    (folder / HOSTILE).write_text("x")
    running = server_factory(folder)
    page.get(url(running))
    assert HOSTILE in names_shown(page)
    assert page.find_elements(By.CSS_SELECTOR, "#listing img") == []
    box = page.find_element(By.ID, "filter")
    box.send_keys("onerror")  # the filter works on the text, and re-renders nothing as markup
    assert names_shown(page) == [HOSTILE]
    assert page.title != "owned"
    status, body = fetch_bytes(page, page.find_element(By.LINK_TEXT, HOSTILE)
                               .get_attribute("href"))
    assert (status, body) == (200, b"x")


@pytest.fixture
def server_zone():
    """The server renders dates in its own zone: here UTC+05:30, whatever the browser's."""
    before = os.environ.get("TZ")
    os.environ["TZ"] = "IST-5:30"
    time.tzset()
    yield
    if before is None:
        del os.environ["TZ"]
    else:
        os.environ["TZ"] = before
    time.tzset()


def test_exact_size_and_time_on_hover(page, server_factory, folder, server_zone):
    os.utime(folder / "notes.txt", (1_600_000_005, 1_600_000_005.7))  # 2020-09-13 12:26:45 UTC
    running = server_factory(folder)
    page.get(url(running))
    row = page.find_element(By.XPATH, "//tr[td/a[text()='song.mp3']]")
    size, date = row.find_elements(By.TAG_NAME, "td")[1:]
    assert (size.text, size.get_attribute("title")) == ("800 kB", "")  # set on first hover
    ActionChains(page).move_to_element(size).move_to_element(date).perform()
    assert size.get_attribute("title") == "800,000 bytes"
    assert re.fullmatch(re.escape(date.text) + r":\d\d \+05:30", date.get_attribute("title"))
    notes = page.find_element(By.XPATH, "//tr[td/a[text()='notes.txt']]").find_elements(
        By.TAG_NAME, "td")
    ActionChains(page).move_to_element(notes[2]).perform()
    assert notes[2].text == "2020-09-13 17:56"  # the server's local time
    assert notes[2].get_attribute("title") == "2020-09-13 17:56:45 +05:30"
    folder_row = page.find_element(By.XPATH, "//tr[td/a[text()='Photos/']]")
    dash = folder_row.find_elements(By.TAG_NAME, "td")[1]
    ActionChains(page).move_to_element(dash).perform()
    assert dash.get_attribute("title") == ""  # a folder has no size


def test_folder_downloads_as_zip(page, server_factory, folder):
    running = server_factory(folder)
    page.get(url(running, "/Photos/"))
    link = page.find_element(By.ID, "zip-link")
    assert link.text == "Download folder as .zip"
    status, body = fetch_bytes(page, link.get_attribute("href"))
    assert status == 200
    with zipfile.ZipFile(io.BytesIO(body)) as archive:
        assert archive.namelist() == ["beach.jpg"]
        assert archive.read("beach.jpg") == (folder / "Photos" / "beach.jpg").read_bytes()
    page.get(url(running))
    status, body = fetch_bytes(page, page.find_element(By.ID, "zip-link").get_attribute("href"))
    with zipfile.ZipFile(io.BytesIO(body)) as archive:
        assert "Photos/beach.jpg" in archive.namelist() and "song.mp3" in archive.namelist()


def test_read_only_share_offers_no_upload(page, server_factory, folder):
    running = server_factory(folder)
    page.get(url(running))
    assert page.find_elements(By.ID, "upload-button") == []
    assert page.find_elements(By.ID, "file-input") == []
    assert page.find_elements(By.CSS_SELECTOR, ".account") == []


# ---------------------------------------------------------------- uploads


def test_upload_two_files_through_the_file_input(page, server_factory, folder, tmp_path):
    running = server_factory(folder, upload=True)
    first, second = tmp_path / "first upload.txt", tmp_path / "second é.bin"
    first.write_text("one\n")
    second.write_bytes(os.urandom(200_000))
    page.get(url(running, "/Photos/"))
    assert page.find_element(By.ID, "upload-button").is_displayed()
    assert not page.find_element(By.ID, "upload-form").is_displayed()  # the no-JS form
    page.find_element(By.ID, "file-input").send_keys(f"{first}\n{second}")
    wait_until(page, lambda d: {"first upload.txt", "second é.bin"} <= set(names_shown(d)),
               "the uploads did not appear in the listing")
    assert (folder / "Photos" / "first upload.txt").read_text() == "one\n"
    assert (folder / "Photos" / "second é.bin").read_bytes() == second.read_bytes()
    sent_by = {(r.method, r.path) for r in running.records if r.status in (201, 204)}
    assert ("POST", "/.well-known/pier/tus/") in sent_by  # the page uploads by tus
    head = page.find_element(By.CSS_SELECTOR, ".transfers-title").text
    assert head == "2 of 2 uploaded"
    statuses = [e.text for e in page.find_elements(By.CSS_SELECTOR, ".transfer.done "
                                                   ".transfer-status")]
    assert len(statuses) == 2 and all(s.startswith("Done") for s in statuses)
    page.find_element(By.ID, "file-input").send_keys(str(first))  # same name: kept apart
    wait_until(page, lambda d: "first upload (1).txt" in names_shown(d))
    assert "saved as first upload (1).txt" in page.find_element(
        By.CSS_SELECTOR, ".transfer-list li:last-child .transfer-status").text


DROP_SCRIPT = """
const files = arguments[0].map(([name, text]) => new File([text], name, {type: "text/plain"}));
const data = new DataTransfer();
for (const file of files) data.items.add(file);
const target = document.querySelector("#listing");
target.dispatchEvent(new DragEvent("dragenter", {dataTransfer: data, bubbles: true,
                                                 cancelable: true}));
const overlayShown = !document.getElementById("drop-zone").hidden;
target.dispatchEvent(new DragEvent("drop", {dataTransfer: data, bubbles: true, cancelable: true}));
return [overlayShown, document.getElementById("drop-zone").hidden];
"""


def test_upload_by_dropping_files(page, server_factory, folder):
    running = server_factory(folder, upload=True)
    page.get(url(running))
    shown, hidden_after = page.execute_script(
        DROP_SCRIPT, [["dropped one.txt", "first"], ["dropped two.txt", "second"]])
    assert shown and hidden_after
    wait_until(page, lambda d: {"dropped one.txt", "dropped two.txt"} <= set(names_shown(d)),
               "the dropped files did not appear in the listing")
    assert (folder / "dropped one.txt").read_text() == "first"
    assert (folder / "dropped two.txt").read_text() == "second"


def test_upload_keeps_relative_folder_paths(page, server_factory, folder):
    """What the folder walk of a drop produces: a part named trip/day1/a.txt."""
    running = server_factory(folder, upload=True)
    page.get(url(running))
    status = page.execute_script("""
        const file = new File(["deep"], "a.txt");
        const form = new FormData(); form.append("file", file, "trip/day1/a.txt");
        return fetch(location.pathname, {method: "POST", body: form,
                                         headers: {Accept: "application/json"}})
          .then(r => r.status);""")
    assert status == 201
    assert (folder / "trip" / "day1" / "a.txt").read_text() == "deep"


def test_upload_refused_by_the_server_is_shown_per_file(page, server_factory, folder):
    running = server_factory(folder, upload=True, max_upload_bytes=50_000)
    page.get(url(running))
    page.execute_script(DROP_SCRIPT, [["small.txt", "fits"], ["big.txt", "x" * 120_000]])
    wait_until(page, lambda d: len(d.find_elements(By.CSS_SELECTOR, ".transfer.finished")) == 2)
    failed = page.find_element(By.CSS_SELECTOR, ".transfer.failed")
    assert failed.find_element(By.CSS_SELECTOR, ".transfer-name").text == "big.txt"
    message = failed.find_element(By.CSS_SELECTOR, ".transfer-status").text
    assert message == "Too large: The file is larger than this share accepts."  # tus's refusal
    assert page.find_element(By.CSS_SELECTOR, ".transfers-title").text == "1 of 2 uploaded, 1 not"
    wait_until(page, lambda d: "small.txt" in names_shown(d))
    assert "big.txt" not in names_shown(page)
    assert not (folder / "big.txt").exists()


def test_slow_upload_shows_progress_and_can_be_cancelled(page, server_factory, folder, tmp_path):
    running = server_factory(folder, upload=True)
    big = tmp_path / "slow.bin"
    big.write_bytes(os.urandom(3_000_000))
    page.get(url(running))
    page.execute_cdp_cmd("Network.enable", {})
    page.execute_cdp_cmd("Network.emulateNetworkConditions", {
        "offline": False, "latency": 0, "downloadThroughput": -1,
        "uploadThroughput": 400_000})  # bytes per second: the upload takes several seconds
    page.find_element(By.ID, "file-input").send_keys(str(big))
    status = page.find_element(By.CSS_SELECTOR, ".transfer .transfer-status")
    wait_until(page, lambda d: "/s" in status.text, "no speed was shown")
    assert "% · " in status.text and " of 3.0 MB" in status.text
    progress = page.find_element(By.CSS_SELECTOR, ".transfer-bar").get_attribute("value")
    assert 0 < float(progress) < 100
    page.find_element(By.CSS_SELECTOR, ".transfer-cancel").click()
    wait_until(page, lambda d: status.text == "Cancelled")
    wait_until(page, lambda d: not [p for p in folder.iterdir() if p.name.startswith(".")],
               "the cancelled upload left a temporary file")
    assert not (folder / "slow.bin").exists()


def test_new_folder(page, server_factory, folder):
    running = server_factory(folder, upload=True)
    page.get(url(running))
    page.find_element(By.ID, "mkdir-button").click()
    name = page.find_element(By.ID, "mkdir-name")
    assert page.switch_to.active_element == name
    name.send_keys("Holiday 2025", Keys.ENTER)
    wait_until(page, lambda d: "Holiday 2025/" in names_shown(d))
    assert (folder / "Holiday 2025").is_dir()
    assert not page.find_element(By.ID, "mkdir-form").is_displayed()
    page.find_element(By.ID, "mkdir-button").click()
    page.find_element(By.ID, "mkdir-name").send_keys("Holiday 2025", Keys.ENTER)
    error = page.find_element(By.ID, "mkdir-error")
    wait_until(page, lambda d: error.text)
    assert error.text.startswith("Name conflict")


def test_without_javascript_the_plain_form_uploads(page, server_factory, folder, tmp_path):
    running = server_factory(folder, upload=True)
    plain = tmp_path / "plain.txt"
    plain.write_text("no script needed")
    page.execute_cdp_cmd("Emulation.setScriptExecutionDisabled", {"value": True})
    page.get(url(running, "/Photos/"))
    assert not page.find_element(By.CSS_SELECTOR, ".filter-box").is_displayed()
    assert not page.find_element(By.ID, "upload-button").is_displayed()
    page.find_element(By.ID, "file-input").send_keys(str(plain))
    page.find_element(By.CSS_SELECTOR, "#upload-form button[type=submit]").click()
    wait_until(page, lambda d: d.find_elements(By.LINK_TEXT, "Back to the folder"))
    assert (folder / "Photos" / "plain.txt").read_text() == "no script needed"
    page.find_element(By.LINK_TEXT, "Back to the folder").click()
    wait_until(page, lambda d: "plain.txt" in [e.text for e in d.find_elements(
        By.CSS_SELECTOR, "#listing tbody a")])


# ---------------------------------------------------------------- logins and HTTPS


def test_logged_in_user_logout_and_trust_link(page, server_factory, folder, private_config_dir,
                                              tmp_path):
    from server.auth import Authenticator
    from server.config import TlsSettings
    from server.tls import CertificateStore
    from server.users import UserStore

    users = UserStore(private_config_dir / "users.toml")
    users.load()
    auth = Authenticator(users, "Pier - test")
    users.add("<b>ana</b>", "secret", can_upload=True)
    store = CertificateStore(tmp_path / "tls")
    chain, key = store.ensure_server_certificate()
    tls = TlsSettings(chain, key, store.ca_pem())
    running = server_factory(folder, upload=True, auth=auth, tls=tls)
    page.execute_cdp_cmd("Network.enable", {})
    page.execute_cdp_cmd("Network.setExtraHTTPHeaders",
                         {"headers": basic_auth_header("<b>ana</b>", "secret")})
    page.get(f"https://127.0.0.1:{running.port}/")
    assert page.find_element(By.CSS_SELECTOR, ".account").text.startswith(
        "Logged in as <b>ana</b>")
    logout = page.find_element(By.LINK_TEXT, "Log out")
    assert logout.get_attribute("href").endswith("/.well-known/pier/logout")
    page.find_element(By.ID, "trust-link").click()
    wait_until(page, lambda d: d.current_url.endswith("/.well-known/pier/trust"))
    headings = [h.text for h in page.find_elements(By.CSS_SELECTOR, ".os h2")]
    assert headings == ["iPhone and iPad", "Android", "Windows", "macOS", "Linux and Firefox"]
    hrefs = {a.get_attribute("href").rsplit("/", 1)[1]
             for a in page.find_elements(By.CSS_SELECTOR, ".downloads a")}
    assert hrefs == {"ca.crt", "ca.pem", "ca.mobileconfig"}
    section = page.find_element(By.CSS_SELECTOR, ".os")  # the inline style passed the CSP
    assert section.value_of_css_property("border-top-left-radius") == "12px"
    page.back()  # the help page's policy allows no fetch(); the listing's allows 'self'
    wait_until(page, lambda d: d.find_elements(By.ID, "listing"))
    status, body = fetch_bytes(page, "/.well-known/pier/ca.crt")
    assert status == 200 and body[:1] == b"\x30"  # DER
    status, body = fetch_bytes(page, "/.well-known/pier/ca.pem")
    assert status == 200 and body.startswith(b"-----BEGIN CERTIFICATE-----")
