"""Path traversal and escapes, spoken over raw sockets: nothing outside the share is ever served or
listed, whatever the encoding, and folder redirects never point to another host.

tests/server/test_files.py holds the basic traversal list; these are the variants beyond it."""

from __future__ import annotations

import io
import json
import os
import zipfile
from pathlib import Path
from urllib.parse import quote

import pytest

from server.engine import ServerEngine
from server.paths import PierPaths
from tests.conftest import RunningServer
from tests.security.conftest import (
    CANARY,
    answers,
    exchange,
    head_and_body,
    request,
    status_of,
)

# Each must be refused (400) or not found (404): never a 200, never the canary.
TRAVERSALS = [
    # dot-dot, half encoded, mixed case, double and triple encoded
    "/.%2e/canary.txt",
    "/%2e./canary.txt",
    "/%2E%2e/%2e%2E/canary.txt",
    "/%2e%2e%2fcanary.txt",
    "/%2e%2e%5ccanary.txt",
    "/docs/%2e%2e%2f%2e%2e%2fcanary.txt",
    "/docs/./%2e%2e/./%2e%2e/canary.txt",
    "/%2e/%2e%2e/canary.txt",
    "/%252e%252e%252fcanary.txt",
    "/%25252e%25252e/canary.txt",
    "/..%252fcanary.txt",
    "/..%255ccanary.txt",
    # overlong and invalid UTF-8, %u escapes, look-alike dots and slashes
    "/%c0%ae%c0%ae%c0%afcanary.txt",
    "/..%c0%afcanary.txt",
    "/..%c1%9ccanary.txt",
    "/%e0%80%ae%e0%80%ae%e0%80%afcanary.txt",
    "/%f0%80%80%ae%f0%80%80%ae/canary.txt",
    "/%c0%2e%c0%2e/canary.txt",
    "/%u002e%u002e/canary.txt",
    "/%u002e%u002e%u2215canary.txt",
    "/%ef%bc%8e%ef%bc%8e/canary.txt",
    "/%ef%bc%8e%ef%bc%8e%ef%bc%8fcanary.txt",
    "/%e2%80%a5/canary.txt",
    "/..%e2%88%95canary.txt",
    # slashes and backslashes
    "/..%2f..%2f..%2fcanary.txt",
    "/..%5c..%5ccanary.txt",
    "/docs\\..\\..\\canary.txt",
    "/%5c..%5ccanary.txt",
    "/\\\\127.0.0.1\\c$\\canary.txt",
    "/%5c%5c?%5cC:%5ccanary.txt",
    "/;/../canary.txt",
    "/docs;/../../canary.txt",
    # drive letters and streams
    "/C:/canary.txt",
    "/c%3a/canary.txt",
    "/C%3A%5ccanary.txt",
    "/%43:/canary.txt",
    "/c:canary.txt",
    "/hello.txt:$DATA",
    "/hello.txt%3a%3a%24DATA",
    "/docs::$INDEX_ALLOCATION/notes.md",
    "/docs:$I30:$INDEX_ALLOCATION/notes.md",
    # NUL and control characters
    "/canary.txt%00",
    "/docs%00/../../canary.txt",
    "/.%00./canary.txt",
    "/%0a../canary.txt",
    "/%0d%0a../canary.txt",
    "/%09../canary.txt",
    "/%7f/../canary.txt",
    "/%c2%85../canary.txt",
    "/%1b[0m/../canary.txt",
    # trailing dots and spaces, short names, home folders
    "/hello.txt.",
    "/hello.txt%20",
    "/hello.txt%20.",
    "/docs./notes.md",
    "/docs%20/notes.md",
    "/HELLO~1.TXT",
    "/~/canary.txt",
    "/~root/",
    # hidden names by another spelling
    "/%2esecret",
    "/docs/../.secret",
    "/./.secret",
    # absolute form carrying a traversal
    "http://x/../canary.txt",
    "http://x/%2e%2e/canary.txt",
    "http://x@127.0.0.1/..%2fcanary.txt",
    "https://x/..%5ccanary.txt",
    "file:///etc/passwd",
    "*",
]


def test_at_least_thirty_new_variants():
    from tests.server.test_files import TRAVERSALS as BASIC

    assert len(set(TRAVERSALS) - set(BASIC)) >= 30


@pytest.mark.parametrize("path", TRAVERSALS)
def test_traversal_variant_is_refused(server, canary, path):
    data = exchange(server, request(path))
    assert status_of(data) in (400, 404, 421), path  # 421: an absolute form naming another host
    assert answers(data) == 1
    assert b"hidden\n" not in data  # the content of the share's own dotfile


def test_absolute_paths_of_the_canary_are_not_found(server, canary):
    real = os.path.realpath(canary)
    for path in ("/" + quote(real.lstrip("/")), "/" + quote(real), "/%2f" + quote(real[1:]),
                 "//" + quote(real.lstrip("/")), "/proc/self/root" + quote(real),
                 "/" + quote("/".join([".."] * 12) + real)):
        data = exchange(server, request(path))
        assert status_of(data) in (400, 404), path


def test_very_deep_parent_chains_are_refused_not_crashing(server, canary):
    for path in ("/" + "../" * 2000 + "canary.txt", "/" + "%2e%2e/" * 1300 + "canary.txt",
                 "/docs" + "/." * 4000 + "/../../canary.txt"):
        data = exchange(server, request(path))
        assert status_of(data) in (400, 404, 414), path[:40]


# ---------------------------------------------------------------------------- symlinks


@pytest.fixture
def linked_share(share: Path, canary: Path) -> Path:
    """Every kind of link out of the share, plus one that stays inside."""
    outside = canary.parent
    (share / "file-out.txt").symlink_to(canary)
    (share / "rel-out").symlink_to("../canary.txt")
    (share / "up").symlink_to("..")
    (share / "fs-root").symlink_to("/")
    (share / "sibling").symlink_to(outside / "share-sibling")
    (share / "sibling2").symlink_to("../share2/secret.txt")
    (share / "bak").symlink_to(outside / "share.bak")
    (share / "loop").symlink_to("loop")
    (share / "chain1").symlink_to("chain2")
    (share / "chain2").symlink_to("docs/hop")
    (share / "docs" / "hop").symlink_to("../../canary.txt")
    (share / "docs" / "inside.md").symlink_to("notes.md")  # stays inside: served
    return share


LINK_PATHS = [
    "/file-out.txt",
    "/rel-out",
    "/up/canary.txt",
    "/up/",
    "/up",
    "/fs-root" + "/etc/hostname",
    "/fs-root/",
    "/sibling/secret.txt",
    "/sibling/",
    "/sibling2",
    "/bak/secret.txt",
    "/loop",
    "/loop/x",
    "/chain1",
    "/docs/hop",
]


def test_links_out_of_the_share_are_never_followed(server_factory, linked_share):
    running = server_factory(linked_share)
    for path in LINK_PATHS:
        data = exchange(running, request(path))
        assert status_of(data) == 404, path
    data = exchange(running, request("/docs/inside.md"))
    assert status_of(data) == 200 and data.endswith(b"# notes\n")


def test_links_out_of_the_share_are_not_listed_nor_zipped(server_factory, linked_share):
    running = server_factory(linked_share)
    _, body = head_and_body(exchange(running, request("/?format=json")))
    names = {e["name"] for e in json.loads(body)["entries"]}
    assert names == {"docs", "hello.txt", "été 2024.txt", "big.bin"}
    _, page = head_and_body(exchange(running, request("/")))
    for name in ("file-out", "rel-out", "up", "fs-root", "sibling", "bak", "loop", "chain"):
        assert f'href="/{name}'.encode() not in page, name
    _, body = head_and_body(exchange(running, request("/docs/?format=json")))
    assert {e["name"] for e in json.loads(body)["entries"]} == {"notes.md", "inside.md"}
    data = exchange(running, request("/?format=zip"), timeout=10)
    assert status_of(data) == 200
    archive = zipfile.ZipFile(io.BytesIO(_dechunk(head_and_body(data)[1])))
    for info in archive.infolist():
        assert CANARY not in archive.read(info), info.filename


def test_show_hidden_does_not_open_an_escape(server_factory, share, canary):
    (share / ".hidden-out").symlink_to(canary.parent)
    running = server_factory(share, show_hidden=True)
    for path in ("/.hidden-out/canary.txt", "/.hidden-out/"):
        assert status_of(exchange(running, request(path))) == 404


def test_website_index_linked_out_of_the_share_is_not_served(server_factory, share, canary):
    site = share / "site"
    site.mkdir()
    (site / "index.html").symlink_to(canary)
    running = server_factory(share, website_mode=True)
    data = exchange(running, request("/site/"))
    assert status_of(data) == 200  # the listing instead: the index is not servable
    assert b"index.html" not in head_and_body(data)[1]


def _swap_for_link(folder: Path, target: Path) -> None:
    folder.rename(folder.with_name(folder.name + "-away"))
    folder.symlink_to(target, target_is_directory=True)


def test_folder_swapped_for_a_link_between_requests(server_factory, share, canary):
    """Caches must not remember that /d was safe: the next request on the SAME connection
    after /d became a link out of the share must not escape."""
    inside = share / "d"
    inside.mkdir()
    outside = canary.parent / "outside-d"
    outside.mkdir()
    content = CANARY + b"!"
    (inside / "f.txt").write_bytes(b"x" * len(content))  # same name and size as outside
    (outside / "f.txt").write_bytes(content)
    stamp = (inside / "f.txt").stat().st_mtime_ns
    os.utime(outside / "f.txt", ns=(stamp, stamp))
    running = server_factory(share)
    conn = running.connection()
    try:
        for path in ("/d/f.txt", "/d/", "/d/?format=json", "/d/f.txt"):
            conn.request("GET", path)
            response = conn.getresponse()
            assert response.status == 200, path
            response.read()
        _swap_for_link(inside, outside)
        for path in ("/d/f.txt", "/d/", "/d/?format=json", "/d", "/d/f.txt?download"):
            conn.request("GET", path)
            response = conn.getresponse()
            body = response.read()
            assert response.status == 404, path
            assert CANARY not in body and b"f.txt" not in body, path
    finally:
        conn.close()


def test_folder_swapped_for_a_link_inside_the_share_is_served(server_factory, share):
    """The counterpart that shows the test above refuses links for the right reason."""
    running = server_factory(share)
    assert running.get("/docs/notes.md")[1] == b"# notes\n"
    (share / "elsewhere").mkdir()
    (share / "elsewhere" / "notes.md").write_text("moved\n")
    _swap_for_link(share / "docs", share / "elsewhere")
    assert running.get("/docs/notes.md")[1] == b"moved\n"


def test_share_root_swapped_for_a_link_is_not_followed(server_factory, share, canary):
    """The real root is fixed at start; a link put in its place later must not be served."""
    running = server_factory(share)
    assert running.get("/hello.txt")[0].status == 200
    decoy = canary.parent / "decoy"
    decoy.mkdir()
    (decoy / "hello.txt").write_bytes(CANARY)
    _swap_for_link(share, decoy)
    for path in ("/hello.txt", "/"):
        data = running.raw(request(path))
        assert CANARY not in data and b"hello.txt" not in head_and_body(data)[1], path


@pytest.mark.parametrize("path", ["/d/f.txt", "/d/big.bin", "/d/", "/d/?format=json",
                                  "/d/?format=zip"])
def test_folder_becoming_a_link_between_check_and_open(server_factory, share, canary,
                                                       monkeypatch, path):
    """The race of a folder swapped for a link out of the share AFTER the path was checked and
    BEFORE the file or folder is opened, made deterministic: the swap happens right after
    server.access's call to resolve() returns. What is actually opened must be checked."""
    import server.access

    inside = share / "d"
    inside.mkdir()
    outside = canary.parent / "outside-d"
    outside.mkdir()
    for folder, data in ((inside, b"x" * len(CANARY)), (outside, CANARY)):
        (folder / "f.txt").write_bytes(data)
        (folder / "big.bin").write_bytes(data * (300_000 // len(data)))  # streamed from disk
    (outside / "outside-only.txt").write_bytes(CANARY)
    real_resolve = server.access.resolve
    swapped = []

    def resolve_then_swap(*args, **kwargs):
        found = real_resolve(*args, **kwargs)
        if not swapped and found.fs_path.startswith(str(inside)):
            _swap_for_link(inside, outside)
            swapped.append(found.fs_path)
        return found

    monkeypatch.setattr(server.access, "resolve", resolve_then_swap)
    running = server_factory(share)
    data = running.raw(request(path))
    assert swapped, "the swap hook never ran: update this test to the new resolve step"
    assert CANARY not in data and b"outside-only" not in data, data[:300]
    if "zip" in path and status_of(data) == 200:
        archive = zipfile.ZipFile(io.BytesIO(_dechunk(head_and_body(data)[1])))
        assert "outside-only.txt" not in archive.namelist()
        assert not [n for n in archive.namelist() if CANARY in archive.read(n)]


# ---------------------------------------------------------------------------- config dir


@pytest.fixture
def config_in_share(share: Path) -> Path:
    """Pier's config folder (PIER_CONFIG_DIR) inside the shared folder, with a visible name
    and secret-looking files."""
    config = share / "PierConfig"
    (config / "tls").mkdir(parents=True)
    (config / "logs").mkdir()
    for name in ("settings.toml", "users.toml", "tls/ca-key.pem", "tls/server-key.pem",
                 "logs/access.log"):
        (config / name).write_bytes(CANARY + b" " + name.encode())
    return config


CONFIG_PATHS = [
    "/PierConfig/settings.toml",
    "/PierConfig/users.toml",
    "/PierConfig/tls/ca-key.pem",
    "/PierConfig/tls/server-key.pem",
    "/PierConfig/logs/access.log",
    "/PierConfig/",
    "/PierConfig",
    "/PierConfig/tls/",
    "//PierConfig//settings.toml",
    "/./PierConfig/./users.toml",
    "/%50ierConfig/settings.toml",
    "/PierConfig%2fsettings.toml",
    "/docs/%2e%2e/PierConfig/settings.toml",
    "/PierConfig/?format=json",
    "/PierConfig/?format=zip",
    "/cfg-link/settings.toml",
    "/cfg-link/",
]


def _configs_as_the_app_and_the_cli_build_them(share: Path, paths: PierPaths):
    from app.controller import ShareRequest, make_config
    from app.settings import SCOPE_LOCAL
    from server.cli import _config_from, build_parser

    app_config = make_config(ShareRequest(folder=str(share), scope=SCOPE_LOCAL, port=0), paths)
    cli_args = build_parser().parse_args(["serve", str(share), "--port", "0"])
    return {"app": app_config, "cli": _config_from(cli_args, paths)}


@pytest.mark.parametrize("builder", ["app", "cli"])
def test_config_dir_inside_the_share_is_never_served(server_factory, share, canary,
                                                     config_in_share, builder):
    (share / "cfg-link").symlink_to(config_in_share, target_is_directory=True)
    paths = PierPaths.under(config_in_share)
    config = _configs_as_the_app_and_the_cli_build_them(share, paths)[builder]
    assert paths.config in config.protected_paths and paths.logs in config.protected_paths
    engine = ServerEngine()
    engine.start(config)
    try:
        assert Path(os.path.realpath(paths.config)) in engine.config.protected_paths
        _config_dir_stays_private(RunningServer(engine, []))
    finally:
        engine.stop()


def _config_dir_stays_private(running: RunningServer) -> None:
    for path in CONFIG_PATHS:
        data = exchange(running, request(path), timeout=10)
        assert status_of(data) in (400, 404), path
    for path in ("/", "/?format=json", "/?sort=size&order=desc"):
        _, body = head_and_body(exchange(running, request(path)))
        assert b"PierConfig" not in body and b"cfg-link" not in body, path
    data = exchange(running, request("/?format=zip"), timeout=10)
    archive = zipfile.ZipFile(io.BytesIO(_dechunk(head_and_body(data)[1])))
    assert not [n for n in archive.namelist() if "PierConfig" in n or "cfg-link" in n]


def test_config_dir_named_through_a_link_is_still_protected(server_factory, share, canary):
    real = share / "real-config"
    real.mkdir()
    (real / "users.toml").write_bytes(CANARY)
    (share / "alias-config").symlink_to(real, target_is_directory=True)
    paths = PierPaths.under(share / "alias-config")
    running = server_factory(share, protected_paths=paths.protected)
    for path in ("/real-config/users.toml", "/alias-config/users.toml", "/real-config/"):
        assert status_of(exchange(running, request(path))) == 404, path


# ---------------------------------------------------------------------------- open redirects


REDIRECT_TARGETS = [
    "//evil.example/docs",
    "///evil.example/docs",
    "/%2f%2fevil.example/docs",
    "/%2fevil.example/docs",
    "/%2F%2Fevil.example%2Fdocs",
    "/.//evil.example/docs",
    "/./%2f/evil.example/docs",
    "http://x//evil.example/docs",
    "http:///evil.example/docs",
    "/\\evil.example/docs",
    "/%5cevil.example/docs",
    "/%5c%5cevil.example/docs",
    "/\\/evil.example/docs",
    "/%09/evil.example/docs",
    "/docs?//evil.example",
    "/docs?%0d%0aSet-Cookie:%20x=1",
    "/evil.example?next=//evil.example",
]


@pytest.mark.parametrize("target", REDIRECT_TARGETS)
def test_folder_redirects_stay_on_this_server(server, share, target):
    (share / "evil.example" / "docs").mkdir(parents=True)
    data = exchange(server, request(target))
    fields, _ = head_and_body(data)
    assert "set-cookie" not in fields
    if status_of(data) in (301, 302, 303, 307, 308):
        (location,) = fields["location"]
        assert location.startswith("/") and not location.startswith(("//", "/\\")), location
        assert "\\" not in location and "://" not in location, location
    else:
        assert status_of(data) in (400, 404, 421), target


def _dechunk(body: bytes) -> bytes:
    out = bytearray()
    while True:
        size_line, _, body = body.partition(b"\r\n")
        size = int(size_line, 16)
        if size == 0:
            return bytes(out)
        out += body[:size]
        body = body[size + 2:]
