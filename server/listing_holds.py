"""What big listings hold while they are sent, counted fairly in the one byte budget.

A streamed listing keeps its folder's entries, and a big page from the cache its pieces, for as
long as its reader reads: a slow or stalled reader holds them. So each is counted in the byte
budget (server/cache_budget.py) while it is sent, and no address may hold more than the
budget's largest item (a quarter) that way: one visitor stalling big listings leaves the rest
of the budget to the others. One listing bigger than that share (a folder of a few hundred
thousand names) is let in at a time outside the budget, so memory stays about the budget plus
one folder's entries. What cannot be held is a 503 to retry (routes_folders).
"""

from __future__ import annotations

import threading
from dataclasses import dataclass

from server.cache_budget import ByteBudget


@dataclass(frozen=True, slots=True)
class Hold:
    address: str
    size: int  # bytes reserved in the budget (0 for the one listing let in outside it)
    outside: bool = False


class ListingHolds:
    def __init__(self, budget: ByteBudget) -> None:
        self._budget = budget
        self._lock = threading.Lock()
        self._by_address: dict[str, int] = {}
        self._outside_taken = False

    def take(self, address: str, size: int) -> Hold | None:
        """Hold ``size`` bytes for a listing sent to ``address``; None when it may not now."""
        with self._lock:
            held = self._by_address.get(address, 0)
            if held + size <= self._budget.largest() and self._budget.reserve(size):
                self._by_address[address] = held + size
                return Hold(address, size)
            if not self._outside_taken:
                self._outside_taken = True
                return Hold(address, 0, outside=True)
            return None

    def give_back(self, hold: Hold) -> None:
        with self._lock:
            if hold.outside:
                self._outside_taken = False
                return
            left = self._by_address.get(hold.address, 0) - hold.size
            if left > 0:
                self._by_address[hold.address] = left
            else:
                self._by_address.pop(hold.address, None)
            self._budget.release(hold.size)
