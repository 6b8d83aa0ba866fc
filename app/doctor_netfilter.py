"""When neither firewalld nor ufw manages the firewall: nftables' or iptables' own rules, which
only root (CAP_NET_ADMIN) may list. Run as an ordinary user the commands refuse, and the
doctor says it cannot tell; run as root (or in a container) they are read."""

from __future__ import annotations

import re

from app.doctor_probe import (
    ALLOWS,
    BLOCKS,
    CANT_TELL,
    OFF,
    CommandResult,
    FirewallFinding,
    Runner,
    port_in,
    run_command,
)
from app.i18n import translate

_TABLE = re.compile(r"^\s*table\s+(\S+)\s+(\S+)\s*\{")
_CHAIN = re.compile(r"^\s*chain\s+(\S+)\s*\{")
_DPORT = re.compile(r"tcp\s+dport\s+(\{[^}]*\}|\S+)")


def parse_nft(text: str, port: int) -> tuple[str, str]:
    """The verdict of ``nft list ruleset`` for incoming TCP to ``port``, and the exact command
    to let it in ("" when none is needed): ALLOWS when an input-hook chain accepts the port or
    nothing there drops, BLOCKS when a chain's policy is drop or a rule drops or rejects."""
    table = chain = ""
    in_input = blocks = allows = broad = False
    where = ""
    for line in text.splitlines():
        if match := _TABLE.match(line):
            table, in_input = f"{match[1]} {match[2]}", False
        elif match := _CHAIN.match(line):
            chain, in_input = match[1], False
        elif "hook input" in line:
            in_input = True
            if "policy drop" in line:
                blocks, where = True, where or f"{table} {chain}"
        elif in_input and re.search(r"\b(drop|reject)\b", line):
            blocks, where = True, where or f"{table} {chain}"
        elif in_input and re.search(r"\baccept\b", line):
            dport = _DPORT.search(line)
            allows = allows or bool(dport and port_in(dport[1], port))
            broad = broad or (dport is None and _is_broad(line))
    if allows or not blocks:
        return ALLOWS if allows else OFF, ""
    return CANT_TELL if broad else BLOCKS, f"sudo nft insert rule {where} tcp dport {port} accept"


def _is_broad(rule: str) -> bool:
    """An accept rule for every port from some sources ("ip saddr 192.168.1.0/24 accept"),
    not one of the usual housekeeping rules (replies, loopback, ICMP)."""
    return not re.search(r"ct state|iif(name)? \"?lo\b|icmp|udp dport", rule)


def parse_iptables(text: str, port: int) -> str:
    """The verdict of ``iptables -S INPUT``."""
    blocks = bool(re.search(r"^-P INPUT (DROP|REJECT)", text, re.MULTILINE))
    broad = False
    for line in text.splitlines():
        if not line.startswith("-A INPUT"):
            continue
        dport = re.search(r"--dports?\s+(\S+)", line)
        if "-j ACCEPT" in line and dport and port_in(dport[1], port):
            return ALLOWS
        if "-j ACCEPT" in line and dport is None and not re.search(
                r"--ctstate|--state|-i lo\b|icmp|-p udp", line):
            broad = True
        if re.search(r"-j (DROP|REJECT)", line) and (dport is None or port_in(dport[1], port)):
            blocks = True
    if blocks and broad:
        return CANT_TELL
    return BLOCKS if blocks else OFF


def check_netfilter(port: int, runner: Runner = run_command) -> FirewallFinding:
    nft = runner(["nft", "list", "ruleset"])
    if _readable(nft):
        assert nft is not None
        verdict, command = parse_nft(nft.output, port)
        return _finding("nftables", verdict, port, (command,) if command else ())
    iptables = runner(["iptables", "-S", "INPUT"])
    if _readable(iptables):
        assert iptables is not None
        verdict = parse_iptables(iptables.output, port)
        command = f"sudo iptables -I INPUT -p tcp --dport {port} -j ACCEPT"
        needed = verdict in (BLOCKS, CANT_TELL)
        return _finding("iptables", verdict, port, (command,) if needed else ())
    return FirewallFinding("", CANT_TELL, translate(
        "Doctor", "Pier found neither firewalld nor ufw, and the kernel's own rules (nftables, "
        "iptables) are readable only by root, so it cannot tell whether a firewall blocks the "
        "port."))


def _readable(result: CommandResult | None) -> bool:
    return result is not None and result.code == 0


def _finding(tool: str, verdict: str, port: int, commands: tuple[str, ...]) -> FirewallFinding:
    if verdict == CANT_TELL:
        detail = translate("Doctor", "{tool} drops incoming traffic, but lets some addresses in "
                           "on every port: Pier cannot tell whether the phone is one of them. To "
                           "let port {port}/tcp in for everyone:")
    elif verdict == OFF:
        detail = translate("Doctor", "{tool} has no rule that drops incoming traffic.")
    elif verdict == ALLOWS:
        detail = translate("Doctor", "{tool} has a rule that lets port {port}/tcp in.")
    else:
        detail = translate("Doctor", "{tool} drops incoming traffic and no rule lets port "
                           "{port}/tcp in: phones and other computers are blocked.")
    return FirewallFinding(tool, verdict, detail.format(tool=tool, port=port),
                           commands if verdict in (CANT_TELL, BLOCKS) else ())
