"""The connection doctor's firewall probes, pointed at fixture outputs and files (captured from
a real ufw 0.36 on Debian 12, nftables rulesets as Debian's /etc/nftables.conf writes them)."""

from __future__ import annotations

import shutil
from collections.abc import Mapping
from pathlib import Path

import pytest

from app.doctor_firewalld import FirewalldError, check_firewalld
from app.doctor_netfilter import check_netfilter, parse_iptables, parse_nft
from app.doctor_probe import ALLOWS, BLOCKS, CANT_TELL, OFF, CommandResult, port_in, read_text
from app.doctor_ufw import check_ufw, parse_rules, parse_status

FIXTURES = Path(__file__).parent / "fixtures_doctor"
NOT_ROOT = CommandResult(1, "ERROR: You need to be root to run this script\n")
NFT_REFUSED = CommandResult(1, "Operation not permitted (you must be root)\n")


def fixture(name: str) -> str:
    return (FIXTURES / name).read_text(encoding="utf-8")


def runner(answers: Mapping[str, CommandResult]):
    """A command runner answering by the command's name; a command not listed is not
    installed."""
    seen: list[list[str]] = []

    def run(argv: list[str]) -> CommandResult | None:
        seen.append(argv)
        return answers.get(argv[0])
    run.seen = seen  # type: ignore[attr-defined]
    return run


@pytest.mark.parametrize(("spec", "port", "covered"), [
    ("8000", 8000, True), ("8001", 8000, False), ("8000:8100", 8050, True),
    ("7000-7010", 7011, False), ("80,443,8000", 8000, True), ("{ 80, 443 }", 443, True),
    ("any", 1234, True), ("", 8000, False), ("http", 80, False),
])
def test_port_fields(spec, port, covered):
    assert port_in(spec, port) is covered


# ---- ufw --------------------------------------------------------------------------------------

@pytest.mark.parametrize(("name", "port", "verdict"), [
    ("ufw_status_allow.txt", 8000, ALLOWS),
    ("ufw_status_allow.txt", 8001, BLOCKS),
    ("ufw_status_other_ports.txt", 8000, BLOCKS),  # 8000/udp does not count
    ("ufw_status_other_ports.txt", 8150, ALLOWS),  # a range
    ("ufw_status_deny_first.txt", 8000, BLOCKS),  # the first matching rule decides
    ("ufw_status_inactive.txt", 8000, OFF),
])
def test_ufw_status_output(name, port, verdict):
    assert parse_status(fixture(name), port) == verdict


def test_ufw_status_says_nothing_about_other_text():
    assert parse_status(NOT_ROOT.output, 8000) is None


@pytest.mark.parametrize(("port", "verdict"), [
    (9999, ALLOWS), (8001, BLOCKS), (7005, ALLOWS), (8000, None)])
def test_ufw_user_rules_tuples(port, verdict):
    assert parse_rules(fixture("user.rules"), port) == verdict


def ufw_tree(tmp_path: Path, conf: str, rules: bool) -> tuple[Path, Path]:
    etc = tmp_path / "ufw"
    etc.mkdir()
    shutil.copy(FIXTURES / conf, etc / "ufw.conf")
    if rules:
        shutil.copy(FIXTURES / "user.rules", etc / "user.rules")
    defaults = tmp_path / "default_ufw"
    shutil.copy(FIXTURES / "default_ufw", defaults)
    return etc, defaults


def test_ufw_as_root_reads_its_status(tmp_path):
    etc, defaults = ufw_tree(tmp_path, "ufw.conf.enabled", rules=False)
    run = runner({"ufw": CommandResult(0, fixture("ufw_status_other_ports.txt"))})
    found = check_ufw(8000, run, read_text, etc, defaults)
    assert found is not None and found.verdict == BLOCKS
    assert found.commands == ("sudo ufw allow 8000/tcp",)
    assert "ufw status" in found.detail


def test_ufw_not_root_enabled_with_readable_rules(tmp_path):
    etc, defaults = ufw_tree(tmp_path, "ufw.conf.enabled", rules=True)
    run = runner({"ufw": NOT_ROOT})
    assert check_ufw(9999, run, read_text, etc, defaults).verdict == ALLOWS
    blocked = check_ufw(8000, run, read_text, etc, defaults)  # no rule: DROP by default
    assert blocked.verdict == BLOCKS and blocked.commands == ("sudo ufw allow 8000/tcp",)


def test_ufw_not_root_enabled_rules_unreadable_is_cant_tell_with_the_command(tmp_path):
    etc, defaults = ufw_tree(tmp_path, "ufw.conf.enabled", rules=False)
    found = check_ufw(8443, runner({"ufw": NOT_ROOT}), read_text, etc, defaults)
    assert found.verdict == CANT_TELL
    assert found.commands == ("sudo ufw allow 8443/tcp",)


def test_ufw_disabled_or_missing(tmp_path):
    etc, defaults = ufw_tree(tmp_path, "ufw.conf.disabled", rules=True)
    assert check_ufw(8000, runner({"ufw": NOT_ROOT}), read_text, etc, defaults).verdict == OFF
    assert check_ufw(8000, runner({}), read_text, tmp_path / "none", defaults) is None


# ---- firewalld --------------------------------------------------------------------------------

class FakeFirewalld:
    """firewalld's D-Bus answers, as DbusFirewalld gives them."""

    def __init__(self, state: str | None = "RUNNING", default: str = "public",
                 zones: Mapping[str, str] | None = None,
                 open_ports: Mapping[str, set[str]] | None = None, fail: str = "") -> None:
        self._state, self._default = state, default
        self._zones, self._open = dict(zones or {}), dict(open_ports or {})
        self._fail = fail

    def state(self) -> str | None:
        return self._state

    def default_zone(self) -> str:
        if self._fail:
            raise FirewalldError(self._fail)
        return self._default

    def zone_of_interface(self, interface: str) -> str:
        return self._zones.get(interface, "")

    def query_port(self, zone: str, port: str, protocol: str) -> bool:
        return f"{port}/{protocol}" in self._open.get(zone, set())


def test_firewalld_not_running_is_no_finding():
    assert check_firewalld(FakeFirewalld(state=None), 8000, ["eth0"]) is None


def test_firewalld_default_zone_without_the_port_blocks():
    found = check_firewalld(FakeFirewalld(open_ports={"public": {"22/tcp"}}), 8000, ["wlan0"])
    assert found.verdict == BLOCKS and "“public”" in found.detail
    assert found.commands == ("sudo firewall-cmd --add-port=8000/tcp",
                              "sudo firewall-cmd --permanent --add-port=8000/tcp")


def test_firewalld_the_interfaces_zone_counts_and_is_named_in_the_command():
    api = FakeFirewalld(zones={"wlan0": "home"}, open_ports={"public": {"8000/tcp"}})
    found = check_firewalld(api, 8000, ["wlan0"])
    assert found.verdict == BLOCKS
    assert found.commands[1] == "sudo firewall-cmd --permanent --zone=home --add-port=8000/tcp"
    api = FakeFirewalld(zones={"wlan0": "home"}, open_ports={"home": {"8000/tcp"}})
    assert check_firewalld(api, 8000, ["wlan0"]).verdict == ALLOWS
    api = FakeFirewalld(zones={"wlan0": "trusted"})
    assert check_firewalld(api, 8000, ["wlan0"]).verdict == ALLOWS


def test_firewalld_refusing_a_call_is_cant_tell():
    found = check_firewalld(FakeFirewalld(fail="AccessDenied"), 8000, ["eth0"])
    assert found.verdict == CANT_TELL and "AccessDenied" in found.detail
    assert found.commands[0] == "sudo firewall-cmd --add-port=8000/tcp"


# ---- nftables and iptables --------------------------------------------------------------------

@pytest.mark.parametrize(("name", "port", "verdict"), [
    ("nft_drop.txt", 8000, BLOCKS), ("nft_drop.txt", 443, ALLOWS),
    ("nft_drop_port_open.txt", 8005, ALLOWS), ("nft_drop_lan_source.txt", 8000, CANT_TELL),
    ("nft_accept.txt", 8000, OFF),
])
def test_nft_rulesets(name, port, verdict):
    assert parse_nft(fixture(name), port)[0] == verdict


def test_nft_command_names_the_real_table_and_chain():
    assert parse_nft(fixture("nft_drop.txt"), 8000)[1] == \
        "sudo nft insert rule inet filter input tcp dport 8000 accept"


@pytest.mark.parametrize(("name", "port", "verdict"), [
    ("iptables_drop.txt", 8000, BLOCKS), ("iptables_drop.txt", 22, ALLOWS),
    ("iptables_open.txt", 8000, ALLOWS), ("iptables_accept.txt", 8000, OFF),
])
def test_iptables_rules(name, port, verdict):
    assert parse_iptables(fixture(name), port) == verdict


def test_netfilter_unreadable_without_root_is_cant_tell():
    run = runner({"nft": NFT_REFUSED, "iptables": NFT_REFUSED})
    found = check_netfilter(8000, run)
    assert found.verdict == CANT_TELL and "root" in found.detail
    assert [argv[0] for argv in run.seen] == ["nft", "iptables"]


def test_netfilter_falls_back_to_iptables():
    run = runner({"iptables": CommandResult(0, fixture("iptables_drop.txt"))})
    found = check_netfilter(8000, run)
    assert (found.tool, found.verdict) == ("iptables", BLOCKS)
    assert found.commands == ("sudo iptables -I INPUT -p tcp --dport 8000 -j ACCEPT",)
