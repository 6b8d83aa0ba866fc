"""A drop-box share link in Chromium: the page lists the linked folder under the link's URL,
its file input uploads (by form: a link offers no tus) without an account on a login share,
an existing name is kept apart, and the share's other folders stay out of reach."""

from __future__ import annotations

import pytest

from server.auth import Authenticator
from server.clock import ManualClock
from server.links import LinkStore
from server.users import UserStore
from tests.browser.conftest import browser_missing, wait_until

_MISSING = browser_missing()
if _MISSING:
    pytest.skip(f"browser tests skipped: {_MISSING}", allow_module_level=True)

from selenium.webdriver.common.by import By  # noqa: E402


def names_shown(driver) -> list[str]:
    return driver.execute_script(
        "return Array.from(document.querySelectorAll('#listing tbody tr[data-mtime]'))"
        ".filter(r => !r.hidden).map(r => r.querySelector('a').textContent)")


def test_a_drop_box_link_uploads_from_the_page(page, server_factory, tmp_path,
                                               private_config_dir):
    root = tmp_path / "share"
    (root / "homework").mkdir(parents=True)
    (root / "homework" / "essay.txt").write_text("first")
    (root / "private").mkdir()
    links = LinkStore(private_config_dir / "links.toml")
    links.load()
    link = links.create(root / "homework", "folder", upload=True)
    users = UserStore(private_config_dir / "users.toml")
    users.load()
    auth = Authenticator(users, "Pier - share", clock=ManualClock())
    users.add("ana", "pa:ss wörd")
    running = server_factory(root, auth=auth, links_file=private_config_dir / "links.toml")
    upload = tmp_path / "essay.txt"
    upload.write_text("mine")
    page.get(f"http://127.0.0.1:{running.port}{link.url_path}/")
    assert names_shown(page) == ["essay.txt"]
    page.find_element(By.ID, "file-input").send_keys(str(upload))
    wait_until(page, lambda d: "essay (1).txt" in names_shown(d),
               "the upload did not appear in the link's listing")
    assert (root / "homework" / "essay (1).txt").read_text() == "mine"
    assert (root / "homework" / "essay.txt").read_text() == "first"
    sent = {(r.method, r.status) for r in running.records}
    assert ("POST", 201) in sent and not any(r.path.startswith("/.well-known/pier/tus")
                                             for r in running.records)
    hrefs = page.execute_script(
        "return Array.from(document.querySelectorAll('#listing a')).map(a => a.href)")
    assert hrefs and all(f"{link.url_path}/" in href or "?" in href for href in hrefs)
    assert not (root / "private" / "essay.txt").exists()
