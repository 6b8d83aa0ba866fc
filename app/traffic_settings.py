"""Turning the saved limits and access choices into the engine's TrafficControl and
AccessPolicy. The engine keeps both across stop/start, so applying once at launch and again on
every change is enough."""

from __future__ import annotations

import re
from dataclasses import dataclass

from app.i18n import translate
from server.control import TrafficLimits, parse_network
from server.engine import ServerEngine
from server.errors import ConfigError

KIB = 1024
MAX_RATE_KIB = 10 * 1024 * 1024  # 10 GiB/s: more than any LAN link
MAX_DOWNLOADS = 1000


@dataclass(frozen=True, slots=True)
class TrafficChoices:
    """What the Limits & access tab holds. 0 means unlimited."""

    total_rate_kib: int = 0
    client_rate_kib: int = 0
    downloads_per_client: int = 0
    allow_list_on: bool = False
    allow_list: str = ""  # addresses and networks separated by commas, spaces or new lines


def limits_of(choices: TrafficChoices) -> TrafficLimits:
    def rate(kib: int) -> int | None:
        return min(kib, MAX_RATE_KIB) * KIB if kib > 0 else None

    downloads = choices.downloads_per_client
    return TrafficLimits(total_rate=rate(choices.total_rate_kib),
                  client_rate=rate(choices.client_rate_kib),
                  downloads_per_client=min(downloads, MAX_DOWNLOADS) if downloads > 0 else None)


def split_allow_list(text: str) -> list[str]:
    return [entry for entry in re.split(r"[\s,;]+", text) if entry]


def checked_allow_list(text: str) -> list[str]:
    """The entries of ``text`` in canonical form; ConfigError naming the first bad one, or
    saying that an empty list would shut everyone out."""
    entries = [str(parse_network(entry)) for entry in split_allow_list(text)]
    if not entries:
        raise ConfigError(translate("LimitsPanel", "The allow-list is empty, so nobody could "
                                    "connect. Add at least one address or network, e.g. "
                                    "192.168.1.0/24."))
    return entries


def apply_limits(engine: ServerEngine, choices: TrafficChoices) -> None:
    engine.control.set_limits(limits_of(choices))


def apply_allow_list(engine: ServerEngine, choices: TrafficChoices) -> None:
    """Turn allow-list mode on with the checked entries, or off. Raises ConfigError (and
    leaves the policy as it was) when the list is not valid."""
    if choices.allow_list_on:
        engine.policy.set_allow_list(checked_allow_list(choices.allow_list))
    else:
        engine.policy.set_allow_list(None)
