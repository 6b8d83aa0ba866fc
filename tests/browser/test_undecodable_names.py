"""A folder and a file whose names are not UTF-8 (kept as bytes on a POSIX disk), in a real
browser: the page works there, a move keeps the name's exact bytes, a rename gives it a valid
one, and an upload into that folder goes by the form (tus's folder metadata is text)."""

from __future__ import annotations

import os
from pathlib import Path

import pytest

from tests.browser.conftest import browser_missing, wait_until

_MISSING = browser_missing()
if _MISSING:
    pytest.skip(f"browser tests skipped: {_MISSING}", allow_module_level=True)
if os.name != "posix":
    pytest.skip("only POSIX names can be bytes", allow_module_level=True)

from selenium.webdriver.common.by import By  # noqa: E402
from selenium.webdriver.common.keys import Keys  # noqa: E402

from tests.browser.selecting import (  # noqa: E402
    names_shown,
    open_folder_in_picker,
    open_page,
    pick,
    press,
)

FOLDER = b"dossier \xe9t\xe9"
FILE = b"caf\xe9.txt"
SHOWN = "caf\ufffd.txt"
FOLDER_URL = "/dossier%20%E9t%E9/"


@pytest.fixture
def bytes_share(tmp_path: Path) -> Path:
    root = tmp_path / "share"
    root.mkdir()
    inside = os.path.join(os.fsencode(root), FOLDER)
    try:
        os.mkdir(inside)
    except OSError as err:
        pytest.skip(f"this file system refuses names that are not UTF-8: {err}")
    os.mkdir(os.path.join(inside, b"Keep"))
    with open(os.path.join(inside, FILE), "wb") as f:
        f.write(b"latin-1 named\n")
    return root


def test_move_keeps_the_bytes_and_rename_mends_the_name(page, server_factory, bytes_share):
    running = server_factory(bytes_share, upload=True, modify=True)
    open_page(page, running, FOLDER_URL)
    assert names_shown(page) == ["Keep/", SHOWN]
    pick(page, SHOWN)
    open_folder_in_picker(page, "select-move", "Keep")
    page.find_element(By.ID, "dialog-ok").click()
    wait_until(page, lambda d: names_shown(d) == ["Keep/"], "the moved row gone")
    kept = bytes_share / os.fsdecode(FOLDER) / "Keep" / os.fsdecode(FILE)
    assert kept.read_bytes() == b"latin-1 named\n"
    assert not page.find_element(By.ID, "selection-report").is_displayed()

    open_page(page, running, FOLDER_URL + "Keep/")
    pick(page, SHOWN)
    press(page, Keys.F2)
    field = wait_until(page, lambda d: d.find_element(By.ID, "rename-name"))
    assert field.get_attribute("value") == SHOWN
    field.clear()
    field.send_keys("café.txt", Keys.ENTER)
    wait_until(page, lambda d: names_shown(d) == ["café.txt"], "the renamed row")
    assert (bytes_share / os.fsdecode(FOLDER) / "Keep" / "café.txt").read_bytes() == \
        b"latin-1 named\n"


def test_an_upload_into_such_a_folder_goes_by_the_form(page, server_factory, bytes_share,
                                                      tmp_path: Path):
    running = server_factory(bytes_share, upload=True)
    sent = tmp_path / "photo é.jpg"
    sent.write_bytes(os.urandom(50_000))
    open_page(page, running, FOLDER_URL)
    page.find_element(By.ID, "file-input").send_keys(str(sent))
    wait_until(page, lambda d: "photo é.jpg" in names_shown(d), "the upload's row")
    stored = bytes_share / os.fsdecode(FOLDER) / "photo é.jpg"
    assert stored.read_bytes() == sent.read_bytes()
    methods = {r.method for r in running.records if r.status == 201}
    assert methods == {"POST"} and not any(".well-known/pier/tus" in r.path
                                           for r in running.records)
