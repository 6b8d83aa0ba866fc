"""Re-attack of the settings-change fix: a collect hand-in routed before collect mode is
switched off (or the share moves to another folder) still commits: HandInAccess.may never asks
the rules in force (server/rules_in_force.py), unlike FileAccess.may."""

from __future__ import annotations

import socket
import uuid
from dataclasses import replace
from pathlib import Path

import pytest

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


@pytest.mark.xfail(strict=True, reason="HandInAccess.may does not ask the rules in force: a "
                   "hand-in routed before collect mode went off still saves its files")
def test_a_hand_in_begun_before_collect_mode_went_off_saves_nothing(share: Path,
                                                                    tmp_path: Path) -> None:
    answer, kept = _hand_in_across(share, tmp_path, lambda c: replace(c, collect=None))
    assert not answer.startswith(b"HTTP/1.1 201"), (answer.partition(b"\r\n")[0], kept)
    assert kept == [], f"stored {kept} after collect mode was switched off"


@pytest.mark.xfail(strict=True, reason="HandInAccess.may does not ask the rules in force: a "
                   "hand-in routed before the share moved to another folder still writes "
                   "into the old folder")
def test_a_hand_in_begun_before_the_folder_changed_saves_nothing_in_the_old_one(
        share: Path, tmp_path: Path) -> None:
    other = tmp_path / "other"
    other.mkdir()
    answer, kept = _hand_in_across(share, tmp_path, lambda c: replace(c, root=other))
    assert not answer.startswith(b"HTTP/1.1 201"), (answer.partition(b"\r\n")[0], kept)
    assert kept == [], f"stored {kept} in the folder no longer shared"
