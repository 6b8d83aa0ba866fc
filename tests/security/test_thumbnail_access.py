"""?thumb and ?preview are judged exactly as a download of the same target, over real HTTP:
accounts limited to folders, another account's folder, visitors, Pier's own folders inside the
share (the config folder and the thumbnail cache itself), hidden names, encoded dot segments,
case-changed names and links out of the share. And hostile pictures get an icon, never a 5xx."""

from __future__ import annotations

import base64
import os
from pathlib import Path

import pytest

from server.auth import Authenticator
from server.routes_media import ICONS
from server.thumb_kinds import IMAGE
from server.users import UserStore
from tests.conftest import RunningServer, http_request
from tests.server.thumb_helpers import jpeg_declaring, photo_jpeg, png_declaring

PASSWORD = "correct horse battery"


def basic(name: str) -> dict[str, str]:
    return {"Authorization": "Basic " + base64.b64encode(f"{name}:{PASSWORD}".encode()).decode()}


ANA, BOB, LIM = basic("ana"), basic("bob"), basic("lim")
PATHS = (
    "/photo.jpg", "/docs/a.jpg", "/other/b.jpg", "/.hidden.jpg", "/%2ehidden.jpg",
    "/config/x.jpg", "/Config/x.jpg", "/CONFIG/X.JPG", "/cache/thumbs/planted.jpg",
    "/link-out.jpg", "/linked-out/c.jpg", "/docs/sneaky.jpg", "/DOCS/A.JPG",
    "/docs/%2e%2e/other/b.jpg", "/docs/%2E%2E/%2e%2e/outside.jpg", "/docs/../other/b.jpg",
    "/docs/a.jpg/", "/docs/a.jpg%00.png", "/nope.jpg",
)
REFUSED_FOR_EVERYONE = ("/.hidden.jpg", "/%2ehidden.jpg", "/config/x.jpg",
                        "/cache/thumbs/planted.jpg", "/link-out.jpg", "/linked-out/c.jpg",
                        "/docs/%2E%2E/%2e%2e/outside.jpg")


@pytest.fixture
def accounts(private_config_dir: Path) -> UserStore:
    store = UserStore(private_config_dir / "users.toml")
    store.load()
    store.add("ana", PASSWORD)
    store.add("bob", PASSWORD, folders=("/other",))
    store.add("lim", PASSWORD, folders=("/docs",))
    return store


@pytest.fixture
def tree(share: Path) -> Path:
    """Pictures everywhere a request might reach, and some it must not."""
    picture = photo_jpeg(640, 480)
    for name in ("photo.jpg", ".hidden.jpg", "docs/a.jpg", "other/b.jpg", "config/x.jpg",
                 "cache/thumbs/planted.jpg"):
        (share / name).parent.mkdir(parents=True, exist_ok=True)
        (share / name).write_bytes(picture)
    outside = share.parent / "outside"
    outside.mkdir()
    (outside / "c.jpg").write_bytes(picture)
    (share.parent / "outside.jpg").write_bytes(picture)
    os.symlink(share.parent / "outside.jpg", share / "link-out.jpg")
    os.symlink(outside, share / "linked-out")
    os.symlink(share / "other" / "b.jpg", share / "docs" / "sneaky.jpg")  # into bob's folder
    return share


@pytest.fixture
def guarded(server_factory, tree: Path, accounts: UserStore) -> RunningServer:
    """Logins required; Pier's config folder and its thumbnail cache lie inside the share."""
    return server_factory(tree, auth=Authenticator(accounts, "Pier - share"),
                          protected_paths=(tree / "config",),
                          thumb_cache=tree / "cache" / "thumbs")


def status(running: RunningServer, path: str, who: dict[str, str] | None) -> tuple[int, bytes]:
    return http_request(running.port, "GET", path, headers=who)


@pytest.mark.parametrize("who", [ANA, BOB, LIM, None], ids=["ana", "bob", "lim", "visitor"])
def test_a_thumbnail_is_answered_as_the_download_would_be(guarded, who):
    for path in PATHS:
        download, _ = status(guarded, path, who)
        for ask in ("?thumb", "?preview", "?thumb&download"):
            answer, body = status(guarded, path + ask, who)
            assert answer == download, (path + ask, answer, download)
            if answer != 200:
                assert b"\xff\xd8" not in body[:2], path  # no picture with a refusal


def test_the_refusals_are_404s(guarded):
    for who in (ANA, BOB, LIM):
        for path in REFUSED_FOR_EVERYONE:
            assert status(guarded, path + "?thumb", who)[0] in (400, 404), path
    assert status(guarded, "/other/b.jpg?thumb", LIM)[0] == 404  # not lim's folder
    assert status(guarded, "/docs/sneaky.jpg?thumb", LIM)[0] == 404  # a link into it
    assert status(guarded, "/docs/a.jpg?thumb", BOB)[0] == 404
    assert status(guarded, "/docs/a.jpg?thumb", LIM)[0] == 200
    assert status(guarded, "/photo.jpg?thumb", None)[0] == 401


def test_the_cache_inside_the_share_is_never_served(guarded, tree):
    code, _ = status(guarded, "/photo.jpg?thumb", ANA)
    assert code == 200
    made = [p.name for p in (tree / "cache" / "thumbs").iterdir() if p.suffix == ".thumb"]
    assert made
    for name in made:
        for ask in ("", "?thumb", "?preview", "?download"):
            assert status(guarded, f"/cache/thumbs/{name}{ask}", ANA)[0] == 404
    listing, body = status(guarded, "/cache/thumbs/", ANA)
    assert listing == 404 and made[0].encode() not in body


def test_hostile_pictures_get_an_icon_not_an_error(server_factory, share):
    (share / "bomb.png").write_bytes(png_declaring(100_000, 100_000))
    (share / "giant.jpg").write_bytes(jpeg_declaring(photo_jpeg(64, 48), 30_000, 30_000))
    whole = photo_jpeg(800, 600)
    (share / "cut.jpg").write_bytes(whole[:len(whole) // 3])
    (share / "empty.heic").write_bytes(b"")
    (share / "text.jpg").write_bytes(b"<svg onload=alert(1)>")
    running = server_factory(share)
    for name in ("bomb.png", "giant.jpg", "cut.jpg", "empty.heic", "text.jpg"):
        for ask in ("?thumb", "?preview"):
            code, body = http_request(running.port, "GET", f"/{name}{ask}")
            assert code == 200 and body == ICONS[IMAGE], name
    stats = running.engine.thumbnail_stats()
    assert stats is not None and stats.failed == 10 and stats.made == 0
