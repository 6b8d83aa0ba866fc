"""The collect checklist's service: scanning NAME/, matching the roster, the CSV, the words."""

from __future__ import annotations

import csv
import io
import os
import time
from datetime import datetime
from pathlib import Path

import pytest

from app import collect_service
from app.collect_service import (
    HandIn,
    build_checklist,
    checklist_csv,
    collect_config,
    collect_summary,
    countdown,
    fold,
    parse_roster,
    read_roster,
    scan,
    write_checklist_csv,
)
from server.collect import CollectPeople
from server.errors import ConfigError


def hand_in(root: Path, folder: str, files: dict[str, bytes], mtime: float) -> None:
    person = root / "Homework" / folder
    person.mkdir(parents=True, exist_ok=True)
    for name, data in files.items():
        (person / name).write_bytes(data)
        os.utime(person / name, (mtime, mtime))


@pytest.fixture
def state(tmp_path: Path) -> Path:
    return tmp_path / "config" / "collect.json"


def test_scan_counts_each_persons_files_sizes_and_newest_time(tmp_path: Path,
                                                              state: Path) -> None:
    state.parent.mkdir()
    people = CollectPeople(state)
    ana, ana2, bo = (people.new_visitor("Ana"), people.new_visitor("Ana"),
                     people.new_visitor("Bo"))
    assert (ana.folder, ana2.folder) == ("Ana", "Ana (2)")
    share = tmp_path / "share"
    hand_in(share, "Ana", {"a.txt": b"12345", "b.txt": b"123"}, 1_700_000_100)
    hand_in(share, "Ana (2)", {"a.txt": b"1"}, 1_700_000_300)
    (share / "Homework" / "Ana" / "later.txt").symlink_to(share / "Homework" / "Ana" / "a.txt")
    (share / "Homework" / "Ana" / ".pier-upload-0123456789abcdef.part").write_bytes(b"unfinished")
    hand_in(share, "Lost", {"x.bin": b"xx"}, 1_700_000_200)  # no person names it
    found = scan(share, "Homework", state)
    assert found.exists and not found.partial
    by_folder = {h.folder: h for h in found.hand_ins}
    assert by_folder["Ana"] == HandIn("Ana", "Ana", 2, 8, 1_700_000_100)
    assert by_folder["Ana (2)"] == HandIn("Ana", "Ana (2)", 1, 1, 1_700_000_300)
    assert by_folder[bo.folder] == HandIn("Bo", "Bo", 0, 0, None)  # gave a name, no file yet
    assert by_folder["Lost"] == HandIn("Lost", "Lost", 1, 2, 1_700_000_200)
    assert [h.folder for h in found.hand_ins][:3] == ["Ana", "Ana (2)", "Bo"]


def test_scan_before_any_hand_in_and_its_bound(tmp_path: Path, state: Path,
                                               monkeypatch: pytest.MonkeyPatch) -> None:
    empty = scan(tmp_path, "Homework", state)
    assert not empty.exists and empty.hand_ins == ()
    for folder in ("A", "B", "C"):
        hand_in(tmp_path, folder, {f"{n}.txt": b"x" for n in range(3)}, 1_700_000_000)
    monkeypatch.setattr(collect_service, "MAX_ENTRIES", 4)
    bounded = scan(tmp_path, "Homework", None)
    assert bounded.partial
    assert sum(h.files for h in bounded.hand_ins) <= 4


def test_roster_names_match_labels_and_folders_without_case_or_accents() -> None:
    assert fold("  JOSÉ   Núñez ") == "jose nunez" == fold("jose nunez")
    hand_ins = [HandIn("jose nunez", "jose nunez", 1, 10, 5.0),
                HandIn("ZOË", "ZOË", 2, 20, 7.0),
                HandIn("Ana", "Ana", 1, 1, 1.0), HandIn("Ana", "Ana (2)", 2, 2, 9.0),
                HandIn("Eve", "Eve", 3, 3, 3.0), HandIn("Quiet", "Quiet", 0, 0, None)]
    checklist = build_checklist(["José Núñez", "zoe", "ana", "Maria"], hand_ins)
    rows = {row.name: row for row in checklist.roster}
    assert list(rows) == ["José Núñez", "zoe", "ana", "Maria"]
    assert rows["José Núñez"].handed_in and rows["José Núñez"].files == 1
    assert rows["zoe"].folders == ("ZOË",) and rows["zoe"].bytes == 20
    # two browsers that both typed "Ana" both count for the roster's Ana, folders named
    assert (rows["ana"].files, rows["ana"].last, rows["ana"].folders) == (3, 9.0,
                                                                         ("Ana", "Ana (2)"))
    assert not rows["Maria"].handed_in and rows["Maria"].folders == ()
    assert checklist.handed_in == 3
    # who handed in without being expected is apart; who gave a name only is not listed
    assert [(r.name, r.on_roster, r.files) for r in checklist.unexpected] == [("Eve", False, 3)]


def test_a_numbered_folder_on_the_roster_is_that_person_alone() -> None:
    hand_ins = [HandIn("Ana", "Ana", 1, 1, 1.0), HandIn("Ana", "Ana (2)", 2, 2, 2.0)]
    rows = build_checklist(["Ana", "Ana (2)"], hand_ins).roster
    assert [(r.name, r.folders) for r in rows] == [("Ana", ("Ana",)), ("Ana (2)", ("Ana (2)",))]


def test_roster_text_and_files(tmp_path: Path) -> None:
    assert parse_roster("Ana\n\n  Bo   Li \nana\nANA\r\nZoë\n") == ("Ana", "Bo Li", "Zoë")
    utf8 = tmp_path / "class.txt"
    utf8.write_bytes("\ufeffAna\nZoë\n".encode())
    assert read_roster(utf8) == ("Ana", "Zoë")
    latin = tmp_path / "old.txt"
    latin.write_bytes("Zoë\nJosé\n".encode("latin-1"))
    assert read_roster(latin) == ("Zoë", "José")
    with pytest.raises(ValueError, match=r"Could not read missing\.txt"):
        read_roster(tmp_path / "missing.txt")
    big = tmp_path / "big.txt"
    big.write_bytes(b"x" * (collect_service.MAX_ROSTER_BYTES + 1))
    with pytest.raises(ValueError, match="not a list of names"):
        read_roster(big)


def test_csv_has_every_row_and_reads_back(tmp_path: Path) -> None:
    when = datetime(2026, 12, 5, 14, 3, 27).timestamp()
    hand_ins = [HandIn("Ana", "Ana", 2, 300, when), HandIn("=HYPERLINK(1)", "HYPERLINK(1)", 1,
                                                             5, when)]
    checklist = build_checklist(["Ana", "Bo"], hand_ins)
    path = tmp_path / "out.csv"
    write_checklist_csv(path, checklist)
    assert path.read_bytes().startswith(b"\xef\xbb\xbf")
    with path.open(encoding="utf-8-sig", newline="") as handle:
        rows = list(csv.DictReader(handle))
    assert [r["name"] for r in rows] == ["Ana", "Bo", "'=HYPERLINK(1)"]
    ana, bo, eve = rows
    assert (ana["on_roster"], ana["handed_in"], ana["files"], ana["bytes"]) == (
        "yes", "yes", "2", "300")
    assert datetime.fromisoformat(ana["last_file"]).timestamp() == when
    assert datetime.fromisoformat(ana["last_file"]).tzinfo is not None
    assert (bo["handed_in"], bo["files"], bo["last_file"], bo["folders"]) == ("no", "0", "", "")
    assert (eve["on_roster"], eve["folders"]) == ("no", "HYPERLINK(1)")
    assert next(csv.reader(io.StringIO(checklist_csv(checklist)))) == list(
        collect_service.CSV_FIELDS)


def test_countdown_words() -> None:
    now = datetime(2026, 12, 5, 12, 48).timestamp()
    assert countdown(None, now) == "open, no deadline"
    assert countdown(now + 72 * 60, now) == "closes in 1 h 12 min"
    assert countdown(now + 30, now) == "closes in 1 min"
    assert countdown(now + 59 * 60, now) == "closes in 59 min"
    assert countdown(now + 2 * 86400 + 3 * 3600, now) == "closes in 2 d 3 h"
    deadline = datetime(2026, 12, 5, 14, 0).timestamp()
    assert countdown(deadline, deadline) == "closed at 14:00"
    assert countdown(deadline, deadline + 86400) == "closed at 2026-12-05 14:00"


def test_summary_and_config_from_the_window(tmp_path: Path) -> None:
    until = datetime(2026, 12, 5, 14, 0).timestamp()
    assert collect_summary("Hand-ins", until) == "Collecting files into Hand-ins until " \
                                                  "2026-12-05 14:00"
    assert collect_summary("Hand-ins", None) == "Collecting files into Hand-ins (no deadline)"
    state = tmp_path / "collect.json"
    assert collect_config(None, None, state, time.time()) is None
    config = collect_config(" Hand-ins ", until, state, until - 60)
    assert config is not None
    assert (config.name, config.until, config.state_file) == ("Hand-ins", until, state)
    with pytest.raises(ConfigError, match="already passed"):
        collect_config("Hand-ins", until, state, until)
    with pytest.raises(ConfigError, match="one folder name"):
        collect_config("a/b", None, state, until)
