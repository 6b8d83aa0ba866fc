"""Table models for the live views: rows identified by a key, refreshed in place once a second
so the user's selection and sort order survive every refresh."""

from __future__ import annotations

from collections.abc import Hashable, Sequence
from dataclasses import dataclass

from PySide6.QtCore import (
    QAbstractTableModel,
    QModelIndex,
    QPersistentModelIndex,
    QRect,
    QSortFilterProxyModel,
    Qt,
)
from PySide6.QtGui import QIcon, QPainter
from PySide6.QtWidgets import (
    QAbstractButton,
    QApplication,
    QStyle,
    QStyledItemDelegate,
    QStyleOptionProgressBar,
    QStyleOptionViewItem,
    QTableView,
    QWidget,
)

from app.i18n import translate

SORT_ROLE = Qt.ItemDataRole.UserRole
KEY_ROLE = Qt.ItemDataRole.UserRole + 1
Index = QModelIndex | QPersistentModelIndex


@dataclass(frozen=True, slots=True)
class Row:
    key: Hashable
    texts: tuple[str, ...]  # what each column shows
    values: tuple[object, ...]  # what each column sorts by


class KeyedTableModel(QAbstractTableModel):
    """Rows keep their place while their key is present; new keys are appended, vanished
    ones removed. Columns listed in ``numeric`` are right-aligned. A row may carry an icon in
    its first column (``set_icon``), kept while its key is present."""

    def __init__(self, headers: Sequence[str], numeric: Sequence[int] = (),
                 parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._headers = tuple(headers)
        self._numeric = frozenset(numeric)
        self._rows: list[Row] = []
        self._icons: dict[Hashable, QIcon] = {}

    # ---- reading ----------------------------------------------------------------------------

    def rowCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(self._rows)

    def columnCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(self._headers)

    def data(self, index: Index, role: int = Qt.ItemDataRole.DisplayRole) -> object:
        if not index.isValid():
            return None
        row = self._rows[index.row()]
        column = index.column()
        if role in (Qt.ItemDataRole.DisplayRole, Qt.ItemDataRole.ToolTipRole):
            return row.texts[column]
        if role == SORT_ROLE:
            return row.values[column]
        if role == KEY_ROLE:
            return row.key
        if role == Qt.ItemDataRole.TextAlignmentRole and column in self._numeric:
            return int(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
        if role == Qt.ItemDataRole.DecorationRole and column == 0:
            return self._icons.get(row.key)
        return None

    def headerData(self, section: int, orientation: Qt.Orientation,
                   role: int = Qt.ItemDataRole.DisplayRole) -> object:
        if (role == Qt.ItemDataRole.DisplayRole and orientation == Qt.Orientation.Horizontal
                and 0 <= section < len(self._headers)):
            return translate("Columns", self._headers[section])
        return None

    def keys(self) -> list[Hashable]:
        return [row.key for row in self._rows]

    def row_of(self, key: Hashable) -> Row | None:
        return next((row for row in self._rows if row.key == key), None)

    def icon(self, key: Hashable) -> QIcon | None:
        return self._icons.get(key)

    # ---- writing ----------------------------------------------------------------------------

    def set_icon(self, key: Hashable, icon: QIcon) -> None:
        """Show ``icon`` beside the first column of ``key``'s row (ignored when it has none)."""
        if self._icons.get(key) is icon:
            return
        position = next((n for n, row in enumerate(self._rows) if row.key == key), None)
        if position is None:
            return
        self._icons[key] = icon
        cell = self.index(position, 0)
        self.dataChanged.emit(cell, cell, [Qt.ItemDataRole.DecorationRole])

    def set_rows(self, rows: Sequence[Row]) -> None:
        wanted = {row.key: row for row in rows}
        for key in [key for key in self._icons if key not in wanted]:
            del self._icons[key]
        for position in range(len(self._rows) - 1, -1, -1):
            if self._rows[position].key not in wanted:
                self.beginRemoveRows(QModelIndex(), position, position)
                del self._rows[position]
                self.endRemoveRows()
        present = set()
        for position, old in enumerate(self._rows):
            self._rows[position] = wanted[old.key]
            present.add(old.key)
        if self._rows:
            self.dataChanged.emit(self.index(0, 0),
                                  self.index(len(self._rows) - 1, len(self._headers) - 1))
        new = [row for row in rows if row.key not in present]
        if new:
            first = len(self._rows)
            self.beginInsertRows(QModelIndex(), first, first + len(new) - 1)
            self._rows.extend(new)
            self.endInsertRows()


def sorted_view(model: KeyedTableModel, parent: QWidget | None = None) -> QSortFilterProxyModel:
    proxy = QSortFilterProxyModel(parent)
    proxy.setSourceModel(model)
    proxy.setSortRole(SORT_ROLE)
    proxy.setDynamicSortFilter(True)
    return proxy


def quiet_corner(table: QTableView, caption: str) -> None:
    """No select-all corner button (its click would select every row of a live table)."""
    table.setCornerButtonEnabled(False)
    for inner in table.findChildren(QAbstractButton):
        inner.setAccessibleName(translate("Columns", "Select all: {table}").format(table=caption))


class ProgressDelegate(QStyledItemDelegate):
    """Paints a progress bar for cells whose sort value is a fraction (0..1), with the cell's
    text on it; other cells (unknown total) are drawn as plain text."""

    def paint(self, painter: QPainter, option: QStyleOptionViewItem, index: Index) -> None:
        fraction = index.data(SORT_ROLE)
        if not isinstance(fraction, float) or fraction < 0:
            super().paint(painter, option, index)
            return
        bar = QStyleOptionProgressBar()
        bar.rect = QRect(option.rect).adjusted(2, 3, -2, -3)
        bar.minimum, bar.maximum = 0, 1000
        bar.progress = round(fraction * 1000)
        bar.text = str(index.data(Qt.ItemDataRole.DisplayRole))
        bar.textVisible = True
        bar.state = option.state | QStyle.StateFlag.State_Horizontal
        bar.palette = option.palette
        style = option.widget.style() if option.widget is not None else QApplication.style()
        style.drawControl(QStyle.ControlElement.CE_ProgressBar, bar, painter, option.widget)
