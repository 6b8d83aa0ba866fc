"""Headless Chromium for the page tests: Debian's chromium and chromium-driver, driven by
Selenium. One browser serves a whole test module; each test starts its own server."""

from __future__ import annotations

import base64
import importlib.util
import os
import shutil
import tempfile
from collections.abc import Callable, Iterator

import pytest

CHROMIUM = os.environ.get("PIER_CHROMIUM", "/usr/bin/chromium")
CHROMEDRIVER = os.environ.get("PIER_CHROMEDRIVER", "/usr/bin/chromedriver")
LAUNCH_FLAGS = (
    "--headless", "--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run",
    "--disable-background-networking", "--disable-component-update", "--disable-sync",
    "--disable-dev-shm-usage", "--ignore-certificate-errors", "--window-size=1280,800",
)  # fmt: skip
WAIT = 10.0  # seconds any expected change may take before a test fails


def browser_missing() -> str:
    """Why the browser tests cannot run here, or "" when they can."""
    if importlib.util.find_spec("selenium") is None:
        return "selenium is not installed (pip install -e '.[test]')"
    for path, package in ((CHROMIUM, "chromium"), (CHROMEDRIVER, "chromium-driver")):
        if not (os.path.isfile(path) and os.access(path, os.X_OK)):
            return f"{path} not found: install the Debian package {package} (./scripts/test does)"
    return ""


@pytest.fixture(scope="module")
def browser() -> Iterator:
    from selenium import webdriver
    from selenium.webdriver.chrome.service import Service

    profile = tempfile.mkdtemp(prefix="pier-chromium-")
    options = webdriver.ChromeOptions()
    options.binary_location = CHROMIUM  # set explicitly: nothing is looked up or downloaded
    for flag in LAUNCH_FLAGS:
        options.add_argument(flag)
    options.add_argument(f"--user-data-dir={profile}")
    driver = webdriver.Chrome(service=Service(executable_path=CHROMEDRIVER), options=options)
    driver.set_page_load_timeout(WAIT)
    driver.set_script_timeout(WAIT)
    try:
        yield driver
    finally:
        driver.quit()
        shutil.rmtree(profile, ignore_errors=True)


@pytest.fixture
def page(browser) -> Iterator:
    """The module's browser, reset between tests: no extra headers, scripts on."""
    yield browser
    browser.execute_cdp_cmd("Network.setExtraHTTPHeaders", {"headers": {}})
    browser.execute_cdp_cmd("Emulation.setScriptExecutionDisabled", {"value": False})
    browser.execute_cdp_cmd("Network.emulateNetworkConditions", {
        "offline": False, "latency": 0, "downloadThroughput": -1, "uploadThroughput": -1})
    browser.get("about:blank")


def wait_until(driver, condition: Callable[[object], object], message: str = "") -> object:
    """Poll `condition(driver)` until it is truthy (or fail after WAIT seconds). An element
    that is gone (not yet there, or of the page a form's answer just replaced) is asked for
    again at the next poll."""
    from selenium.common.exceptions import NoSuchElementException, StaleElementReferenceException
    from selenium.webdriver.support.ui import WebDriverWait

    return WebDriverWait(driver, WAIT, poll_frequency=0.05, ignored_exceptions=(
        NoSuchElementException, StaleElementReferenceException)).until(condition, message)


def basic_auth_header(user: str, password: str) -> dict[str, str]:
    token = base64.b64encode(f"{user}:{password}".encode()).decode("ascii")
    return {"Authorization": f"Basic {token}"}
