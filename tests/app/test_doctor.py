"""The connection doctor's findings, put together from the probes' seams, and the Wi-Fi QR
code's text."""

from __future__ import annotations

import sys
from pathlib import Path

import pytest

from app.doctor import (
    OK,
    PROBLEM,
    UNKNOWN,
    WARNING,
    Doctor,
    Probes,
    ShareFacts,
    address_notes,
    diagnose,
    phone_url,
)
from app.doctor_probe import CommandResult, run_command
from app.doctor_wifi import OPEN, WEP, WPA, WifiError, escape, wifi_qr_text
from server.interface_kinds import InterfaceAddress
from tests.app.test_doctor_firewall import FakeFirewalld, runner

INTERFACES = [InterfaceAddress("docker0", "172.17.0.1"), InterfaceAddress("wlp2s0", "192.168.1.20"),
              InterfaceAddress("tailscale0", "100.101.102.103")]
URLS = ["http://127.0.0.1:8000/", "http://100.101.102.103:8000/", "http://172.17.0.1:8000/",
        "http://192.168.1.20:8000/", "http://laptop:8000/"]
LAN = ShareFacts(8000, URLS, local_only=False)


def probes(tmp_path: Path, api: FakeFirewalld | None = None, platform: str = "linux",
           answers: dict[str, CommandResult] | None = None) -> Probes:
    return Probes(firewalld=lambda: api or FakeFirewalld(state=None),
                  runner=runner(answers or {}), ufw_dir=tmp_path / "no-ufw",
                  ufw_defaults=tmp_path / "no-default", platform=platform)


def test_addresses_on_vpn_container_and_loopback_come_last_and_marked():
    notes = address_notes(URLS, INTERFACES)
    assert [n.url for n in notes] == [
        "http://192.168.1.20:8000/", "http://laptop:8000/", "http://100.101.102.103:8000/",
        "http://172.17.0.1:8000/", "http://127.0.0.1:8000/"]
    assert [n.note for n in notes] == [
        "network wlp2s0", "name of this computer", "VPN (tailscale0): a phone cannot use it",
        "containers (docker0): a phone cannot use it", "this computer only"]
    assert phone_url(notes) == "http://192.168.1.20:8000/"


def test_a_lan_share_with_firewalld_blocking(tmp_path):
    api = FakeFirewalld(zones={"wlp2s0": "home"})
    scope, addresses, firewall = diagnose(LAN, INTERFACES, probes(tmp_path, api))
    assert scope.level == OK
    assert addresses.level == WARNING and "172.17.0.1" in addresses.detail
    assert addresses.title == "Open http://192.168.1.20:8000/ on the phone"
    assert firewall.level == PROBLEM and "firewalld" in firewall.title
    assert firewall.commands == ("sudo firewall-cmd --zone=home --add-port=8000/tcp",
                                 "sudo firewall-cmd --permanent --zone=home --add-port=8000/tcp")


def test_a_local_only_share_is_the_first_problem(tmp_path):
    facts = ShareFacts(8000, ["http://127.0.0.1:8000/"], local_only=True)
    scope, addresses, _ = diagnose(facts, INTERFACES, probes(tmp_path))
    assert scope.level == PROBLEM and "this computer only" in scope.title
    assert addresses.level == UNKNOWN


def test_only_virtual_networks_is_a_problem(tmp_path):
    facts = ShareFacts(8000, ["http://172.17.0.1:8000/"], local_only=False)
    _, addresses, _ = diagnose(facts, INTERFACES, probes(tmp_path))
    assert addresses.level == PROBLEM


def test_no_firewall_readable_without_root(tmp_path):
    refused = CommandResult(1, "Operation not permitted")
    *_, firewall = diagnose(LAN, INTERFACES, probes(tmp_path, answers={"nft": refused}))
    assert firewall.level == UNKNOWN and "can't tell" in firewall.title


def test_ufw_enabled_but_unreadable_may_block(tmp_path):
    (tmp_path / "no-ufw").mkdir()
    (tmp_path / "no-ufw" / "ufw.conf").write_text("ENABLED=yes\n", encoding="utf-8")
    not_root = CommandResult(1, "ERROR: You need to be root to run this script")
    *_, firewall = diagnose(LAN, INTERFACES, probes(tmp_path, answers={"ufw": not_root}))
    assert (firewall.level, firewall.title) == (WARNING, "The firewall (ufw) is on and may "
                                                         "block port 8000")
    assert firewall.commands == ("sudo ufw allow 8000/tcp",)


def test_ufw_is_asked_when_firewalld_is_not_running(tmp_path):
    status = CommandResult(0, "Status: active\n\nTo  Action  From\n--  ------  ----\n"
                              "22/tcp  ALLOW  Anywhere\n")
    *_, firewall = diagnose(LAN, INTERFACES, probes(tmp_path, answers={"ufw": status}))
    assert firewall.level == PROBLEM and firewall.commands == ("sudo ufw allow 8000/tcp",)


def test_windows_gets_the_netsh_command(tmp_path):
    *_, firewall = diagnose(LAN, INTERFACES, probes(tmp_path, platform="win32"))
    assert firewall.commands == ('netsh advfirewall firewall add rule name="Pier 8000" dir=in '
                                 "action=allow protocol=TCP localport=8000 profile=private",)


@pytest.mark.parametrize(("output", "level"), [
    ("Firewall is enabled. (State = 1)", WARNING), ("Firewall is disabled. (State = 0)", OK)])
def test_macos_application_firewall_state(tmp_path, output, level):
    answers = {"/usr/libexec/ApplicationFirewall/socketfilterfw": CommandResult(0, output)}
    *_, firewall = diagnose(LAN, INTERFACES, probes(tmp_path, platform="darwin",
                                                    answers=answers))
    assert firewall.level == level


def test_the_doctor_examines_with_its_seams(tmp_path):
    clock = iter([0.0, 30.0])
    doctor = Doctor(probes(tmp_path), interfaces=lambda: INTERFACES,
                    own_addresses=lambda: {"127.0.0.1"}, clock=lambda: next(clock))
    found = doctor.examine(LAN)
    assert found.phone_url == "http://192.168.1.20:8000/"
    assert [f.key for f in found.findings] == ["scope", "addresses", "firewall"]
    assert doctor.watch().state().seconds_left == 30.0


@pytest.mark.skipif(sys.platform == "win32", reason="POSIX commands")
def test_the_real_command_runner():
    assert run_command(["sh", "-c", "echo out; echo err >&2; exit 3"]) == \
        CommandResult(3, "out\nerr\n")
    assert run_command(["pier-no-such-command"]) is None


# ---- the Wi-Fi QR code ------------------------------------------------------------------------

def test_wifi_text_escapes_the_specials():
    assert escape('a\\b;c,d:e"f') == 'a\\\\b\\;c\\,d\\:e\\"f'
    assert wifi_qr_text('Home; 5 GHz', WPA, 'p:ss,w"rd\\1') == \
        'WIFI:T:WPA;S:Home\\; 5 GHz;P:p\\:ss\\,w\\"rd\\\\1;;'


def test_wifi_text_forms():
    assert wifi_qr_text("Café", OPEN, "ignored") == "WIFI:T:nopass;S:Café;;"
    assert wifi_qr_text("old", WEP, "12345", hidden=True) == "WIFI:T:WEP;S:old;P:12345;H:true;;"


@pytest.mark.parametrize(("ssid", "security", "password"), [
    ("", WPA, "long enough"), ("x" * 33, WPA, "long enough"), ("net", WPA, "short"),
    ("net", WEP, ""), ("net", "WPA3", "long enough")])
def test_wifi_text_refuses_what_no_phone_could_join(ssid, security, password):
    with pytest.raises(WifiError):
        wifi_qr_text(ssid, security, password)
