"""The logs of ``pier serve`` on stderr (the journal, under systemd): ``--log-format text``
(the default: ``pier: message`` lines for warnings, errors and reloads) or ``json`` (one JSON
object per line: every event of the text log, plus the share's URLs, each request and the
stop).

Every line goes through one bounded queue to one ``pier-log`` thread that writes it, so a
worker finishing a request only appends to a queue (the engine's sink must stay O(1)) and never
waits on a slow reader of stderr; lines are never interleaved. When the queue is full, lines
are dropped and counted, and the count is logged at the stop.

A request's fields come from its RequestRecord, which the router has already redacted (share
links' tokens, in the path and the referer); a password never reaches a record.
"""

from __future__ import annotations

import json
import logging
import logging.handlers
import queue
import threading
from datetime import UTC, datetime
from typing import IO, Any

from server.records import RequestRecord

LOG_FORMATS = ("text", "json")
QUEUE_MAX = 10_000
SERVICE_LOGGER = "pier.service"  # Pier's own events: serving, reloaded, stopped

log = logging.getLogger(SERVICE_LOGGER)


class ServiceLog:
    """Routes the root logger to stderr in the chosen format for the life of one serve."""

    def __init__(self, log_format: str, stream: IO[str]) -> None:
        if log_format not in LOG_FORMATS:
            raise ValueError(f"unknown log format {log_format!r}")
        self.json = log_format == "json"
        writer = logging.StreamHandler(stream)
        writer.setFormatter(JsonLines() if self.json else logging.Formatter("pier: %(message)s"))
        if not self.json:
            writer.addFilter(lambda record: not getattr(record, "json_only", False))
        self._queue: queue.Queue[logging.LogRecord | None] = queue.Queue(QUEUE_MAX)
        self._front = _DroppingQueueHandler(self._queue)
        self._listener = _Listener(self._queue, writer)

    def start(self) -> None:
        root = logging.getLogger()
        root.handlers[:] = [self._front]
        root.setLevel(logging.WARNING)
        log.setLevel(logging.INFO)
        self._listener.start()

    def stop(self) -> None:
        """Write what is queued, then hand logging back to the last-resort handler."""
        if self._front.dropped:
            log.warning("%d log lines were dropped: stderr was not read fast enough",
                        self._front.dropped)
        logging.getLogger().handlers[:] = []
        self._listener.stop()

    def event(self, event: str, message: str, *, json_only: bool = False,
              level: int = logging.INFO, **fields: Any) -> None:
        """Log one of Pier's own events: ``message`` for the text log, ``fields`` for JSON.
        ``json_only``: the text log leaves it out (the URLs are on stdout already)."""
        log.log(level, message, extra={"event": event, "fields": fields, "json_only": json_only})

    def request(self, record: RequestRecord) -> None:
        """The engine's sink: one ``request`` line in the JSON log (nothing in the text log:
        ``--access-log`` writes a Combined Log Format file)."""
        if not self.json:
            return
        line = logging.LogRecord("pier.request", logging.INFO, __file__, 0, "request", None,
                                 None)
        line.event = "request"
        line.fields = request_fields(record)
        line.created = record.time
        self._front.handle(line)


def request_fields(record: RequestRecord) -> dict[str, Any]:
    """The JSON fields of one request; ``time`` is when it arrived, ``duration`` seconds."""
    return {
        "client": record.client, "user": record.user or None, "method": record.method,
        "path": record.path, "protocol": record.protocol, "status": record.status,
        "bytes": record.bytes_sent, "bytes_received": record.bytes_received,
        "duration": round(record.duration, 6), "tls": record.tls,
        "complete": not record.incomplete, "user_agent": record.user_agent,
        "referer": record.referer,
    }


class JsonLines(logging.Formatter):
    """One JSON object per record: time (UTC, ISO 8601), level, event, then the event's
    fields, or ``logger`` and ``message`` for an ordinary log record."""

    def format(self, record: logging.LogRecord) -> str:
        stamp = datetime.fromtimestamp(record.created, UTC).isoformat(timespec="milliseconds")
        line: dict[str, Any] = {"time": stamp.replace("+00:00", "Z"),
                                "level": record.levelname.lower(),
                                "event": getattr(record, "event", "message")}
        fields = getattr(record, "fields", None)
        if fields is None:
            line["logger"] = record.name
        else:
            line.update(fields)
        if getattr(record, "event", None) != "request":  # its fields say it all
            line["message"] = record.getMessage()
        if record.exc_info:
            line["exception"] = self.formatException(record.exc_info)
        return json.dumps(line)  # ASCII: control characters and escapes come out as \uXXXX


class _DroppingQueueHandler(logging.handlers.QueueHandler):
    """Enqueues the record as it is (formatted by the writer thread); drops it when full."""

    def __init__(self, target: queue.Queue[logging.LogRecord | None]) -> None:
        super().__init__(target)
        self.dropped = 0

    def prepare(self, record: logging.LogRecord) -> logging.LogRecord:
        return record

    def enqueue(self, record: logging.LogRecord) -> None:
        try:
            self.queue.put_nowait(record)
        except queue.Full:
            self.dropped += 1


class _Listener:
    """The ``pier-log`` thread: writes each queued record; None ends it."""

    def __init__(self, source: queue.Queue[logging.LogRecord | None],
                 writer: logging.Handler) -> None:
        self._source = source
        self._writer = writer
        self._thread = threading.Thread(target=self._run, name="pier-log", daemon=True)

    def start(self) -> None:
        self._thread.start()

    def stop(self) -> None:
        self._source.put(None)  # waits for room: every line queued before it is written
        self._thread.join()
        self._writer.flush()

    def _run(self) -> None:
        while (record := self._source.get()) is not None:
            self._writer.handle(record)
