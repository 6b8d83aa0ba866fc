"""The connection doctor ("Phone can't connect?"): what Pier can find out, without root, about
why a phone does not reach the share, and what to do about each thing. Qt-free; the dialog is
ui/doctor_dialog.py, the live test (a request from another device) app/doctor_watch.py.

``diagnose`` takes the share's facts, the computer's interfaces and a ``Probes`` (the seams:
firewalld's D-Bus, a command runner, file reading, the platform) and gives findings in the
order the dialog shows them: the share's scope, the addresses, the firewall. Their texts are in
the user's language (``app.i18n.translate``, context "Doctor"; English outside the window)."""

from __future__ import annotations

import sys
import time
from collections.abc import Callable, Sequence
from dataclasses import dataclass, field
from pathlib import Path
from urllib.parse import urlsplit

from app.doctor_firewalld import FirewalldApi, check_firewalld
from app.doctor_netfilter import check_netfilter
from app.doctor_probe import (
    ALLOWS,
    BLOCKS,
    CANT_TELL,
    OFF,
    FirewallFinding,
    ReadText,
    Runner,
    read_text,
    run_command,
)
from app.doctor_ufw import UFW_DEFAULTS, UFW_DIR, check_ufw
from app.doctor_watch import WATCH_SECONDS, ArrivalWatch
from app.i18n import QT_TRANSLATE_NOOP, translate
from app.loopback import is_loopback_host
from server.interface_kinds import (
    CONTAINERS,
    VIRTUAL_MACHINE,
    VPN,
    InterfaceAddress,
    all_own_addresses,
    interface_kind,
    ipv4_interface_addresses,
)

PROBLEM = "problem"
WARNING = "warning"
OK = "ok"
UNKNOWN = "unknown"

MACOS_FIREWALL = "/usr/libexec/ApplicationFirewall/socketfilterfw"

# English, marked for the catalogues; shown through translate("Doctor", line)
NO_REQUEST_ADVICE = (
    QT_TRANSLATE_NOOP("Doctor", "Same network: the phone must be on the same Wi-Fi as this "
                      "computer (or on a Wi-Fi of the same router), not on a neighbour's or a "
                      "hotspot."),
    QT_TRANSLATE_NOOP("Doctor", "Guest Wi-Fi: guest networks, hotel, school and office Wi-Fi "
                      "often keep devices apart (“client isolation”, “AP isolation”): each "
                      "device reaches the internet but not the others. Use the main network, "
                      "or turn isolation off in the router's Wi-Fi settings."),
    QT_TRANSLATE_NOOP("Doctor", "Mobile data: turn it off on the phone for the test; some "
                      "phones send requests over mobile data when they think the Wi-Fi has no "
                      "internet."),
    QT_TRANSLATE_NOOP("Doctor", "VPN: a VPN on the phone or on this computer can route the "
                      "address elsewhere; pause it."),
    QT_TRANSLATE_NOOP("Doctor", "The address: type it exactly as shown, with http:// or "
                      "https:// as shown and the port after the colon."),
)
# an address on one of these networks, e.g. "VPN (tailscale0): a phone cannot use it"
UNUSABLE_NOTES = {
    VPN: QT_TRANSLATE_NOOP("Doctor", "VPN ({interface}): a phone cannot use it"),
    CONTAINERS: QT_TRANSLATE_NOOP("Doctor", "containers ({interface}): a phone cannot use it"),
    VIRTUAL_MACHINE: QT_TRANSLATE_NOOP("Doctor", "virtual machine ({interface}): a phone "
                                                 "cannot use it"),
}


@dataclass(frozen=True, slots=True)
class Finding:
    key: str  # "scope", "addresses", "firewall"
    level: str  # PROBLEM, WARNING, OK or UNKNOWN
    title: str
    detail: str
    commands: tuple[str, ...] = ()  # exact commands to type, with the share's port


@dataclass(frozen=True, slots=True)
class ShareFacts:
    port: int
    urls: Sequence[str]  # the share's addresses, as the window lists them
    local_only: bool  # only this computer may connect (loopback)


@dataclass(frozen=True, slots=True)
class AddressNote:
    url: str
    interface: str  # "" when not an address of an interface (a host name, loopback)
    kind: str | None  # interface_kinds' VPN, CONTAINERS, VIRTUAL_MACHINE; None: ordinary
    loopback: bool = False

    @property
    def note(self) -> str:
        if self.loopback:
            return translate("Doctor", "this computer only")
        if self.kind is not None:
            unusable = UNUSABLE_NOTES.get(self.kind, "{kind} ({interface}): a phone cannot use it")
            return translate("Doctor", unusable).format(kind=self.kind, interface=self.interface)
        if self.interface:
            return translate("Doctor", "network {interface}").format(interface=self.interface)
        return translate("Doctor", "name of this computer")


@dataclass(frozen=True, slots=True)
class Probes:
    """The seams of the firewall checks. The defaults are the real ones."""

    firewalld: Callable[[], FirewalldApi]
    runner: Runner = run_command
    read: ReadText = read_text
    ufw_dir: Path = UFW_DIR
    ufw_defaults: Path = UFW_DEFAULTS
    platform: str = field(default=sys.platform)


def address_notes(urls: Sequence[str], interfaces: Sequence[InterfaceAddress]) -> list[AddressNote]:
    """The share's addresses, each with the interface it is on: ordinary networks first, then
    names, then VPN, container and virtual-machine networks, this computer's own last."""
    by_address = {found.address: found.interface for found in interfaces}
    notes = []
    for url in urls:
        host = urlsplit(url).hostname or ""
        interface = by_address.get(host, "")
        notes.append(AddressNote(url, interface, interface_kind(interface) if interface else None,
                                 is_loopback_host(host)))

    def rank(note: AddressNote) -> int:
        return 3 if note.loopback else 2 if note.kind else 0 if note.interface else 1
    return sorted(notes, key=rank)


def phone_url(notes: Sequence[AddressNote]) -> str:
    """The address to open on the phone: the first on an ordinary network, "" if none."""
    usable = [note for note in notes if not note.loopback and note.kind is None]
    return usable[0].url if usable else ""


def diagnose(share: ShareFacts, interfaces: Sequence[InterfaceAddress],
             probes: Probes) -> list[Finding]:
    notes = address_notes(share.urls, interfaces)
    findings = [scope_finding(share), addresses_finding(share, notes)]
    lan_interfaces = [note.interface for note in notes if note.interface and note.kind is None]
    findings.append(firewall_finding(share.port, lan_interfaces, probes))
    return findings


def scope_finding(share: ShareFacts) -> Finding:
    if share.local_only:
        return Finding("scope", PROBLEM,
                       translate("Doctor", "The share is for this computer only"),
                       translate("Doctor", "It listens on this computer's own address "
                                 "(127.0.0.1), which no phone can reach. Let the devices on your "
                                 "network in: the share restarts on the local network."))
    return Finding("scope", OK, translate("Doctor", "The share is open to the local network"),
                   translate("Doctor", "It listens on every network of this computer."))


def addresses_finding(share: ShareFacts, notes: Sequence[AddressNote]) -> Finding:
    if share.local_only:
        return Finding("addresses", UNKNOWN, translate("Doctor", "No address for a phone yet"),
                       translate("Doctor", "Once devices on the network are let in, their "
                                 "addresses show here."))
    usable = [note for note in notes if not note.loopback and note.kind is None]
    odd = [note for note in notes if note.kind is not None]
    odd_text = ("" if not odd else " " + translate(
        "Doctor", "Not these, which lead to a VPN, containers or a virtual machine: {addresses}."
    ).format(addresses=", ".join(f"{n.url} ({n.interface})" for n in odd)))
    if not usable:
        return Finding("addresses", PROBLEM,
                       translate("Doctor", "No address on an ordinary network"),
                       translate("Doctor", "This computer seems connected to no Wi-Fi or wired "
                                 "network, only to virtual ones.") + odd_text)
    return Finding("addresses", WARNING if odd else OK,
                   translate("Doctor", "Open {address} on the phone").format(
                       address=usable[0].url),
                   translate("Doctor", "Use an address of the network the phone is on.")
                   + odd_text)


def firewall_finding(port: int, interfaces: Sequence[str], probes: Probes) -> Finding:
    if probes.platform.startswith("win"):
        return _windows_finding(port)
    if probes.platform == "darwin":
        return _macos_finding(probes.runner)
    found = _linux_firewall(port, interfaces, probes)
    if found is None:
        return Finding("firewall", OK, translate("Doctor", "No firewall found"),
                       translate("Doctor", "Neither firewalld nor ufw is running."))
    if found.verdict == CANT_TELL and found.tool:
        return Finding("firewall", WARNING,
                       translate("Doctor", "The firewall ({tool}) is on and may block port "
                                 "{port}").format(tool=found.tool, port=port),
                       found.detail, found.commands)
    level = {BLOCKS: PROBLEM, ALLOWS: OK, OFF: OK}.get(found.verdict, UNKNOWN)
    if found.verdict == BLOCKS:
        title = translate("Doctor", "The firewall ({tool}) blocks port {port}")
    elif found.verdict == ALLOWS:
        title = translate("Doctor", "The firewall ({tool}) lets port {port} in")
    elif found.verdict == OFF:
        title = translate("Doctor", "No active firewall found")
    else:
        title = translate("Doctor", "Pier can't tell whether a firewall blocks the port")
    return Finding("firewall", level, title.format(tool=found.tool, port=port), found.detail,
                   found.commands)


def _linux_firewall(port: int, interfaces: Sequence[str],
                    probes: Probes) -> FirewallFinding | None:
    found = check_firewalld(probes.firewalld(), port, interfaces)
    if found is not None and found.verdict != OFF:
        return found
    ufw = check_ufw(port, probes.runner, probes.read, probes.ufw_dir, probes.ufw_defaults)
    if ufw is not None and ufw.verdict != OFF:
        return ufw
    return check_netfilter(port, probes.runner)


def _windows_finding(port: int) -> Finding:
    return Finding("firewall", UNKNOWN,
                   translate("Doctor", "Windows Defender Firewall may block the port"),
                   translate("Doctor", "When Windows asked whether to let Pier (or Python) talk "
                             "on networks, “Private networks” must be allowed, and the Wi-Fi "
                             "must be set to Private. Or let the port in from an administrator's "
                             "command prompt:"),
                   (f'netsh advfirewall firewall add rule name="Pier {port}" dir=in '
                    f"action=allow protocol=TCP localport={port} profile=private",))


def _macos_finding(runner: Runner) -> Finding:
    result = runner([MACOS_FIREWALL, "--getglobalstate"])
    how = translate("Doctor", "In System Settings → Network → Firewall → Options, set Pier (or "
                    "Python) to “Allow incoming connections”.")
    if result is not None and "disabled" in result.output:
        return Finding("firewall", OK, translate("Doctor", "The macOS firewall is off"),
                       translate("Doctor", "It blocks nothing."))
    if result is not None and "enabled" in result.output:
        return Finding("firewall", WARNING, translate("Doctor", "The macOS firewall is on"), how)
    return Finding("firewall", UNKNOWN,
                   translate("Doctor", "Pier can't tell whether the macOS firewall is on"), how)


@dataclass(frozen=True, slots=True)
class Examination:
    findings: list[Finding]
    notes: list[AddressNote]  # the share's addresses, ordinary networks first
    phone_url: str  # the address to open on the phone ("" if none)


class Doctor:
    """The doctor's checks with their seams in one place: the dialog asks ``examine`` (off the
    GUI thread: firewalld's D-Bus and the commands may take a moment) and ``watch``."""

    def __init__(self, probes: Probes,
                 interfaces: Callable[[], list[InterfaceAddress]] = ipv4_interface_addresses,
                 own_addresses: Callable[[], set[str]] = all_own_addresses,
                 clock: Callable[[], float] = time.monotonic,
                 watch_seconds: float = WATCH_SECONDS) -> None:
        self._probes = probes
        self._interfaces = interfaces
        self._own_addresses = own_addresses
        self.clock = clock
        self.watch_seconds = watch_seconds

    def examine(self, share: ShareFacts) -> Examination:
        interfaces = self._interfaces()
        notes = address_notes(share.urls, interfaces)
        return Examination(diagnose(share, interfaces, self._probes), notes, phone_url(notes))

    def watch(self) -> ArrivalWatch:
        return ArrivalWatch(self._own_addresses(), self.clock, self.watch_seconds)
