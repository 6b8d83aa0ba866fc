"""server/listing_holds.py: what big listings hold while they are sent is counted in the one
byte budget, at most the budget's largest item per address, and one listing bigger than that
at a time outside it."""

from __future__ import annotations

from server.cache_budget import ByteBudget
from server.listing_holds import ListingHolds


def test_each_address_holds_at_most_its_share_and_one_more_goes_outside() -> None:
    budget = ByteBudget(40_000)  # an address's share: the largest item, 10,000
    holds = ListingHolds(budget)
    first = holds.take("10.0.0.1", 6_000)
    assert first is not None and not first.outside and budget.use().used == 6_000
    second = holds.take("10.0.0.1", 6_000)  # over its share: the one place outside the budget
    assert second is not None and second.outside and budget.use().used == 6_000
    assert holds.take("10.0.0.1", 6_000) is None  # a 503 to retry
    other = holds.take("10.0.0.2", 9_000)  # another address still has its own share
    assert other is not None and not other.outside
    assert holds.take("10.0.0.3", 50_000) is None  # the outside place is taken
    holds.give_back(second)
    huge = holds.take("10.0.0.3", 50_000)  # bigger than the budget: let in outside it, alone
    assert huge is not None and huge.outside
    for hold in (first, other, huge):
        holds.give_back(hold)
    assert budget.use().used == 0
    assert holds.take("10.0.0.1", 10_000) is not None  # its share is whole again


def test_the_budget_bounds_what_many_addresses_hold_together() -> None:
    budget = ByteBudget(40_000)
    holds = ListingHolds(budget)
    taken = [holds.take(f"10.0.0.{n}", 9_000) for n in range(1, 7)]
    inside = [h for h in taken if h is not None and not h.outside]
    assert len(inside) == 4 and budget.use().used == 36_000  # a fifth does not fit
    assert sum(1 for h in taken if h is not None and h.outside) == 1
    assert taken.count(None) == 1
