"""Writing request records to CSV or JSON Lines (the format follows the file's suffix)."""

from __future__ import annotations

import csv
import json
from collections.abc import Iterable
from dataclasses import asdict, fields
from pathlib import Path

from server.atomic import write_atomic
from server.records import RequestRecord

# CSV columns: the record's fields, with a resumable upload's mark flattened (JSON nests it)
UPLOAD_FIELDS = ("upload_file", "upload_offset", "upload_length")
FIELDS = tuple(f.name for f in fields(RequestRecord) if f.name != "upload") + UPLOAD_FIELDS
JSONL_SUFFIXES = (".jsonl", ".ndjson", ".json")


def export_records(records: Iterable[RequestRecord], path: Path) -> int:
    """Write ``records`` to ``path`` atomically; return how many were written."""
    if path.suffix.lower() in JSONL_SUFFIXES:
        text, count = _jsonl(records)
    else:
        text, count = _csv(records)
    write_atomic(path, text.encode("utf-8"))
    return count


def _jsonl(records: Iterable[RequestRecord]) -> tuple[str, int]:
    lines = [json.dumps(asdict(record), ensure_ascii=False) for record in records]
    return "".join(line + "\n" for line in lines), len(lines)


class _Buffer:
    def __init__(self) -> None:
        self.parts: list[str] = []

    def write(self, text: str) -> None:
        self.parts.append(text)


def _csv(records: Iterable[RequestRecord]) -> tuple[str, int]:
    buffer = _Buffer()
    writer = csv.writer(buffer)
    writer.writerow(FIELDS)
    count = 0
    for record in records:
        mark = record.upload
        upload = ("", "", "") if mark is None else (mark.file, mark.offset, mark.length)
        writer.writerow([getattr(record, name) for name in FIELDS[:-len(UPLOAD_FIELDS)]]
                        + list(upload))
        count += 1
    return "".join(buffer.parts), count
