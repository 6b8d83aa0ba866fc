from __future__ import annotations

import os
import re
from dataclasses import replace
from pathlib import Path

import pytest

from app.settings import (
    DEFAULT_RING_SIZE,
    MIN_RING_SIZE,
    SCOPE_LAN,
    SCOPE_LOCAL,
    Settings,
    SettingsStore,
    checked_host_names,
)
from server.errors import ConfigError
from server.paths import PierPaths


def test_missing_file_gives_defaults_without_a_problem(app_config_dir: Path) -> None:
    result = SettingsStore(app_config_dir / "settings.toml").load()
    assert result.settings == Settings()
    assert result.problem is None
    assert result.settings.log_ring_size == DEFAULT_RING_SIZE


def test_the_settings_file_lives_in_the_config_dir(app_config_dir: Path) -> None:
    assert PierPaths.under(app_config_dir).settings_file == app_config_dir / "settings.toml"


def test_round_trip_keeps_every_field(app_config_dir: Path) -> None:
    store = SettingsStore(app_config_dir / "settings.toml")
    saved = Settings(folder="/srv/films été", scope=SCOPE_LAN, port=0, show_hidden=True,
                     website_mode=True, window_geometry="AAEC", splitter_state="AA==",
                     log_header_state="AQID", log_ring_size=5000, tray_notice_shown=True,
                     start_at_login=True, start_hidden=True)
    store.save(saved)
    assert store.load().settings == saved
    assert sorted(os.listdir(app_config_dir)) == ["settings.toml"]  # no temp file left


def test_corrupt_file_is_set_aside_and_reported(app_config_dir: Path) -> None:
    app_config_dir.mkdir()
    path = app_config_dir / "settings.toml"
    path.write_bytes(b"folder = [unterminated\n\x00")
    result = SettingsStore(app_config_dir / "settings.toml").load()
    assert result.settings == Settings()
    assert result.problem is not None and "damaged" in result.problem
    assert result.backup is not None and result.backup.exists()
    assert result.backup.read_bytes().startswith(b"folder = [unterminated")
    assert not path.exists()
    assert str(result.backup) in result.problem


def test_wrong_type_counts_as_corrupt(app_config_dir: Path) -> None:
    app_config_dir.mkdir()
    (app_config_dir / "settings.toml").write_text('port = "eighty"\n', encoding="utf-8")
    result = SettingsStore(app_config_dir / "settings.toml").load()
    assert result.problem is not None and "'port' should be int" in result.problem
    assert result.settings == Settings()


def test_out_of_range_values_are_clamped_and_unknown_keys_ignored(app_config_dir: Path) -> None:
    app_config_dir.mkdir()
    (app_config_dir / "settings.toml").write_text(
        'scope = "moon"\nport = 7000000\nlog_ring_size = 3\nfuture_option = true\n',
        encoding="utf-8")
    result = SettingsStore(app_config_dir / "settings.toml").load()
    assert result.problem is None
    assert result.settings.scope == SCOPE_LOCAL
    assert result.settings.port == 8000  # beyond what the port field can even show
    assert result.settings.log_ring_size == MIN_RING_SIZE


def test_save_replaces_previous_content(app_config_dir: Path) -> None:
    store = SettingsStore(app_config_dir / "settings.toml")
    store.save(Settings(port=1234))
    store.save(replace(Settings(), port=4321))
    assert store.load().settings.port == 4321


def test_allowed_hosts_round_trip_as_a_list_of_strings(app_config_dir: Path) -> None:
    store = SettingsStore(app_config_dir / "settings.toml")
    store.save(Settings(allowed_hosts=("pc.fritz.box", "laptop.vpn")))
    assert 'allowed_hosts = [\n    "pc.fritz.box",' in store.path.read_text(encoding="utf-8")
    assert store.load().settings.allowed_hosts == ("pc.fritz.box", "laptop.vpn")


def test_old_settings_without_allowed_hosts_load_with_none(app_config_dir: Path) -> None:
    app_config_dir.mkdir()
    (app_config_dir / "settings.toml").write_text('port = 9000\nannounce = true\n',
                                                  encoding="utf-8")
    result = SettingsStore(app_config_dir / "settings.toml").load()
    assert result.problem is None
    assert result.settings.port == 9000 and result.settings.allowed_hosts == ()


def test_hand_edited_allowed_hosts_are_normalised_and_bad_ones_dropped(
        app_config_dir: Path) -> None:
    app_config_dir.mkdir()
    (app_config_dir / "settings.toml").write_text(
        'allowed_hosts = ["PC.Fritz.Box.", "*.example.com", "pc.fritz.box", "x:80"]\n',
        encoding="utf-8")
    result = SettingsStore(app_config_dir / "settings.toml").load()
    assert result.problem is None
    assert result.settings.allowed_hosts == ("pc.fritz.box",)


def test_allowed_hosts_of_the_wrong_type_count_as_corrupt(app_config_dir: Path) -> None:
    app_config_dir.mkdir()
    (app_config_dir / "settings.toml").write_text('allowed_hosts = [1, 2]\n', encoding="utf-8")
    result = SettingsStore(app_config_dir / "settings.toml").load()
    assert result.problem is not None and "list of strings" in result.problem
    assert result.settings == Settings()


def test_checked_host_names_split_normalise_and_refuse() -> None:
    assert checked_host_names("") == ()
    assert checked_host_names(" PC.fritz.box,laptop.vpn  pc.fritz.box;\nmünchen.example ") == \
        ("pc.fritz.box", "laptop.vpn", "xn--mnchen-3ya.example")
    for text, bad in (("*.example.com", "*.example.com"), ("http://x", "http://x"),
                      ("a b:80", "b:80"), ("pc.fritz.box:8080", "pc.fritz.box:8080")):
        with pytest.raises(ConfigError, match=re.escape(f"'{bad}'")):
            checked_host_names(text)


def test_first_run_is_asked_only_without_a_settings_file(app_config_dir: Path) -> None:
    assert SettingsStore(app_config_dir / "settings.toml").load().settings.scope_asked is False
    app_config_dir.mkdir()
    (app_config_dir / "settings.toml").write_text('folder = "/srv"\n', encoding="utf-8")
    store = SettingsStore(app_config_dir / "settings.toml")
    assert store.load().settings.scope_asked is True, "an older file: not a first run"
    store.save(Settings(scope_asked=False))
    assert store.load().settings.scope_asked is False


def test_remembered_free_port_round_trips(app_config_dir: Path) -> None:
    store = SettingsStore(app_config_dir / "settings.toml")
    store.save(Settings(port=0, free_port=51234))
    loaded = store.load().settings
    assert (loaded.port, loaded.free_port) == (0, 51234)


def test_a_hand_typed_invalid_port_is_kept_for_start_to_refuse(app_config_dir: Path) -> None:
    app_config_dir.mkdir()
    (app_config_dir / "settings.toml").write_text("port = 99999\nfree_port = 70000\n",
                                                  encoding="utf-8")
    loaded = SettingsStore(app_config_dir / "settings.toml").load().settings
    assert loaded.port == 99999, "never silently changed"
    assert loaded.free_port == 0, "a remembered port is only a preference"


def test_change_rights_round_trip(app_config_dir: Path) -> None:
    store = SettingsStore(app_config_dir / "settings.toml")
    saved = Settings(require_login=True, anonymous_read=True, anonymous_upload=True,
                     anonymous_modify=True, allow_upload=True, allow_changes=True,
                     permanent_deletes=True)
    store.save(saved)
    assert store.load().settings == saved
    assert b"overwrite" not in (app_config_dir / "settings.toml").read_bytes()


@pytest.mark.parametrize(("text", "changes"), [
    ("allow_upload = true\noverwrite = true\n", True),  # "Replace same names" was on
    ("allow_upload = true\noverwrite = false\n", False),
    ("allow_upload = true\n", False),
    # saved by a Pier that knows both: the owner's later choice wins
    ("overwrite = true\nallow_changes = false\n", False),
])
def test_a_saved_overwrite_turns_allow_changes_on(app_config_dir: Path, text: str,
                                                  changes: bool) -> None:
    app_config_dir.mkdir()
    path = app_config_dir / "settings.toml"
    path.write_text(text, encoding="utf-8")
    result = SettingsStore(path).load()
    assert result.problem is None
    assert result.settings.allow_changes is changes
    assert not result.settings.permanent_deletes, "permanent deletes are never migrated on"


def test_visitor_levels_include_the_ones_before(app_config_dir: Path) -> None:
    app_config_dir.mkdir()
    path = app_config_dir / "settings.toml"
    path.write_text("anonymous_read = false\nanonymous_upload = true\nanonymous_modify = true\n",
                    encoding="utf-8")
    loaded = SettingsStore(path).load().settings
    assert not (loaded.anonymous_upload or loaded.anonymous_modify), \
        "a hand-edited file cannot give visitors changes without reading"
    path.write_text("anonymous_read = true\nanonymous_modify = true\n", encoding="utf-8")
    assert not SettingsStore(path).load().settings.anonymous_modify


def test_collect_mode_round_trips_and_old_files_load_with_it_off(app_config_dir: Path) -> None:
    store = SettingsStore(app_config_dir / "settings.toml")
    saved = Settings(folder="/srv/class", collect_files=True, collect_name="Essays",
                     collect_until_on=True, collect_until="2026-12-05T14:00",
                     collect_roster=("Ana", "Zoë"))
    store.save(saved)
    assert store.load().settings == saved
    store.path.write_text('folder = "/srv/class"\nport = 8080\n', encoding="utf-8")
    old = store.load().settings
    assert (old.collect_files, old.collect_name, old.collect_until_on, old.collect_roster) == (
        False, "Hand-ins", False, ())
    store.path.write_text('collect_name = "  "\ncollect_roster = ["Ana", 3]\n',
                          encoding="utf-8")
    assert store.load().problem is not None  # a roster that is not names: defaults, said so
    store.path.write_text('collect_name = "  "\n', encoding="utf-8")
    assert store.load().settings.collect_name == "Hand-ins"
