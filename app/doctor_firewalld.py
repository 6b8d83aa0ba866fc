"""Is firewalld running, and does the zone of the network the phone is on let the share's port
in? Asked over D-Bus (org.fedoraproject.FirewallD1 on the system bus), whose read-only methods
firewalld's polkit policy grants every user: no root, no firewall-cmd parsing.

The checks here are Qt-free and talk to a ``FirewalldApi``; app/doctor_dbus.py is the real one
(Qt's QtDBus, which PySide6-Essentials ships), tests give a stand-in with fixture answers."""

from __future__ import annotations

from collections.abc import Iterable
from typing import Protocol

from app.doctor_probe import ALLOWS, BLOCKS, CANT_TELL, FirewallFinding
from app.i18n import translate

OPEN_ZONES = frozenset({"trusted"})  # zones whose target is ACCEPT on a stock install


class FirewalldError(Exception):
    """A D-Bus call failed or was refused (the message says which)."""


class FirewalldApi(Protocol):
    def state(self) -> str | None:
        """firewalld's "state" property ("RUNNING"), None when it is not on the bus."""

    def default_zone(self) -> str: ...

    def zone_of_interface(self, interface: str) -> str:
        """"" when the interface is in no zone (the default zone then applies)."""

    def query_port(self, zone: str, port: str, protocol: str) -> bool: ...


def allow_commands(port: int, zone: str | None) -> tuple[str, ...]:
    """Let the port in now, and again after a reboot (--permanent)."""
    zone_option = f" --zone={zone}" if zone else ""
    return (f"sudo firewall-cmd{zone_option} --add-port={port}/tcp",
            f"sudo firewall-cmd --permanent{zone_option} --add-port={port}/tcp")


def check_firewalld(api: FirewalldApi, port: int,
                    interfaces: Iterable[str]) -> FirewallFinding | None:
    """firewalld's finding for the zones of ``interfaces`` (those of the share's addresses on
    the real network); None when firewalld is not running."""
    try:
        state = api.state()
        if state is None:
            return None
        if state != "RUNNING":
            return FirewallFinding("firewalld", CANT_TELL, translate(
                "Doctor", "firewalld is not fully running (state {state}).").format(state=state))
        default = api.default_zone()
        zones = [api.zone_of_interface(name) or default for name in interfaces] or [default]
        closed = [zone for zone in dict.fromkeys(zones)
                  if zone not in OPEN_ZONES and not api.query_port(zone, str(port), "tcp")]
    except FirewalldError as err:
        return FirewallFinding("firewalld", CANT_TELL, translate(
            "Doctor", "firewalld is running, but Pier could not read its zones: {problem}"
        ).format(problem=err), allow_commands(port, None))
    if not closed:
        names = ", ".join(dict.fromkeys(zones))
        return FirewallFinding("firewalld", ALLOWS, translate(
            "Doctor", "firewalld is running and zone {zones} lets port {port}/tcp in."
        ).format(zones=names, port=port))
    zone = closed[0]
    return FirewallFinding(
        "firewalld", BLOCKS,
        translate("Doctor", "firewalld is running and port {port}/tcp is not open in zone "
                  "“{zone}”, the zone of the network phones use: it blocks them (unless a "
                  "service opened for that zone happens to use the same port).").format(
            port=port, zone=zone),
        allow_commands(port, None if zone == default else zone))
