"""Second attack on collect mode (issue 18), after the fixes, against the running server.
Each test is a finding, strict xfail until the server is fixed."""

from __future__ import annotations

import socket
import threading
import unicodedata
import uuid
from concurrent.futures import ThreadPoolExecutor
from pathlib import Path

import pytest

from server.clock import ManualClock
from server.collect import COOKIE, CollectConfig
from server.collect_limit import NEW_PEOPLE_PER_WINDOW, WINDOW_SECONDS
from server.config import ServerConfig
from server.engine import ServerEngine
from tests.collect_http import FILES, Browser
from tests.conftest import read_until_closed
from tests.security.test_attack18_collect import _temp_file_appears

HOURS = 6 * 3600.0
BURST = 2 * NEW_PEOPLE_PER_WINDOW


def test_a_hand_in_begun_in_time_cannot_stay_open_for_hours(share: Path, tmp_path: Path):
    clock = ManualClock()
    engine = ServerEngine(clock=clock)
    engine.start(ServerConfig(root=share, port=0, collect=CollectConfig(
        "Homework", clock.time() + 60, tmp_path / "collect.json")))
    try:
        late = Browser(engine.port)
        assert late.give_name("Late") == 303
        boundary = uuid.uuid4().hex
        # a first part trickled to keep the request alive, then the real essay, written later
        padding = (f'--{boundary}\r\nContent-Disposition: form-data; name="file"; '
                   'filename="padding.txt"\r\n\r\n').encode() + b"." * 300_000 + b"\r\n"
        essay = (f'--{boundary}\r\nContent-Disposition: form-data; name="file"; '
                 f'filename="essay.txt"\r\n\r\nWRITTEN AFTER THE DEADLINE\r\n'
                 f'--{boundary}--\r\n').encode()
        with socket.create_connection(("127.0.0.1", engine.port), timeout=10) as sock:
            sock.sendall(
                f"POST {FILES}?format=json HTTP/1.1\r\nHost: 127.0.0.1:{engine.port}\r\n"
                f"Cookie: {COOKIE}={late.cookie}\r\nConnection: close\r\n"
                f"Content-Type: multipart/form-data; boundary={boundary}\r\n"
                f"Content-Length: {len(padding) + len(essay)}\r\n\r\n".encode() + padding)
            folder = share / "Homework" / "Late"
            assert _temp_file_appears(folder)  # the hand-in began while it was open
            clock.advance(HOURS)  # six hours of a byte now and then
            sock.sendall(essay)
            answer = read_until_closed(sock)
    finally:
        engine.stop()
    kept = sorted(p.name for p in folder.iterdir())
    assert not answer.startswith(b"HTTP/1.1 201"), (answer.partition(b"\r\n")[0], kept)
    assert kept == [], f"stored {kept} six hours after the deadline"


def test_a_burst_of_new_names_from_one_address_stays_within_the_limit(share: Path,
                                                                       tmp_path: Path):
    clock = ManualClock()
    engine = ServerEngine(clock=clock)
    engine.start(ServerConfig(root=share, port=0, collect=CollectConfig(
        "Homework", None, tmp_path / "collect.json")))
    made: list[int] = []
    try:
        for burst in range(5):
            clock.advance(WINDOW_SECONDS + 1)  # a fresh window for each burst
            start = threading.Barrier(BURST)

            def give(i: int, burst: int = burst, start: threading.Barrier = start) -> int:
                browser = Browser(engine.port)
                start.wait()
                return browser.give_name(f"P{burst}-{i}")

            with ThreadPoolExecutor(BURST) as pool:
                made.append(list(pool.map(give, range(BURST))).count(303))
    finally:
        engine.stop()
    assert max(made) <= NEW_PEOPLE_PER_WINDOW, f"new people per burst: {made}"


def test_a_new_person_never_takes_a_folder_on_disk_written_decomposed(share: Path,
                                                                     tmp_path: Path,
                                                                     server_factory):
    earlier = share / "Homework" / unicodedata.normalize("NFD", "Café")
    earlier.mkdir(parents=True)
    (earlier / "essay.txt").write_bytes(b"THE EARLIER CAFE'S ESSAY")
    running = server_factory(share, collect=CollectConfig("Homework", None,
                                                          tmp_path / "collect.json"))
    stranger = Browser(running.port)
    assert stranger.give_name(unicodedata.normalize("NFC", "Café")) == 303
    assert stranger.hand_in([("essay.txt", b"A STRANGER'S ESSAY")])[0] == 303
    folders = [unicodedata.normalize("NFC", p.name) for p in (share / "Homework").iterdir()]
    assert sorted(folders) == ["Café", "Café (2)"], folders


INVISIBLE = ["\u3164", "\u115f\u1160", "\uffa0", "\u034f"]  # default-ignorable, not category Cf


@pytest.mark.parametrize("invisible", INVISIBLE, ids=lambda s: f"U+{ord(s[0]):04X}")
def test_a_label_of_invisible_characters_is_refused_or_numbered(share: Path, tmp_path: Path,
                                                                server_factory, invisible: str):
    running = server_factory(share, collect=CollectConfig("Homework", None,
                                                          tmp_path / "collect.json"))
    assert Browser(running.port).give_name(invisible) == 400  # nothing visible was typed
    assert Browser(running.port).give_name("Ana") == 303
    twin = Browser(running.port)
    assert twin.give_name("Ana" + invisible) == 303
    assert twin.hand_in([("essay.txt", b"twin")])[0] == 303
    assert (share / "Homework" / "Ana (2)" / "essay.txt").read_bytes() == b"twin"
