"""What closing the window, or Quit (Ctrl+Q), does while a share runs.

Nobody connected: closing hides the window to the tray while sharing (when there is a tray),
else quits; Quit quits. Devices connected or transfers running: ask first, with "keep sharing
in the background" offered only when there is a tray to come back from."""

from __future__ import annotations

import asyncio
import enum
from dataclasses import dataclass, replace
from typing import TYPE_CHECKING, Any

from PySide6.QtGui import QCloseEvent

from app.controller import Activity, ServerState
from app.i18n import translate
from ui import dialogs

if TYPE_CHECKING:
    from PySide6.QtCore import QTimer, SignalInstance

    from app.bridge import RecordBridge
    from app.controller import ServerController
    from app.settings import Settings
    from ui.tray import Tray


class Leave(enum.Enum):
    QUIT = "quit"  # stop sharing, save, end Pier
    HIDE = "hide"  # hide the window, keep sharing (the tray icon stays)
    STAY = "stay"  # do nothing: the window stays open


@dataclass(frozen=True, slots=True)
class Decision:
    action: Leave
    always_notify: bool = False  # HIDE: say so every time, not only the first time


def question(activity: Activity, has_tray: bool) -> tuple[str, str]:
    """The title and text of the "quit while sharing?" question."""
    busy = activity.describe() or translate("ClosePolicy", "Devices are connected")
    if has_tray:
        where = translate("ClosePolicy", "Pier can keep sharing in the background, with its icon "
                                         "in the system tray, or stop sharing and quit.")
    else:
        where = translate("ClosePolicy", "This desktop has no system tray, so Pier cannot keep "
                                         "sharing without its window. Keep the window open, or "
                                         "stop sharing and quit.")
    text = translate("ClosePolicy", "{activity}. Stopping now ends their downloads and uploads.\n\n"
                                    "{choice}")
    return (translate("ClosePolicy", "Quit while sharing?"),
            text.format(activity=busy, choice=where))


def decide(*, closing: bool, running: bool, activity: Activity, has_tray: bool,
           parent: object = None) -> Decision:
    """``closing``: the window's close button; otherwise Quit (menu, Ctrl+Q, tray)."""
    if running and activity.busy:
        title, text = question(activity, has_tray)
        answer = dialogs.ask_close(parent, title, text, has_tray)  # type: ignore[arg-type]
        if answer == dialogs.CLOSE_BACKGROUND and has_tray:
            return Decision(Leave.HIDE, always_notify=True)
        if answer == dialogs.CLOSE_QUIT:
            return Decision(Leave.QUIT)
        return Decision(Leave.STAY)
    if closing and running and has_tray:
        return Decision(Leave.HIDE)
    return Decision(Leave.QUIT)


class ClosingMixin:
    """The main window's closing, quitting and tray behaviour (mixed into MainWindow, before
    QMainWindow, so its ``closeEvent`` is the one Qt calls)."""

    if TYPE_CHECKING:
        controller: ServerController
        tray: Tray | None
        bridge: RecordBridge
        elapsed_timer: QTimer
        shutdown_finished: SignalInstance
        _settings: Settings
        _quitting: bool

        def save_settings(self) -> bool: ...
        def spawn(self, coro: Any) -> asyncio.Task[Any]: ...
        def hide(self) -> None: ...
        def close(self) -> bool: ...
        def showNormal(self) -> None: ...
        def raise_(self) -> None: ...
        def activateWindow(self) -> None: ...

    def bring_to_front(self) -> None:
        """Show the window (also from the tray, or when a second Pier starts) on top."""
        self.showNormal()
        self.raise_()
        self.activateWindow()

    def quit_from_user(self) -> asyncio.Task[Any] | None:
        """Quit (menu, Ctrl+Q, tray): asks first while devices are connected."""
        return self._leave(closing=False)

    def _leave(self, *, closing: bool) -> asyncio.Task[Any] | None:
        decision = decide(closing=closing,
                          running=self.controller.state is ServerState.RUNNING,
                          activity=self.controller.activity(), has_tray=self.tray is not None,
                          parent=self)
        if decision.action is Leave.HIDE:
            self._hide_to_tray(always_notify=decision.always_notify)
        elif decision.action is Leave.QUIT:
            return self.request_quit()
        return None

    def request_quit(self) -> asyncio.Task[Any]:
        """Stop serving (off the GUI thread), save settings, then emit ``shutdown_finished``.
        Asks nothing: for Ctrl+C and the end of a session; people quit via quit_from_user."""
        self.save_settings()
        return self.spawn(self._shutdown())

    async def _shutdown(self) -> None:
        await self.controller.stop()
        self._finish_shutdown()

    def shutdown_blocking(self) -> None:
        """The same as ``request_quit`` without a loop: for exit paths and tests."""
        if self._quitting:
            return
        self.save_settings()
        self.controller.stop_blocking()
        self._finish_shutdown()

    def _finish_shutdown(self) -> None:
        self._quitting = True
        self.bridge.stop()
        self.elapsed_timer.stop()
        if self.tray is not None:
            self.tray.hide()
        self.close()
        self.shutdown_finished.emit()

    def closeEvent(self, event: QCloseEvent) -> None:
        if self._quitting:
            event.accept()
            return
        event.ignore()
        self._leave(closing=True)

    def _hide_to_tray(self, *, always_notify: bool = False) -> None:
        self.save_settings()
        self.hide()
        if self.tray is not None and (always_notify or not self._settings.tray_notice_shown):
            self.tray.notify(
                translate("ClosePolicy", "Pier is still sharing"),
                translate(
                    "ClosePolicy",
                    "Pier keeps serving in the background. Use the tray icon to show the window, "
                    "stop sharing or quit.",
                ),
            )
            self._settings = replace(self._settings, tray_notice_shown=True)
            self.save_settings()
