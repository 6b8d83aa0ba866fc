"""Texts on the page in headless Chromium: "Send text" saves a file that appears in the
listing, pasting text fills the box and pasting a file uploads it; the text Pier's window
shares shows as a card (escaped: a hostile text does not run), Copy puts it on the clipboard on
a secure origin and selects it with a hint where the Clipboard API is missing; dismissing it
lasts until another text is shared."""

from __future__ import annotations

from pathlib import Path

import pytest

from tests.browser.conftest import browser_missing, wait_until
from tests.browser.test_page import names_shown, url

_MISSING = browser_missing()
if _MISSING:
    pytest.skip(f"browser tests skipped: {_MISSING}", allow_module_level=True)

from selenium.webdriver.common.by import By  # noqa: E402

HOSTILE = "<img src=x onerror=\"document.title='owned'\">\n</pre><script>document.title='owned'" \
    "</script>\tend"

PASTE_SCRIPT = """
const data = new DataTransfer();
if (arguments[0]) data.setData("text/plain", arguments[0]);
if (arguments[1]) data.items.add(new File([arguments[2]], arguments[1], {type: "image/png"}));
document.body.dispatchEvent(new ClipboardEvent("paste", {clipboardData: data, bubbles: true,
                                                         cancelable: true}));
"""


@pytest.fixture
def folder(tmp_path: Path) -> Path:
    root = tmp_path / "share"
    root.mkdir()
    (root / "notes.txt").write_text("remember the milk\n", encoding="utf-8")
    return root


def test_send_text_from_the_page_and_see_it_listed(page, server_factory, folder):
    running = server_factory(folder, upload=True)
    page.get(url(running))
    page.find_element(By.CSS_SELECTOR, "#text-send summary").click()
    page.find_element(By.ID, "text-input").send_keys("line one\nline two")
    page.find_element(By.ID, "text-name").send_keys("shopping")
    page.find_element(By.ID, "text-send-button").click()
    wait_until(page, lambda d: "shopping.txt" in names_shown(d), "the text was not listed")
    assert (folder / "shopping.txt").read_text(encoding="utf-8") == "line one\nline two"
    assert page.find_element(By.ID, "text-error").text == "Sent · saved as shopping.txt"
    assert page.find_element(By.ID, "text-input").get_attribute("value") == ""


def test_pasting_text_fills_the_box_and_pasting_a_file_uploads_it(page, server_factory, folder):
    running = server_factory(folder, upload=True)
    page.get(url(running))
    page.execute_script(PASTE_SCRIPT, "pasted words", None, None)
    assert page.find_element(By.ID, "text-send").get_attribute("open") is not None
    assert page.find_element(By.ID, "text-input").get_attribute("value") == "pasted words"
    page.find_element(By.ID, "text-send-button").click()
    wait_until(page, lambda d: any(n.startswith("text-") for n in names_shown(d)))
    page.execute_script(PASTE_SCRIPT, None, "clip.png", "PNGDATA")
    wait_until(page, lambda d: "clip.png" in names_shown(d), "the pasted image was not uploaded")
    assert (folder / "clip.png").read_bytes() == b"PNGDATA"


def card_text(driver) -> str:
    return driver.execute_script("return document.getElementById('text-card-text').textContent")


def test_the_shared_text_card_is_escaped_and_copy_uses_the_clipboard(page, server_factory,
                                                                      folder):
    running = server_factory(folder)
    running.engine.texts.share(HOSTILE)
    origin = url(running).rstrip("/")
    page.execute_cdp_cmd("Browser.grantPermissions", {
        "origin": origin, "permissions": ["clipboardReadWrite", "clipboardSanitizedWrite"]})
    page.get(url(running))
    card = page.find_element(By.ID, "text-card")
    assert card.is_displayed()
    assert card_text(page) == HOSTILE
    assert page.title != "owned"
    assert page.execute_script("return document.querySelectorAll('#text-card img, "
                               "#text-card script').length") == 0
    page.find_element(By.ID, "text-copy").click()
    wait_until(page, lambda d: d.find_element(By.ID, "text-copy").text == "Copied")
    copied = page.execute_async_script(
        "navigator.clipboard.readText().then(arguments[0], e => arguments[0]('failed: ' + e))")
    assert copied == HOSTILE
    assert page.title != "owned"


def test_without_the_clipboard_api_copy_selects_the_text_with_a_hint(page, server_factory,
                                                                      folder):
    running = server_factory(folder)
    running.engine.texts.share("for plain HTTP")
    # what a page served over plain HTTP from a LAN address sees: no secure context
    script = page.execute_cdp_cmd("Page.addScriptToEvaluateOnNewDocument", {
        "source": "Object.defineProperty(window, 'isSecureContext', {value: false});"})
    try:
        page.get(url(running))
        page.find_element(By.ID, "text-copy").click()
        hint = page.find_element(By.ID, "text-copy-hint")
        assert hint.is_displayed() and "Ctrl+C" in hint.text
        assert page.execute_script("return window.getSelection().toString()") == "for plain HTTP"
    finally:
        page.execute_cdp_cmd("Page.removeScriptToEvaluateOnNewDocument",
                             {"identifier": script["identifier"]})


def test_a_dismissed_card_stays_away_until_another_text(page, server_factory, folder):
    running = server_factory(folder)
    running.engine.texts.share("first")
    page.get(url(running))
    page.find_element(By.ID, "text-dismiss").click()
    assert not page.find_element(By.ID, "text-card").is_displayed()
    page.get(url(running))
    assert not page.find_element(By.ID, "text-card").is_displayed()
    running.engine.texts.share("second")
    page.get(url(running))
    assert page.find_element(By.ID, "text-card").is_displayed() and card_text(page) == "second"
    running.engine.texts.clear()
    page.get(url(running))
    assert not page.find_elements(By.ID, "text-card")
