"""Regular expressions that backtrack quadratically on hostile input (found by an attack on the
running server).

Fixed with possessive quantifiers. Before, server/http11.py's field pattern
``NAME:[ \\t]*([^CTL]*)`` let the blanks after the colon be taken by either part; a value of
blanks ended by one control character was tried every way before it was refused: ~0.25 s of
CPU for one 8 KiB header line, on the serve thread, holding
the GIL. A LAN client sending such 8 KiB heads on a few connections keeps every other client
of the share waiting seconds (8 connections: ~2 s per request). server/multipart.py's
parameter pattern (``[^;]*?`` then ``\\s*(?=;|$)``) does the same on a part's
Content-Disposition: ~2 s per 16 KiB part header, up to 1000 parts per request, on a worker
that holds the GIL, so the whole share stops for any uploader (anyone on a share with uploads
and no login).

A backtracking cost is only observable as work, so each check runs in a child process whose
CPU is capped at 1 s by RLIMIT_CPU (the kernel kills it with SIGXCPU past it). A linear
parser does all of the work below in about a millisecond; the parsers today need more than
ten seconds. The margin is four orders of magnitude: nothing here measures time in the test.
"""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

import pytest

resource = pytest.importorskip("resource")  # RLIMIT_CPU: not on Windows

REPO = Path(__file__).resolve().parents[2]

_CAP = """
import resource
resource.setrlimit(resource.RLIMIT_CPU, (1, 2))  # seconds of CPU; then SIGXCPU
"""


def run_capped(body: str) -> subprocess.CompletedProcess[str]:
    return subprocess.run([sys.executable, "-c", _CAP + body], cwd=REPO, capture_output=True,
                          text=True, timeout=60)


HEADER_FIELD = """
from server.config import Limits
from server.http11 import HttpError, parse_head

limits = Limits()
blanks = b" " * (limits.max_header_line - len(b"X:") - 1)  # the line is exactly at the limit
head = b"GET / HTTP/1.1\\r\\nHost: localhost\\r\\nX:" + blanks + b"\\x01\\r\\n\\r\\n"
for _ in range(40):  # 40 connections' worth of heads
    try:
        parse_head(head, limits)
    except HttpError as err:
        assert err.status == 400, err.status
    else:
        raise SystemExit("a control character in a header value was accepted")
print("parsed")
"""


def test_a_header_line_of_blanks_and_a_control_character_is_refused_cheaply():
    done = run_capped(HEADER_FIELD)
    assert done.returncode == 0 and "parsed" in done.stdout, (done.returncode, done.stderr[-500:])


MULTIPART_PARAMS = """
from server.multipart import parse_header_params
from server.uploads import UploadRefused

value = "form-data; name=a" + " " * 16000 + "b"  # a part header within max_part_headers
for _ in range(3):
    try:
        parse_header_params(value)
    except UploadRefused:
        pass
boundary = "multipart/form-data; boundary=a" + " " * 8000 + "b"  # a request header line
try:
    parse_header_params(boundary)
except UploadRefused:
    pass
print("parsed")
"""


def test_multipart_parameters_with_long_blank_runs_are_parsed_cheaply():
    done = run_capped(MULTIPART_PARAMS)
    assert done.returncode == 0 and "parsed" in done.stdout, (done.returncode, done.stderr[-500:])
