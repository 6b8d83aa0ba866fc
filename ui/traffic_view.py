"""The Traffic tab: totals since start, latency percentiles, live charts of the last five
minutes, what the thumbnail thread is doing, and the most requested paths (with thumbnails of
pictures and videos)."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtWidgets import (
    QAbstractItemView,
    QGridLayout,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QTableView,
    QVBoxLayout,
    QWidget,
)

from app.i18n import QT_TRANSLATE_NOOP, Catalogue, translate
from app.monitor_feed import ConnectionHistory, LiveData
from app.thumbnail_feed import ThumbnailFeed
from server.thumbnails import ThumbStats
from server.units import format_rate, format_size
from ui.charts import BLUE, GREEN, ORANGE, PURPLE, RED, LineChart
from ui.contrast import MutedLabel
from ui.log_model import display_path
from ui.path_thumbnails import PathThumbnails, make_room_for_icons
from ui.traffic_models import KeyedTableModel, Row, quiet_corner, sorted_view
from ui.widget_names import named

TOTALS = (("requests", QT_TRANSLATE_NOOP("TrafficView", "Requests")),
          ("sent", QT_TRANSLATE_NOOP("TrafficView", "Sent")),
          ("received", QT_TRANSLATE_NOOP("TrafficView", "Received")),
          ("errors", QT_TRANSLATE_NOOP("TrafficView", "Errors (4xx/5xx)")),
          ("connections", QT_TRANSLATE_NOOP("TrafficView", "Connections now")),
          ("latency", QT_TRANSLATE_NOOP("TrafficView", "Latency p50 / p95 / p99")))
TrafficTexts = Catalogue("TrafficTexts")  # named like its context: see app.i18n.Catalogue
THUMBNAIL_WORK_TIP = QT_TRANSLATE_NOOP(
    "TrafficView", "Thumbnails are made in the background, so downloads stay fast. Requests for "
    "them are counted here rather than in the busiest paths, and the time one waited for a "
    "thumbnail being made is not counted as slowness.")


def format_ms(value: float) -> str:
    return f"{value:.0f} ms" if value >= 10 else f"{value:.1f} ms"


def latency_text(latency: dict[str, float]) -> str:
    return " / ".join(format_ms(latency.get(key, 0.0)) for key in ("p50", "p95", "p99"))


def thumbnail_work_text(stats: ThumbStats | None, served: int) -> str:
    """What the thumbnail thread is doing, in one line; "" when not sharing."""
    if stats is None:
        return ""
    counts = ((stats.queued, translate("TrafficView", "{count} waiting")),
              (stats.working, translate("TrafficView", "{count} being made")),
              (stats.made, translate("TrafficView", "{count} made")),
              (stats.failed, translate("TrafficView", "{count} failed")),
              (served, translate("TrafficView", "{count} served")))
    parts = [what.format(count=f"{count:,}") for count, what in counts if count]
    return translate("TrafficView", "Thumbnails: {work}").format(
        work=" · ".join(parts) if parts else translate("TrafficView", "none made yet"))


def thumbnail_work_tip(stats: ThumbStats | None) -> str:
    tip = translate("TrafficView", THUMBNAIL_WORK_TIP)
    if stats is None:
        return tip
    cache = TrafficTexts.tr("In the cache: {size} in %n files. ", "", stats.cache_files).format(
        size=format_size(stats.cache_bytes)) if stats.cache_files else ""
    counts = translate("TrafficView", "Answered from memory {memory} times, from the disk {disk} "
                       "times. Failed: files that gave no picture (broken, too large, or a video "
                       "that cannot be read); visitors see an icon.").format(
        memory=f"{stats.memory_hits:,}", disk=f"{stats.disk_hits:,}")
    return f"{tip}\n\n{cache}{counts}"


def top_table(name: str, caption: str, model: KeyedTableModel) -> QTableView:
    table = named(QTableView(), name)
    table.setAccessibleName(caption)
    table.setModel(sorted_view(model, table))
    table.setSortingEnabled(True)
    table.sortByColumn(1, Qt.SortOrder.DescendingOrder)
    table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
    table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
    table.verticalHeader().hide()
    table.setAlternatingRowColors(True)
    quiet_corner(table, caption)
    header = table.horizontalHeader()
    header.setSectionResizeMode(0, QHeaderView.ResizeMode.Stretch)
    header.setSectionResizeMode(1, QHeaderView.ResizeMode.ResizeToContents)
    return table


class TrafficView(QWidget):
    def __init__(self, thumbnails: ThumbnailFeed | None = None,
                 parent: QWidget | None = None) -> None:
        """``thumbnails`` gives pictures of the busiest paths (None: no pictures)."""
        super().__init__(parent)
        self.setObjectName("trafficView")
        self.connections = ConnectionHistory()
        layout = QVBoxLayout(self)
        layout.setContentsMargins(6, 12, 12, 12)
        layout.setSpacing(10)
        layout.addLayout(self._build_totals())
        layout.addLayout(self._build_charts(), 2)
        self.thumbnail_work = named(MutedLabel(), "thumbnailWork")
        self.thumbnail_work.setToolTip(self.tr(THUMBNAIL_WORK_TIP))
        self.thumbnail_work.hide()
        layout.addWidget(self.thumbnail_work)
        layout.addLayout(self._build_top_paths(), 1)
        self.path_thumbnails = None if thumbnails is None else PathThumbnails(
            thumbnails, (self.top_requests_model, self.top_bytes_model), self)
        self.hint = MutedLabel(self.tr("Charts update once a second while sharing."),
                              objectName="trafficHint")
        layout.addWidget(self.hint)

    def _build_totals(self) -> QGridLayout:
        grid = QGridLayout()
        grid.setHorizontalSpacing(18)
        self.total_labels: dict[str, QLabel] = {}
        for column, (key, caption) in enumerate(TOTALS):
            value = named(QLabel("0" if key != "latency" else "—"), f"{key}Total")
            caption = self.tr(caption)
            value.setAccessibleName(caption)
            font = value.font()
            font.setBold(True)
            font.setPointSizeF(font.pointSizeF() * 1.15)
            value.setFont(font)
            label = MutedLabel(caption)
            grid.addWidget(value, 0, column)
            grid.addWidget(label, 1, column)
            self.total_labels[key] = value
        grid.setColumnStretch(len(TOTALS), 1)
        return grid

    def _build_charts(self) -> QGridLayout:
        grid = QGridLayout()
        grid.setSpacing(8)
        self.requests_chart = LineChart(self.tr("Requests/s"), [("", BLUE)], whole_numbers=True)
        self.bytes_chart = LineChart(self.tr("Data"), [("out", GREEN), ("in", PURPLE)],
                                     formatter=format_rate)
        self.connections_chart = LineChart(self.tr("Active connections"), [("", ORANGE)],
                                           whole_numbers=True)
        self.errors_chart = LineChart(self.tr("Errors/s"), [("", RED)], whole_numbers=True)
        for chart, name in ((self.requests_chart, "requestRateChart"),
                            (self.bytes_chart, "bytesChart"),
                            (self.connections_chart, "connectionsChart"),
                            (self.errors_chart, "errorsChart")):
            chart.setObjectName(name)
        grid.addWidget(self.requests_chart, 0, 0)
        grid.addWidget(self.bytes_chart, 0, 1)
        grid.addWidget(self.connections_chart, 1, 0)
        grid.addWidget(self.errors_chart, 1, 1)
        return grid

    def _build_top_paths(self) -> QHBoxLayout:
        row = QHBoxLayout()
        self.top_requests_model = KeyedTableModel(
            (self.tr("Most requested paths"), self.tr("Requests")), (1,), self
        )
        self.top_bytes_model = KeyedTableModel(
            (self.tr("Paths by data sent"), self.tr("Sent")), (1,), self
        )
        self.top_requests_table = top_table("topPathsByRequests", self.tr("Most requested paths"),
                                            self.top_requests_model)
        self.top_bytes_table = top_table("topPathsByBytes", self.tr("Paths by data sent"),
                                         self.top_bytes_model)
        for table in (self.top_requests_table, self.top_bytes_table):
            make_room_for_icons(table)
        row.addWidget(self.top_requests_table)
        row.addWidget(self.top_bytes_table)
        return row

    # ---- updating ---------------------------------------------------------------------------

    def reset(self) -> None:
        """A new share starts: its monitor starts from zero, and so do the connection samples."""
        self.connections.clear()

    def show_data(self, data: LiveData) -> None:
        snap = data.snapshot
        self.connections.add(data.time, data.stats.active_connections)
        complete = snap.series[:-1]
        self.requests_chart.set_values([s.requests for s in complete])
        self.bytes_chart.set_values([s.bytes_out for s in complete],
                                    [s.bytes_in for s in complete])
        self.errors_chart.set_values([s.errors for s in complete])
        last = complete[-1].time if complete else int(data.time) - 1
        self.connections_chart.set_values(self.connections.series(last, len(complete)))
        self._show_totals(data)
        self.top_requests_model.set_rows(
            [Row(path, (display_path(path), f"{count:,}"), (display_path(path), count))
             for path, count in snap.top_by_requests])
        self.top_bytes_model.set_rows(
            [Row(path, (display_path(path), format_size(size)), (display_path(path), size))
             for path, size in snap.top_by_bytes])
        if self.path_thumbnails is not None:
            self.path_thumbnails.show([path for path, _ in (*snap.top_by_requests,
                                                            *snap.top_by_bytes)])
        self._show_thumbnail_work(data)

    def _show_thumbnail_work(self, data: LiveData) -> None:
        text = thumbnail_work_text(data.thumbnails, data.snapshot.thumbnail_requests)
        self.thumbnail_work.setText(text)
        self.thumbnail_work.setToolTip(thumbnail_work_tip(data.thumbnails))
        self.thumbnail_work.setVisible(bool(text))

    def _show_totals(self, data: LiveData) -> None:
        snap = data.snapshot
        texts = {"requests": f"{snap.requests:,}", "sent": format_size(snap.bytes_sent),
                 "received": format_size(snap.bytes_received), "errors": f"{snap.errors:,}",
                 "connections": f"{data.stats.active_connections:,}",
                 "latency": latency_text(snap.latency_ms) if snap.requests else "—"}
        for key, text in texts.items():
            self.total_labels[key].setText(text)


