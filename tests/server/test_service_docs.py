"""docs/pier.service and docs/pier.toml cannot rot: the unit's ExecStart is parsed by the real
parser with the example file, and systemd itself checks the unit where it is installed."""

from __future__ import annotations

import shlex
import shutil
import subprocess
import sys
import tomllib
from pathlib import Path

import pytest

from server import cli
from server.cli_config import option_keys, parse_with_config

DOCS = Path(__file__).resolve().parents[2] / "docs"
UNIT = DOCS / "pier.service"
EXAMPLE = DOCS / "pier.toml"


def unit_settings() -> dict[str, list[str]]:
    """Every Key=value of the unit (a key may repeat), comments and sections left out."""
    settings: dict[str, list[str]] = {}
    for line in UNIT.read_text(encoding="utf-8").splitlines():
        if "=" in line and not line.startswith(("#", ";", "[")):
            key, _, value = line.partition("=")
            settings.setdefault(key.strip(), []).append(value.strip())
    return settings


def test_exec_start_flags_exist_and_parse_with_the_example_file():
    command = shlex.split(unit_settings()["ExecStart"][0])
    assert Path(command[0]).name == "pier-cli" and command[1] == "serve"
    serve = cli.subcommand(cli.build_parser(), "serve")
    known = {flag for action in serve._actions for flag in action.option_strings}
    flags = [word.partition("=")[0] for word in command[2:] if word.startswith("-")]
    assert flags and set(flags) <= known, set(flags) - known
    config = command.index("--config") + 1
    assert command[config] == "/etc/pier/pier.toml"  # ConfigurationDirectory=pier
    command[config] = str(EXAMPLE)
    parser = cli.build_parser()
    args = parse_with_config(parser, cli.subcommand(parser, "serve"), command[1:])
    assert args.log_format == "json" and args.dir == "/srv/pier"


def test_the_unit_matches_what_pier_needs():
    settings = unit_settings()
    assert settings["Type"] == ["notify"]
    assert settings["ExecReload"] == ["/bin/kill -HUP $MAINPID"]
    assert settings["ConfigurationDirectory"] == ["pier"]
    assert settings["StateDirectory"] == ["pier"]
    assert "PIER_CONFIG_DIR=/var/lib/pier" in settings["Environment"]  # StateDirectory's path
    shared = tomllib.loads(EXAMPLE.read_text(encoding="utf-8"))["dir"]
    assert settings["ReadWritePaths"] == [shared]
    for hardening in ("NoNewPrivileges", "PrivateTmp"):
        assert settings[hardening] == ["yes"]
    assert settings["ProtectSystem"] == ["strict"]


def test_every_key_of_the_example_is_a_serve_option():
    data = tomllib.loads(EXAMPLE.read_text(encoding="utf-8"))
    assert set(data) <= set(option_keys(cli.subcommand(cli.build_parser(), "serve")))


@pytest.mark.skipif(shutil.which("systemd-analyze") is None, reason="no systemd-analyze")
def test_systemd_accepts_the_unit(tmp_path):
    """`systemd-analyze verify` with ExecStart pointed at this venv's pier-cli (it checks
    that the program exists)."""
    here = Path(sys.executable).parent / "pier-cli"
    if not here.exists():
        pytest.skip("pier-cli is not installed in this environment")
    unit = tmp_path / "pier.service"
    unit.write_text(UNIT.read_text(encoding="utf-8").replace("/usr/local/bin/pier-cli",
                                                             str(here)), encoding="utf-8")
    done = subprocess.run(["systemd-analyze", "verify", str(unit)], capture_output=True,
                          text=True, timeout=60)
    assert done.returncode == 0 and "pier.service" not in done.stderr, done.stderr
