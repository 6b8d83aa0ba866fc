"""The page's scripts in the browser's language (headless Chromium told to prefer a language):
the texts the scripts write (filter count, selection bar, uploads panel) come from the same
catalogue as the server's, with each language's plural forms and number format."""

from __future__ import annotations

from pathlib import Path

import pytest

from tests.browser.conftest import browser_missing, wait_until

_MISSING = browser_missing()
if _MISSING:
    pytest.skip(f"browser tests skipped: {_MISSING}", allow_module_level=True)

from selenium.webdriver.common.by import By  # noqa: E402


@pytest.fixture
def folder(tmp_path: Path) -> Path:
    root = tmp_path / "share"
    root.mkdir()
    for name in ("rapport 1.txt", "rapport 2.txt", "photo.jpg"):
        (root / name).write_bytes(b"x" * 1_250_000)
    return root


@pytest.fixture
def speaking(page):
    """The page's browser asking for a language, as a browser set to it does."""
    def prefer(accept_language: str):
        page.execute_cdp_cmd("Network.setUserAgentOverride", {
            "userAgent": page.execute_script("return navigator.userAgent"),
            "acceptLanguage": accept_language})
        return page

    yield prefer
    page.execute_cdp_cmd("Network.setUserAgentOverride", {
        "userAgent": page.execute_script("return navigator.userAgent"), "acceptLanguage": "en"})


def text_of(driver, selector: str) -> str:
    return driver.find_element(By.CSS_SELECTOR, selector).text


def select_rows(driver, count: int) -> None:
    boxes = driver.find_elements(By.CSS_SELECTOR, "#listing tbody input.pick")
    for box in boxes[:count]:
        box.click()


def test_chinese_page_scripts_speak_chinese(speaking, server_factory, folder):
    running = server_factory(folder, upload=True)
    driver = speaking("zh-CN,zh;q=0.9")
    driver.get(f"http://127.0.0.1:{running.port}/")
    assert driver.execute_script("return document.documentElement.lang") == "zh-CN"
    box = driver.find_element(By.ID, "filter")
    assert box.get_attribute("placeholder") == "筛选此文件夹"
    upload = driver.find_element(By.ID, "upload-button")
    wait_until(driver, lambda d: upload.is_displayed(), "the upload button appears")
    assert upload.text == "上传"
    box.send_keys("rapport")
    wait_until(driver, lambda d: text_of(d, "#count") == "显示 2 / 3 项", "the filter's count")
    box.send_keys("zzz")
    assert "没有与“rapportzzz”匹配的项目。" in text_of(driver, "tr.no-match")
    assert driver.execute_script("return window.pierListing.humanSize(1250000)") == "1.3 MB"


def test_french_plural_forms_and_numbers_in_the_scripts(speaking, server_factory, folder):
    running = server_factory(folder, upload=True)
    driver = speaking("fr-FR,fr;q=0.9,en;q=0.5")
    driver.get(f"http://127.0.0.1:{running.port}/")
    assert text_of(driver, "#count").startswith("3 éléments : 0 dossier, 3 fichiers")
    select_rows(driver, 1)
    wait_until(driver, lambda d: text_of(d, ".selection-count") == "1 sélectionné",
               "one selected, singular")
    select_rows(driver, 0)
    driver.find_elements(By.CSS_SELECTOR, "#listing tbody input.pick")[1].click()
    wait_until(driver, lambda d: text_of(d, ".selection-count") == "2 sélectionnés",
               "two selected, plural")
    assert text_of(driver, "#select-zip") == "Télécharger en .zip"
    window_text = driver.execute_script(
        "const p = window.pierText; return [p.tn('{n} byte', '{n} bytes', 0),"
        " p.tn('{n} byte', '{n} bytes', 1250000), window.pierListing.humanSize(1250000)]")
    assert window_text == ["0 octet", "1\u202f250\u202f000 octets", "1,3\u202fMo"]
    # French says 0 in the singular, English in the plural: the rule is the language's
    english = speaking("en")
    english.get(f"http://127.0.0.1:{running.port}/")
    assert english.execute_script("return window.pierText.tn('{n} byte', '{n} bytes', 0)") == \
        "0 bytes"
    assert text_of(english, "#count").startswith("3 items: 0 folders, 3 files")


def test_a_refused_upload_says_why_in_the_pages_language(speaking, server_factory, folder):
    """The server's refusal reaches the page as JSON: its "message" (German here) is shown,
    not the English "error" that scripts read."""
    from tests.browser.test_page import DROP_SCRIPT

    running = server_factory(folder, upload=True, max_upload_bytes=50_000)
    driver = speaking("de-DE,de;q=0.9")
    driver.get(f"http://127.0.0.1:{running.port}/")
    driver.execute_script(DROP_SCRIPT, [["big.txt", "x" * 120_000]])
    wait_until(driver, lambda d: d.find_elements(By.CSS_SELECTOR, ".transfer.failed"),
               "the upload is refused")
    message = text_of(driver, ".transfer.failed .transfer-status")
    assert message == "Zu groß: Die Datei ist größer, als diese Freigabe annimmt."
    assert not (folder / "big.txt").exists()
