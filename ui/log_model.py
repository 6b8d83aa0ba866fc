"""The live request log: a bounded ring of RequestRecords as a table model, plus its filter.

A resumable (tus) upload takes many requests: the POST that creates it, a PATCH per chunk, a
HEAD after each pause. The model keeps two rings: every request, and the same with each
upload's requests folded into one row (the first request seen of it, usually the POST),
updated as its chunks arrive: the last status, the bytes received in total, the time from the
first request to the end of the last, and the upload's progress. The folded ring is shown
unless ``show_chunks`` is on. Export and the filters see the rows shown.
"""

from __future__ import annotations

import contextlib
import dataclasses
import time
from collections import deque
from collections.abc import Iterable, Iterator, Sequence
from dataclasses import dataclass
from urllib.parse import unquote

from PySide6.QtCore import (
    QAbstractTableModel,
    QModelIndex,
    QModelRoleDataSpan,
    QObject,
    QPersistentModelIndex,
    QSortFilterProxyModel,
    Qt,
)
from PySide6.QtGui import QColor

from app.i18n import QT_TRANSLATE_NOOP, translate
from server.records import RequestRecord
from server.units import format_size

COLUMNS = (
    QT_TRANSLATE_NOOP("Columns", "Time"),
    QT_TRANSLATE_NOOP("Columns", "Client"),
    QT_TRANSLATE_NOOP("Columns", "User"),
    QT_TRANSLATE_NOOP("Columns", "Method"),
    QT_TRANSLATE_NOOP("Columns", "Path"),
    QT_TRANSLATE_NOOP("Columns", "Status"),
    QT_TRANSLATE_NOOP("Columns", "Size"),
    QT_TRANSLATE_NOOP("Columns", "Duration"),
    QT_TRANSLATE_NOOP("Columns", "Agent"),
)
COL_TIME, COL_CLIENT, COL_USER, COL_METHOD, COL_PATH, COL_STATUS, COL_SIZE, COL_DURATION, \
    COL_AGENT = range(len(COLUMNS))
RECORD_ROLE = Qt.ItemDataRole.UserRole + 1
NUMERIC_COLUMNS = frozenset((COL_STATUS, COL_SIZE, COL_DURATION))
ALIGN_RIGHT = Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter
AnyIndex = QModelIndex | QPersistentModelIndex
# Plain ints: comparing ints is much cheaper than comparing PySide enum members, per cell and role.
DISPLAY = Qt.ItemDataRole.DisplayRole.value
FOREGROUND = Qt.ItemDataRole.ForegroundRole.value
ALIGNMENT = Qt.ItemDataRole.TextAlignmentRole.value
TOOLTIP = Qt.ItemDataRole.ToolTipRole.value
BACKGROUND = Qt.ItemDataRole.BackgroundRole.value
RECORD = int(RECORD_ROLE)

# Status colours per class (2xx..5xx), readable on a light and on a dark background.
LIGHT_COLOURS = {2: "#1b7f3b", 3: "#1f5fbf", 4: "#b35c00", 5: "#c62828"}
DARK_COLOURS = {2: "#7bd88f", 3: "#7fb2ff", 4: "#ffb454", 5: "#ff6b6b"}
# Refused logins stand out as whole rows: 401 (login needed or wrong password) and 429 (locked
# out after too many wrong passwords).
AUTH_STATUS_TIPS = {
    401: QT_TRANSLATE_NOOP("LogModel", "401: login needed, or a wrong name or password"),
    429: QT_TRANSLATE_NOOP("LogModel", "429: locked out for a while after too many wrong "
                           "passwords"),
}
LIGHT_AUTH_BACKGROUND = "#fbe3e0"
DARK_AUTH_BACKGROUND = "#4d2626"
# Answers whose body did not arrive whole (the client went away, a stalled reader was cut off,
# the file changed) are orange rows whose size reads "X of Y"; >= 4.5:1 on the row backgrounds.
LIGHT_INCOMPLETE = "#a14f00"
DARK_INCOMPLETE = "#ffb454"


def size_text(record: RequestRecord) -> str:
    """The body size sent; "X of Y" when fewer bytes arrived than the answer announced."""
    sent = format_size(record.bytes_sent)
    if not record.incomplete:
        return sent
    if record.bytes_expected is None:
        return translate("LogModel", "{size} (cut short)").format(size=sent)
    return translate("LogModel", "{size} of {total}").format(
        size=sent, total=format_size(record.bytes_expected))


def upload_text(record: RequestRecord) -> str:
    """The Path column of a resumable upload's row: its file and how far it got."""
    mark = record.upload
    assert mark is not None
    if mark.finished:
        return translate("LogModel", "{file} (resumable upload, complete of {total})").format(
            file=mark.file, total=format_size(mark.length))
    done = f"{mark.offset / mark.length:.0%}" if mark.length else "0%"
    return translate("LogModel", "{file} (resumable upload, {percent} of {total})").format(
        file=mark.file, percent=done, total=format_size(mark.length))


def incomplete_tip(record: RequestRecord) -> str:
    if record.bytes_expected is None:
        text = translate("LogModel", "Incomplete: the client received {sent} bytes (it went away "
                         "or stopped reading, or the file changed)")
    else:
        text = translate("LogModel", "Incomplete: the client received {sent} of {total} bytes "
                         "(it went away or stopped reading, or the file changed)")
    return text.format(sent=f"{record.bytes_sent:,}", total=f"{record.bytes_expected or 0:,}")


def format_duration(seconds: float) -> str:
    if seconds < 1:
        return f"{seconds * 1000:.1f} ms"
    return f"{seconds:.2f} s"


def own_duration(record: RequestRecord) -> float:
    """The request's own time: its duration less the time it waited on background work (a
    thumbnail being made by the thumbnail thread), which is not slowness of the answer."""
    return max(0.0, record.duration - record.background_s)


def background_tip(record: RequestRecord) -> str | None:
    """What a request that waited on background work did with its time; None if it did not."""
    if not record.background_s:
        return None
    return translate("LogModel", "{own} to answer; it also waited {waited} for a thumbnail "
                     "being made (background work), {total} in all").format(
        own=format_duration(own_duration(record)), waited=format_duration(record.background_s),
        total=format_duration(record.duration))


def format_time(epoch: float) -> str:
    return time.strftime("%H:%M:%S", time.localtime(epoch)) + f".{int(epoch * 1000) % 1000:03d}"


def display_path(path: str) -> str:
    return unquote(path, errors="replace")


def cell_text(record: RequestRecord, column: int) -> str:
    if column == COL_TIME:
        return format_time(record.time)
    if column == COL_CLIENT:
        return record.client
    if column == COL_USER:
        return record.user
    if column == COL_METHOD:
        return record.method
    if column == COL_PATH:
        return display_path(record.path) if record.upload is None else upload_text(record)
    if column == COL_STATUS:
        return str(record.status)
    if column == COL_SIZE:
        if record.upload is not None:
            return f"{format_size(record.bytes_received)} in"
        return size_text(record)
    if column == COL_DURATION:
        return format_duration(own_duration(record))
    return record.user_agent


@dataclass(slots=True)
class _Upload:
    """One upload's row in the folded ring."""

    seq: int  # the row's number among all rows ever appended to the folded ring
    first: RequestRecord  # the first request seen of it
    received: int  # body bytes of all its requests


class LogModel(QAbstractTableModel):
    """The newest ``capacity`` records, oldest first. Rows are appended in batches."""

    def __init__(self, capacity: int, parent: QObject | None = None) -> None:
        super().__init__(parent)
        if capacity < 1:
            raise ValueError("capacity must be at least 1")
        self._all: deque[RequestRecord] = deque(maxlen=capacity)  # every request
        self._folded: deque[RequestRecord] = deque(maxlen=capacity)  # one row per upload
        self._ring = self._folded  # the rows shown
        self._uploads: dict[str, _Upload] = {}
        self._folded_seq = 0  # rows ever appended to the folded ring
        self.folded_count = 0  # requests folded into an upload's row since the log was cleared
        self._colours = {k: QColor(v) for k, v in LIGHT_COLOURS.items()}
        self._auth_background = QColor(LIGHT_AUTH_BACKGROUND)
        self._incomplete = QColor(LIGHT_INCOMPLETE)
        self.appended_total = 0  # every record ever appended, dropped ones included

    @property
    def capacity(self) -> int:
        return self._ring.maxlen or 0

    def rowCount(self, parent: AnyIndex = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(self._ring)

    def columnCount(self, parent: AnyIndex = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(COLUMNS)

    def headerData(self, section: int, orientation: Qt.Orientation,
                   role: int = Qt.ItemDataRole.DisplayRole) -> object:
        if (orientation == Qt.Orientation.Horizontal and role == Qt.ItemDataRole.DisplayRole
                and 0 <= section < len(COLUMNS)):
            return translate("Columns", COLUMNS[section])
        return None

    def data(self, index: AnyIndex, role: int = Qt.ItemDataRole.DisplayRole) -> object:
        if not index.isValid():
            return None
        return self._value(self._ring[index.row()], index.column(), role)

    # PySide6's stubs also accept a lone QModelRoleData (C++ converts it to a span) and omit
    # QModelRoleDataSpan.__iter__, though views always pass a span and it is iterable.
    def multiData(self, index: AnyIndex, roles: QModelRoleDataSpan) -> None:  # type: ignore[override]
        """All roles of one cell in one call: views ask for ~7 roles per cell, and each call
        from C++ into Python costs far more than the work done in it."""
        if not index.isValid():
            return
        record, column = self._ring[index.row()], index.column()
        # the view reuses the span across cells: set or clear each role
        for role_data in roles:  # type: ignore[attr-defined]
            value = self._value(record, column, role_data.role())
            if value is None:
                role_data.clearData()
            else:
                role_data.setData(value)

    def _value(self, record: RequestRecord, column: int, role: int) -> object:
        role = role.value if isinstance(role, Qt.ItemDataRole) else role
        if role == DISPLAY:
            return cell_text(record, column)
        if role == FOREGROUND:
            if record.incomplete:
                return self._incomplete  # the whole row
            return self._colours.get(record.status // 100) if column == COL_STATUS else None
        if role == ALIGNMENT:
            return ALIGN_RIGHT if column in NUMERIC_COLUMNS else None
        if role == BACKGROUND:
            return self._auth_background if record.status in AUTH_STATUS_TIPS else None
        if role == TOOLTIP:
            if column in (COL_STATUS, COL_SIZE) and record.incomplete:
                return incomplete_tip(record)
            if column == COL_STATUS:
                tip = AUTH_STATUS_TIPS.get(record.status)
                return self.tr(tip) if tip else None
            if column == COL_DURATION:
                return background_tip(record)
            return cell_text(record, column) if column in (COL_PATH, COL_AGENT) else None
        if role == RECORD:
            return record
        return None

    def record(self, row: int) -> RequestRecord:
        return self._ring[row]

    def records(self) -> list[RequestRecord]:
        return list(self._ring)

    @property
    def show_chunks(self) -> bool:
        return self._ring is self._all

    def set_show_chunks(self, show: bool) -> None:
        """Show every request of resumable uploads (True) or one row per upload (False)."""
        if show == self.show_chunks:
            return
        self.beginResetModel()
        self._ring = self._all if show else self._folded
        self.endResetModel()

    def append_batch(self, records: Sequence[RequestRecord]) -> None:
        """Append ``records``; drop the oldest rows first when the ring would overflow."""
        if not records:
            return
        self.appended_total += len(records)
        rows = self._fold(records)
        self._extend(self._all, records)
        self._extend(self._folded, rows)

    def _fold(self, records: Sequence[RequestRecord]) -> list[RequestRecord]:
        """The new rows of the folded ring; rows of uploads already there are updated."""
        rows: list[RequestRecord] = []
        base = self._folded_seq - len(self._folded)  # seq of the folded ring's first row
        changed: list[int] = []
        for record in records:
            mark = record.upload
            upload = self._uploads.get(mark.key) if mark is not None else None
            if mark is None or upload is None or upload.seq < base:
                if mark is not None:
                    self._uploads[mark.key] = _Upload(self._folded_seq + len(rows), record,
                                                      record.bytes_received)
                rows.append(record)
                continue
            self.folded_count += 1
            upload.received += record.bytes_received
            index = upload.seq - base
            ring, at = (self._folded, index) if index < len(self._folded) \
                else (rows, index - len(self._folded))
            ring[at] = _updated(ring[at], upload, record)
            if ring is self._folded:
                changed.append(index)
        self._folded_seq += len(rows)
        if changed and self._ring is self._folded:
            self.dataChanged.emit(self.index(min(changed), 0),
                                  self.index(max(changed), len(COLUMNS) - 1))
        return rows

    def _extend(self, ring: deque[RequestRecord], records: Sequence[RequestRecord]) -> None:
        if not records:
            return
        capacity = self.capacity
        if len(records) > capacity:
            records = records[-capacity:]
        if ring is not self._ring:  # not shown: the deque drops its oldest by itself
            ring.extend(records)
            return
        self._drop_oldest(len(ring) + len(records) - capacity)
        first = len(ring)
        self.beginInsertRows(QModelIndex(), first, first + len(records) - 1)
        ring.extend(records)
        self.endInsertRows()

    def clear(self) -> None:
        self.beginResetModel()
        self._all.clear()
        self._folded.clear()
        self._uploads.clear()
        self.folded_count = 0
        self.endResetModel()

    def set_dark(self, dark: bool) -> None:
        """Pick status colours for a dark or a light background."""
        palette = DARK_COLOURS if dark else LIGHT_COLOURS
        self._colours = {k: QColor(v) for k, v in palette.items()}
        self._auth_background = QColor(DARK_AUTH_BACKGROUND if dark else LIGHT_AUTH_BACKGROUND)
        self._incomplete = QColor(DARK_INCOMPLETE if dark else LIGHT_INCOMPLETE)
        if self._ring:
            self.dataChanged.emit(self.index(0, 0),
                                  self.index(len(self._ring) - 1, len(COLUMNS) - 1),
                                  [Qt.ItemDataRole.ForegroundRole,
                                   Qt.ItemDataRole.BackgroundRole])

    def _drop_oldest(self, count: int) -> None:
        if count <= 0:
            return
        self.beginRemoveRows(QModelIndex(), 0, count - 1)
        popleft = self._ring.popleft
        for _ in range(count):
            popleft()
        self.endRemoveRows()


def _updated(row: RequestRecord, upload: _Upload, record: RequestRecord) -> RequestRecord:
    """An upload's row after one more of its requests: a HEAD that went well says nothing
    new of the upload, so it leaves the status as it was."""
    status = row.status if record.method == "HEAD" and record.status < 400 else record.status
    first = upload.first
    return dataclasses.replace(
        first, status=status, bytes_received=upload.received,
        bytes_sent=row.bytes_sent + record.bytes_sent,
        duration=max(row.duration, record.time + record.duration - first.time),
        complete=record.complete, upload=record.upload)


STATUS_CLASSES = {
    QT_TRANSLATE_NOOP("LogPanel", "All statuses"): None,
    QT_TRANSLATE_NOOP("LogPanel", "Success (2xx)"): (2,),
    QT_TRANSLATE_NOOP("LogPanel", "Redirects (3xx)"): (3,),
    QT_TRANSLATE_NOOP("LogPanel", "Client errors (4xx)"): (4,),
    QT_TRANSLATE_NOOP("LogPanel", "Server errors (5xx)"): (5,),
    QT_TRANSLATE_NOOP("LogPanel", "All errors (4xx, 5xx)"): (4, 5),
}


class LogFilterProxy(QSortFilterProxyModel):
    """Shows the rows that match a free text, a status class and a client address."""

    def __init__(self, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._text = ""
        self._classes: tuple[int, ...] | None = None
        self._client = ""

    @property
    def active(self) -> bool:
        return bool(self._text or self._classes or self._client)

    def set_text(self, text: str) -> None:
        with self._filter_change():
            self._text = text.strip().casefold()

    def set_status_classes(self, classes: Iterable[int] | None) -> None:
        with self._filter_change():
            self._classes = tuple(classes) if classes else None

    def set_client(self, client: str) -> None:
        with self._filter_change():
            self._client = client.strip()

    def visible_records(self) -> list[RequestRecord]:
        source = self.sourceModel()
        if not isinstance(source, LogModel):
            return []
        rows = (self.mapToSource(self.index(r, 0)).row() for r in range(self.rowCount()))
        return [source.record(row) for row in rows]

    def filterAcceptsRow(self, source_row: int, source_parent: AnyIndex) -> bool:
        if not self.active:
            return True
        source = self.sourceModel()
        if not isinstance(source, LogModel):
            return True
        return self.accepts(source.record(source_row))

    def accepts(self, record: RequestRecord) -> bool:
        if self._classes and record.status // 100 not in self._classes:
            return False
        if self._client and record.client != self._client:
            return False
        return not self._text or self._text in _searchable(record)

    @contextlib.contextmanager
    def _filter_change(self) -> Iterator[None]:
        begin = getattr(self, "beginFilterChange", None)  # Qt >= 6.9
        if begin is None:
            yield
            self.invalidateRowsFilter()
            return
        begin()
        yield
        self.endFilterChange(QSortFilterProxyModel.Direction.Rows)


def _searchable(record: RequestRecord) -> str:
    parts = (cell_text(record, COL_PATH), record.client, record.user, record.method,
             str(record.status), record.user_agent)
    return " ".join(parts).casefold()
