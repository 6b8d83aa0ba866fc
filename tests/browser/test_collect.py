"""Collect mode's hand-in page in headless Chromium: a visitor types a name, hands in a file
through the page's form, sees it listed, and replaces it with Replace; a refused hand-in says
why in place."""

from __future__ import annotations

import time
from pathlib import Path

import pytest

from server.clock import ManualClock
from server.collect import CollectConfig
from server.config import ServerConfig
from server.engine import ServerEngine
from tests.browser.conftest import browser_missing, wait_until
from tests.browser.test_page import url

_MISSING = browser_missing()
if _MISSING:
    pytest.skip(f"browser tests skipped: {_MISSING}", allow_module_level=True)

from selenium.webdriver.common.by import By  # noqa: E402


def test_hand_in_a_file_through_the_page(page, server_factory, tmp_path: Path,
                                         pier_paths) -> None:
    share = tmp_path / "share"
    share.mkdir()
    (share / "task.txt").write_text("write an essay\n", encoding="utf-8")
    running = server_factory(share, collect=CollectConfig("Essays", None,
                                                          pier_paths.collect_file))
    first = tmp_path / "essay.txt"
    first.write_text("first draft", encoding="utf-8")
    second = tmp_path / "essay-v2.txt"
    second.write_text("final version", encoding="utf-8")

    page.get(url(running))
    assert page.find_element(By.TAG_NAME, "h1").text == "Hand in files for Essays"
    page.find_element(By.ID, "who-name").send_keys("Ana")
    page.find_element(By.CSS_SELECTOR, ".who-form button").click()
    wait_until(page, lambda d: "Handing in as Ana" in d.find_element(By.CLASS_NAME, "who").text)
    page.find_element(By.ID, "hand-in-files").send_keys(str(first))
    page.find_element(By.CSS_SELECTOR, "form.hand-in button").click()
    wait_until(page, lambda d: d.find_elements(By.CSS_SELECTOR, "table.handed-in td.name"),
               "the handed-in file was not listed")
    assert [c.text for c in page.find_elements(By.CSS_SELECTOR, "td.name")] == ["essay.txt"]
    assert (share / "Essays" / "Ana" / "essay.txt").read_text(encoding="utf-8") == "first draft"

    page.find_element(By.CSS_SELECTOR, "form.replace input[type=file]").send_keys(str(second))
    page.find_element(By.CSS_SELECTOR, "form.replace button").click()
    wait_until(page, lambda d: (share / "Essays" / "Ana" / "essay.txt").read_text(
        encoding="utf-8") == "final version", "Replace did not replace the file")
    assert sorted(p.name for p in (share / "Essays" / "Ana").iterdir()) == ["essay.txt"]
    # the file is replaced before the form's answer has loaded: the link is waited for
    assert wait_until(page, lambda d: d.find_element(By.LINK_TEXT, "Browse the shared files"))


def test_a_refused_hand_in_says_why_in_place(page, tmp_path: Path, pier_paths) -> None:
    share = tmp_path / "share"
    share.mkdir()
    clock = ManualClock(wall=time.time())
    until = clock.time() + 3600
    engine = ServerEngine(clock=clock)
    engine.start(ServerConfig(root=share, port=0, collect=CollectConfig(
        "Essays", until, pier_paths.collect_file)))
    try:
        late = tmp_path / "late.txt"
        late.write_text("too late", encoding="utf-8")
        page.get(f"http://127.0.0.1:{engine.port}/")
        page.find_element(By.ID, "who-name").send_keys("Ana")
        page.find_element(By.CSS_SELECTOR, ".who-form button").click()
        wait_until(page, lambda d: d.find_elements(By.ID, "hand-in-files"))
        assert "Closes in" in page.find_element(By.CLASS_NAME, "deadline").text
        clock.advance(3601)  # the server's clock: the page still thinks it is open
        page.find_element(By.ID, "hand-in-files").send_keys(str(late))
        page.find_element(By.CSS_SELECTOR, "form.hand-in button").click()
        closes = time.strftime("%Y-%m-%d %H:%M", time.localtime(until))
        wait_until(page, lambda d: d.find_elements(By.CSS_SELECTOR, "form.hand-in .report"))
        assert page.find_element(By.CSS_SELECTOR, "form.hand-in .report").text == \
            f"Hand-ins closed at {closes}."
        assert not (share / "Essays" / "Ana" / "late.txt").exists()
    finally:
        engine.stop()
