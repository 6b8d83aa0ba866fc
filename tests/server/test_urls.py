"""server/urls.py: the addresses other devices can use to reach a share."""

from __future__ import annotations

import ipaddress
import socket

import pytest

from server.interface_kinds import ipv4_interface_addresses
from server.urls import host_names, lan_ipv4_addresses, make_url, share_urls


@pytest.mark.parametrize(("host", "port", "tls", "url"), [
    ("127.0.0.1", 8000, False, "http://127.0.0.1:8000/"),
    ("192.168.1.7", 80, False, "http://192.168.1.7/"),
    ("192.168.1.7", 443, True, "https://192.168.1.7/"),
    ("192.168.1.7", 80, True, "https://192.168.1.7:80/"),
    ("::1", 8443, True, "https://[::1]:8443/"),
    ("laptop.local", 8000, False, "http://laptop.local:8000/"),
])
def test_make_url(host, port, tls, url):
    assert make_url(host, port, tls) == url


def test_a_share_on_one_address_has_one_url():
    assert share_urls("192.168.1.7", 8000) == ["http://192.168.1.7:8000/"]
    assert share_urls("::1", 8443, tls=True) == ["https://[::1]:8443/"]


@pytest.mark.parametrize("wildcard", ["0.0.0.0", "::", ""])
def test_a_share_on_every_interface_lists_loopback_first_then_the_lan(wildcard):
    urls = share_urls(wildcard, 8000)
    assert urls[0] == "http://127.0.0.1:8000/"
    assert len(urls) == len(set(urls))
    for address in lan_ipv4_addresses():
        assert f"http://{address}:8000/" in urls
    for name in host_names():
        assert f"http://{name}:8000/" in urls


def test_lan_addresses_are_up_non_loopback_ipv4_ordinary_networks_then_private_first():
    found = lan_ipv4_addresses()
    addresses = [ipaddress.ip_address(a) for a in found]
    assert all(a.version == 4 and not a.is_loopback and not a.is_link_local for a in addresses)
    virtual = {a.address for a in ipv4_interface_addresses() if a.kind is not None}
    order = [(a in virtual, not ipaddress.ip_address(a).is_private) for a in found]
    assert order == sorted(order)


def test_host_names_are_the_short_name_and_its_mdns_form():
    short = socket.gethostname().split(".")[0]
    names = host_names()
    if not short or short == "localhost":
        assert names == []
    else:
        assert names == [short, f"{short}.local"]
