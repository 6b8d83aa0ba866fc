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

_TABLE = re.compile(r"^\s*table\s+(\S+)\s+(\S+)\s*\{")
_CHAIN = re.compile(r"^\s*chain\s+(\S+)\s*\{")
_DPORT = re.compile(r"tcp\s+dport\s+(\{[^}]*\}|\S+)")


def parse_nft(text: str, port: int) -> tuple[str, str]:
    """The verdict of ``nft list ruleset`` for incoming TCP to ``port``, and the exact command
    to let it in ("" when none is needed): ALLOWS when an input-hook chain accepts the port or
    nothing there drops, BLOCKS when a chain's policy is drop or a rule drops or rejects."""
    table = chain = ""
    in_input = blocks = allows = False
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
            if dport and port_in(dport[1], port):
                allows = True
    if allows or not blocks:
        return ALLOWS if allows else OFF, ""
    return BLOCKS, f"sudo nft insert rule {where} tcp dport {port} accept"


def parse_iptables(text: str, port: int) -> str:
    """The verdict of ``iptables -S INPUT``."""
    blocks = bool(re.search(r"^-P INPUT (DROP|REJECT)", text, re.MULTILINE))
    for line in text.splitlines():
        if not line.startswith("-A INPUT"):
            continue
        dport = re.search(r"--dports?\s+(\S+)", line)
        if "-j ACCEPT" in line and dport and port_in(dport[1], port):
            return ALLOWS
        if re.search(r"-j (DROP|REJECT)", line) and (dport is None or port_in(dport[1], port)):
            blocks = True
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
        return _finding("iptables", verdict, port, (command,) if verdict == BLOCKS else ())
    return FirewallFinding("", CANT_TELL,
                           "Pier found neither firewalld nor ufw, and the kernel's own rules "
                           "(nftables, iptables) are readable only by root, so it cannot tell "
                           "whether a firewall blocks the port.")


def _readable(result: CommandResult | None) -> bool:
    return result is not None and result.code == 0


def _finding(tool: str, verdict: str, port: int, commands: tuple[str, ...]) -> FirewallFinding:
    if verdict == OFF:
        return FirewallFinding(tool, OFF, f"{tool} has no rule that drops incoming traffic.")
    if verdict == ALLOWS:
        return FirewallFinding(tool, ALLOWS, f"{tool} has a rule that lets port {port}/tcp in.")
    return FirewallFinding(tool, BLOCKS, f"{tool} drops incoming traffic and no rule lets port "
                           f"{port}/tcp in: phones and other computers are blocked.", commands)
