"""What the connection doctor's firewall probes share: their finding, and the seams they take
(a command runner, file reading) so tests can point them at fixture outputs and files while the
real probes run the real commands and read the real files, all without root."""

from __future__ import annotations

import subprocess
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path

BLOCKS = "blocks"  # the firewall is on and nothing we can read lets the port in
ALLOWS = "allows"  # the firewall is on and a rule lets the port in
OFF = "off"  # this firewall is installed but not active
CANT_TELL = "can't tell"  # active, or maybe active, but its rules are not readable without root

RUN_TIMEOUT_S = 3.0
# The status commands live in the system's folders; a fixed environment (not the user's: app/
# reads none, see tests/server/test_paths.py) keeps their output in English and their PATH sane.
COMMAND_ENV = {"PATH": "/usr/local/sbin:/usr/local/bin:/usr/sbin:/usr/bin:/sbin:/bin",
               "LC_ALL": "C", "LANG": "C"}


@dataclass(frozen=True, slots=True)
class CommandResult:
    code: int
    output: str  # stdout and stderr together


Runner = Callable[[list[str]], CommandResult | None]  # None: the command is not installed
ReadText = Callable[[Path], str | None]  # None: missing or not readable


@dataclass(frozen=True, slots=True)
class FirewallFinding:
    tool: str  # "firewalld", "ufw", "nftables", "iptables"
    verdict: str  # BLOCKS, ALLOWS, OFF or CANT_TELL
    detail: str  # one or two sentences for the user
    commands: tuple[str, ...] = ()  # what to type to let the port in, exactly, with the port


def run_command(argv: list[str]) -> CommandResult | None:
    """Run a read-only status command in the C locale (its output is parsed: ufw translates
    its own), found on the system's own PATH, no input, a short timeout. None when it is not
    installed; a refusal (not root) is a result like any other."""
    try:
        done = subprocess.run(argv, capture_output=True, text=True, timeout=RUN_TIMEOUT_S,
                              stdin=subprocess.DEVNULL, env=COMMAND_ENV, check=False)
    except (FileNotFoundError, NotADirectoryError):
        return None
    except (OSError, subprocess.TimeoutExpired) as err:
        return CommandResult(-1, str(err))
    return CommandResult(done.returncode, done.stdout + done.stderr)


def read_text(path: Path) -> str | None:
    try:
        return path.read_text(encoding="utf-8", errors="replace")
    except OSError:
        return None


def port_in(spec: str, port: int) -> bool:
    """Whether a rule's port field covers ``port``: "8000", "8000:8100" (ufw, iptables),
    "8000-8100" (nft), "80,443" or "{ 80, 8000 }" (lists), "any"."""
    spec = spec.strip().strip("{}").strip()
    if spec in ("any", ""):
        return spec == "any"
    for part in spec.split(","):
        low, sep, high = part.strip().replace("-", ":").partition(":")
        try:
            if (int(low) <= port <= int(high)) if sep else int(low) == port:
                return True
        except ValueError:
            continue
    return False
