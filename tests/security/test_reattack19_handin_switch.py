"""Re-attack of the settings-change fix: a collect hand-in routed before collect mode is
switched off (or the share moves to another folder, or the deadline is moved before now) must
not commit: HandInAccess.may asks the rules in force (server/rules_in_force.py) like
FileAccess.may, and the deadline in force at commit."""

from __future__ import annotations

import socket
import uuid
from dataclasses import replace
from pathlib import Path

from server.collect import COOKIE, CollectConfig
from server.config import ServerConfig
from server.engine import ServerEngine
from tests.collect_http import FILES, Browser
from tests.conftest import read_until_closed
from tests.security.test_attack18_collect import _temp_file_appears


def _hand_in_across(share: Path, tmp_path: Path, change) -> tuple[bytes, list[str]]:
    engine = ServerEngine()
    config = ServerConfig(root=share, port=0, collect=CollectConfig(
        "Homework", None, tmp_path / "collect.json"))
    engine.start(config)
    try:
        ana = Browser(engine.port)
        assert ana.give_name("Ana") == 303
        boundary = uuid.uuid4().hex
        padding = (f'--{boundary}\r\nContent-Disposition: form-data; name="file"; '
                   'filename="padding.txt"\r\n\r\n').encode() + b"." * 300_000 + b"\r\n"
        essay = (f'--{boundary}\r\nContent-Disposition: form-data; name="file"; '
                 f'filename="essay.txt"\r\n\r\nWRITTEN AFTER COLLECT MODE WENT OFF\r\n'
                 f'--{boundary}--\r\n').encode()
        with socket.create_connection(("127.0.0.1", engine.port), timeout=10) as sock:
            sock.sendall(
                f"POST {FILES}?format=json HTTP/1.1\r\nHost: 127.0.0.1:{engine.port}\r\n"
                f"Cookie: {COOKIE}={ana.cookie}\r\nConnection: close\r\n"
                f"Content-Type: multipart/form-data; boundary={boundary}\r\n"
                f"Content-Length: {len(padding) + len(essay)}\r\n\r\n".encode() + padding)
            folder = share / "Homework" / "Ana"
            assert _temp_file_appears(folder)  # routed and writing under collect mode
            engine.reconfigure(change(config))
            sock.sendall(essay)
            answer = read_until_closed(sock)
    finally:
        engine.stop()
    return answer, sorted(p.name for p in folder.iterdir())


def test_a_hand_in_begun_before_collect_mode_went_off_saves_nothing(share: Path,
                                                                    tmp_path: Path) -> None:
    answer, kept = _hand_in_across(share, tmp_path, lambda c: replace(c, collect=None))
    assert answer.startswith(b"HTTP/1.1 403 "), (answer.partition(b"\r\n")[0], kept)
    assert b"Hand-ins closed at" in answer
    assert kept == [], f"stored {kept} after collect mode was switched off"


def test_a_hand_in_begun_before_the_folder_changed_saves_nothing_in_the_old_one(
        share: Path, tmp_path: Path) -> None:
    other = tmp_path / "other"
    other.mkdir()
    answer, kept = _hand_in_across(share, tmp_path, lambda c: replace(c, root=other))
    assert answer.startswith(b"HTTP/1.1 403 "), (answer.partition(b"\r\n")[0], kept)
    assert b"Hand-ins closed at" in answer
    assert kept == [], f"stored {kept} in the folder no longer shared"


def test_a_hand_in_begun_before_the_deadline_moved_into_the_past_saves_nothing(
        share: Path, tmp_path: Path) -> None:
    closed = CollectConfig("Homework", 1_000_000.0, tmp_path / "collect.json")  # long past
    answer, kept = _hand_in_across(share, tmp_path, lambda c: replace(c, collect=closed))
    assert answer.startswith(b"HTTP/1.1 403 "), (answer.partition(b"\r\n")[0], kept)
    assert b"Hand-ins closed at" in answer
    assert kept == [], f"stored {kept} after the deadline in force had passed"


def test_a_hand_in_across_a_change_that_keeps_collect_mode_is_saved(
        share: Path, tmp_path: Path) -> None:
    answer, kept = _hand_in_across(share, tmp_path, lambda c: replace(c, upload=True))
    assert answer.startswith(b"HTTP/1.1 201"), answer.partition(b"\r\n")[0]
    assert kept == ["essay.txt", "padding.txt"]
