"""Selecting rows and changing them in a real browser (headless Chromium, select.js and
changes.js): rename by F2, move into a subfolder with the folder picker, delete into a temporary
XDG trash, a .zip of a selection, per-item errors, a reader's selection (a .zip and nothing
else), and the keyboard and screen-reader basics. The grid: test_select_grid.py; "Replace?":
test_select_replace.py."""

from __future__ import annotations

import base64
import io
import zipfile
from collections.abc import Iterator
from pathlib import Path

import pytest

from tests.browser.conftest import basic_auth_header, browser_missing, wait_until
from tests.conftest import http_request
from tests.server.dav_bodies import RFC_LOCK
from tests.server.file_ops_helpers import temporary_trash, trashed

_MISSING = browser_missing()
if _MISSING:
    pytest.skip(f"browser tests skipped: {_MISSING}", allow_module_level=True)

from selenium.webdriver.common.action_chains import ActionChains  # noqa: E402
from selenium.webdriver.common.by import By  # noqa: E402
from selenium.webdriver.common.keys import Keys  # noqa: E402

from tests.browser.selecting import (  # noqa: E402
    ctrl_a,
    make_share,
    names_shown,
    open_folder_in_picker,
    open_page,
    pick,
    press,
    selection_count,
)


@pytest.fixture
def folder(tmp_path: Path) -> Path:
    return make_share(tmp_path)


@pytest.fixture
def trash(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Iterator[Path]:
    yield from temporary_trash(tmp_path, monkeypatch)


def test_select_and_rename_with_f2(page, server_factory, folder):
    running = server_factory(folder, upload=True, modify=True)
    open_page(page, running)
    bar = page.find_element(By.ID, "selection-bar")
    assert not bar.is_displayed()
    pick(page, "notes.txt")
    assert bar.is_displayed() and selection_count(page) == "1 selected"
    press(page, Keys.F2)
    field = wait_until(page, lambda d: d.find_element(By.ID, "rename-name"))
    assert field.get_attribute("value") == "notes.txt"
    field.clear()
    field.send_keys("memo é.txt", Keys.ENTER)
    wait_until(page, lambda d: "memo é.txt" in names_shown(d), "the renamed row")
    assert "notes.txt" not in names_shown(page)
    assert (folder / "memo é.txt").read_text(encoding="utf-8") == "remember the milk\n"
    assert not (folder / "notes.txt").exists()
    assert not page.find_element(By.ID, "selection-bar").is_displayed()
    assert not page.find_element(By.ID, "selection-report").is_displayed()


def test_shift_click_range_and_move_into_a_subfolder(page, server_factory, folder):
    running = server_factory(folder, upload=True, modify=True)
    open_page(page, running)
    pick(page, "notes.txt")
    pick(page, "song.mp3", shift=True)  # notes.txt, plan.md, song.mp3
    assert selection_count(page) == "3 selected"
    pick(page, "plan.md")  # and one left out again
    assert selection_count(page) == "2 selected"
    page.find_element(By.ID, "select-move").click()
    picker = wait_until(page, lambda d: d.find_elements(By.CSS_SELECTOR, "#picker .picker-folder"))
    assert [b.text for b in picker] == ["Photos/"]  # only folders; this one is "/" (no "..")
    picker[0].click()
    wait_until(page, lambda d: d.find_element(By.ID, "picker-path").text == "/Photos/")
    folders = [b.text for b in page.find_elements(By.CSS_SELECTOR, "#picker .picker-folder")]
    assert folders == ["⬑ ..", "2025/"]
    page.find_element(By.ID, "dialog-ok").click()
    wait_until(page, lambda d: names_shown(d) == ["Photos/", "plan.md"], "the moved rows gone")
    assert (folder / "Photos" / "notes.txt").exists() and (folder / "Photos" / "song.mp3").exists()
    assert not (folder / "notes.txt").exists()
    assert not page.find_element(By.ID, "selection-report").is_displayed()


def test_delete_lists_what_goes_and_puts_it_in_the_trash(page, server_factory, folder, trash):
    running = server_factory(folder, upload=True, modify=True)
    open_page(page, running)
    pick(page, "Photos")
    pick(page, "plan.md")
    press(page, Keys.DELETE)
    doomed = wait_until(page, lambda d: d.find_elements(By.CSS_SELECTOR, "#doomed li"))
    assert [li.text for li in doomed] == ["Photos/ (and everything in it)", "plan.md"]
    page.find_element(By.ID, "dialog-cancel").click()  # nothing goes
    assert (folder / "plan.md").exists() and trashed(trash) == []
    page.find_element(By.ID, "select-delete").click()
    wait_until(page, lambda d: d.find_elements(By.ID, "dialog-ok"))[0].click()
    wait_until(page, lambda d: names_shown(d) == ["notes.txt", "song.mp3"], "deleted rows gone")
    assert trashed(trash) == ["Photos", "plan.md"]
    assert (trash / "Photos" / "beach.jpg").exists()
    assert not (folder / "Photos").exists()


def test_ctrl_a_and_the_zip_of_a_selection(page, server_factory, folder):
    running = server_factory(folder, upload=True, modify=True)
    open_page(page, running)
    ctrl_a(page)
    assert selection_count(page) == "4 selected"
    pick(page, "plan.md")
    pick(page, "song.mp3")
    href = page.find_element(By.ID, "select-zip").get_attribute("href")
    path = href.split(str(running.port), 1)[1]
    status, body = http_request(running.port, "GET", path)
    assert status == 200
    assert sorted(zipfile.ZipFile(io.BytesIO(body)).namelist()) == [
        "Photos/2025/", "Photos/beach.jpg", "notes.txt"]
    press(page, Keys.ESCAPE)
    assert not page.find_element(By.ID, "selection-bar").is_displayed()


def test_errors_are_shown_per_item(page, server_factory, folder):
    running = server_factory(folder, upload=True, modify=True)
    status, _ = http_request(running.port, "LOCK", "/notes.txt", RFC_LOCK,
                             {"Content-Type": "application/xml", "Timeout": "Second-600"})
    assert status == 200  # another program holds notes.txt
    open_page(page, running)
    pick(page, "notes.txt")
    pick(page, "song.mp3")
    open_folder_in_picker(page, "select-move", "Photos")
    page.find_element(By.ID, "dialog-ok").click()
    report = wait_until(page, lambda d: d.find_element(By.ID, "selection-report").is_displayed()
                        and d.find_element(By.ID, "selection-report"))
    lines = [li.text for li in report.find_elements(By.TAG_NAME, "li")]
    assert len(lines) == 1 and lines[0].startswith("Move notes.txt: locked") and "423" in lines[0]
    wait_until(page, lambda d: "song.mp3" not in names_shown(d))
    assert (folder / "Photos" / "song.mp3").exists()
    assert (folder / "notes.txt").exists() and not (folder / "Photos" / "notes.txt").exists()
    assert selection_count(page) == "1 selected"  # what failed stays selected


def test_a_reader_selects_for_a_zip_only(page, server_factory, folder, private_config_dir):
    from server.auth import Authenticator
    from server.users import UserStore

    users = UserStore(private_config_dir / "users.toml")
    users.load()
    users.add("reader", "secret", can_upload=True)
    users.add("editor", "secret", can_upload=True, can_modify=True)
    running = server_factory(folder, upload=True, modify=True,
                             auth=Authenticator(users, "Pier - test"))
    page.execute_cdp_cmd("Network.enable", {})
    page.execute_cdp_cmd("Network.setExtraHTTPHeaders",
                         {"headers": basic_auth_header("reader", "secret")})
    open_page(page, running)
    assert page.find_element(By.ID, "listing").get_attribute("data-can-modify") is None
    assert not any("changes.js" in (script.get_attribute("src") or "")
                   for script in page.find_elements(By.TAG_NAME, "script"))
    pick(page, "notes.txt")
    pick(page, "song.mp3")
    bar = page.find_element(By.ID, "selection-bar")
    shown = [e.text for e in bar.find_elements(By.CSS_SELECTOR, "*") if e.is_displayed()]
    assert shown == ["2 selected", "Download as .zip", "Clear"]
    press(page, Keys.DELETE)
    press(page, Keys.F2)
    assert page.find_elements(By.TAG_NAME, "dialog") == []
    # the browser fetches the link as the reader, and the archive holds the two files
    packed = page.execute_async_script(
        "const done = arguments[0];"
        "fetch(document.getElementById('select-zip').href).then(async r => {"
        "  const bytes = new Uint8Array(await r.arrayBuffer()); let text = '';"
        "  for (const b of bytes) text += String.fromCharCode(b);"
        "  done([r.status, btoa(text)]); });")
    assert packed[0] == 200
    archive = zipfile.ZipFile(io.BytesIO(base64.b64decode(packed[1])))
    assert sorted(archive.namelist()) == ["notes.txt", "song.mp3"]
    assert archive.read("notes.txt") == b"remember the milk\n"
    assert archive.read("song.mp3") == b"m" * 8000
    page.execute_cdp_cmd("Network.setExtraHTTPHeaders",
                         {"headers": basic_auth_header("editor", "secret")})
    open_page(page, running)
    pick(page, "notes.txt")
    assert page.find_element(By.ID, "select-move").is_displayed()
    assert page.find_element(By.ID, "select-delete").is_displayed()


def test_copy_into_a_folder_two_levels_down(page, server_factory, folder):
    running = server_factory(folder, upload=True, modify=True)
    open_page(page, running)
    pick(page, "plan.md")
    page.find_element(By.ID, "select-copy").click()
    for expected in ("/Photos/", "/Photos/2025/"):
        choices = wait_until(page, lambda d: d.find_elements(
            By.CSS_SELECTOR, "#picker .picker-folder"))
        next(choice for choice in choices if choice.text != "⬑ ..").click()
        wait_until(page, lambda d, e=expected: d.find_element(By.ID, "picker-path").text == e)
    assert page.find_element(By.ID, "dialog-ok").text == "Copy here"
    page.find_element(By.ID, "dialog-ok").click()
    wait_until(page, lambda d: (folder / "Photos" / "2025" / "plan.md").exists(), "the copy")
    assert (folder / "plan.md").read_text(encoding="utf-8") == "# plan\n"
    assert (folder / "Photos" / "2025" / "plan.md").read_text(encoding="utf-8") == "# plan\n"
    wait_until(page, lambda d: not d.find_element(By.ID, "selection-bar").is_displayed())
    assert "plan.md" in names_shown(page)


def test_keyboard_and_screen_reader_basics(page, server_factory, folder, trash):
    running = server_factory(folder, upload=True, modify=True)
    open_page(page, running)
    labels = page.execute_script(
        "return Array.from(document.querySelectorAll('#listing input.pick'))"
        ".map(b => b.getAttribute('aria-label'))")
    assert labels == ["Select Photos", "Select notes.txt", "Select plan.md", "Select song.mp3"]
    status = page.find_element(By.ID, "selection-status")
    assert status.get_attribute("aria-live") == "polite" and status.get_attribute("role") == \
        "status"
    assert status.get_attribute("textContent") == ""  # in the page, silent until a change
    pick(page, "plan.md")
    pick(page, "song.mp3")
    assert status.get_attribute("textContent") == "2 selected"
    delete = page.find_element(By.ID, "select-delete")
    delete.click()
    dialog = wait_until(page, lambda d: d.find_element(By.ID, "delete-dialog"))
    assert dialog.get_attribute("aria-labelledby") == "delete-dialog-title"
    focused = page.switch_to.active_element
    assert focused.get_attribute("id") == "dialog-cancel"  # Enter at once deletes nothing
    press(page, Keys.TAB)
    assert page.switch_to.active_element.get_attribute("id") == "dialog-ok"
    press(page, Keys.TAB)  # wraps around inside the dialog
    assert page.switch_to.active_element.get_attribute("id") == "dialog-cancel"
    ActionChains(page).key_down(Keys.SHIFT).send_keys(Keys.TAB).key_up(Keys.SHIFT).perform()
    assert page.switch_to.active_element.get_attribute("id") == "dialog-ok"  # and back
    press(page, Keys.ESCAPE)
    wait_until(page, lambda d: not d.find_elements(By.CSS_SELECTOR, "dialog[open]"))
    assert page.switch_to.active_element == delete  # back where it was
    assert trashed(trash) == [] and (folder / "plan.md").exists()
    assert selection_count(page) == "2 selected"  # Esc closed the dialog, kept the selection
    press(page, Keys.ESCAPE)
    assert not page.find_element(By.ID, "selection-bar").is_displayed()
    assert status.get_attribute("textContent") == "Nothing selected"
