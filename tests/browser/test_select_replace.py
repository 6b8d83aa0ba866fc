""""Replace?" in a real browser (headless Chromium, changes.js): a move, copy or rename onto names
already there asks once, listing those names; only what the visitor keeps checked is sent again
with Overwrite: T, and what the server refuses then is shown item by item. Each test looks at
the files on disk afterwards."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest

from tests.browser.conftest import browser_missing, wait_until
from tests.conftest import http_request
from tests.server.dav_bodies import RFC_LOCK
from tests.server.file_ops_helpers import temporary_trash, trashed

_MISSING = browser_missing()
if _MISSING:
    pytest.skip(f"browser tests skipped: {_MISSING}", allow_module_level=True)

from selenium.webdriver.common.by import By  # noqa: E402
from selenium.webdriver.common.keys import Keys  # noqa: E402

from tests.browser.selecting import (  # noqa: E402
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
    root = make_share(tmp_path)
    (root / "Photos" / "notes.txt").write_text("old notes\n", encoding="utf-8")
    (root / "Photos" / "song.mp3").write_bytes(b"old song")
    return root


@pytest.fixture
def trash(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Iterator[Path]:
    yield from temporary_trash(tmp_path, monkeypatch)


def replace_dialog(driver):
    return wait_until(driver, lambda d: d.find_elements(By.ID, "replace-dialog"),
                      "the Replace? dialog")[0]


def clash_choices(driver) -> dict[str, bool]:
    return {box.find_element(By.XPATH, "..").text.strip(): box.is_selected()
            for box in driver.find_elements(By.CSS_SELECTOR, "#clashes input")}


def dialog_gone(driver) -> bool:
    return not driver.find_elements(By.CSS_SELECTOR, "dialog[open]")


def test_move_replaces_what_is_kept_checked_and_skips_the_rest(page, server_factory, folder,
                                                               trash):
    running = server_factory(folder, upload=True, modify=True)
    open_page(page, running)
    for name in ("notes.txt", "plan.md", "song.mp3"):
        pick(page, name)
    open_folder_in_picker(page, "select-move", "Photos")
    page.find_element(By.ID, "dialog-ok").click()
    dialog = replace_dialog(page)
    assert dialog.find_element(By.TAG_NAME, "h2").text == "Replace 2 items?"
    assert "already in /Photos/" in dialog.text
    assert clash_choices(page) == {"notes.txt": True, "song.mp3": True}  # plan.md went
    assert page.find_element(By.ID, "dialog-ok").text == "Replace all"
    assert page.switch_to.active_element.text == "Skip all"  # Enter at once changes nothing
    wait_until(page, lambda d: "plan.md" not in names_shown(d), "the listing shows plan.md went")
    page.find_element(By.CSS_SELECTOR, "#clashes input[value='/song.mp3']").click()
    assert page.find_element(By.ID, "dialog-ok").text == "Replace 1"
    page.find_element(By.ID, "dialog-ok").click()
    wait_until(page, lambda d: names_shown(d) == ["Photos/", "song.mp3"], "notes.txt moved")
    assert (folder / "Photos" / "notes.txt").read_text(encoding="utf-8") == "remember the milk\n"
    assert (folder / "Photos" / "plan.md").exists() and not (folder / "plan.md").exists()
    assert (folder / "Photos" / "song.mp3").read_bytes() == b"old song"  # skipped
    assert (folder / "song.mp3").read_bytes() == b"m" * 8000
    assert trashed(trash) == ["notes.txt"]  # what was replaced went to the trash
    assert (trash / "notes.txt").read_text(encoding="utf-8") == "old notes\n"
    assert not page.find_element(By.ID, "selection-report").is_displayed()
    assert not page.find_element(By.ID, "selection-bar").is_displayed()  # skipped: not failed


def test_rename_onto_a_taken_name_skip_then_replace(page, server_factory, folder, trash):
    running = server_factory(folder, upload=True, modify=True)
    open_page(page, running)

    def rename_plan_to_notes() -> None:
        pick(page, "plan.md")
        press(page, Keys.F2)
        field = wait_until(page, lambda d: d.find_element(By.ID, "rename-name"))
        field.clear()
        field.send_keys("notes.txt", Keys.ENTER)
        replace_dialog(page)

    rename_plan_to_notes()
    assert page.find_element(By.CSS_SELECTOR, "#replace-dialog h2").text == \
        "Replace “notes.txt”?"  # no list: one question, two buttons
    assert page.find_element(By.ID, "dialog-cancel").text == "Skip"
    press(page, Keys.ESCAPE)  # Esc skips
    wait_until(page, dialog_gone)
    wait_until(page, lambda d: not d.find_element(By.ID, "selection-bar").is_displayed())
    assert (folder / "plan.md").read_text(encoding="utf-8") == "# plan\n"
    assert (folder / "notes.txt").read_text(encoding="utf-8") == "remember the milk\n"
    rename_plan_to_notes()
    page.find_element(By.ID, "dialog-ok").click()  # Replace
    wait_until(page, lambda d: "plan.md" not in names_shown(d), "the renamed row")
    assert (folder / "notes.txt").read_text(encoding="utf-8") == "# plan\n"
    assert not (folder / "plan.md").exists()
    assert trashed(trash) == ["notes.txt"]


def test_a_replace_the_server_refuses_is_shown_per_item(page, server_factory, folder):
    (folder / "logs").mkdir()
    (folder / "logs" / "today.txt").write_text("new log\n", encoding="utf-8")
    (folder / "Photos" / "logs").mkdir()  # where Pier writes its access log: its own
    running = server_factory(folder, upload=True, modify=True,
                             access_log=folder / "Photos" / "logs" / "access.log")
    status, _ = http_request(running.port, "LOCK", "/Photos/song.mp3", RFC_LOCK,
                             {"Content-Type": "application/xml", "Timeout": "Second-600"})
    assert status == 200  # another program holds the song that would be replaced
    open_page(page, running)
    for name in ("logs", "notes.txt", "song.mp3"):
        pick(page, name)
    open_folder_in_picker(page, "select-copy", "Photos")
    page.find_element(By.ID, "dialog-ok").click()
    replace_dialog(page)
    assert clash_choices(page) == {
        "logs/ (the folder there is replaced whole, not merged)": True, "notes.txt": True,
        "song.mp3": True}
    page.find_element(By.ID, "dialog-ok").click()  # Replace all
    report = wait_until(page, lambda d: d.find_element(By.ID, "selection-report").is_displayed()
                        and d.find_element(By.ID, "selection-report"))
    lines = [li.text for li in report.find_elements(By.TAG_NAME, "li")]
    assert lines == [
        "Copy logs: not allowed to replace what is there (403): This folder holds Pier's own "
        "files.",
        "Copy song.mp3: locked by another program (423): /Photos/song.mp3",  # which one
    ]
    assert (folder / "Photos" / "notes.txt").read_text(encoding="utf-8") == "remember the milk\n"
    assert (folder / "Photos" / "song.mp3").read_bytes() == b"old song"
    assert (folder / "Photos" / "logs" / "access.log").exists()
    assert not (folder / "Photos" / "logs" / "today.txt").exists()
    assert (folder / "notes.txt").exists() and (folder / "song.mp3").exists()  # copies
    assert selection_count(page) == "2 selected"  # what failed stays selected
