"""server/clock.py: the real clock and the one tests move by hand."""

from __future__ import annotations

import time

from server.clock import SYSTEM_CLOCK, Clock, ManualClock


def test_the_system_clock_reads_the_time_module():
    before_wall, before = time.time(), time.monotonic()
    wall, monotonic = SYSTEM_CLOCK.time(), SYSTEM_CLOCK.monotonic()
    assert before_wall <= wall <= time.time()
    assert before <= monotonic <= time.monotonic()


def test_a_manual_clock_moves_only_when_told_and_both_readings_together():
    clock: Clock = ManualClock(start=5.0, wall=1_000.0)
    assert (clock.monotonic(), clock.time()) == (5.0, 1_000.0)
    assert (clock.monotonic(), clock.time()) == (5.0, 1_000.0)
    assert isinstance(clock, ManualClock)
    clock.advance(2.5)
    assert (clock.monotonic(), clock.time()) == (7.5, 1_002.5)
