from __future__ import annotations

import csv
import json
from dataclasses import asdict
from pathlib import Path

from app.log_export import FIELDS, export_records
from server.records import RequestRecord


def sample(i: int) -> RequestRecord:
    return RequestRecord(time=1_700_000_000.5 + i, client=f"192.168.1.{i}", user="", method="GET",
                         path=f"/caf%C3%A9/{i},\"quoted\".txt", status=200 + i, bytes_sent=i * 10,
                         duration=0.001 * i, user_agent="curl/8", referer="", tls=False)


def test_csv_has_a_header_and_one_row_per_record(tmp_path: Path) -> None:
    records = [sample(i) for i in range(3)]
    path = tmp_path / "out.csv"
    assert export_records(records, path) == 3
    with path.open(newline="", encoding="utf-8") as handle:
        rows = list(csv.reader(handle))
    assert tuple(rows[0]) == FIELDS
    assert [row[FIELDS.index("path")] for row in rows[1:]] == [r.path for r in records]
    assert [int(row[FIELDS.index("status")]) for row in rows[1:]] == [200, 201, 202]


def test_jsonl_is_one_object_per_line(tmp_path: Path) -> None:
    records = [sample(i) for i in range(4)]
    path = tmp_path / "out.jsonl"
    assert export_records(records, path) == 4
    lines = path.read_text(encoding="utf-8").splitlines()
    assert [json.loads(line) for line in lines] == [asdict(r) for r in records]


def test_empty_export_writes_only_the_header(tmp_path: Path) -> None:
    path = tmp_path / "empty.csv"
    assert export_records([], path) == 0
    assert path.read_text(encoding="utf-8").strip() == ",".join(FIELDS)
