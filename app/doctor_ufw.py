"""Is ufw on, and does it let the share's port in? Asked without root: ``ufw status`` answers
only root, so when it refuses, /etc/ufw/ufw.conf (world-readable) says whether ufw is enabled,
/etc/default/ufw its default for incoming traffic, and the rules files (``### tuple ###``
lines of user.rules and user6.rules, readable by root only on a stock install) its rules."""

from __future__ import annotations

import re
from pathlib import Path

from app.doctor_probe import (
    ALLOWS,
    BLOCKS,
    CANT_TELL,
    OFF,
    FirewallFinding,
    ReadText,
    Runner,
    port_in,
    read_text,
    run_command,
)
from app.i18n import translate

UFW_DIR = Path("/etc/ufw")
UFW_DEFAULTS = Path("/etc/default/ufw")
FROM_STATUS, FROM_RULES, FROM_CONF = "ufw status", "its rules", "ufw.conf"  # a verdict's source

_STATUS_RULE = re.compile(r"^(?P<to>.+?)\s+(?P<action>ALLOW|DENY|REJECT|LIMIT)(?:\s+(?:IN|FWD))?"
                          r"\s+(?P<source>.+)$")


def allow_commands(port: int) -> tuple[str, ...]:
    return (f"sudo ufw allow {port}/tcp",)


def rule_covers(to: str, port: int) -> bool:
    """``ufw status``'s "To" column: "8000/tcp", "8000", "8000:8100/tcp", "80,443/tcp",
    "Anywhere", "8000/tcp (v6)", "Anywhere on eth0"; an application profile (OpenSSH) is not
    read."""
    target = to.replace("(v6)", "").split(" on ")[0].strip()
    if target.startswith("Anywhere"):
        return True
    ports, _, protocol = target.partition("/")
    return protocol in ("", "tcp") and port_in(ports, port)


def parse_status(text: str, port: int) -> str | None:
    """The verdict of ``ufw status`` output: OFF, ALLOWS, BLOCKS (first matching rule decides,
    as in ufw; no rule: the default policy, deny on every install we know), None if the text
    is not ufw's status."""
    if re.search(r"^Status:\s*inactive", text, re.MULTILINE):
        return OFF
    if not re.search(r"^Status:\s*active", text, re.MULTILINE):
        return None
    default_allows = bool(re.search(r"^Default:\s*allow \(incoming\)", text, re.MULTILINE))
    for line in text.splitlines():
        match = _STATUS_RULE.match(line.strip())
        if match is None or not rule_covers(match["to"], port):
            continue
        return ALLOWS if match["action"] in ("ALLOW", "LIMIT") else BLOCKS
    return ALLOWS if default_allows else BLOCKS


def is_enabled(conf: str) -> bool:
    """ufw.conf's ENABLED=yes (quotes allowed)."""
    match = re.search(r"^\s*ENABLED\s*=\s*\"?(\w+)", conf, re.MULTILINE)
    return match is not None and match[1].lower() == "yes"


def default_input_accepts(defaults: str) -> bool:
    match = re.search(r"^\s*DEFAULT_INPUT_POLICY\s*=\s*\"?(\w+)", defaults, re.MULTILINE)
    return match is not None and match[1].upper() == "ACCEPT"


def parse_rules(text: str, port: int) -> str | None:
    """The verdict of a user.rules file's tuples ("### tuple ### allow tcp 8000 0.0.0.0/0 any
    0.0.0.0/0 in"): ALLOWS or BLOCKS for the first incoming rule covering ``port``, None when
    no rule covers it."""
    for line in text.splitlines():
        if not line.startswith("### tuple ###"):
            continue
        fields = line.split()[3:]
        if len(fields) < 7 or not fields[-1].startswith("in"):
            continue
        action, protocol, dport = fields[0].split("_")[0], fields[1], fields[2]
        if protocol in ("tcp", "any") and port_in(dport, port):
            return ALLOWS if action in ("allow", "limit") else BLOCKS
    return None


def check_ufw(port: int, runner: Runner = run_command, read: ReadText = read_text,
              ufw_dir: Path = UFW_DIR, defaults: Path = UFW_DEFAULTS) -> FirewallFinding | None:
    """ufw's finding; None when ufw is not installed."""
    result = runner(["ufw", "status"])
    if result is not None and result.code == 0:
        verdict = parse_status(result.output, port)
        if verdict is not None:
            return _finding(verdict, port, FROM_STATUS)
    conf = read(ufw_dir / "ufw.conf")
    if conf is None:
        return None if result is None else _finding(CANT_TELL, port, FROM_CONF)
    if not is_enabled(conf):
        return _finding(OFF, port, FROM_CONF)
    rule_texts = [read(ufw_dir / name) for name in ("user.rules", "user6.rules")]
    readable = [text for text in rule_texts if text is not None]
    if readable:
        verdicts = {parse_rules(text, port) for text in readable}
        if ALLOWS in verdicts:
            return _finding(ALLOWS, port, FROM_RULES)
        if BLOCKS not in verdicts:
            accepts = default_input_accepts(read(defaults) or "")
            return _finding(ALLOWS if accepts else BLOCKS, port, FROM_RULES)
        return _finding(BLOCKS, port, FROM_RULES)
    return _finding(CANT_TELL, port, FROM_CONF)


def _finding(verdict: str, port: int, source: str) -> FirewallFinding:
    """``source``: where the verdict was read, FROM_STATUS, FROM_RULES or FROM_CONF."""
    if verdict == OFF:
        return FirewallFinding("ufw", OFF, translate("Doctor", "ufw is installed but not "
                                                               "enabled."))
    if verdict == ALLOWS:
        detail = translate("Doctor", "ufw is on and lets port {port}/tcp in (read from ufw "
                           "status).") if source == FROM_STATUS else \
            translate("Doctor", "ufw is on and lets port {port}/tcp in (read from its rules).")
        return FirewallFinding("ufw", ALLOWS, detail.format(port=port))
    if verdict == BLOCKS:
        detail = translate("Doctor", "ufw is on and no rule lets port {port}/tcp in (read from "
                           "ufw status): it blocks phones and other computers.") \
            if source == FROM_STATUS else \
            translate("Doctor", "ufw is on and no rule lets port {port}/tcp in (read from its "
                      "rules): it blocks phones and other computers.")
        return FirewallFinding("ufw", BLOCKS, detail.format(port=port), allow_commands(port))
    return FirewallFinding("ufw", CANT_TELL, translate(
        "Doctor", "ufw is enabled, but its rules are readable only by root, so Pier cannot tell "
        "whether port {port}/tcp is let in.").format(port=port), allow_commands(port))
