"""`pier --version` and `pier-cli --version`: the package metadata's version, without Qt."""

from __future__ import annotations

import subprocess
import sys
import tomllib
from importlib import metadata
from pathlib import Path

import pytest

from server.version import pier_version

PYPROJECT = Path(__file__).resolve().parents[2] / "pyproject.toml"


def project_version() -> str:
    return str(tomllib.loads(PYPROJECT.read_text("utf-8"))["project"]["version"])


def test_version_is_the_metadata_of_the_installed_distribution() -> None:
    assert pier_version() == metadata.version("pier")
    assert pier_version() == project_version()


@pytest.mark.parametrize("module_call", [
    "from app.main import main; main(['--version'])",
    "from server.cli import main; main(['--version'])",
])
def test_both_entry_points_print_the_version_without_qt(module_call: str) -> None:
    code = (f"import sys\ntry:\n    {module_call}\nexcept SystemExit as exit:\n"
            "    print('exit', exit.code, any(n.startswith('PySide6') for n in sys.modules))")
    done = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True,
                          timeout=60, check=False, cwd=PYPROJECT.parent)
    lines = done.stdout.splitlines()
    assert lines[0] == f"pier {project_version()}"
    assert lines[1] == "exit 0 False"
