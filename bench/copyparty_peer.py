"""copyparty as a peer of issue 16's cells, from its own venv in the bench cache folder.

    python bench/copyparty_peer.py install     # once: a venv with copyparty and Pillow

The venv is ``<bench cache>/copyparty-venv`` (see media_data.cache_dir), never the project's.
Its Pillow is pinned to the version the bench runs with, so both servers decode and encode
with the same Pillow (and libjpeg-turbo); copyparty's other decoders (pyvips, rawpy) are not
installed, and ffmpeg is not needed for JPEGs.

How copyparty answers ``?th=j`` (read in its source, copyparty/th_cli.py and th_srv.py): the
request waits until its thumbnailer threads (``--th-mt``) have written the thumbnail, then
sends it as image/jpeg; a file it could not convert gets an SVG icon instead. So a 200
image/jpeg answer is a made thumbnail, and anything else is counted as a placeholder.
Thumbnails go to ``--hist`` (a temporary folder here, so every round starts cold).
"""

from __future__ import annotations

import importlib.metadata
import subprocess
import sys
from pathlib import Path

import media_data
import run

VENV = media_data.cache_dir() / "copyparty-venv"
PYTHON = VENV / "bin" / "python"


def missing() -> str:
    """Why copyparty cannot run here, or "" when it can."""
    if not PYTHON.exists():
        return (f"copyparty is not installed in {VENV}: "
                f"python bench/copyparty_peer.py install")
    done = subprocess.run([str(PYTHON), "-c", "import copyparty, PIL"], capture_output=True,
                          timeout=60)
    if done.returncode != 0:
        return f"{VENV} lacks copyparty or Pillow: python bench/copyparty_peer.py install"
    return ""


def version() -> str:
    done = subprocess.run(
        [str(PYTHON), "-c", "import copyparty.__version__ as v, PIL; "
                            "print(v.S_VERSION, 'Pillow', PIL.__version__)"],
        capture_output=True, text=True, timeout=60)
    return done.stdout.strip() or "?"


def install() -> None:
    pillow = importlib.metadata.version("Pillow")
    if not PYTHON.exists():
        subprocess.run([sys.executable, "-m", "venv", "--clear", str(VENV)], check=True)
    subprocess.run([str(PYTHON), "-m", "pip", "install", "--quiet", "copyparty",
                    f"Pillow=={pillow}"], check=True)
    print(f"copyparty installed in {VENV}: {version()}")


def start(name: str, volume: Path, hist: Path, *flags: str) -> run.Server:
    """copyparty on 127.0.0.1, serving ``volume`` read-only to everyone as its root."""
    port = run.free_port()
    return run.local_peer(name, port, [
        str(PYTHON), "-m", "copyparty", "-i", "127.0.0.1", "-p", str(port),
        "-v", f"{volume}::r", "--hist", str(hist), "-q", "--no-robots", *flags])


def main() -> int:
    if sys.argv[1:] != ["install"]:
        print(__doc__.split("\n\n")[1].strip())
        return 2
    install()
    return 0


if __name__ == "__main__":
    sys.exit(main())
