"""The search's time budget against links that are slow to follow. The walk looks at its clock
between folders and every 1,024 entries, but each matching link is resolved with
os.path.realpath, whose cost the share's content decides: a link whose target is "d/../" 800
times over a chain of 100 such links costs ~0.15 s (the same with a 900-link chain: ~1.5 s),
so one folder of 1,023 matching links holds a worker for minutes to half an hour while the
answer claims to be complete ("truncated": false). Any local user of the folder can make
such links; any visitor can then start as many of those searches as they like.

Since then a link is followed by the kernel (O_PATH, at most 40 links) or, where it cannot say
where it landed, name by name within 40 links and 4,096 names (portable_folders.
link_destination), and the walk looks at its clock before each matching link."""

from __future__ import annotations

import os
from pathlib import Path

from server.access import policy_for
from server.clock import ManualClock
from server.search_walk import SearchLimits
from tests.server.conftest import config_of

PADDING = "d/../" * 800  # each step an lstat of realpath's ("d" need not exist)
CHAIN = 100
SLOW_LINKS = 12
BUDGET = 1.0  # seconds on the walk's clock
LINK_COST = 0.4  # what each reading of the clock says has passed: a link slow to follow


class SlowLinksClock(ManualClock):
    """Time passes between two readings as if each were a slow link followed: the budget must
    be looked at between links, not only between folders, for the walk to see it run out."""

    def monotonic(self) -> float:
        self.advance(LINK_COST)
        return super().monotonic()


def slow_links(folder: Path) -> None:
    folder.mkdir()  # no subfolder: nothing queued after it would look at the clock again
    for i in range(CHAIN):
        os.symlink(PADDING + f"c{i + 1}", folder / f"c{i}")
    (folder / f"c{CHAIN}").write_text("end\n", encoding="utf-8")
    for k in range(SLOW_LINKS):
        os.symlink(PADDING + "c0", folder / f"slow link {k:02d}")


def test_slow_links_do_not_overrun_the_time_budget(share: Path):
    slow_links(share / "links")
    access = policy_for(config_of(share)).bind(None)
    walk = access.search(access.target("/links/"), "slow link", SearchLimits(seconds=BUDGET),
                         SlowLinksClock())
    found = sum(len(hits) for hits in walk.batches())
    assert walk.truncated, f"{found} slow links followed and the answer is not cut short"
    assert found < SLOW_LINKS
