"""PINs of share links: checked in constant time, wrong ones capped per link (a lock every
process sees) and per client (an IPv4 address, or an IPv6 /64); token shortening for logs."""

from __future__ import annotations

import hmac
from pathlib import Path

import pytest

from server import link_pins
from server.clock import ManualClock
from server.link_model import redact_link_tokens, shorten_token
from server.link_pins import LINK_LIMIT, LOCK_SECONDS, hash_pin, pin_matches
from server.links import LinkStore

PIN = "2468"


@pytest.fixture
def clock() -> ManualClock:
    return ManualClock()


@pytest.fixture
def store(tmp_path: Path, clock: ManualClock) -> LinkStore:
    made = LinkStore(tmp_path / "links.toml", clock=clock)
    made.load()
    return made


@pytest.fixture
def link(store: LinkStore, tmp_path: Path):
    return store.create(tmp_path, "folder", pin=PIN)


def test_a_pin_hash_checks_the_pin_and_nothing_else():
    stored = hash_pin(PIN)
    assert pin_matches(PIN, stored)
    assert not pin_matches("2469", stored) and not pin_matches(PIN + " ", stored)
    assert not pin_matches(PIN, "$scrypt$ln=30,r=8,p=1$AAAAAAAAAAAAAAAAAAAAAA$" + "A" * 43)
    assert not pin_matches(PIN, "plain 2468")


def test_the_comparison_is_constant_time(monkeypatch):
    calls = []
    real = hmac.compare_digest

    def spy(a: bytes, b: bytes) -> bool:
        calls.append((len(a), len(b)))
        return real(a, b)

    monkeypatch.setattr(link_pins.hmac, "compare_digest", spy)
    assert not pin_matches("1357", hash_pin(PIN))
    assert calls == [(32, 32)]


def test_ten_wrong_pins_from_anywhere_lock_the_link_for_15_minutes(store, link, clock, tmp_path):
    verdicts = [store.check_pin(link, "0000", f"192.0.2.{n}") for n in range(LINK_LIMIT)]
    assert [v.outcome for v in verdicts] == ["wrong"] * LINK_LIMIT
    assert [v.locks_link for v in verdicts] == [False] * (LINK_LIMIT - 1) + [True]
    locked = store.check_pin(link, PIN, "198.51.100.1")  # even the right PIN, from elsewhere
    assert locked.outcome == "locked" and locked.retry_after == LOCK_SECONDS
    assert store.state(store.get(link.id)) == "locked"
    cli = LinkStore(tmp_path / "links.toml", clock=clock)  # the lock is in the file
    cli.load()
    assert cli.state(cli.get(link.id)) == "locked"
    clock.advance(LOCK_SECONDS - 1)
    assert store.check_pin(link, PIN, "198.51.100.1").outcome == "locked"
    clock.advance(1)
    assert store.state(store.get(link.id)) == "active"
    assert store.check_pin(link, PIN, "198.51.100.1").outcome == "ok"


def test_wrong_pins_spread_over_more_than_the_window_do_not_lock(store, link, clock):
    for n in range(LINK_LIMIT - 1):
        assert store.check_pin(link, "0000", f"192.0.2.{n}").outcome == "wrong"
    clock.advance(15 * 60 + 1)
    assert not store.check_pin(link, "0000", "192.0.2.99").locks_link
    assert store.state(store.get(link.id)) == "active"
    assert store.wrong_pins(link) == 1


def test_one_ipv6_64_counts_as_one_client(store, link, clock):
    for n in range(1, 6):  # the login throttle's threshold: five, then back-off
        assert store.check_pin(link, "0000", f"2001:db8:1:2::{n}").outcome == "wrong"
    same_64 = store.check_pin(link, PIN, "2001:db8:1:2:ffff::1")
    assert same_64.outcome == "throttled" and same_64.retry_after >= 1
    assert store.check_pin(link, PIN, "2001:db8:1:3::1").outcome == "ok"  # the next /64
    clock.advance(2)
    assert store.check_pin(link, PIN, "2001:db8:1:2::77").outcome == "ok"


def test_one_ipv4_address_is_one_client(store, link):
    for _ in range(5):
        store.check_pin(link, "0000", "203.0.113.5")
    assert store.check_pin(link, PIN, "203.0.113.5").outcome == "throttled"
    assert store.check_pin(link, PIN, "203.0.113.6").outcome == "ok"


def test_unlock_lifts_a_lock(store, link):
    for n in range(LINK_LIMIT):
        store.check_pin(link, "0000", f"192.0.2.{n}")
    assert store.state(store.get(link.id)) == "locked"
    assert store.unlock(link.id).locked_until is None
    assert store.check_pin(link, PIN, "198.51.100.1").outcome == "ok"


def test_a_link_without_pin_needs_none(store, tmp_path):
    plain = store.create(tmp_path, "folder")
    assert store.check_pin(plain, "", "192.0.2.1").outcome == "ok"


def test_tokens_are_shortened_for_logs(store, tmp_path):
    token = store.create(tmp_path, "folder").token
    assert shorten_token(token) == token[:6] + "…"
    for text in (f"/.well-known/pier/l/{token}", f"/.well-known/pier/l/{token}/a%20b.jpg?x=1",
                 f"https://192.0.2.1:8000/.WELL-KNOWN/pier/l/{token}/",
                 "/.well-known/pier/l/" + "".join(f"%{ord(c):02X}" for c in token)):
        redacted = redact_link_tokens(text)
        assert token not in redacted and token[6:12] not in redacted
        assert "…" in redacted
    assert redact_link_tokens(f"/.well-known/pier/l/{token}/a%20b.jpg?x=1").endswith(
        f"/l/{token[:6]}…/a%20b.jpg?x=1")
    assert redact_link_tokens("/photos/l/") == "/photos/l/"
    upload_id = "Ab3_" + "x" * 28  # a tus upload's id (server/tus_store.py)
    assert redact_link_tokens(f"/.well-known/pier/tus/{upload_id}") == \
        "/.well-known/pier/tus/Ab3_xx…"
    assert redact_link_tokens("/base/.well-known/pier/TUS/" + upload_id + "?a") == \
        "/base/.well-known/pier/TUS/Ab3_xx…?a"
    assert redact_link_tokens("/.well-known/pier/tus/") == "/.well-known/pier/tus/"
