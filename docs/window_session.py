"""What every screenshot script in docs/ does around its scenario: a throw-away config dir
(your own settings, users and keys are untouched), the real window built as app/main.py builds
it, and the scenario run on its qasync loop. Import it as a sibling (``python docs/x.py`` puts
docs/ on the path)."""

from __future__ import annotations

import asyncio
import os
import tempfile
from collections.abc import Awaitable, Callable, Iterator
from contextlib import contextmanager
from pathlib import Path
from typing import Any


@contextmanager
def throwaway_config() -> Iterator[Path]:
    """A temporary folder whose ``config`` subfolder is PIER_CONFIG_DIR while it lasts."""
    with tempfile.TemporaryDirectory() as tmp:
        os.environ["PIER_CONFIG_DIR"] = str(Path(tmp) / "config")
        yield Path(tmp)


def run_in_window(scenario: Callable[[Any], Awaitable[object]], *,
                  size: tuple[int, int] | None = None, use_tray: bool | None = False,
                  language: str = "") -> None:
    """Build the window (after PIER_CONFIG_DIR is set) and run ``scenario(window)`` to its
    end on the window's event loop. ``size`` None keeps the window's own first-run size;
    ``language`` is a ``Settings.language`` ("" follows the system, as Pier does)."""
    import qasync

    from app.main import make_application
    from app.services import AppServices
    from server.appdirs import pier_paths
    from ui.main_window import MainWindow

    app = make_application(language)
    window = MainWindow(AppServices.create(pier_paths()), use_tray=use_tray)
    if size is not None:
        window.resize(*size)
    loop = qasync.QEventLoop(app)
    asyncio.set_event_loop(loop)
    with loop:
        loop.run_until_complete(scenario(window))
