"""The desktop app ./scripts/build makes with PyInstaller (dist/Pier/, the archive beside it),
checked as a user would run it: `--version`, `serve --port 0 DIR` with a real download, and the
window (offscreen) started with `--start DIR` serving a download, then quit with SIGTERM.

Slow (a build takes half a minute to a few minutes): deselect with `-m "not slow"`. It builds
afresh from this checkout every run (never a dist/ of another commit), with the interpreter that
runs the tests (`PIER_BUILD_PYTHON`), so it needs PyInstaller there: the test extra has it.
"""

from __future__ import annotations

import io
import os
import shutil
import signal
import subprocess
import sys
import tarfile
import tomllib
from importlib.util import find_spec
from pathlib import Path

import pytest
from PIL import Image

from app.desktop_entry import entry_text, menu_fields
from tests.serving import download, request, serving_line

ROOT = Path(__file__).resolve().parents[1]
VERSION = tomllib.loads((ROOT / "pyproject.toml").read_text("utf-8"))["project"]["version"]
BUILD_TIMEOUT = 420  # seconds; the whole module stays within the 10 minutes CI gives it
STEP_TIMEOUT = 60

pytestmark = [
    pytest.mark.slow,
    pytest.mark.timeout(BUILD_TIMEOUT + 3 * STEP_TIMEOUT),
    pytest.mark.skipif(not sys.platform.startswith("linux"), reason="scripts/build is Linux's"),
    pytest.mark.skipif(find_spec("PyInstaller") is None,
                       reason="PyInstaller is not installed in this venv (the test extra and "
                              "./scripts/test install it)"),
    pytest.mark.skipif(not all(shutil.which(tool) for tool in ("ldd", "objdump", "objcopy")),
                       reason="PyInstaller needs ldd, objdump and objcopy (Debian: binutils, "
                              "which ./scripts/test installs as root)"),
]


@pytest.fixture(scope="module")
def app_folder() -> Path:
    env = dict(os.environ, PIER_BUILD_PYTHON=sys.executable)
    done = subprocess.run([str(ROOT / "scripts" / "build")], cwd=ROOT, env=env,
                          capture_output=True, text=True, timeout=BUILD_TIMEOUT, check=False)
    assert done.returncode == 0, done.stderr[-4000:]
    return ROOT / "dist" / "Pier"


@pytest.fixture
def share(tmp_path: Path) -> Path:
    folder = tmp_path / "share"
    folder.mkdir()
    (folder / "hello.txt").write_bytes(b"hello from the built app\n")
    return folder


def run_env(config: Path) -> dict[str, str]:
    """What a user's session gives the app: none of this test run's Python settings."""
    env = {key: value for key, value in os.environ.items() if not key.startswith("PYTHON")}
    return dict(env, PIER_CONFIG_DIR=str(config), QT_QPA_PLATFORM="offscreen")


def start(app_folder: Path, args: list[str], tmp_path: Path) -> subprocess.Popen[str]:
    return subprocess.Popen([str(app_folder / "Pier"), *args], cwd=tmp_path,
                            env=run_env(tmp_path / "config"), stdout=subprocess.PIPE,
                            stderr=subprocess.PIPE, text=True)


def stop(proc: subprocess.Popen[str]) -> str:
    """SIGTERM, as `kill` or the end of a session; it must exit 0. Returns its stderr."""
    proc.send_signal(signal.SIGTERM)
    _out, err = proc.communicate(timeout=STEP_TIMEOUT)
    assert proc.returncode == 0, err
    return err


def test_the_archive_holds_the_app_its_icon_and_menu_entry(app_folder: Path) -> None:
    archive = ROOT / "dist" / f"pier-{VERSION}-linux-{os.uname().machine}.tar.gz"
    with tarfile.open(archive) as packed:
        names = set(packed.getnames())
        assert {"Pier/Pier", "Pier/pier.svg", "Pier/pier.desktop"} <= names
        entry = packed.extractfile("Pier/pier.desktop")
        assert entry is not None
        assert entry.read().decode("utf-8") == entry_text(menu_fields(["Pier"]))
    resources = {f"Pier/_internal/{path.relative_to(ROOT).as_posix()}"
                 for path in (ROOT / "resources").rglob("*")
                 if path.is_file() and "__pycache__" not in path.parts}
    assert "Pier/_internal/resources/vendor/tus-js-client/tus.min.js" in resources
    assert resources - names == set()  # resources/ whole, whatever has been added to it


def test_the_built_app_answers_version(app_folder: Path, tmp_path: Path) -> None:
    done = subprocess.run([str(app_folder / "Pier"), "--version"], cwd=tmp_path,
                          env=run_env(tmp_path / "config"), capture_output=True, text=True,
                          timeout=STEP_TIMEOUT, check=False)
    assert (done.returncode, done.stdout.strip()) == (0, f"pier {VERSION}"), done.stderr


def test_the_built_app_serves_headless(app_folder: Path, share: Path, tmp_path: Path) -> None:
    proc = start(app_folder, ["serve", str(share), "--port", "0"], tmp_path)
    try:
        url = serving_line(proc, timeout=STEP_TIMEOUT)["url"]
        assert download(url, "/hello.txt") == (200, b"hello from the built app\n")
        tus = (ROOT / "resources/vendor/tus-js-client/tus.min.js").read_bytes()
        assert download(url, "/.well-known/pier/assets/tus.min.js") == (200, tus)
        status, listing = download(url, "/")
        assert status == 200 and b"hello.txt" in listing  # resources/listing.html, rendered
        stop(proc)
    finally:
        proc.kill()
        proc.communicate()


def test_the_built_app_has_its_dependencies(app_folder: Path, share: Path,
                                             tmp_path: Path) -> None:
    """What is loaded only when asked for: Pillow's decoders (a thumbnail), markdown-it (a page),
    send2trash's freedesktop trash (a delete)."""
    Image.new("RGB", (800, 600), (200, 30, 30)).save(share / "picture.png")
    (share / "notes.md").write_text("# Notes\n\nhello *there*\n", "utf-8")
    env = dict(run_env(tmp_path / "config"), XDG_DATA_HOME=str(tmp_path / "data"))
    proc = subprocess.Popen([str(app_folder / "Pier"), "serve", str(share), "--port", "0",
                             "--modify"], cwd=tmp_path, env=env, stdout=subprocess.PIPE,
                            stderr=subprocess.PIPE, text=True)
    try:
        url = serving_line(proc, timeout=STEP_TIMEOUT)["url"]
        status, thumbnail = download(url, "/picture.png?thumb")
        assert status == 200
        width, height = Image.open(io.BytesIO(thumbnail)).size  # decoded from the picture:
        assert width < 800 and width * 3 == height * 4  # smaller, in its proportions
        status, page = download(url, "/notes.md?view")
        assert status == 200 and b"<h1>Notes</h1>" in page
        assert request(url, "DELETE", "/hello.txt")[0] == 204
        assert (tmp_path / "data" / "Trash" / "files" / "hello.txt").read_bytes() == (
            b"hello from the built app\n")
        stop(proc)
    finally:
        proc.kill()
        proc.communicate()


def test_the_built_window_starts_sharing(app_folder: Path, share: Path, tmp_path: Path) -> None:
    config = tmp_path / "config"
    config.mkdir()
    (config / "settings.toml").write_text("port = 0\nscope_asked = true\n", "utf-8")
    proc = start(app_folder, ["--start", str(share)], tmp_path)
    try:
        match = serving_line(proc, timeout=STEP_TIMEOUT)
        assert match["dir"] == str(share.resolve())
        assert download(match["url"], "/hello.txt") == (200, b"hello from the built app\n")
        err = stop(proc)
        assert "Traceback" not in err
    finally:
        proc.kill()
        proc.communicate()


def test_the_built_app_adds_itself_to_the_menu(app_folder: Path, tmp_path: Path) -> None:
    env = dict(run_env(tmp_path / "config"), XDG_DATA_HOME=str(tmp_path / "data"))
    done = subprocess.run([str(app_folder / "Pier"), "--install-desktop-entry"], cwd=tmp_path,
                          env=env, capture_output=True, text=True, timeout=STEP_TIMEOUT,
                          check=False)
    assert done.returncode == 0, done.stderr
    entry = (tmp_path / "data" / "applications" / "pier.desktop").read_text("utf-8")
    assert f"\nExec={app_folder / 'Pier'}\n" in entry  # the app itself, not `Pier -m app`
