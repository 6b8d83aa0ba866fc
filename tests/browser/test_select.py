"""Selecting rows and changing them in a real browser (headless Chromium, select.js): rename by
F2, move into a subfolder with the folder picker, delete into a temporary XDG trash, a .zip of
a selection, per-item errors, and no toolbar for an account without the modify right."""

from __future__ import annotations

import io
import zipfile
from collections.abc import Iterator
from pathlib import Path

import pytest

from tests.browser.conftest import basic_auth_header, browser_missing, wait_until
from tests.conftest import http_request
from tests.server.file_ops_helpers import temporary_trash, trashed

_MISSING = browser_missing()
if _MISSING:
    pytest.skip(f"browser tests skipped: {_MISSING}", allow_module_level=True)

from selenium.webdriver.common.action_chains import ActionChains  # noqa: E402
from selenium.webdriver.common.by import By  # noqa: E402
from selenium.webdriver.common.keys import Keys  # noqa: E402


@pytest.fixture
def folder(tmp_path: Path) -> Path:
    root = tmp_path / "share"
    (root / "Photos" / "2025").mkdir(parents=True)
    (root / "Photos" / "beach.jpg").write_bytes(b"\xff\xd8" + b"j" * 500)
    (root / "notes.txt").write_text("remember the milk\n", encoding="utf-8")
    (root / "plan.md").write_text("# plan\n", encoding="utf-8")
    (root / "song.mp3").write_bytes(b"m" * 8000)
    return root


@pytest.fixture
def trash(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Iterator[Path]:
    yield from temporary_trash(tmp_path, monkeypatch)


def names_shown(driver) -> list[str]:
    return driver.execute_script(
        "return Array.from(document.querySelectorAll('#listing tbody tr[data-mtime]'))"
        ".map(r => r.querySelector('a').textContent)")


def pick(driver, name: str, *, shift: bool = False) -> None:
    box = driver.find_element(By.CSS_SELECTOR, f'input.pick[aria-label="Select {name}"]')
    if shift:
        ActionChains(driver).key_down(Keys.SHIFT).click(box).key_up(Keys.SHIFT).perform()
    else:
        box.click()


def selection_count(driver) -> str:
    return driver.find_element(By.CLASS_NAME, "selection-count").text


def press(driver, *keys: str) -> None:
    ActionChains(driver).send_keys(*keys).perform()


def ctrl_a(driver) -> None:
    ActionChains(driver).key_down(Keys.CONTROL).send_keys("a").key_up(Keys.CONTROL).perform()


def open_page(driver, running) -> None:
    driver.get(f"http://127.0.0.1:{running.port}/")
    wait_until(driver, lambda d: d.find_elements(By.CSS_SELECTOR, "input.pick"))


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
    (folder / "Photos" / "notes.txt").write_text("already there", encoding="utf-8")
    running = server_factory(folder, upload=True, modify=True)
    open_page(page, running)
    pick(page, "notes.txt")
    pick(page, "song.mp3")
    page.find_element(By.ID, "select-move").click()
    wait_until(page, lambda d: d.find_elements(By.CSS_SELECTOR, "#picker .picker-folder"))[0] \
        .click()
    wait_until(page, lambda d: d.find_element(By.ID, "picker-path").text == "/Photos/")
    page.find_element(By.ID, "dialog-ok").click()
    report = wait_until(page, lambda d: d.find_element(By.ID, "selection-report").is_displayed()
                        and d.find_element(By.ID, "selection-report"))
    lines = [li.text for li in report.find_elements(By.TAG_NAME, "li")]
    assert len(lines) == 1 and lines[0].startswith("Move notes.txt: ") and "412" in lines[0]
    wait_until(page, lambda d: "song.mp3" not in names_shown(d))
    assert (folder / "Photos" / "song.mp3").exists()
    assert (folder / "Photos" / "notes.txt").read_text(encoding="utf-8") == "already there"
    assert (folder / "notes.txt").exists()
    assert selection_count(page) == "1 selected"  # what failed stays selected


def test_an_account_without_modify_is_offered_no_changes(page, server_factory, folder,
                                                          private_config_dir):
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
    page.get(f"http://127.0.0.1:{running.port}/")
    wait_until(page, lambda d: d.find_elements(By.ID, "upload-button"))
    assert page.find_elements(By.ID, "selection-bar") == []
    assert page.find_elements(By.CSS_SELECTOR, "input.pick") == []
    ctrl_a(page)
    assert page.find_elements(By.ID, "selection-bar") == []
    page.execute_cdp_cmd("Network.setExtraHTTPHeaders",
                         {"headers": basic_auth_header("editor", "secret")})
    page.get(f"http://127.0.0.1:{running.port}/")
    wait_until(page, lambda d: d.find_elements(By.CSS_SELECTOR, "input.pick"))
    assert page.find_elements(By.ID, "selection-bar")


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
