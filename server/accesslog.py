"""An optional access log in Combined Log Format, rotated by size."""

from __future__ import annotations

import logging
import logging.handlers
import re
import time
from pathlib import Path

from server.records import RequestRecord

_UNSAFE = re.compile(r'[\x00-\x1f\x7f-\x9f"\\]')
MAX_BYTES = 5 * 1024 * 1024
BACKUPS = 3


def escape(value: str) -> str:
    """Backslash-escape quotes and control characters so a log line cannot be forged or
    carry terminal escape sequences."""
    return _UNSAFE.sub(lambda m: f"\\x{ord(m.group()):02x}", value)


def combined_line(record: RequestRecord) -> str:
    stamp = time.strftime("%d/%b/%Y:%H:%M:%S %z", time.localtime(record.time))
    request = escape(f"{record.method} {record.path} {record.protocol}") if record.method else "-"
    user = escape(record.user) if record.user else "-"
    size = str(record.bytes_sent) if record.bytes_sent else "-"
    return (f'{record.client} - {user} [{stamp}] "{request}" {record.status} {size} '
            f'"{escape(record.referer) or "-"}" "{escape(record.user_agent) or "-"}"')


class AccessLog:
    def __init__(self, path: Path) -> None:
        path.parent.mkdir(parents=True, exist_ok=True)
        self._handler = logging.handlers.RotatingFileHandler(
            path, maxBytes=MAX_BYTES, backupCount=BACKUPS, encoding="utf-8"
        )
        self._handler.setFormatter(logging.Formatter("%(message)s"))

    def write(self, record: RequestRecord) -> None:
        # handle() takes the handler's lock: workers and the serve thread write concurrently,
        # and a rotation must not interleave with a write.
        self._handler.handle(logging.makeLogRecord({"msg": combined_line(record), "args": None}))

    def close(self) -> None:
        self._handler.close()
