"""One size convention for the window, the page, the log and the CLI (issue 22 §3)."""

from __future__ import annotations

import re
import shutil
import subprocess
from pathlib import Path

import pytest

from server.cli import human_bytes
from server.listing import human_size
from server.units import format_rate, format_size

APP_JS = Path(__file__).resolve().parents[2] / "resources" / "assets" / "app.js"


@pytest.mark.parametrize(("size", "text"), [
    (0, "0 B"), (999, "999 B"), (1000, "1.0 kB"), (1234, "1.2 kB"), (1250, "1.3 kB"),
    (99_940, "99.9 kB"), (99_950, "100 kB"), (999_499, "999 kB"), (999_500, "1.0 MB"),
    (1_200_000, "1.2 MB"), (123_456_789, "123 MB"), (2_100_000_000, "2.1 GB"),
    (5 * 10**18, "5.0 EB"), (1500 * 10**18, "1500 EB"),
])
def test_sizes_are_decimal_with_three_significant_digits(size: int, text: str) -> None:
    assert format_size(size) == text


def test_rates_use_the_same_units() -> None:
    assert format_rate(0.4) == "0 B/s"
    assert format_rate(512) == "512 B/s"
    assert format_rate(1536) == "1.5 kB/s"


def test_the_page_and_the_cli_use_the_same_helper() -> None:
    for size in (0, 999, 1234, 99_960, 10**12):
        assert human_size(size) == human_bytes(size) == format_size(size)


@pytest.mark.skipif(shutil.which("node") is None, reason="needs node to run app.js's helper")
def test_app_js_writes_the_same_text() -> None:
    source = APP_JS.read_text(encoding="utf-8")
    function = re.search(r"function humanSize\(size\) \{.*?\n  \}\n", source, re.S)
    assert function is not None
    sizes = [0, 999, 1000, 1049, 1050, 1250, 99_949, 99_950, 999_499, 999_500, 123_456_789,
             10**15 - 1, 2**52]
    sizes += [k * 10**e + d for e in range(3, 13, 3) for k in (1, 5, 95, 999, 9995)
              for d in (-1, 0, 1)]
    script = function.group(0) + f"for (const s of {sizes}) console.log(humanSize(s));"
    out = subprocess.run(["node", "-e", script], capture_output=True, text=True, check=True)
    assert out.stdout.splitlines() == [format_size(size) for size in sizes]
