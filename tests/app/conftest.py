"""Fixtures for tests/app: a private config dir (passed to the services) and a private qasync
loop."""

from __future__ import annotations

import asyncio
import gc
from collections.abc import Awaitable, Callable, Iterator
from pathlib import Path
from typing import Any, TypeVar

import pytest
import qasync
from PySide6.QtWidgets import QApplication

from server.paths import PierPaths

T = TypeVar("T")


@pytest.fixture
def app_config_dir(tmp_path: Path) -> Path:
    """The app services' config folder (not made yet, as on a first start)."""
    return tmp_path / "pier-config"


@pytest.fixture
def app_paths(app_config_dir: Path) -> PierPaths:
    """Where the services under test keep their files, passed in as app.main does."""
    return PierPaths.under(app_config_dir)


@pytest.fixture(scope="session", autouse=True)
def english_catalogue(qapp: QApplication) -> None:
    """The catalogues the window installs under English (``pier_en.qm``: English plural forms,
    "1 transfer is running"), as app.main does; the system's locale does not matter."""
    from PySide6.QtCore import QLocale

    from ui.translations import install_translators

    install_translators(qapp, "", QLocale(QLocale.Language.English))


@pytest.fixture
def aloop(qapp: QApplication) -> Iterator[qasync.QEventLoop]:
    """A qasync loop on the test's QApplication. Drive coroutines with ``run(aloop, coro)``;
    never call qtbot waits while a coroutine is in flight (a measured fact of this machine)."""
    qapp.setQuitOnLastWindowClosed(False)  # as app.main does: closing a window never ends the loop
    loop = qasync.QEventLoop(qapp)
    asyncio.set_event_loop(loop)
    yield loop
    _kill_timers(loop)
    loop.close()
    asyncio.set_event_loop(None)
    # Collect the loop's Qt objects (timers) here, in the GUI thread: left to a later garbage
    # collection they may be destroyed in some other test's worker thread, which Qt warns about.
    gc.collect()


def _kill_timers(loop: qasync.QEventLoop) -> None:
    """Unregister the loop's Qt timers now, in the GUI thread (a ``wait_for`` timeout still
    pending, say): qasync's close only marks them stopped, and a timer whose object a garbage
    collection in another thread destroys later stays registered here, so the next
    processEvents after it would have fired calls into freed memory (a segfault seen after a
    30-second browser test)."""
    timer = getattr(loop, "_timer", None)
    callbacks = getattr(timer, "_SimpleTimer__callbacks", None)
    if timer is None or callbacks is None:
        return
    for timer_id in list(callbacks):
        timer.killTimer(timer_id)
    callbacks.clear()


def run(loop: asyncio.AbstractEventLoop, awaitable: Awaitable[T], timeout: float = 15.0) -> T:
    return loop.run_until_complete(asyncio.wait_for(awaitable, timeout))


async def eventually(predicate: Callable[[], Any], timeout: float = 5.0) -> None:
    """Poll ``predicate`` inside a running loop (the async twin of qtbot.waitUntil)."""
    loop = asyncio.get_running_loop()
    deadline = loop.time() + timeout
    while not predicate():
        if loop.time() > deadline:
            raise AssertionError("condition not met in time")
        await asyncio.sleep(0.01)
