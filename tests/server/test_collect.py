"""Collect mode over real HTTP: people, folders, replacing, the deadline, accounts, the CLI."""

from __future__ import annotations

import base64
import time
from datetime import datetime
from pathlib import Path

import pytest

from server.cli import EXIT_USAGE, collect_config, main
from server.clock import ManualClock
from server.collect import CollectConfig, read_people
from server.config import ServerConfig
from server.engine import ServerEngine
from server.paths import PierPaths
from server.sharing import authenticator_for
from server.users import HashParams, PasswordHasher, UserStore
from tests.collect_http import Browser

FAST = HashParams(argon2_memory_kib=64, argon2_iterations=1, scrypt_log2_n=10)


@pytest.fixture
def collecting(share: Path, pier_paths: PierPaths, server_factory):
    def make(**options):
        config = CollectConfig("Homework", options.pop("until", None), pier_paths.collect_file)
        return server_factory(share, collect=config, **options)
    return make


def test_two_people_same_file_name_get_two_folders(share: Path, collecting) -> None:
    running = collecting()
    ana, bo = Browser(running.port), Browser(running.port)
    assert ana.give_name("Ana") == 303
    assert bo.give_name("Bo") == 303
    assert ana.hand_in([("essay.txt", b"by ana")])[0] == 303
    assert bo.hand_in([("essay.txt", b"by bo")])[0] == 303
    assert (share / "Homework" / "Ana" / "essay.txt").read_bytes() == b"by ana"
    assert (share / "Homework" / "Bo" / "essay.txt").read_bytes() == b"by bo"
    assert [f["name"] for f in ana.state()["files"]] == ["essay.txt"]
    assert "essay.txt" in ana.page() and "Handing in as <strong>Ana</strong>" in ana.page()


def test_the_same_label_twice_gets_a_numbered_folder(share: Path, collecting,
                                                     pier_paths: PierPaths) -> None:
    running = collecting()
    first, second = Browser(running.port), Browser(running.port)
    first.give_name("Ana")
    second.give_name("Ana")
    first.hand_in([("a.txt", b"1")])
    second.hand_in([("a.txt", b"2")])
    assert second.state()["person"] == {"label": "Ana", "folder": "Ana (2)"}
    assert (share / "Homework" / "Ana (2)" / "a.txt").read_bytes() == b"2"
    people = {p.folder: p.label for p in read_people(pier_paths.collect_file)}
    assert people == {"Ana": "Ana", "Ana (2)": "Ana"}
    assert pier_paths.collect_file.stat().st_mode & 0o077 == 0


def test_a_person_replaces_their_own_earlier_file(share: Path, collecting) -> None:
    running = collecting()  # no --overwrite, no --modify
    ana = Browser(running.port)
    ana.give_name("Ana")
    ana.hand_in([("essay.txt", b"draft")])
    ana.hand_in([("essay.txt", b"final")])
    assert sorted(p.name for p in (share / "Homework" / "Ana").iterdir()) == ["essay.txt"]
    assert (share / "Homework" / "Ana" / "essay.txt").read_bytes() == b"final"
    status, _ = ana.hand_in([("other-name.txt", b"v3")], replace="essay.txt")
    assert status == 303
    assert (share / "Homework" / "Ana" / "essay.txt").read_bytes() == b"v3"
    assert not (share / "Homework" / "Ana" / "other-name.txt").exists()


def test_a_hand_in_needs_a_name_first(collecting) -> None:
    running = collecting()
    status, body = Browser(running.port).hand_in([("a.txt", b"x")])
    assert status == 403 and b"Give your name first" in body
    assert "Your name" in Browser(running.port).page()


def test_the_deadline_refuses_hand_ins_with_the_closing_time(share: Path, pier_paths: PierPaths
                                                             ) -> None:
    clock = ManualClock(wall=time.time())
    until = clock.time() + 3600
    engine = ServerEngine(clock=clock)
    engine.start(ServerConfig(root=share, port=0, collect=CollectConfig(
        "Homework", until, pier_paths.collect_file)))
    try:
        ana = Browser(engine.port)
        ana.give_name("Ana")
        assert "Closes in <span class=\"left\">1 h 0 min</span>" in ana.page()
        assert ana.hand_in([("early.txt", b"ok")])[0] == 303
        clock.advance(3601)
        status, body = ana.hand_in([("late.txt", b"too late")])
        closes = time.strftime("%Y-%m-%d %H:%M", time.localtime(until))
        assert status == 403 and f"closed at {closes}".encode() in body
        assert not (share / "Homework" / "Ana" / "late.txt").exists()
        assert ana.hand_in([("early.txt", b"changed")], replace="early.txt")[0] == 403
        assert f"Hand-ins closed at {closes}." in ana.page()
        assert 'class="hand-in"' not in ana.page()
        assert not ana.state()["open"]
    finally:
        engine.stop()


def test_an_edited_cookie_is_a_new_person_not_someone_else(share: Path, collecting) -> None:
    running = collecting()
    ana = Browser(running.port)
    ana.give_name("Ana")
    ana.hand_in([("secret.txt", b"ana's")])
    pid, _, signature = ana.cookie.partition(".")
    for forged in (pid + "." + "0" * 32, pid[:-1] + ("A" if pid[-1] != "A" else "B") + "." +
                   signature, pid, "account:ana." + signature):
        mallory = Browser(running.port)
        mallory.cookie = forged
        assert mallory.state()["person"] is None and mallory.state()["files"] == []
        assert "secret.txt" not in mallory.page()
    mallory = Browser(running.port)
    mallory.cookie = pid + "." + "0" * 32
    mallory.give_name("Ana")
    mallory.hand_in([("secret.txt", b"mallory's")])
    assert mallory.state()["person"]["folder"] == "Ana (2)"
    assert mallory.cookie.partition(".")[0] != pid
    assert (share / "Homework" / "Ana" / "secret.txt").read_bytes() == b"ana's"


def test_an_account_hands_in_as_its_name(share: Path, pier_paths: PierPaths,
                                         server_factory) -> None:
    store = UserStore(pier_paths.users_file, hasher=PasswordHasher(FAST))
    store.add("ann", "meadow-kettle-orbit")
    running = server_factory(share, auth=authenticator_for(share, store, anonymous_read=False),
                             collect=CollectConfig("Homework", None, pier_paths.collect_file))
    token = base64.b64encode(b"ann:meadow-kettle-orbit").decode()
    ann = Browser(running.port, authorization="Basic " + token)
    assert "Handing in as <strong>ann</strong>" in ann.page()
    assert ann.hand_in([("work.txt", b"ann")])[0] == 303
    assert (share / "Homework" / "ann" / "work.txt").read_bytes() == b"ann"
    assert ann.cookie == ""  # an account needs no cookie
    assert Browser(running.port).request("GET", "/")[0] == 401  # no visitors on this share


def test_the_page_links_the_listing_and_the_listing_leaves_the_folder_out(collecting) -> None:
    running = collecting()
    ana = Browser(running.port)
    ana.give_name("Ana")
    ana.hand_in([("a.txt", b"1")])
    assert 'href="/?browse"' in ana.page()
    status, _, listing = ana.request("GET", "/?browse")
    assert status == 200 and b"hello.txt" in listing and b"Homework" not in listing


def test_collect_config_from_the_command_line(pier_paths: PierPaths) -> None:
    now = datetime(2026, 6, 1, 12, 0).timestamp()
    config = collect_config("Homework", "2026-06-30T18:00", pier_paths, now)
    assert config == CollectConfig("Homework", datetime(2026, 6, 30, 18, 0).timestamp(),
                                   pier_paths.collect_file)
    assert collect_config(None, None, pier_paths, now) is None
    for name, until in (("Homework", "30.06.2026"), ("Homework", "2026-05-01T10:00"),
                        ("../x", None), ("", None), (None, "2026-06-30T18:00")):
        with pytest.raises(ValueError):
            collect_config(name, until, pier_paths, now)


@pytest.mark.parametrize("argv", [["--collect", "Homework", "--until", "tomorrow"],
                                  ["--until", "2030-01-01T10:00"],
                                  ["--collect", "..."],
                                  ["--collect", "Homework", "--until", "2001-01-01T10:00"]])
def test_bad_collect_options_exit_2_with_one_line(share: Path, argv: list[str],
                                                  capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["serve", str(share), "--port", "0", *argv]) == EXIT_USAGE
    err = capsys.readouterr().err
    assert err.startswith("pier: ") and err.count("\n") == 1


def test_head_of_the_page_has_the_pages_length_and_no_body(collecting) -> None:
    running = collecting()
    response, body = running.get("/", method="HEAD")
    _, page = running.get("/")
    assert response.status == 200 and body == b""
    assert int(response.getheader("Content-Length")) == len(page)
