"""PierPaths: made once from PIER_CONFIG_DIR (or the platform's folders) by the entry points,
then passed down; nothing else in server/ or app/ reads the environment."""

from __future__ import annotations

import re
from pathlib import Path

import platformdirs

from server.appdirs import find_trash_folders, pier_paths
from server.paths import PierPaths, ensure_private_dir

ROOT = Path(__file__).resolve().parents[2]
ENTRY_POINTS = {"server/appdirs.py", "server/cli.py", "app/main.py"}


def test_pier_config_dir_holds_everything_logs_included(tmp_path: Path) -> None:
    paths = pier_paths({"PIER_CONFIG_DIR": str(tmp_path / "cfg")})
    assert paths == PierPaths(tmp_path / "cfg", tmp_path / "cfg" / "logs",
                              tmp_path / "cfg" / "cache")
    assert paths.users_file == tmp_path / "cfg" / "users.toml"
    assert paths.bans_file == tmp_path / "cfg" / "bans.json"
    assert paths.tls_dir == tmp_path / "cfg" / "tls"
    assert paths.settings_file == tmp_path / "cfg" / "settings.toml"
    assert paths.tus_dir == tmp_path / "cfg" / "tus"  # under the config folder: protected
    assert paths.thumbs_dir == tmp_path / "cfg" / "cache" / "thumbs"
    assert paths.protected == (tmp_path / "cfg", tmp_path / "cfg" / "logs",
                               tmp_path / "cfg" / "cache")


def test_the_cache_folder_is_the_platforms_and_protected(tmp_path: Path) -> None:
    """Outside PIER_CONFIG_DIR the cache is the platform's user cache folder (on macOS
    ~/Library/Caches/Pier, no leading dot): a share holding it must not serve it."""
    paths = pier_paths({})
    assert paths.cache_dir == Path(platformdirs.user_cache_dir("Pier", appauthor=False))
    assert paths.thumbs_dir == paths.cache_dir / "thumbs"
    assert paths.cache_dir in paths.protected
    assert PierPaths(tmp_path / "c", tmp_path / "l").cache_dir == tmp_path / "c" / "cache"


def test_ensure_private_dir_makes_a_folder_only_its_owner_may_enter(tmp_path: Path) -> None:
    made = ensure_private_dir(tmp_path / "a" / "config")
    assert made.is_dir() and made.stat().st_mode & 0o077 == 0
    assert ensure_private_dir(made) == made  # already there: fine


def test_only_entry_points_look_up_where_pier_keeps_its_files() -> None:
    """The engine and the app services are given their paths: a test never has to patch the
    environment to keep them away from the real config folder."""
    lookups = re.compile(r"os\.environ|getenv|pier_paths\(|platformdirs")
    found = []
    for folder in ("server", "app", "ui"):
        for path in sorted((ROOT / folder).rglob("*.py")):
            name = path.relative_to(ROOT).as_posix()
            if name in ENTRY_POINTS:
                continue
            for number, line in enumerate(path.read_text(encoding="utf-8").splitlines(), 1):
                if lookups.search(line) and "USERNAME" not in line:
                    found.append(f"{name}:{number}: {line.strip()}")
    assert found == []


def test_the_users_trash_is_found_as_send2trash_finds_it(tmp_path: Path) -> None:
    """Where deletes of the home disk's files go, for ``ServerConfig.trash_folders``."""
    home = {"HOME": str(tmp_path)}
    data = tmp_path / "data"
    assert find_trash_folders(home, platform="linux") == (tmp_path / ".local/share/Trash",)
    assert find_trash_folders({**home, "XDG_DATA_HOME": str(data)}, platform="linux") == \
        (data / "Trash",)
    assert find_trash_folders({**home, "XDG_DATA_HOME": "~/d"}, platform="linux") == \
        (tmp_path / "d" / "Trash",)
    assert find_trash_folders(home, platform="darwin") == (tmp_path / ".Trash",)
    assert find_trash_folders(home, platform="win32") == ()  # $RECYCLE.BIN: known by name
