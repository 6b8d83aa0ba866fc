"""The viewer in a real browser (headless Chromium): previous/next by button, key and swipe,
Escape and Back, the focus given back, the next picture fetched ahead, HEIC through ?preview,
a video that plays (byte ranges, under the page's CSP) and a folder of sounds as a playlist;
modified clicks still open the file itself."""

from __future__ import annotations

import io
import math
import shutil
import struct
import wave
from pathlib import Path

import pytest
from PIL import Image

from tests.browser.conftest import browser_missing, wait_until

_MISSING = browser_missing()
if _MISSING:
    pytest.skip(f"browser tests skipped: {_MISSING}", allow_module_level=True)

from selenium.webdriver.common.action_chains import ActionChains  # noqa: E402
from selenium.webdriver.common.actions import interaction  # noqa: E402
from selenium.webdriver.common.actions.action_builder import ActionBuilder  # noqa: E402
from selenium.webdriver.common.actions.pointer_input import PointerInput  # noqa: E402
from selenium.webdriver.common.by import By  # noqa: E402
from selenium.webdriver.common.keys import Keys  # noqa: E402

VIDEO = Path(__file__).parent / "data" / "blue-160x120.webm"


def jpeg(color: tuple[int, int, int]) -> bytes:
    out = io.BytesIO()
    Image.new("RGB", (64, 48), color).save(out, "JPEG")
    return out.getvalue()


def tone(path: Path, seconds: float = 0.4, rate: int = 8000) -> None:
    """A short 440 Hz WAV, written with the standard library."""
    frames = b"".join(struct.pack("<h", int(8000 * math.sin(2 * math.pi * 440 * i / rate)))
                      for i in range(int(seconds * rate)))
    with wave.open(str(path), "wb") as out:
        out.setnchannels(1)
        out.setsampwidth(2)
        out.setframerate(rate)
        out.writeframes(frames)


@pytest.fixture
def album(tmp_path: Path) -> Path:
    root = tmp_path / "share"
    (root / "Photos").mkdir(parents=True)
    for index, name in enumerate(("a.jpg", "b.jpg", "c.jpg")):
        (root / "Photos" / name).write_bytes(jpeg((80 * index, 140, 220)))
    (root / "Photos" / "notes.txt").write_text("not a picture\n", encoding="utf-8")
    return root


def url(running, path: str = "/") -> str:
    return f"http://127.0.0.1:{running.port}{path}"


def gallery_open(driver) -> bool:
    return driver.execute_script("const g = document.getElementById('gallery');"
                                 "return !!g && g.open")


def caption(driver) -> tuple[str, str]:
    return tuple(driver.execute_script(
        "return ['.gallery-name', '.gallery-position'].map(s => "
        "document.querySelector('#gallery ' + s).textContent)"))


def shown_source(driver) -> str:
    return driver.execute_script(
        "const m = document.querySelector('#gallery .gallery-stage img, "
        "#gallery .gallery-stage video, #gallery .gallery-stage audio');"
        "return m ? m.getAttribute('src') : ''")


def press(driver, *keys: str) -> None:
    ActionChains(driver).send_keys(*keys).perform()


def requested(running, path: str) -> list[int]:
    return [r.status for r in list(running.records) if r.path == path]


def list_view(driver, running, path: str) -> None:
    driver.get(url(running, path))
    driver.execute_script("localStorage.removeItem('pier-view')")
    driver.get(url(running, path))


# ---------------------------------------------------------------- turning pages


def test_buttons_and_keys_turn_the_pages_and_escape_closes(page, server_factory, album):
    running = server_factory(album)
    list_view(page, running, "/Photos/")
    page.find_element(By.LINK_TEXT, "a.jpg").click()
    assert gallery_open(page)
    dialog = page.find_element(By.ID, "gallery")
    assert dialog.get_attribute("role") == "dialog"
    assert caption(page) == ("a.jpg", "1 / 3")  # notes.txt is not in the viewer
    assert shown_source(page) == "/Photos/a.jpg"
    download = dialog.find_element(By.CLASS_NAME, "gallery-download")
    assert download.get_attribute("href") == url(running, "/Photos/a.jpg?download")
    assert page.current_url == url(running, "/Photos/")  # the page itself did not change
    previous = dialog.find_element(By.CLASS_NAME, "gallery-previous")
    assert not previous.is_enabled()
    wait_until(page, lambda d: requested(running, "/Photos/b.jpg") == [200],
               "the next picture was fetched ahead")
    dialog.find_element(By.CLASS_NAME, "gallery-next").click()
    assert caption(page) == ("b.jpg", "2 / 3")
    press(page, Keys.ARROW_RIGHT)
    assert caption(page) == ("c.jpg", "3 / 3")
    assert not dialog.find_element(By.CLASS_NAME, "gallery-next").is_enabled()
    assert page.execute_script("return document.getElementById('gallery')"
                               ".contains(document.activeElement)")  # the focus stays inside
    press(page, Keys.ARROW_RIGHT)  # the last one: stays
    assert caption(page) == ("c.jpg", "3 / 3")
    press(page, Keys.ARROW_LEFT)
    assert caption(page) == ("b.jpg", "2 / 3")
    press(page, Keys.BACKSPACE, "j")  # the listing's keys do nothing behind the viewer
    assert page.current_url == url(running, "/Photos/") and gallery_open(page)
    press(page, Keys.ESCAPE)
    assert not gallery_open(page)
    assert page.switch_to.active_element.text == "b.jpg"  # back where the visitor got to
    assert page.current_url == url(running, "/Photos/")


def test_closing_from_the_grid_gives_the_focus_back_to_the_tile(page, server_factory, album):
    running = server_factory(album)
    list_view(page, running, "/Photos/")
    page.find_element(By.ID, "viewToggle").click()
    page.find_element(By.CSS_SELECTOR, "#grid a[href='/Photos/c.jpg']").click()
    assert caption(page) == ("c.jpg", "3 / 3")
    page.find_element(By.CSS_SELECTOR, "#gallery .gallery-close").click()
    assert not gallery_open(page)
    focused = page.switch_to.active_element
    assert focused.get_attribute("class") == "tile-link"
    assert focused.get_attribute("href") == url(running, "/Photos/c.jpg")


def test_a_swipe_turns_the_page(page, server_factory, album):
    running = server_factory(album)
    list_view(page, running, "/Photos/")
    page.find_element(By.LINK_TEXT, "a.jpg").click()
    stage = page.find_element(By.CSS_SELECTOR, "#gallery .gallery-stage")

    def swipe(dx: int) -> None:
        actions = ActionBuilder(page, mouse=PointerInput(interaction.POINTER_TOUCH, "finger"))
        actions.pointer_action.move_to(stage).pointer_down()
        actions.pointer_action.move_by(dx // 2, 0).move_by(dx - dx // 2, 0).pointer_up()
        actions.perform()

    swipe(-160)  # finger to the left: the next one
    assert caption(page) == ("b.jpg", "2 / 3")
    swipe(160)
    assert caption(page) == ("a.jpg", "1 / 3")


def test_back_closes_the_viewer_and_stays_in_the_folder(page, server_factory, album):
    running = server_factory(album)
    list_view(page, running, "/Photos/")
    page.find_element(By.LINK_TEXT, "b.jpg").click()
    assert gallery_open(page)
    page.back()
    wait_until(page, lambda d: not gallery_open(d), "Back closed the viewer")
    assert page.current_url == url(running, "/Photos/")
    page.find_element(By.LINK_TEXT, "a.jpg").click()  # and it opens again
    assert caption(page) == ("a.jpg", "1 / 3")


def test_modified_clicks_open_the_file_itself(page, server_factory, album):
    running = server_factory(album)
    list_view(page, running, "/Photos/")
    link = page.find_element(By.LINK_TEXT, "a.jpg")
    ActionChains(page).key_down(Keys.CONTROL).click(link).key_up(Keys.CONTROL).perform()
    wait_until(page, lambda d: len(d.window_handles) == 2, "a new tab opened the file")
    assert not gallery_open(page)
    first = page.current_window_handle
    for handle in page.window_handles:
        if handle != first:
            page.switch_to.window(handle)
            page.close()
    page.switch_to.window(first)


# ---------------------------------------------------------------- what is shown


def test_heic_is_shown_as_the_servers_jpeg_and_a_broken_picture_says_so(page, server_factory,
                                                                      album):
    running = server_factory(album)
    (album / "Photos" / "d.heic").write_bytes(b"\x00\x00\x00\x18ftypheic" + b"h" * 200)
    (album / "Photos" / "e.jpg").write_bytes(b"not really a picture")
    list_view(page, running, "/Photos/")
    page.find_element(By.LINK_TEXT, "d.heic").click()
    assert caption(page) == ("d.heic", "4 / 5")
    wait_until(page, lambda d: requested(running, "/Photos/d.heic?preview"), "preview asked for")
    assert requested(running, "/Photos/d.heic") == []  # not the file: browsers cannot show it
    press(page, Keys.ARROW_RIGHT)
    assert caption(page) == ("e.jpg", "5 / 5")
    message = wait_until(page, lambda d: d.find_elements(By.CSS_SELECTOR,
                                                         "#gallery .gallery-message"))
    assert "cannot be shown" in message[0].text
    link = message[0].find_element(By.TAG_NAME, "a")
    assert link.get_attribute("href") == url(running, "/Photos/e.jpg?download")


def test_a_video_plays_inline(page, server_factory, tmp_path):
    root = tmp_path / "share"
    root.mkdir()
    shutil.copy(VIDEO, root / "blue.webm")
    (root / "still.jpg").write_bytes(jpeg((20, 40, 200)))
    running = server_factory(root)
    list_view(page, running, "/")
    page.find_element(By.LINK_TEXT, "blue.webm").click()
    assert caption(page) == ("blue.webm", "1 / 2")
    assert page.execute_script("return document.querySelector('#gallery video').controls")
    wait_until(page, lambda d: d.execute_script(
        "return document.querySelector('#gallery video').currentTime") > 0, "the video plays")
    assert 206 in requested(running, "/blue.webm")  # the browser asked for a byte range
    press(page, Keys.ARROW_RIGHT)  # the next one stops it (no video left playing unseen)
    assert page.find_elements(By.CSS_SELECTOR, "#gallery video") == []


def test_a_folder_of_sounds_plays_as_a_playlist(page, server_factory, tmp_path):
    root = tmp_path / "share"
    root.mkdir()
    tone(root / "1 intro.wav")
    (root / "2 cover.jpg").write_bytes(jpeg((200, 30, 30)))
    tone(root / "3 song.wav")
    running = server_factory(root)
    list_view(page, running, "/")
    page.find_element(By.LINK_TEXT, "1 intro.wav").click()
    assert caption(page) == ("1 intro.wav", "1 / 3")
    assert page.find_element(By.CSS_SELECTOR, "#gallery figcaption").text == "1 intro.wav"
    # when it ends, the next sound plays: the picture between them is passed over
    wait_until(page, lambda d: caption(d) == ("3 song.wav", "3 / 3"), "the next sound came")
    wait_until(page, lambda d: d.execute_script(
        "return document.querySelector('#gallery audio').currentTime") > 0, "and it plays")


def test_names_that_look_like_markup_stay_text_in_the_grid_and_the_viewer(page, server_factory,
                                                                        tmp_path):
    hostile = "<img src=x onerror=\"document.title='owned'\">&amp; 'q'.jpg"
    root = tmp_path / "share"
    root.mkdir()
    (root / hostile).write_bytes(jpeg((10, 10, 10)))
    running = server_factory(root)
    list_view(page, running, "/")
    page.find_element(By.ID, "viewToggle").click()
    assert page.find_element(By.CSS_SELECTOR, "#grid .tile-name").text == hostile
    page.find_element(By.CSS_SELECTOR, "#grid .tile-link").click()
    assert caption(page)[0] == hostile
    assert page.execute_script("return document.querySelectorAll('img[src=\"x\"]').length") == 0
    assert page.title != "owned"
    page.find_element(By.CSS_SELECTOR, "#gallery .gallery-close").click()
