"""server.atomic: the one writer of Pier's own files."""

from __future__ import annotations

import os
import stat
from pathlib import Path

import pytest

from server.atomic import write_atomic


def test_failed_write_keeps_the_old_file_and_leaves_no_temp(tmp_path: Path,
                                                            monkeypatch: pytest.MonkeyPatch):
    target = tmp_path / "settings.toml"
    target.write_text("old", encoding="utf-8")

    def broken_fsync(_fd: int) -> None:
        raise OSError(28, "No space left on device")

    monkeypatch.setattr(os, "fsync", broken_fsync)
    with pytest.raises(OSError):
        write_atomic(target, b"new")
    assert target.read_text(encoding="utf-8") == "old"
    assert os.listdir(tmp_path) == ["settings.toml"]


def test_private_files_are_0600_from_the_start(tmp_path: Path):
    target = tmp_path / "users.toml"
    write_atomic(target, b"secret", private=True)
    assert stat.S_IMODE(target.stat().st_mode) == 0o600
    write_atomic(target, b"public")
    assert target.read_bytes() == b"public"
