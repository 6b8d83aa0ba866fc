"""Which network interfaces lead somewhere a phone on the same Wi-Fi cannot be: a VPN tunnel,
Docker's bridges, a virtual machine's network. Told apart by the interface's name, the only thing
every platform gives without privileges (Linux, BSD and macOS name their devices by driver:
docker0, veth…, virbr0, vmnet8, tun0, wg0, utun3; Windows names are the adapters' names, e.g.
"vEthernet (WSL)", "VirtualBox Host-Only Network", "ZeroTier One").

The share's addresses put these last (server/urls.py) and the connection doctor marks them
(app/doctor.py), so the QR code shows an address on the real network first."""

from __future__ import annotations

import ipaddress
import re
import socket
from dataclasses import dataclass

import psutil

VPN = "VPN"
CONTAINERS = "containers"
VIRTUAL_MACHINE = "virtual machine"

# Name patterns, matched case-insensitively at the start of the name.
_KINDS: tuple[tuple[str, re.Pattern[str]], ...] = (
    (VPN, re.compile(r"(tun|tap|utun|wg|tailscale|zt|ppp|ipsec|nordlynx|proton|mullvad"
                     r"|openvpn|wireguard|zerotier|gpd|cscotun|vpn)", re.IGNORECASE)),
    (CONTAINERS, re.compile(r"(docker|br-|veth|cni|flannel|cali|weave|kube|podman|lxc|lxd"
                            r"|vethernet \(wsl|vethernet \(default switch)", re.IGNORECASE)),
    (VIRTUAL_MACHINE, re.compile(r"(virbr|vmnet|vboxnet|vnic|bridge\d|vethernet|virtualbox"
                                 r"|vmware|hyper-v|qemu|anpi)", re.IGNORECASE)),
)


def interface_kind(name: str) -> str | None:
    """VPN, CONTAINERS or VIRTUAL_MACHINE for an interface whose name says so; None for an
    ordinary one (Ethernet, Wi-Fi: eth0, enp3s0, wlan0, wlp2s0, en0, "Wi-Fi")."""
    for kind, pattern in _KINDS:
        if pattern.match(name.strip()):
            return kind
    return None


@dataclass(frozen=True, slots=True)
class InterfaceAddress:
    interface: str
    address: str  # an IPv4 address

    @property
    def kind(self) -> str | None:
        return interface_kind(self.interface)


def ipv4_interface_addresses() -> list[InterfaceAddress]:
    """The IPv4 addresses of the interfaces that are up, loopback and link-local left out, with
    the interface each belongs to."""
    found: list[InterfaceAddress] = []
    stats = psutil.net_if_stats()
    for name, addrs in psutil.net_if_addrs().items():
        if name in stats and not stats[name].isup:
            continue
        for addr in addrs:
            if addr.family != socket.AF_INET:
                continue
            ip = ipaddress.ip_address(addr.address)
            if not ip.is_loopback and not ip.is_link_local:
                found.append(InterfaceAddress(name, addr.address))
    return found


def all_own_addresses() -> set[str]:
    """Every address of this computer, any family, any interface (loopback included): a request
    from one of them came from this computer, not from a phone."""
    own = {"127.0.0.1", "::1"}
    for addrs in psutil.net_if_addrs().values():
        for addr in addrs:
            if addr.family in (socket.AF_INET, socket.AF_INET6):
                own.add(addr.address.partition("%")[0])
    return own
