"""The one way Pier writes sizes and rates, in the window, the page, the log and the CLI.

Decimal units, as the file managers of macOS and GNOME show them (1 kB = 1000 bytes), with at
most three significant digits: "532 B", "1.2 kB", "14.0 MB", "150 MB", "2.1 GB". Halves round
up, with integer arithmetic, so resources/assets/app.js (``humanSize``) writes the same text for
every size."""

from __future__ import annotations

SIZE_UNITS = ("kB", "MB", "GB", "TB", "PB", "EB")


def format_size(size: int) -> str:
    """A byte count for people: "999 B", "1.0 kB", "99.9 kB", "100 kB", "1.0 MB"."""
    size = max(0, int(size))
    if size < 1000:
        return f"{size} B"
    divisor = 1
    for unit in SIZE_UNITS:
        divisor *= 1000
        whole = _round_half_up(size, divisor)
        if whole < 1000 or unit == SIZE_UNITS[-1]:
            tenths = _round_half_up(size * 10, divisor)
            if tenths < 1000:
                return f"{tenths // 10}.{tenths % 10} {unit}"
            return f"{whole} {unit}"
    raise AssertionError("unreachable")


def format_rate(bytes_per_second: float) -> str:
    """A transfer rate: "0 B/s", "512 B/s", "1.5 MB/s"."""
    return f"{format_size(round(max(0.0, bytes_per_second)))}/s"


def _round_half_up(numerator: int, divisor: int) -> int:
    return (2 * numerator + divisor) // (2 * divisor)
