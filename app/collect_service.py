"""Collect mode's checklist for the window (issue 18), without Qt: who handed in, how much and
when, matched against the roster the owner pasted or loaded.

The server keeps the people in ``collect.json`` (``server.collect.read_people``) and their files
in ``<share>/NAME/<person folder>/``. ``scan`` reads both, cheaply and bounded: one directory
listing per person (hand-ins are flat files), at most ``MAX_ENTRIES`` entries in all, links and
Pier's temporary names left out. ``build_checklist`` matches roster names to people's folders
and labels, ignoring case, accents and repeated spaces; what nobody expected is listed apart.
``checklist_csv`` is the Export; ``countdown`` and ``collect_summary`` are the window's words.
"""

from __future__ import annotations

import csv
import io
import math
import os
import re
import stat
import time
import unicodedata
from collections.abc import Iterable
from dataclasses import dataclass, field
from datetime import datetime
from pathlib import Path

from app.i18n import translate
from server.atomic import write_atomic
from server.collect import CollectConfig, local_time, read_people
from server.errors import ConfigError
from server.own_paths import is_trash_name
from server.uploads import is_temp_name

MAX_ENTRIES = 100_000  # directory entries one scan looks at, over every person's folder
MAX_ROSTER = 10_000  # names kept from a pasted or loaded roster
MAX_ROSTER_BYTES = 1024 * 1024  # a roster file larger than this is not a list of names
CSV_FIELDS = ("name", "on_roster", "handed_in", "files", "bytes", "last_file", "folders")
_NUMBERED = re.compile(r"^(.*\S) \(\d+\)$")  # "Ana (2)": the server's second "Ana"
_FORMULA_START = ("=", "+", "-", "@", "\t", "\r")  # what a spreadsheet would run as a formula


@dataclass(frozen=True, slots=True)
class HandIn:
    """One person's folder: ``label`` is what they typed (or their account's name)."""

    label: str
    folder: str
    files: int = 0
    bytes: int = 0
    last: float | None = None  # mtime of the newest file, epoch seconds


@dataclass(frozen=True, slots=True)
class CollectScan:
    folder: Path  # <share>/NAME
    exists: bool  # NAME/ is made at the first hand-in
    hand_ins: tuple[HandIn, ...] = ()
    partial: bool = False  # MAX_ENTRIES was reached: some folders were not counted


def _count_files(path: Path, budget: int) -> tuple[int, int, float | None, int]:
    """(files, bytes, newest mtime, entries looked at) of one person's folder, flat."""
    files = size = seen = 0
    newest: float | None = None
    try:
        with os.scandir(path) as entries:
            for entry in entries:
                seen += 1
                if seen > budget:
                    break
                if is_temp_name(entry.name) or is_trash_name(entry.name):
                    continue
                try:
                    info = entry.stat(follow_symlinks=False)
                except OSError:
                    continue
                if not stat.S_ISREG(info.st_mode):
                    continue
                files += 1
                size += info.st_size
                newest = info.st_mtime if newest is None else max(newest, info.st_mtime)
    except OSError:
        pass
    return files, size, newest, seen


def _folders_on_disk(folder: Path) -> list[str]:
    try:
        with os.scandir(folder) as entries:
            return [e.name for e in entries if e.is_dir(follow_symlinks=False)
                    and not is_temp_name(e.name) and not is_trash_name(e.name)]
    except OSError:
        return []


def scan(root: Path, name: str, state_file: Path | None) -> CollectScan:
    """The hand-ins in ``<root>/<name>``: the people of ``state_file`` in the order they came,
    then folders on disk that no person names (a state file lost or replaced)."""
    folder = root / name
    on_disk = _folders_on_disk(folder)
    people = sorted(read_people(state_file), key=lambda p: p.created) if state_file else []
    labels = {p.folder: p.label for p in people}
    order = [p.folder for p in people] + sorted(set(on_disk) - set(labels))
    present = set(on_disk)
    budget, partial, found = MAX_ENTRIES, False, []
    for person_folder in dict.fromkeys(order):
        label = labels.get(person_folder, person_folder)
        if person_folder not in present or budget <= 0:
            partial = partial or (person_folder in present)
            found.append(HandIn(label, person_folder))
            continue
        files, size, newest, seen = _count_files(folder / person_folder, budget)
        budget -= seen
        partial = partial or budget < 0
        found.append(HandIn(label, person_folder, files, size, newest))
    return CollectScan(folder, folder.is_dir(), tuple(found), partial)


def fold(text: str) -> str:
    """A name as the roster compares it: no accents, no case, single spaces."""
    decomposed = unicodedata.normalize("NFKD", text)
    plain = "".join(c for c in decomposed if not unicodedata.combining(c))
    return " ".join(plain.casefold().split())


def parse_roster(text: str) -> tuple[str, ...]:
    """One name a line; blank lines, repeats (as ``fold`` sees them) and spaces around dropped."""
    names: dict[str, str] = {}
    for line in text.splitlines():
        name = " ".join(line.split())
        if name and fold(name) not in names and len(names) < MAX_ROSTER:
            names[fold(name)] = name
    return tuple(names.values())


def read_roster(path: Path) -> tuple[str, ...]:
    """A roster from a text file (UTF-8, else Latin-1); ValueError with a sentence."""
    try:
        with path.open("rb") as handle:
            data = handle.read(MAX_ROSTER_BYTES + 1)
    except OSError as err:
        raise ValueError(translate("CollectService", "Could not read {file}: {reason}.").format(
            file=path.name, reason=err.strerror or err)) from None
    if len(data) > MAX_ROSTER_BYTES:
        raise ValueError(translate("CollectService", "{file} is larger than 1 MB: not a list of "
                                   "names.").format(file=path.name))
    try:
        text = data.decode("utf-8-sig")
    except UnicodeDecodeError:
        text = data.decode("latin-1")
    return parse_roster(text)


@dataclass(frozen=True, slots=True)
class ChecklistRow:
    name: str
    on_roster: bool
    files: int = 0
    bytes: int = 0
    last: float | None = None
    folders: tuple[str, ...] = field(default=())

    @property
    def handed_in(self) -> bool:
        return self.files > 0


@dataclass(frozen=True, slots=True)
class Checklist:
    roster: tuple[ChecklistRow, ...]  # in the roster's order
    unexpected: tuple[ChecklistRow, ...]  # handed in, matched by no roster name

    @property
    def handed_in(self) -> int:
        return sum(1 for row in self.roster if row.handed_in)

    def rows(self) -> tuple[ChecklistRow, ...]:
        return self.roster + self.unexpected


def _keys(hand_in: HandIn) -> tuple[str, ...]:
    """What a roster name may equal, best first: the folder, the label, the folder without
    its number ("Ana (2)" -> "Ana")."""
    numbered = _NUMBERED.match(hand_in.folder)
    base = numbered.group(1) if numbered else hand_in.folder
    return fold(hand_in.folder), fold(hand_in.label), fold(base)


def _row(name: str, on_roster: bool, hand_ins: list[HandIn]) -> ChecklistRow:
    times = [h.last for h in hand_ins if h.last is not None]
    return ChecklistRow(name, on_roster, sum(h.files for h in hand_ins),
                        sum(h.bytes for h in hand_ins), max(times) if times else None,
                        tuple(h.folder for h in hand_ins))


def build_checklist(roster: Iterable[str], hand_ins: Iterable[HandIn]) -> Checklist:
    """Each person goes to the first roster name equal to one of their keys; a roster name
    may gather several people (two browsers that both typed "Ana": folders "Ana" and "Ana (2)").
    People with files whom no roster name matches are the unexpected ones."""
    names = parse_roster("\n".join(roster))
    index = {fold(name): name for name in names}
    matched: dict[str, list[HandIn]] = {name: [] for name in names}
    unexpected: list[HandIn] = []
    for hand_in in hand_ins:
        name = next((index[key] for key in _keys(hand_in) if key in index), None)
        if name is not None:
            matched[name].append(hand_in)
        elif hand_in.files:
            unexpected.append(hand_in)
    unexpected.sort(key=lambda h: (fold(h.label), fold(h.folder)))
    return Checklist(tuple(_row(name, True, matched[name]) for name in names),
                     tuple(_row(h.label, False, [h]) for h in unexpected))


def iso_time(epoch: float | None) -> str:
    """Local time with its offset, e.g. 2026-12-05T14:03:27+01:00; "" for none."""
    if epoch is None:
        return ""
    return datetime.fromtimestamp(epoch).astimezone().isoformat(timespec="seconds")


def _cell(value: str) -> str:
    """Names are typed by visitors: one that starts like a formula is kept as text."""
    return "'" + value if value.startswith(_FORMULA_START) else value


def checklist_csv(checklist: Checklist) -> str:
    out = io.StringIO()
    writer = csv.writer(out, lineterminator="\r\n")
    writer.writerow(CSV_FIELDS)
    for row in checklist.rows():
        writer.writerow([_cell(row.name), "yes" if row.on_roster else "no",
                         "yes" if row.handed_in else "no", row.files, row.bytes,
                         iso_time(row.last), _cell("; ".join(row.folders))])
    return out.getvalue()


def write_checklist_csv(path: Path, checklist: Checklist) -> None:
    """Export: UTF-8 with a byte-order mark (spreadsheets then read accents right), atomic."""
    write_atomic(path, checklist_csv(checklist).encode("utf-8-sig"))


def short_time(epoch: float | None, now: float) -> str:
    """"14:03" today, "2026-12-04 14:03" another day, "" for none."""
    if epoch is None:
        return ""
    same_day = time.localtime(epoch)[:3] == time.localtime(now)[:3]
    return time.strftime("%H:%M" if same_day else "%Y-%m-%d %H:%M", time.localtime(epoch))


def countdown(until: float | None, now: float) -> str:
    """"closes in 1 h 12 min", "closed at 14:00", or "open, no deadline"."""
    if until is None:
        return translate("CollectService", "open, no deadline")
    left = until - now
    if left <= 0:
        return translate("CollectService", "closed at {time}").format(time=short_time(until, now))
    minutes = math.ceil(left / 60)
    days, hours, mins = minutes // 1440, minutes // 60 % 24, minutes % 60
    if days:
        return translate("CollectService", "closes in {days} d {hours} h").format(
            days=days, hours=hours)
    if hours:
        return translate("CollectService", "closes in {hours} h {minutes} min").format(
            hours=hours, minutes=mins)
    return translate("CollectService", "closes in {minutes} min").format(minutes=mins)


def collect_summary(name: str, until: float | None) -> str:
    """The line under Start: "Collecting files into Hand-ins until 2026-12-05 14:00"."""
    if until is None:
        return translate("CollectService", "Collecting files into {folder} (no deadline)").format(
            folder=name)
    return translate("CollectService", "Collecting files into {folder} until {time}").format(
        folder=name, time=local_time(until))


def collect_config(name: str | None, until: float | None, state_file: Path,
                   now: float) -> CollectConfig | None:
    """The window's "Collect files" as the engine's collect mode (None when off); ConfigError
    for a folder name that is not one, or a deadline already past."""
    if name is None:
        return None
    if until is not None and until <= now:
        raise ConfigError(translate("CollectService", "The hand-in deadline has already passed: "
                                    "choose a later one, or turn the deadline off."))
    return CollectConfig(name.strip(), until, state_file).validated()
