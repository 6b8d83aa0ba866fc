"""One byte budget for everything Pier keeps in memory to answer faster.

File facts and small bodies (server/cache.py FileCache) and rendered listings (ListingCache)
share one least-recently-used order and one total: a burst of big listings pushes out file
bodies and the other way round, and the sum never passes the budget. Sizes are what each
owner says an item holds (its bytes plus a fixed overhead per item), not the process's RSS.
"""

from __future__ import annotations

import threading
from collections import OrderedDict
from collections.abc import Hashable
from dataclasses import dataclass

DEFAULT_CACHE_BYTES = 96 * 1024 * 1024
ITEM_OVERHEAD = 256  # what a kept item costs besides its own bytes: the key, the entry, a lock
# one item may take at most this share of the budget: a huge page is made again when asked
# rather than pushing out dozens of others (a quarter of 96 MiB keeps a 100,000-entry folder's
# 13 MB page, which costs most to make again)
LARGEST_SHARE = 4


@dataclass(frozen=True, slots=True)
class BudgetUse:
    """What the budget holds now (for tests and the bench, not for decisions)."""

    limit: int
    used: int
    items: int
    by_kind: dict[str, int]  # bytes per key kind (a key's first element: "file", "listing");
    # "held": reserved by bodies being sent


class ByteBudget:
    """An LRU of (kind, ...) keys to values, bounded by the bytes the owners report."""

    def __init__(self, limit: int = DEFAULT_CACHE_BYTES) -> None:
        self.limit = max(0, limit)
        self._lock = threading.Lock()
        self._items: OrderedDict[Hashable, tuple[object, int]] = OrderedDict()
        self._used = 0
        self._reserved = 0  # bytes held outside the LRU by bodies being sent (reserve())

    def largest(self) -> int:
        """The most bytes one item may hold."""
        return self.limit // LARGEST_SHARE

    def get(self, key: Hashable) -> object | None:
        with self._lock:
            found = self._items.get(key)
            if found is None:
                return None
            self._items.move_to_end(key)
            return found[0]

    def put(self, key: Hashable, value: object, size: int) -> bool:
        """Keep ``value`` under ``key`` (replacing what was there); False when it is too big to
        keep (then nothing is kept under ``key``)."""
        size += ITEM_OVERHEAD
        with self._lock:
            self._remove(key)
            if size > self.largest():
                return False
            self._items[key] = (value, size)
            self._used += size
            self._trim()
            return key in self._items

    def resize(self, key: Hashable, value: object, size: int) -> None:
        """``value`` (still kept under ``key``) now holds ``size`` bytes: a body read later."""
        size += ITEM_OVERHEAD
        with self._lock:
            found = self._items.get(key)
            if found is None or found[0] is not value:
                return
            if size > self.largest():
                self._remove(key)
                return
            self._items[key] = (value, size)
            self._used += size - found[1]
            self._trim()

    def drop(self, key: Hashable, value: object | None = None) -> None:
        """Forget ``key`` (only while it still holds ``value``, when one is given)."""
        with self._lock:
            found = self._items.get(key)
            if found is not None and (value is None or found[0] is value):
                self._remove(key)

    def reserve(self, size: int) -> bool:
        """Count ``size`` bytes held outside the LRU (a streamed listing's pieces kept for the
        cache), pushing out kept items to make room; False (nothing reserved) when what all
        holders reserve would pass the budget."""
        with self._lock:
            if self._reserved + size > self.limit:
                return False
            self._reserved += size
            self._used += size
            self._trim()
            return True

    def release(self, size: int) -> None:
        """Give back bytes reserve() counted."""
        with self._lock:
            size = min(size, self._reserved)
            self._reserved -= size
            self._used -= size

    def use(self) -> BudgetUse:
        with self._lock:
            by_kind: dict[str, int] = {"held": self._reserved} if self._reserved else {}
            for key, (_, size) in self._items.items():
                kind = str(key[0]) if isinstance(key, tuple) and key else "other"
                by_kind[kind] = by_kind.get(kind, 0) + size
            return BudgetUse(self.limit, self._used, len(self._items), by_kind)

    def _remove(self, key: Hashable) -> None:
        found = self._items.pop(key, None)
        if found is not None:
            self._used -= found[1]

    def _trim(self) -> None:
        while self._used > self.limit and self._items:  # reserved bytes are never above limit
            _, (_, size) = self._items.popitem(last=False)
            self._used -= size
