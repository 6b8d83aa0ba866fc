"""WsgiDAV as a peer of issue 17's WebDAV cells, from its own venv in the bench cache folder.

    python bench/wsgidav_peer.py install     # once: a venv with wsgidav and cheroot

The venv is ``<bench cache>/wsgidav-venv`` (see media_data.cache_dir), never the project's.
WsgiDAV is a WSGI application; it is served by cheroot, the server its ``wsgidav`` command
uses by default (``--server cheroot``), with its default settings otherwise: no config file,
anonymous access to one folder, logging lowered (``-q -q``) so that the log does not cost
it time per request.
"""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

import media_data
import run

VENV = media_data.cache_dir() / "wsgidav-venv"
PYTHON = VENV / "bin" / "python"
WSGIDAV = VENV / "bin" / "wsgidav"


def missing() -> str:
    """Why WsgiDAV cannot run here, or "" when it can."""
    if not WSGIDAV.exists():
        return f"wsgidav is not installed in {VENV}: python bench/wsgidav_peer.py install"
    done = subprocess.run([str(PYTHON), "-c", "import wsgidav, cheroot"], capture_output=True,
                          timeout=60)
    if done.returncode != 0:
        return f"{VENV} lacks wsgidav or cheroot: python bench/wsgidav_peer.py install"
    return ""


def version() -> str:
    done = subprocess.run(
        [str(PYTHON), "-c", "import wsgidav, cheroot; print('wsgidav', wsgidav.__version__, "
                            "'cheroot', cheroot.__version__)"],
        capture_output=True, text=True, timeout=60)
    return done.stdout.strip() or "?"


def install() -> None:
    if not PYTHON.exists():
        subprocess.run([sys.executable, "-m", "venv", "--clear", str(VENV)], check=True)
    subprocess.run([str(PYTHON), "-m", "pip", "install", "--quiet", "wsgidav", "cheroot"],
                   check=True)
    print(f"wsgidav installed in {VENV}: {version()}")


def start(name: str, root: Path, workdir: Path) -> run.Server:
    """WsgiDAV on 127.0.0.1 sharing ``root`` (read-write, as its ``--root`` does) to anyone;
    ``workdir`` is its cwd, so that no ``wsgidav.yaml`` lying around is read."""
    port = run.free_port()
    return run.local_peer(name, port, [
        str(WSGIDAV), "--host", "127.0.0.1", "--port", str(port), "--root", str(root),
        "--auth", "anonymous", "--no-config", "--server", "cheroot", "-q", "-q"], cwd=workdir)


def main() -> int:
    if sys.argv[1:] != ["install"]:
        print(__doc__.split("\n\n")[1].strip())
        return 2
    install()
    return 0


if __name__ == "__main__":
    sys.exit(main())
