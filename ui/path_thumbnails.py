"""Thumbnails beside the Traffic tab's busiest paths.

The pictures come from the app's ``ThumbnailFeed`` as JPEG bytes (it asks the share off the
GUI thread); this turns them into icons of the tables' rows. Paths are asked about when the
rows change and while a shown picture has no thumbnail yet (the feed answers from its cache
and asks the share again only now and then); a path that has its thumbnail is not asked
again. Other paths get the style's file or folder icon."""

from __future__ import annotations

from collections.abc import Sequence

from PySide6.QtCore import QObject, QSize, Qt
from PySide6.QtGui import QIcon, QImage, QPainter, QPixmap
from PySide6.QtWidgets import QApplication, QStyle, QTableView

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


def generic_icon(kind: QStyle.StandardPixmap, side: int = ICON_SIDE) -> QIcon:
    """The style's icon at half ``side``, centred in a clear square of ``side``: it keeps the
    path beside it in line with the thumbnails without weighing as much as a picture."""
    canvas = QPixmap(2 * side, 2 * side)  # twice: high-density screens
    canvas.fill(Qt.GlobalColor.transparent)
    glyph = QApplication.style().standardIcon(kind).pixmap(side)
    painter = QPainter(canvas)
    painter.drawPixmap((2 * side - glyph.width()) // 2, (2 * side - glyph.height()) // 2, glyph)
    painter.end()
    return QIcon(canvas)


def make_room_for_icons(table: QTableView, side: int = ICON_SIDE) -> None:
    table.setIconSize(QSize(side, side))
    header = table.verticalHeader()
    header.setMinimumSectionSize(side + ROW_PADDING)
    header.setDefaultSectionSize(max(header.defaultSectionSize(), side + ROW_PADDING))


class PathThumbnails(QObject):
    """Keeps the icons of the paths ``models`` show: a picture's thumbnail from ``feed``, else
    the style's file or folder icon, so that every path starts at the same place."""

    def __init__(self, feed: ThumbnailFeed, models: Sequence[KeyedTableModel],
                 parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._feed = feed
        self._models = tuple(models)
        self._pictures: dict[str, QIcon] = {}
        self._shown: frozenset[str] = frozenset()
        self._waiting: frozenset[str] = frozenset()  # shown pictures without a thumbnail yet
        self._file_icon = generic_icon(QStyle.StandardPixmap.SP_FileIcon)
        self._folder_icon = generic_icon(QStyle.StandardPixmap.SP_DirIcon)
        feed.ready.connect(self._on_ready)

    def show(self, paths: Sequence[str]) -> None:
        """The tables now show ``paths`` (as requests name them, without a query)."""
        shown = frozenset(paths)
        if shown != self._shown or self._waiting:
            self._ask(shown)
        for path in shown:  # also when a path only moved from one table to the other
            for model in self._models:
                self._set(model, path)

    def _ask(self, shown: frozenset[str]) -> None:
        if shown != self._shown:
            self._pictures = {path: icon for path, icon in self._pictures.items()
                              if path in shown}
            self._shown = shown
        waiting = set()
        for path in shown - self._pictures.keys():
            if may_have_picture(path):
                data = self._feed.picture(path)  # never blocks; asks in the background
                if data is None:
                    waiting.add(path)
                elif (icon := icon_of(data)) is not None:  # Qt reads every JPEG Pier makes
                    self._pictures[path] = icon
        self._waiting = frozenset(waiting)

    def picture(self, path: str) -> QIcon | None:
        """The thumbnail shown beside ``path``, if it has one."""
        return self._pictures.get(path)

    def _on_ready(self, path: str, data: bytes) -> None:
        if path not in self._shown or path in self._pictures:
            return
        icon = icon_of(data)
        if icon is None:
            return
        self._pictures[path] = icon
        self._waiting -= {path}
        for model in self._models:
            self._set(model, path)

    def _set(self, model: KeyedTableModel, path: str) -> None:
        icon = self._pictures.get(path)
        if icon is None:
            icon = self._folder_icon if path.endswith("/") else self._file_icon
        model.set_icon(path, icon)
