"""Thumbnails beside the Traffic tab's busiest paths.

The pictures come from the app's ``ThumbnailFeed`` as JPEG bytes (it asks the share off the
GUI thread); this turns them into icons of the tables' rows. Paths are asked about when the
rows change and while a shown path has no picture yet (the feed answers from its cache and
asks the share again only now and then); a path that has its icon is not asked again."""

from __future__ import annotations

from collections.abc import Sequence

from PySide6.QtCore import QObject, QSize, Qt
from PySide6.QtGui import QIcon, QImage, QPixmap
from PySide6.QtWidgets import QTableView

from app.thumbnail_feed import ThumbnailFeed, may_have_picture
from ui.traffic_models import KeyedTableModel

ICON_SIDE = 32  # px, beside a path
ROW_PADDING = 4


def icon_of(data: bytes, side: int = ICON_SIDE) -> QIcon | None:
    """An icon of the JPEG ``data``, kept at twice ``side`` for high-density screens; None
    when the bytes are not a picture Qt can read."""
    image = QImage.fromData(data)
    if image.isNull():
        return None
    small = image.scaled(2 * side, 2 * side, Qt.AspectRatioMode.KeepAspectRatio,
                         Qt.TransformationMode.SmoothTransformation)
    return QIcon(QPixmap.fromImage(small))


def make_room_for_icons(table: QTableView, side: int = ICON_SIDE) -> None:
    table.setIconSize(QSize(side, side))
    header = table.verticalHeader()
    header.setMinimumSectionSize(side + ROW_PADDING)
    header.setDefaultSectionSize(max(header.defaultSectionSize(), side + ROW_PADDING))


class PathThumbnails(QObject):
    """Keeps the icons of the paths ``models`` show, from ``feed``."""

    def __init__(self, feed: ThumbnailFeed, models: Sequence[KeyedTableModel],
                 parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._feed = feed
        self._models = tuple(models)
        self._icons: dict[str, QIcon] = {}
        self._shown: frozenset[str] = frozenset()
        self._waiting: frozenset[str] = frozenset()  # shown pictures without an icon yet
        feed.ready.connect(self._on_ready)

    def show(self, paths: Sequence[str]) -> None:
        """The tables now show ``paths`` (as requests name them, without a query)."""
        shown = frozenset(paths)
        if shown == self._shown and not self._waiting:
            return
        if shown != self._shown:
            self._icons = {path: icon for path, icon in self._icons.items() if path in shown}
            self._shown = shown
            self._restore_icons()  # a path back in one table has its icon there again
        waiting = set()
        for path in shown - self._icons.keys():
            if not may_have_picture(path):
                continue
            data = self._feed.picture(path)  # never blocks; asks in the background
            if data is None or not self._put(path, data):
                waiting.add(path)
        self._waiting = frozenset(waiting)

    def icon(self, path: str) -> QIcon | None:
        return self._icons.get(path)

    def _restore_icons(self) -> None:
        for path, icon in self._icons.items():
            for model in self._models:
                if model.icon(path) is None:
                    model.set_icon(path, icon)

    def _on_ready(self, path: str, data: bytes) -> None:
        if path in self._shown and path not in self._icons:
            self._put(path, data)
            self._waiting -= {path}

    def _put(self, path: str, data: bytes) -> bool:
        icon = icon_of(data)
        if icon is None:
            return False
        self._icons[path] = icon
        for model in self._models:
            model.set_icon(path, icon)
        return True
