"""server/records.py: when a request's answer counts as cut short."""

from __future__ import annotations

from server.records import RequestRecord


def record(sent: int, expected: int | None, complete: bool = True) -> RequestRecord:
    return RequestRecord(1.0, "192.0.2.1", "", "GET", "/f", 200, sent, 0.1, "", "", False,
                         bytes_expected=expected, complete=complete)


def test_a_whole_answer_is_not_incomplete():
    assert not record(100, 100).incomplete
    assert not record(0, None).incomplete  # the size was not announced (chunked, a zip)


def test_fewer_bytes_than_announced_is_incomplete():
    assert record(99, 100).incomplete


def test_an_answer_marked_cut_short_is_incomplete_whatever_its_size():
    assert record(100, None, complete=False).incomplete
    assert record(100, 100, complete=False).incomplete
