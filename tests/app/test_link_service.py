"""app.link_service: the window's side of share links, on a real links file and a ManualClock."""

from __future__ import annotations

import datetime as dt
import os
from pathlib import Path

import pytest

from app.link_service import LinkService, NewLink
from server.clock import ManualClock
from server.errors import InvalidLinkError
from server.links import LinkStore
from server.paths import PierPaths


@pytest.fixture
def share(tmp_path: Path) -> Path:
    root = tmp_path / "share"
    (root / "photos").mkdir(parents=True)
    (root / "report final.pdf").write_bytes(b"%PDF")
    (root / "photos" / "a.jpg").write_bytes(b"jpg")
    return root


@pytest.fixture
def clock() -> ManualClock:
    return ManualClock()


@pytest.fixture
def paths(app_paths: PierPaths) -> PierPaths:
    app_paths.config.mkdir(parents=True)
    return app_paths


@pytest.fixture
def service(paths: PierPaths, share: Path, clock: ManualClock) -> LinkService:
    made = LinkService(paths.links_file, protected=paths.protected, clock=clock)
    made.set_share(str(share))
    assert made.load()
    return made


def test_create_lists_the_link_with_its_expiry_limit_pin_and_upload(
        service: LinkService, share: Path, clock: ManualClock, paths: PierPaths) -> None:
    link = service.create(NewLink(str(share / "photos"), expiry="1h", downloads=3, pin="2468",
                                  upload=True))
    assert link.kind == "folder" and link.upload and link.has_pin
    assert link.expires == clock.time() + 3600
    assert link.downloads_allowed == 3
    on_disk = LinkStore(paths.links_file)
    on_disk.load()
    assert [item.id for item in on_disk.list()] == [link.id]
    [row] = service.rows()
    assert (row.name, row.state, row.downloads, row.last_used) == ("photos", "active", "0 of 3",
                                                                   "not yet")


@pytest.mark.parametrize(("choice", "seconds"), [("1h", 3600), ("1d", 86400),
                                                  ("7d", 7 * 86400)])
def test_expiry_choices_count_from_now(service: LinkService, share: Path, clock: ManualClock,
                                       choice: str, seconds: int) -> None:
    link = service.create(NewLink(str(share / "report final.pdf"), expiry=choice))  # type: ignore[arg-type]
    assert link.expires == clock.time() + seconds


def test_a_date_lasts_to_the_end_of_that_day(service: LinkService, share: Path) -> None:
    day = dt.date.today() + dt.timedelta(days=3)
    link = service.create(NewLink(str(share / "photos"), expiry="date", until=day))
    assert link.expires is not None
    ends = dt.datetime.fromtimestamp(link.expires)
    assert ends == dt.datetime.combine(day + dt.timedelta(days=1), dt.time())


def test_expiry_shows_as_expired_on_the_clock(service: LinkService, share: Path,
                                              clock: ManualClock) -> None:
    service.create(NewLink(str(share / "photos"), expiry="1h"))
    clock.advance(3601)
    assert [row.state for row in service.rows()] == ["expired"]


def test_paths_outside_the_share_are_refused_with_a_reason(service: LinkService, share: Path,
                                                           tmp_path: Path) -> None:
    outside = tmp_path / "elsewhere.txt"
    outside.write_text("x")
    reason = service.why_not_linkable(outside)
    assert reason is not None and "not inside the shared folder" in reason
    with pytest.raises(InvalidLinkError, match="not inside the shared folder"):
        service.create(NewLink(str(outside)))
    with pytest.raises(InvalidLinkError, match="not inside"):
        service.create(NewLink(str(share / ".." / "elsewhere.txt")))
    assert service.links() == []


def test_a_symlink_out_of_the_share_is_refused(service: LinkService, share: Path,
                                               tmp_path: Path) -> None:
    secret = tmp_path / "secret"
    secret.mkdir()
    os.symlink(secret, share / "door")
    assert not service.inside_share(share / "door")
    assert service.inside_share(share / "photos")


def test_pier_s_own_files_cannot_be_linked(paths: PierPaths, clock: ManualClock) -> None:
    service = LinkService(paths.links_file, protected=paths.protected, clock=clock)
    service.set_share(str(paths.config.parent))  # a share that holds the config folder
    reason = service.why_not_linkable(paths.config)
    assert reason is not None and "Pier's own files" in reason


def test_missing_items_and_no_share_are_refused(service: LinkService, share: Path,
                                                paths: PierPaths, clock: ManualClock) -> None:
    assert "There is no file or folder" in (service.why_not_linkable(share / "gone") or "")
    unset = LinkService(paths.links_file, clock=clock)
    assert not unset.share_ready()
    assert unset.why_not_linkable(share) == "Choose the folder to share first."


def test_only_a_folder_link_takes_uploads(service: LinkService, share: Path) -> None:
    assert service.kind_of(share / "report final.pdf") == "file"
    with pytest.raises(InvalidLinkError, match="Only a folder"):
        service.create(NewLink(str(share / "report final.pdf"), upload=True))


def test_urls_follow_the_share_s_addresses(service: LinkService, share: Path) -> None:
    file_link = service.create(NewLink(str(share / "report final.pdf")))
    folder_link = service.create(NewLink(str(share / "photos")))
    assert service.url(file_link) == ""  # not sharing
    service.set_addresses(["http://127.0.0.1:8000/", "http://192.168.1.5:8000/"])
    assert service.url(file_link) == ("http://192.168.1.5:8000/.well-known/pier/l/"
                                      f"{file_link.token}/report%20final.pdf")
    assert service.url(folder_link) == ("http://192.168.1.5:8000/.well-known/pier/l/"
                                        f"{folder_link.token}")
    assert service.urls(folder_link) == [
        f"http://127.0.0.1:8000/.well-known/pier/l/{folder_link.token}",
        f"http://192.168.1.5:8000/.well-known/pier/l/{folder_link.token}"]
    service.set_addresses(["http://127.0.0.1:8000/"])  # only this computer
    assert service.url(folder_link).startswith("http://127.0.0.1:8000/")


def test_revoke_and_unlock_reach_the_file(service: LinkService, share: Path,
                                          paths: PierPaths, clock: ManualClock) -> None:
    link = service.create(NewLink(str(share / "photos"), pin="1357"))
    other = LinkStore(paths.links_file, clock=clock)
    other.load()
    for _ in range(10):
        other.check_pin(other.list()[0], "0000", f"10.0.0.{_}")
    clock.advance(2)
    service.refresh()
    assert [row.state for row in service.rows()] == ["locked"]
    service.unlock(link.id)
    assert [row.state for row in service.rows()] == ["active"]
    service.revoke(link.id)
    clock.advance(2)
    other.refresh(wait=True)
    assert other.state(other.list()[0]) == "revoked"


def test_links_made_elsewhere_and_their_counts_show_after_a_refresh(
        service: LinkService, share: Path, paths: PierPaths, clock: ManualClock) -> None:
    cli = LinkStore(paths.links_file, clock=clock)
    cli.load()
    made = cli.create(str(share / "photos"), "folder", downloads_allowed=2)
    assert service.rows() == []
    clock.advance(1.5)
    service.refresh()
    assert [row.id for row in service.rows()] == [made.id]
    cli.count_download(made.token, "192.168.1.9")
    cli.count_download(made.token, "192.168.1.9")
    cli.flush()
    clock.advance(1.5)
    service.refresh()
    [row] = service.rows()
    assert row.state == "used up" and row.downloads == "2 of 2"
    assert row.last_used.startswith("192.168.1.9 at ")
    clock.advance(2 * 86400)
    assert service.rows()[0].last_used.startswith("192.168.1.9 on ")


def test_a_damaged_file_is_a_problem_not_a_crash(paths: PierPaths, clock: ManualClock) -> None:
    paths.links_file.write_text("this is [not toml", encoding="utf-8")
    service = LinkService(paths.links_file, clock=clock)
    assert not service.load()
    assert service.problem
    paths.links_file.unlink()
    clock.advance(2)
    service.refresh()
    assert service.problem is None
