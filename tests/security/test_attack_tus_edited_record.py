"""Hardening: the tus records survive a restart (server/tus_store.py) and are loaded back with
only their types checked. The record's ``name`` is used as is when the upload finishes, so a
record edited while Pier is stopped ("name": "../escaped.bin") publishes the file outside the
upload's folder (and with more "../", outside the share). Needs write access to Pier's private
config folder, hence only defence in depth. Reproduction: /tmp/pt2/restart_record.py."""

from __future__ import annotations

import json
from pathlib import Path

from tests.server.tus_http import patch, started


def test_an_edited_record_cannot_name_a_path(server_factory, share: Path, tmp_path: Path):
    (share / "pub").mkdir()
    state = tmp_path / "tus"
    first = server_factory(share, upload=True, tus_state=state)
    url = started(first.port, "a.bin", 3, folder="/pub")
    first.engine.stop()
    (record,) = state.glob("*.json")
    data = json.loads(record.read_text(encoding="utf-8"))
    data["name"] = "../escaped.bin"
    record.write_text(json.dumps(data), encoding="utf-8")
    second = server_factory(share, upload=True, tus_state=state)
    patch(second.port, url, 0, b"abc")
    assert not (share / "escaped.bin").exists()
