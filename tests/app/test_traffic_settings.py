"""app/traffic_settings.py: the Limits & access tab's choices turned into the engine's limits and
allow-list (a real engine, not started: both are kept across stop and start)."""

from __future__ import annotations

import pytest

from app.traffic_settings import (
    KIB,
    MAX_DOWNLOADS,
    MAX_RATE_KIB,
    TrafficChoices,
    apply_allow_list,
    apply_limits,
    checked_allow_list,
    limits_of,
    split_allow_list,
)
from server.control import TrafficLimits
from server.engine import ServerEngine
from server.errors import ConfigError


def test_zero_means_unlimited():
    assert limits_of(TrafficChoices()) == TrafficLimits()


def test_rates_are_kib_per_second_and_capped():
    limits = limits_of(TrafficChoices(total_rate_kib=512, client_rate_kib=MAX_RATE_KIB + 1,
                                      downloads_per_client=MAX_DOWNLOADS + 5))
    assert limits == TrafficLimits(total_rate=512 * KIB, client_rate=MAX_RATE_KIB * KIB,
                            downloads_per_client=MAX_DOWNLOADS)


def test_allow_list_entries_are_split_on_commas_spaces_and_lines():
    text = " 192.168.1.7, 10.0.0.0/8;\n\t::1  ,, "
    assert split_allow_list(text) == ["192.168.1.7", "10.0.0.0/8", "::1"]
    assert checked_allow_list(text) == ["192.168.1.7/32", "10.0.0.0/8", "::1/128"]


def test_a_bad_or_empty_allow_list_is_refused_with_a_sentence():
    with pytest.raises(ConfigError, match="'printer' is not an IP address"):
        checked_allow_list("192.168.1.7 printer")
    with pytest.raises(ConfigError, match="nobody could connect"):
        checked_allow_list(" ,\n")


def test_applying_sets_the_engine_limits_and_allow_list():
    engine = ServerEngine()
    apply_limits(engine, TrafficChoices(client_rate_kib=100))
    assert engine.control.limits == TrafficLimits(client_rate=100 * KIB) and engine.control.limited
    choices = TrafficChoices(allow_list_on=True, allow_list="192.168.1.0/24")
    apply_allow_list(engine, choices)
    assert engine.policy.allow_list == ["192.168.1.0/24"]
    assert engine.policy.allows("192.168.1.9") and not engine.policy.allows("10.0.0.1")
    apply_allow_list(engine, TrafficChoices(allow_list_on=False, allow_list="192.168.1.0/24"))
    assert engine.policy.allow_list is None and engine.policy.allows("10.0.0.1")


def test_a_bad_allow_list_leaves_the_policy_as_it_was():
    engine = ServerEngine()
    apply_allow_list(engine, TrafficChoices(allow_list_on=True, allow_list="10.0.0.0/8"))
    with pytest.raises(ConfigError):
        apply_allow_list(engine, TrafficChoices(allow_list_on=True, allow_list="nonsense"))
    assert engine.policy.allow_list == ["10.0.0.0/8"]
