"""Attack: one client fills the server-wide cap of tus records with uploads it has already
finished. The per-account (and per-address) cap counts only unfinished uploads, but the
server-wide cap (MAX_UPLOADS, 4096) counts every record, and a finished record is kept a day.
A zero-length upload is finished by its POST, so a single account or visitor can take every
record in seconds (4096 POSTs took 11 s over the loopback); everyone else then gets 429 from
the tus endpoint for a day. Reproduction against the real server: /tmp/pt2/cap_finished.py.
Here the caps are made small (per account 2, in all 8) so the test stays fast. Fixed: when the
records are full, the oldest finished ones are forgotten to make room."""

from __future__ import annotations

import base64
from pathlib import Path

import pytest

from server.auth import Authenticator
from server.tus_store import TusStore
from server.users import UserStore
from tests.server.tus_http import create

PASSWORD = "correct horse battery"
PER_OWNER, TOTAL = 2, 8


def basic(name: str) -> str:
    return "Basic " + base64.b64encode(f"{name}:{PASSWORD}".encode()).decode()


@pytest.fixture
def small_caps(monkeypatch):
    monkeypatch.setitem(TusStore.__init__.__kwdefaults__, "per_owner", PER_OWNER)
    monkeypatch.setitem(TusStore.__init__.__kwdefaults__, "total", TOTAL)


def _fill_with_finished_uploads(port: int, auth: str | None) -> int:
    made = 0
    for n in range(TOTAL + 1):
        answer = create(port, f"empty{n}.txt", 0, auth=auth)
        if answer.status != 201:
            break
        made += 1
    return made


def test_one_account_cannot_lock_others_out_with_finished_uploads(
        small_caps, server_factory, share: Path, private_config_dir: Path, tmp_path: Path):
    users = UserStore(private_config_dir / "users.toml")
    users.load()
    users.add("mallory", PASSWORD, can_upload=True)
    users.add("ana", PASSWORD, can_upload=True)
    running = server_factory(share, upload=True, tus_state=tmp_path / "tus",
                             auth=Authenticator(users, "Pier - share"))
    _fill_with_finished_uploads(running.port, basic("mallory"))
    answer = create(running.port, "honest.bin", 5, auth=basic("ana"))
    assert answer.status == 201, answer.status


def test_one_visitor_cannot_lock_everyone_out_with_finished_uploads(
        small_caps, server_factory, share: Path, tmp_path: Path):
    running = server_factory(share, upload=True, tus_state=tmp_path / "tus")
    _fill_with_finished_uploads(running.port, None)
    answer = create(running.port, "honest.bin", 5)  # finished records make room for it
    assert answer.status == 201, answer.status
