"""Entry point: ``pier`` opens the window; ``pier serve|users|cert ...`` is the headless CLI.

The CLI path never imports Qt: PySide6 is imported only inside the GUI path.
"""

from __future__ import annotations

import argparse
import asyncio
import os
import signal
import sys
from collections.abc import Sequence
from pathlib import Path
from typing import TYPE_CHECKING

from server.version import version_line

if TYPE_CHECKING:
    from PySide6.QtWidgets import QApplication

    from ui.main_window import MainWindow

CLI_COMMANDS = frozenset({"serve", "users", "cert", "link", "directory"})  # server.cli's commands


def main(argv: Sequence[str] | None = None) -> None:
    args = list(sys.argv[1:] if argv is None else argv)
    if args and args[0] in CLI_COMMANDS:
        from server import cli

        sys.exit(cli.main(args))
    options = parse_gui_args(args)
    if options.install_desktop_entry or options.uninstall_desktop_entry:
        sys.exit(change_desktop_entry(install=options.install_desktop_entry))
    sys.exit(run_gui(options.start, hidden=options.hidden))


def parse_gui_args(argv: Sequence[str]) -> argparse.Namespace:
    parser = argparse.ArgumentParser(
        prog="pier", description="Share a folder with the devices on your local network.",
        epilog="Headless use: pier serve DIR [--host 0.0.0.0] [--port N] (see pier serve -h).")
    parser.add_argument("--version", action="version", version=version_line())
    parser.add_argument("--start", metavar="DIR", help="open the window and start sharing DIR")
    parser.add_argument("--hidden", action="store_true",
                        help="start with the window hidden in the system tray (shown when "
                             "the desktop has no tray)")
    entry = parser.add_mutually_exclusive_group()
    entry.add_argument("--install-desktop-entry", action="store_true",
                       help="Linux: add Pier to the applications menu (a .desktop file and "
                            "its icon under $XDG_DATA_HOME, ~/.local/share by default)")
    entry.add_argument("--uninstall-desktop-entry", action="store_true",
                       help="Linux: remove the applications-menu entry Pier added")
    return parser.parse_args(argv)


def change_desktop_entry(*, install: bool) -> int:
    """`pier --install-desktop-entry` / `--uninstall-desktop-entry`: no window, no Qt."""
    from app.desktop_entry import MenuEntry, pier_command, xdg_data_home

    if not sys.platform.startswith("linux"):
        print("pier: the applications-menu entry is for Linux desktops", file=sys.stderr)
        return 2
    menu = MenuEntry(xdg_data_home(os.environ))
    try:
        if install:
            print(f"Added {menu.install(pier_command())}")
        elif menu.uninstall():
            print(f"Removed {menu.entry}")
        else:
            print(f"No entry of Pier's at {menu.entry}")
    except OSError as err:
        print(f"pier: {err}", file=sys.stderr)
        return 1
    return 0


def run_gui(start_dir: str | None = None, *, hidden: bool = False) -> int:
    import qasync

    from app.desktop import Desktop
    from app.errors_hook import ErrorReporter, route_qt_messages, setup_logging
    from app.services import AppServices
    from app.settings import saved_language
    from app.single_instance import SingleInstance
    from server.appdirs import pier_paths
    from server.portable import raise_open_files_limit, tune_collector
    from ui import dialogs
    from ui.main_window import MainWindow

    raise_open_files_limit()  # as servers do: the usual soft limit is 1,024 descriptors
    tune_collector()
    paths = pier_paths()  # the window's one look at PIER_CONFIG_DIR; passed down from here
    log_path = setup_logging(paths.logs)
    route_qt_messages()
    app = make_application(saved_language(paths.settings_file))
    instance = SingleInstance(paths.config, parent=app)
    if not instance.acquire():  # one Pier per user: bring the running one forward instead
        if not instance.ask_running_to_show():
            print("Pier is already running.", file=sys.stderr)
        return 0
    desktop = Desktop.for_system(os.environ)
    window = MainWindow(AppServices.create(paths, owner=app, desktop=desktop))
    instance.show_requested.connect(window.bring_to_front)
    reporter = ErrorReporter(lambda title, text: dialogs.show_error(window, title, text),
                             log_path, parent=app)
    reporter.install()
    loop = qasync.QEventLoop(app)
    asyncio.set_event_loop(loop)
    for signum in (signal.SIGINT, signal.SIGTERM):  # Ctrl+C; `kill` or the session ending
        signal.signal(signum, lambda *_: window.request_quit())
    folder = str(Path(start_dir).expanduser().absolute()) if start_dir else None
    try:
        with loop:
            loop.run_until_complete(run_window(window, folder, hidden=hidden))
    finally:
        window.shutdown_blocking()
        reporter.uninstall()
        instance.release()
    return 0


def make_application(language: str = "") -> QApplication:
    """The QApplication, with the translators for ``language`` (a ``Settings.language``; ""
    follows the system) installed before any window makes a text."""
    from PySide6.QtWidgets import QApplication

    from app.desktop_entry import DESKTOP_ID, WINDOW_CLASS
    from ui.main_window import app_icon
    from ui.translations import install_translators

    existing = QApplication.instance()
    app = existing if isinstance(existing, QApplication) else QApplication(sys.argv[:1])
    app.setApplicationName(WINDOW_CLASS)  # the menu entry's StartupWMClass
    # no application display name: Qt would append " — Pier" to every window title, and the
    # main window's "Pier — sharing FOLDER" would read "Pier — sharing FOLDER — Pier"
    app.setDesktopFileName(DESKTOP_ID)
    app.setWindowIcon(app_icon())
    app.setQuitOnLastWindowClosed(False)  # the tray may keep serving; quitting is explicit
    install_translators(app, language)
    return app


def present(window: MainWindow, *, hidden: bool) -> bool:
    """Show the window, unless ``hidden`` and it has a tray icon to come back from (`pier
    --hidden`); without a tray, say on stderr why the window shows. True when shown."""
    if hidden and window.tray is not None:
        return False
    if hidden:
        print("pier: --hidden needs a system tray, and this desktop has none (or it has not "
              "started yet), so the window is shown", file=sys.stderr)
    window.show()
    return True


async def run_window(window: MainWindow, start_dir: str | None, *,
                     hidden: bool = False) -> None:
    """Show the window (see ``present``) and wait until it has shut down (Quit, Ctrl+Q, or
    closing it)."""
    from PySide6.QtCore import QTimer

    finished = asyncio.Event()
    window.shutdown_finished.connect(finished.set)
    present(window, hidden=hidden)
    QTimer.singleShot(0, window.report_settings_problem)
    if start_dir:
        print_serving_lines(window)
        QTimer.singleShot(0, lambda: window.start_sharing(start_dir))
    await finished.wait()


def print_serving_lines(window: MainWindow) -> None:
    """`pier --start DIR`: each time sharing starts, print the lines `pier serve` prints, so a
    script that started the window learns its address the same way."""
    from server.cli import serving_line

    controller = window.controller

    def print_lines(urls: list[str]) -> None:
        config = controller.config
        if config is None or sys.stdout is None:  # no console (a windowed app on Windows)
            return
        for url in urls:
            print(serving_line(config.root, url), flush=True)

    controller.started.connect(print_lines)
