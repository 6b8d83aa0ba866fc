"""server/accesslog.py: Combined Log Format lines that cannot be forged, written and rotated."""

from __future__ import annotations

import re
import threading
import time
from pathlib import Path

import pytest

from server import accesslog
from server.accesslog import AccessLog, combined_line, escape
from server.records import RequestRecord

WHEN = 1_700_000_000.0


def record(**changes: object) -> RequestRecord:
    fields: dict[str, object] = {
        "time": WHEN, "client": "192.0.2.1", "user": "", "method": "GET", "path": "/a.txt",
        "status": 200, "bytes_sent": 13, "duration": 0.01, "user_agent": "curl/8",
        "referer": "", "tls": False}
    fields.update(changes)
    return RequestRecord(**fields)  # type: ignore[arg-type]


def test_a_line_in_combined_log_format():
    stamp = time.strftime("%d/%b/%Y:%H:%M:%S %z", time.localtime(WHEN))
    assert combined_line(record(user="alice", referer="http://x/")) == (
        f'192.0.2.1 - alice [{stamp}] "GET /a.txt HTTP/1.1" 200 13 "http://x/" "curl/8"')


def test_missing_values_are_dashes():
    line = combined_line(record(method="", bytes_sent=0, user_agent=""))
    assert re.fullmatch(r'192\.0\.2\.1 - - \[[^]]+\] "-" 200 - "-" "-"', line)


@pytest.mark.parametrize(("raw", "escaped"), [
    ('say "hi"', "say \\x22hi\\x22"),
    ("back\\slash", "back\\x5cslash"),
    ("new\nline", "new\\x0aline"),
    ("\x1b[31mred", "\\x1b[31mred"),
    ("c1\x9b", "c1\\x9b"),
    ("café", "café"),
])
def test_quotes_backslashes_and_control_characters_are_escaped(raw, escaped):
    assert escape(raw) == escaped


def test_a_forged_user_agent_stays_inside_its_quotes():
    line = combined_line(record(user_agent='x" 200 1 "-" "y\n192.0.2.9 - admin'))
    assert "\n" not in line and line.count('"') == 6


def test_the_log_is_written_by_many_threads_and_rotated(tmp_path: Path, monkeypatch):
    monkeypatch.setattr(accesslog, "MAX_BYTES", 2000)
    path = tmp_path / "logs" / "access.log"
    log = AccessLog(path)  # makes its folder
    writers = [threading.Thread(target=lambda: [log.write(record()) for _ in range(20)])
               for _ in range(4)]
    for writer in writers:
        writer.start()
    for writer in writers:
        writer.join(10)
    log.close()
    files = [path, *(path.with_name(f"access.log.{i}") for i in (1, 2, 3))]
    lines = [line for f in files if f.exists() for line in f.read_text().splitlines()]
    assert path.with_name("access.log.1").exists()
    assert not path.with_name("access.log.4").exists()  # at most BACKUPS old files
    assert all(line == combined_line(record()) for line in lines)  # never interleaved
