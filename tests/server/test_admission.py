"""Address groups (an IPv4 address, an IPv6 /64) and the sharing out of connection slots."""

from __future__ import annotations

import pytest

from server.admission import SMALL_GROUP, Slots, client_address, client_group


@pytest.mark.parametrize(("address", "group"), [
    ("192.0.2.7", "192.0.2.7"),
    ("127.0.0.1", "127.0.0.1"),
    ("2001:db8:1:2::1", "2001:db8:1:2::/64"),
    ("2001:db8:1:2:a1b2:c3d4:e5f6:789", "2001:db8:1:2::/64"),
    ("2001:DB8:1:2::FFFF", "2001:db8:1:2::/64"),
    ("2001:db8:1:3::1", "2001:db8:1:3::/64"),
    ("fd00::2", "fd00::/64"),
    ("fe80::1%eth0", "fe80::/64"),
    ("::1", "::1"),
    ("::ffff:192.0.2.7", "192.0.2.7"),  # made plain at accept(); grouped the same way anyway
    ("not an address", "not an address"),
    ("", ""),
])
def test_client_group(address: str, group: str) -> None:
    assert client_group(address) == group


def test_a_mapped_address_is_plain_before_it_is_grouped() -> None:
    assert client_group(client_address("::ffff:198.51.100.4")) == "198.51.100.4"


def fill(slots: Slots, client: str, at_most: int = 10_000) -> int:
    """Take slots for ``client`` until refused; how many it got."""
    taken = 0
    while taken < at_most and slots.take(client):
        taken += 1
    return taken


def test_the_per_group_cap_counts_a_whole_ipv6_64() -> None:
    slots = Slots(max_connections=512, max_per_group=3)
    assert [slots.take(f"2001:db8::{i}") for i in range(1, 5)] == [True, True, True, False]
    assert slots.take("2001:db8:0:1::1")  # the next /64 is someone else
    assert slots.held("2001:db8::99") == 3
    assert slots.clients == 4  # the clients shown are addresses
    slots.give_back("2001:db8::2")
    assert slots.take("2001:db8::77")
    assert fill(slots, "192.0.2.1") == 3 and fill(slots, "192.0.2.2") == 3


def test_a_quiet_server_keeps_the_plain_caps() -> None:
    slots = Slots(max_connections=512, max_per_group=128)
    assert fill(slots, "192.0.2.1") == 128
    assert fill(slots, "192.0.2.2") == 128  # 256: at half, no smaller share yet


def test_past_half_a_group_gets_its_share_only() -> None:
    slots = Slots(max_connections=512, max_per_group=500)
    assert slots.share == 64 and slots.reserve == 64
    assert fill(slots, "192.0.2.1") == 256  # alone, it stops at half
    assert fill(slots, "192.0.2.2") == 64
    assert fill(slots, "192.0.2.3") == 64
    assert slots.total == 384


def test_the_reserve_goes_to_groups_holding_little_and_never_half_of_it() -> None:
    slots = Slots(max_connections=32, max_per_group=16)
    assert (slots.share, slots.reserve) == (8, 4)
    assert [fill(slots, f"192.0.2.{i}") for i in range(1, 4)] == [16, 8, 4]  # 28: the reserve
    assert fill(slots, "192.0.2.1") == 0
    assert fill(slots, "192.0.2.4") == 2  # less than half of the 4 left
    assert fill(slots, "192.0.2.5") == 1
    assert fill(slots, "192.0.2.6") == 1
    assert slots.total == 32
    slots.give_back("192.0.2.1")
    assert not slots.take("192.0.2.4") and slots.take("192.0.2.7")  # one held vs none


@pytest.mark.parametrize(("max_connections", "per_group"),
                         [(512, 128), (512, 512), (32, 16), (64, 64), (2000, 2000)])
@pytest.mark.parametrize("interleaved", [False, True])
def test_four_greedy_groups_never_keep_a_fifth_out(max_connections: int, per_group: int,
                                                   interleaved: bool) -> None:
    slots = Slots(max_connections, per_group)
    greedy = [f"2001:db8:{i}::1" for i in range(4)]
    if interleaved:
        while any([slots.take(client) for client in greedy]):
            pass
    else:
        for client in greedy:
            fill(slots, client)
    assert slots.total < max_connections
    assert fill(slots, "192.0.2.200") >= 1


def test_enough_groups_still_fill_every_slot() -> None:
    slots = Slots(max_connections=512, max_per_group=128)
    groups = 0
    while fill(slots, f"10.0.{groups // 256}.{groups % 256}"):
        groups += 1
        assert groups <= 512
    assert slots.total == 512 and groups == 24


def test_tiny_limits_still_work() -> None:
    slots = Slots(max_connections=1, max_per_group=1)
    assert slots.take("192.0.2.1") and not slots.take("192.0.2.2")
    slots.give_back("192.0.2.1")
    assert slots.take("192.0.2.2")
    slots = Slots(max_connections=4, max_per_group=4)
    assert fill(slots, "192.0.2.1") == 4
    assert SMALL_GROUP == 4


def test_clear_forgets_everything() -> None:
    slots = Slots(max_connections=8, max_per_group=8)
    fill(slots, "2001:db8::1")
    slots.clear()
    assert (slots.total, slots.clients, slots.held("2001:db8::1")) == (0, 0, 0)
