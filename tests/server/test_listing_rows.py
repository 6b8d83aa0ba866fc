"""server/listing_rows.py writes each JSON entry by hand for speed: it must be byte for byte what
json.dumps(ensure_ascii=False, compact) makes of the entry's fields, for any name and time."""

from __future__ import annotations

import json
import math
from urllib.parse import quote

import pytest

from server.listing import render_json, sort_entries
from server.listing_entries import Entry, json_safe, path_href, utc_iso
from server.listing_rows import HtmlRows, JsonRows
from server.page_i18n import language

NAMES = ["plain.txt", "a b.txt", "é.png", '<b>&"\'.html', "a\udcff.bin", "\u202eevil.txt",
         "tab\there", "back\\slash", "q?#%", "日本語.mp3", "a\x7fb", "\x01ctl", "folder"]
TIMES = [0.0, 1.5, -1.5, 1733400000.123456, 1733400000, float("inf"), float("-inf"),
         float("nan"), 1e20, -1e20, 2.0**40 + 0.5]


def reference(entry: Entry, base_href: str) -> dict[str, object]:
    """What the JSON listing's entries were before listing_rows: a dict for json.dumps."""
    finite = math.isfinite(entry.mtime)
    return {
        "name": entry.name,
        "type": "dir" if entry.is_dir else "file",
        "size": None if entry.is_dir else entry.size,
        "mtime": entry.mtime if finite else None,
        "modified": utc_iso(entry.mtime) if finite else None,
        "url": base_href + quote(entry.name, safe="", errors="surrogateescape")
        + ("/" if entry.is_dir else ""),
    }


def dumps(value: object) -> str:
    return json.dumps(value, ensure_ascii=False, separators=(",", ":"))


@pytest.mark.parametrize("mtime", TIMES)
@pytest.mark.parametrize("is_dir", [False, True])
def test_each_entry_is_what_json_dumps_makes(mtime: float, is_dir: bool) -> None:
    rows = JsonRows()
    base = path_href("/a b/é/")
    for name in NAMES:
        entry = Entry(name, is_dir, 0 if is_dir else 12_345, mtime)
        assert rows.entry(entry, base) + "}" == dumps(reference(entry, base)), (name, mtime)


@pytest.mark.parametrize(("sort", "order"), [("name", "asc"), ("size", "desc"), ("date", "asc")])
def test_the_document_is_what_json_dumps_makes_of_it(sort: str, order: str) -> None:
    entries = [Entry(name, n % 3 == 0, n * 1000, TIMES[n % len(TIMES)])
               for n, name in enumerate(NAMES)]
    document = {"path": "/x y/", "parent": "/", "sort": sort, "order": order,
                "entries": [reference(e, "/x%20y/") for e in sort_entries(entries, sort, order)]}
    assert render_json("/x y/", entries, sort=sort, order=order) == \
        json_safe(dumps(document)).encode("utf-8")


def test_batches_split_with_commas_and_never_yield_an_empty_piece() -> None:
    entries = [Entry(f"f{n}", False, n, 1.0) for n in range(7)]
    pieces = list(JsonRows().batches(entries, "/", per_batch=3, first_batch=2))
    assert [p.count('"name"') for p in pieces] == [2, 3, 2]
    assert all(p.startswith(",") for p in pieces[1:]) and not pieces[0].startswith(",")
    assert json.loads("[" + "".join(pieces) + "]")[6]["name"] == "f6"
    assert list(JsonRows().batches(entries[:3], "/", per_batch=3)) == [
        ",".join(dumps(reference(e, "/")) for e in entries[:3])]
    assert list(JsonRows().batches([], "/", per_batch=3)) == []


def test_page_rows_come_in_batches_of_the_asked_size_with_their_tally() -> None:
    rows = HtmlRows(language("en"))
    entries = [Entry("d", True, 99, 1.0)] + [Entry(f"f{n}", False, n, 1.0) for n in range(6)]
    pieces = list(rows.batches("/sub/", entries, "", per_batch=3, first_batch=2))
    lines = "".join(pieces).split("\n")
    assert [p.count("<tr") for p in pieces] == [1 + 2, 3, 2]  # the parent's row with the first
    assert lines[0].startswith('<tr class="up">') and len(lines) == 8
    assert all(p.startswith("\n") for p in pieces[1:])
    assert rows.tally == (1, 6, sum(range(6)))  # a folder's size is not counted


def test_an_empty_folder_has_one_row_saying_so() -> None:
    rows = HtmlRows(language("en"))
    assert list(rows.batches("/", [], "", per_batch=3)) == [
        '<tr class="empty"><td colspan="3">This folder is empty.']
    assert rows.tally == (0, 0, 0)
