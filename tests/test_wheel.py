"""The wheel `pipx install .` / `pip install .` makes: every resource inside, and an installed
`pier` that answers `--version` and serves a folder headless (a real download through it).

Built offline with the venv's own setuptools (`pip wheel --no-build-isolation`, no download);
installed `--no-deps` into a fresh venv that sees this venv's dependencies through a `.pth`
line (a plain path: the editable install of this checkout is not processed there, so the code
that runs is the wheel's).
"""

from __future__ import annotations

import http.client
import os
import re
import shutil
import signal
import site
import subprocess
import sys
import venv
import zipfile
from importlib import metadata
from pathlib import Path
from urllib.parse import urlsplit

import pytest

from server.version import pier_version

ROOT = Path(__file__).resolve().parents[1]
SOURCES = ("app", "ui", "server", "resources", "pyproject.toml", "README.md")
SERVING = re.compile(r"^Serving (?P<dir>.+) at (?P<url>http://\S+/)$")


def _setuptools_builds_wheels() -> bool:
    try:
        major, minor = (int(part) for part in metadata.version("setuptools").split(".")[:2])
    except (metadata.PackageNotFoundError, ValueError):
        return False
    return (major, minor) >= (70, 1)  # bdist_wheel built in; older ones need `wheel` too


pytestmark = pytest.mark.skipif(
    not _setuptools_builds_wheels(),
    reason="setuptools>=70.1 is not installed in this venv (the test extra installs it)")


def _copy_sources(target: Path) -> Path:
    """A copy of what the wheel is made of, so the build writes nothing into the checkout."""
    for name in SOURCES:
        source = ROOT / name
        if source.is_dir():
            shutil.copytree(source, target / name,
                            ignore=shutil.ignore_patterns("__pycache__", "*.pyc"))
        else:
            shutil.copy2(source, target / name)
    return target


@pytest.fixture(scope="module")
def wheel(tmp_path_factory: pytest.TempPathFactory) -> Path:
    work = tmp_path_factory.mktemp("wheel")
    source = _copy_sources(work / "source")
    subprocess.run([sys.executable, "-m", "pip", "wheel", str(source), "--no-deps",
                    "--no-build-isolation", "--no-index", "-q", "-w", str(work / "dist")],
                   check=True, capture_output=True, timeout=300)
    (built,) = (work / "dist").glob("pier-*.whl")
    return built


@pytest.fixture(scope="module")
def installed(wheel: Path, tmp_path_factory: pytest.TempPathFactory) -> Path:
    """A fresh venv holding the wheel; its bin folder."""
    home = tmp_path_factory.mktemp("venv") / "pier"
    venv.EnvBuilder(with_pip=False).create(home)
    python = home / "bin" / "python"
    purelib = subprocess.run([str(python), "-c", "import sysconfig; "
                              "print(sysconfig.get_path('purelib'))"],
                             check=True, capture_output=True, text=True).stdout.strip()
    (Path(purelib) / "current_venv_deps.pth").write_text(
        "".join(f"{path}\n" for path in site.getsitepackages()), "utf-8")
    subprocess.run([sys.executable, "-m", "pip", "--python", str(python), "install",
                    "--no-deps", "--no-index", "-q", str(wheel)],
                   check=True, capture_output=True, timeout=300)
    return home / "bin"


def test_the_wheel_holds_every_resource(wheel: Path) -> None:
    expected = {path.relative_to(ROOT).as_posix() for path in (ROOT / "resources").rglob("*")
                if path.is_file() and "__pycache__" not in path.parts}
    names = set(zipfile.ZipFile(wheel).namelist())
    assert {"resources/pier.svg", "resources/vendor/tus-js-client/tus.min.js"} <= expected
    assert expected - names == set()


def test_installed_pier_answers_version(installed: Path) -> None:
    done = subprocess.run([str(installed / "pier"), "--version"], capture_output=True,
                          text=True, timeout=60, check=False)
    assert (done.returncode, done.stdout.strip()) == (0, f"pier {pier_version()}")


def test_installed_pier_serves_from_the_wheel(installed: Path, tmp_path: Path) -> None:
    share = tmp_path / "share"
    share.mkdir()
    (share / "hello.txt").write_bytes(b"hello from the wheel\n")
    env = dict(os.environ, PYTHONUNBUFFERED="1", PIER_CONFIG_DIR=str(tmp_path / "config"))
    env.pop("PYTHONPATH", None)
    proc = subprocess.Popen([str(installed / "pier"), "serve", str(share), "--port", "0"],
                            stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True,
                            env=env, cwd=tmp_path)
    try:
        assert proc.stdout is not None
        line = proc.stdout.readline().rstrip("\n")
        match = SERVING.match(line)
        assert match, f"first line {line!r}; stderr: {proc.stderr.read() if proc.stderr else ''}"
        url = urlsplit(match["url"])
        assert url.hostname and url.port
        conn = http.client.HTTPConnection(url.hostname, url.port, timeout=10)
        conn.request("GET", "/hello.txt")
        assert conn.getresponse().read() == b"hello from the wheel\n"
        conn.request("GET", "/.well-known/pier/assets/tus.min.js")
        tus = (ROOT / "resources/vendor/tus-js-client/tus.min.js").read_bytes()
        assert conn.getresponse().read() == tus
        conn.request("GET", "/")
        assert b"hello.txt" in conn.getresponse().read()  # the listing's template
        conn.close()
        proc.send_signal(signal.SIGTERM)
        assert proc.wait(timeout=30) == 0
    finally:
        proc.kill()
        proc.wait()


def test_installed_code_is_the_wheels(installed: Path, tmp_path: Path) -> None:
    done = subprocess.run([str(installed / "python"), "-c",
                           "import server, resources; print(server.__file__); "
                           "print(resources.__file__)"],
                          capture_output=True, text=True, timeout=60, check=True, cwd=tmp_path)
    for line in done.stdout.splitlines():
        assert Path(line).is_relative_to(installed.parent), line
