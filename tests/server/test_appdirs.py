"""server/appdirs.py: the one reader of PIER_CONFIG_DIR and of the platform's folders."""

from __future__ import annotations

from pathlib import Path

import platformdirs

from server.appdirs import pier_paths
from server.paths import PierPaths


def test_a_tilde_in_pier_config_dir_is_the_home_folder() -> None:
    assert pier_paths({"PIER_CONFIG_DIR": "~/pier-test"}).config == Path.home() / "pier-test"


def test_without_the_variable_the_platform_folders_are_used() -> None:
    paths = pier_paths({})
    assert paths.config == Path(platformdirs.user_config_dir("Pier", appauthor=False))
    assert paths.logs == Path(platformdirs.user_log_dir("Pier", appauthor=False))


def test_the_environment_honours_the_variable(private_config_dir: Path) -> None:
    assert pier_paths() == PierPaths.under(private_config_dir)


def test_an_empty_variable_counts_as_unset() -> None:
    assert pier_paths({"PIER_CONFIG_DIR": ""}) == pier_paths({})
