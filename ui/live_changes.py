"""Settings changed while sharing: the window's side of ``ServerController.apply_share``.

The share panel's and the Limits tab's controls stay enabled while sharing. Each change
(``schedule``) waits ``APPLY_DELAY_MS`` for the next one (a few clicks become one change),
then the panel's settings go to the running share, one change at a time: a change made while
one is being applied follows it. What is in force is remembered; when a change is refused (a
port taken, login without accounts) the window says why and the panel shows what is in force
again, which the share kept serving.
"""

from __future__ import annotations

import asyncio
import logging
from collections.abc import Callable, Coroutine
from dataclasses import replace
from typing import Any

from PySide6.QtCore import QObject, Qt, QTimer, Signal
from PySide6.QtWidgets import QMainWindow, QWidget

from app.controller import NoAccountsError, ServerController, ServerState, ShareRequest
from app.i18n import translate
from server.errors import PierError
from ui import dialogs
from ui.monitor_tabs import MonitorTabs
from ui.share_panel import SharePanel

log = logging.getLogger(__name__)

APPLY_DELAY_MS = 400
STATUS_MS = 10000

Spawn = Callable[[Coroutine[Any, Any, Any]], "asyncio.Task[Any]"]


def comparable(share: ShareRequest) -> ShareRequest:
    """``share`` as far as the running share is concerned: "Any free port"'s wish for last
    time's port only matters at Start, blanks around the folder never."""
    return replace(share, folder=share.folder.strip(), preferred_port=0)


class LiveChanges(QObject):
    """Applies the panel's settings to the running share; see the module docstring."""

    changed = Signal(list)  # the share took them: its URLs (the status bar says what changed)
    refused = Signal()  # the user asked to add an account (login on without any)

    def __init__(self, window: QMainWindow, controller: ServerController, panel: SharePanel,
                 tabs: MonitorTabs, apply: Callable[[ShareRequest], Coroutine[Any, Any, bool]],
                 spawn: Spawn) -> None:
        """The settings are the share panel's and the Limits tab's (``tabs``); ``apply`` is
        ``AppServices.apply_share``; ``spawn`` runs a coroutine as the window's task."""
        super().__init__(window)
        self._window = window
        self._controller = controller
        self._panel = panel
        self._tabs = tabs
        self._apply = apply
        self._spawn = spawn
        self._in_force: ShareRequest | None = None  # what the running share was given
        self._refused: ShareRequest | None = None  # tried and refused: not again by itself
        self._busy = False
        self._again = False
        self.timer = QTimer(self, singleShot=True, interval=APPLY_DELAY_MS)
        self.timer.timeout.connect(self.apply_now)
        panel.edited.connect(self.schedule)
        tabs.settings_changed.connect(self.schedule)  # the announcement, other host names
        controller.reconfigured.connect(self._on_reconfigured)
        # dialogs only from plain slots, never inside the task that applied
        controller.change_failed.connect(self._on_failed, Qt.ConnectionType.QueuedConnection)

    @property
    def in_force(self) -> ShareRequest | None:
        return self._in_force

    def started_with(self, share: ShareRequest) -> None:
        """Start was pressed with ``share``; once it runs, a change made meanwhile follows."""
        self._in_force, self._refused = comparable(share), None

    def schedule(self) -> None:
        """A control changed: apply soon, while sharing."""
        if self._controller.state is ServerState.RUNNING:
            self.timer.start()

    def apply_now(self) -> asyncio.Task[Any] | None:
        """Apply the panel's settings if they differ from those in force; the task, else
        None (nothing to do, not sharing, or one is being applied: this one follows it)."""
        self.timer.stop()
        if self._controller.state is not ServerState.RUNNING:
            return None
        wanted = comparable(self._tabs.share_request(self._panel.share_request()))
        if wanted in (self._in_force, self._refused):
            return None
        if self._busy:
            self._again = True
            return None
        self._busy = True
        return self._spawn(self._apply_one(wanted))

    async def _apply_one(self, wanted: ShareRequest) -> None:
        try:
            if await self._apply(wanted):
                self._in_force = wanted
            else:
                self._refused = wanted
        finally:
            self._busy = False
        if self._again:
            self._again = False
            self.apply_now()

    def _on_reconfigured(self, urls: list[str], what: str) -> None:
        self.changed.emit(urls)
        self._window.statusBar().showMessage(what, STATUS_MS)

    def _on_failed(self, err: PierError) -> None:
        """Refused: the panel shows what is in force again, and a dialog says why."""
        if self._in_force is not None:
            self._panel.load_request(self._in_force)
            self._tabs.load_request(self._in_force)
        self._window.statusBar().showMessage(
            self.tr("Settings not changed: {problem}").format(problem=err), STATUS_MS)
        report_change_failure(self._window, err, self._panel.selected_url(), self.refused.emit)

    def forget(self) -> None:
        """The share stopped: nothing is in force."""
        self.timer.stop()
        self._in_force = self._refused = None


def report_change_failure(parent: QWidget, err: PierError, url: str,
                          open_users: Callable[[], Any]) -> None:
    """One dialog: why the new settings were not taken, and that the share goes on."""
    still = translate("LiveChanges", "Pier goes on sharing as before at {address}.").format(
        address=url) if url else translate("LiveChanges", "Pier goes on sharing as before.")
    if isinstance(err, NoAccountsError):
        if dialogs.ask_yes_no(parent, translate("LiveChanges", "No accounts yet"),
                              f"{err}\n\n{still}\n\n" + translate(
                                  "LiveChanges", "Add an account, then turn “Require login” on "
                                  "again."), yes_label=translate("LiveChanges", "Open Users…")):
            open_users()
        return
    dialogs.show_error(parent, translate("LiveChanges", "Could not change the share"),
                       f"{err}\n\n{still}")
