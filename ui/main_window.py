"""The main window: share panel on the left, live request log on the right."""

from __future__ import annotations

import asyncio
import logging
import sys
from collections.abc import Coroutine
from dataclasses import replace
from pathlib import Path
from typing import Any

from PySide6.QtCore import Qt, QTimer, Signal
from PySide6.QtGui import QDragEnterEvent, QDropEvent, QGuiApplication
from PySide6.QtWidgets import (
    QFrame,
    QMainWindow,
    QScrollArea,
    QSplitter,
    QWidget,
)

from app.controller import InvalidPortError, ServerState, check_port, summary_of_config
from app.services import AppServices
from app.settings import SCOPE_LAN, Settings
from server.engine import EngineStats
from server.errors import PierError, UserStoreError
from ui import dialogs
from ui.certificate_dialog import CertificateDialog
from ui.close_policy import ClosingMixin
from ui.connect_drive import ConnectDrive
from ui.desktop_actions import DesktopActions
from ui.doctor_entry import ConnectionDoctor
from ui.live_changes import LiveChanges
from ui.log_model import LogModel
from ui.log_view import LogPanel
from ui.main_menu import build_main_menus
from ui.monitor_tabs import MonitorTabs
from ui.share_banner import ShareBanner
from ui.share_panel import SharePanel
from ui.start_errors import report_start_failure
from ui.text_banners import TextControls
from ui.tray import Tray
from ui.users_dialog import UsersDialog
from ui.window_support import _b64, _unb64, app_icon, dropped_folder, fit_to_screen, is_dark

__all__ = ["MainWindow", "app_icon", "is_dark"]

log = logging.getLogger(__name__)

TITLE = "Pier"
DEFAULT_SIZE = (1360, 880)  # shrunk to the screen it opens on (fit_to_screen)
PANEL_WIDTH = 430  # the share panel's share of the width at first start


class MainWindow(ClosingMixin, QMainWindow):
    """Wires the share panel and the log to a ServerController. Async work runs as tasks on the
    running asyncio loop (qasync); dialogs are only shown from plain slots, never inside a task."""

    shutdown_finished = Signal()

    def __init__(self, services: AppServices, *, use_tray: bool | None = None,
                 parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("mainWindow")
        self.setWindowTitle(TITLE)
        self.setWindowIcon(app_icon())
        self.setAcceptDrops(True)
        self._services = services
        self._store = services.settings_store
        self._settings = services.loaded.settings
        self._settings_problem = services.loaded.problem
        self._tasks: set[asyncio.Task[Any]] = set()
        self.last_task: asyncio.Task[Any] | None = None
        self._quitting = False
        self.model = LogModel(self._settings.log_ring_size, self)
        self.bridge = services.bridge
        self.controller = services.controller
        self.accounts = services.accounts
        self.certificates = services.certificates
        self.users_dialog: UsersDialog | None = None
        self.certificate_dialog: CertificateDialog | None = None
        self._build_ui()
        self.desktop_actions = DesktopActions(services.desktop, self.controller,
                                              self.share_panel.folder_edit.text, self)
        self.desktop_actions.load(self._settings)
        self.menus = build_main_menus(self)
        self.start_stop_action = self.menus.start_stop
        self._connect()
        self._restore_layout()
        self.tray = self._make_tray(use_tray)
        self._follow_colour_scheme()

    # ---- building -------------------------------------------------------------------------

    def _build_ui(self) -> None:
        self.share_panel = SharePanel()
        self.share_panel.load(self._settings)
        self.log_panel = LogPanel(self.model)
        self.splitter = QSplitter(Qt.Orientation.Horizontal)
        self.panel_scroll = self._scrollable(self.share_panel)
        self.splitter.addWidget(self.panel_scroll)
        self.monitor_tabs = MonitorTabs(self.log_panel, self.controller, self._settings,
                                        self._services.links, self.share_panel.folder_edit)
        self.monitor_tabs.settings_changed.connect(self.save_settings)
        self.splitter.addWidget(self.monitor_tabs)
        self.splitter.setStretchFactor(0, 0)
        self.splitter.setStretchFactor(1, 1)
        self.splitter.setSizes([PANEL_WIDTH, DEFAULT_SIZE[0] - PANEL_WIDTH])
        self.splitter.setChildrenCollapsible(False)
        self.setCentralWidget(self.splitter)
        self.share_banner = ShareBanner.install(self, self.controller, self.share_panel)
        self.texts = TextControls(self, self.controller.share_control.texts, self.controller)
        self.connect_drive = ConnectDrive(self, self.controller, self.share_panel.address_box)
        self.doctor = ConnectionDoctor.install(self, self._services)
        self.live = LiveChanges(self, self.controller, self.share_panel, self.monitor_tabs,
                                self._services.apply_share, self.spawn)
        self.resize(*DEFAULT_SIZE)
        self.elapsed_timer = QTimer(self, interval=1000)
        self.elapsed_timer.timeout.connect(self._tick)

    @staticmethod
    def _scrollable(panel: QWidget) -> QScrollArea:
        """The share panel scrolls on short screens instead of squeezing its parts together."""
        scroll = QScrollArea()
        scroll.setWidget(panel)
        scroll.setWidgetResizable(True)
        scroll.setFrameShape(QFrame.Shape.NoFrame)
        scroll.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        scroll.setMinimumWidth(panel.minimumSizeHint().width())
        return scroll

    def _focus_log_filter(self) -> None:
        """Ctrl+F from any tab: show the request log and put the cursor in its filter."""
        self.monitor_tabs.setCurrentWidget(self.log_panel)
        self.log_panel.focus_filter()

    def _connect(self) -> None:
        self.share_panel.start_stop_clicked.connect(self._on_start_stop_clicked)
        self.share_panel.scope_answered.connect(lambda _scope: self._note_scope_asked())
        self.share_panel.lan_requested.connect(self.let_network_in)
        self.live.changed.connect(self._show_share)  # settings changed while sharing
        self.live.refused.connect(self.open_users_dialog)  # login on, no accounts: add one
        self.share_panel.choose_folder_clicked.connect(self._choose_folder)
        self.share_panel.users_clicked.connect(self.open_users_dialog)
        self.share_panel.certificate_clicked.connect(self.open_certificate_dialog)
        self.share_panel.url_list.currentItemChanged.connect(self._refresh_certificate_qr)
        self.bridge.records_arrived.connect(self.log_panel.add_records)
        self.controller.state_changed.connect(self._on_state_changed)
        self.controller.started.connect(self._on_started)
        self.controller.stopped.connect(self._on_stopped)
        self.controller.stats_updated.connect(self._on_stats)
        self.controller.failed.connect(self._on_start_failed, Qt.ConnectionType.QueuedConnection)
        self.log_panel.clear_button.clicked.connect(self.clear_log)  # the counters too
        self.share_panel.upload_check.toggled.connect(self.accounts.set_share_uploads)
        self.accounts.set_share_uploads(self.share_panel.upload_check.isChecked())
        self.share_panel.changes_check.toggled.connect(self.accounts.set_share_changes)
        self.accounts.set_share_changes(self.share_panel.changes_check.isChecked())
        self.share_panel.collect_options.toggled.connect(self.monitor_tabs.show_collect)
        self.desktop_actions.changed.connect(self.save_settings)

    def _make_tray(self, use_tray: bool | None) -> Tray | None:
        """None: a tray when the desktop has one; True: always (tests); False: never."""
        if use_tray is False or (use_tray is None and not Tray.available()):
            return None
        tray = Tray(self.windowIcon(), self.controller, self)
        tray.show_requested.connect(self.bring_to_front)
        tray.start_stop_requested.connect(self._start_stop_from_tray)
        tray.quit_requested.connect(self.quit_from_user)
        return tray

    def _start_stop_from_tray(self) -> None:
        if self.controller.state is ServerState.STOPPED and \
                not self.share_panel.folder_edit.text().strip():
            self.bring_to_front()  # the folder chooser opens: show what it is for
        self._on_start_stop_clicked()

    def _follow_colour_scheme(self) -> None:
        app = QGuiApplication.instance()
        if isinstance(app, QGuiApplication):
            self.model.set_dark(is_dark(app))
            app.styleHints().colorSchemeChanged.connect(
                lambda _scheme: self.model.set_dark(is_dark(app)))

    # ---- settings -------------------------------------------------------------------------

    dropped_folder = staticmethod(dropped_folder)

    def fit_to_screen(self) -> None:
        fit_to_screen(self)

    def _restore_layout(self) -> None:
        s = self._settings
        if s.window_geometry:
            self.restoreGeometry(_unb64(s.window_geometry))
        self.fit_to_screen()
        if s.splitter_state:
            self.splitter.restoreState(_unb64(s.splitter_state))
        if s.log_header_state:
            self.log_panel.table.horizontalHeader().restoreState(_unb64(s.log_header_state))

    def current_settings(self) -> Settings:
        share = self.share_panel.share_request()
        header = self.log_panel.table.horizontalHeader()
        mib = self.share_panel.max_upload_spin.value()
        tabs = self.desktop_actions.updated_settings(
            self.monitor_tabs.updated_settings(self._settings))
        return replace(self.share_panel.collect_options.updated_settings(tabs),
                       folder=share.folder.strip(), scope=share.scope,
                       port=share.port, show_hidden=share.show_hidden,
                       website_mode=share.website_mode, require_login=share.require_login,
                       anonymous_read=share.anonymous_read,
                       anonymous_upload=share.anonymous_upload,
                       anonymous_modify=share.anonymous_modify, allow_upload=share.upload,
                       allow_changes=share.modify, permanent_deletes=share.permanent_deletes,
                       max_upload_mib=mib, https=share.https,
                       scope_asked=self._settings.scope_asked,
                       free_port=self._settings.free_port,
                       window_geometry=_b64(self.saveGeometry()),
                       splitter_state=_b64(self.splitter.saveState()),
                       log_header_state=_b64(header.saveState()))

    def save_settings(self) -> bool:
        self._settings = self.current_settings()
        try:
            self._store.save(self._settings)
        except OSError as err:
            log.error("could not save settings to %s: %s", self._store.path, err)
            return False
        return True

    def set_language(self, code: str) -> None:
        """The Language menu's choice (``Settings.language``), used from the next start."""
        self._settings = replace(self._settings, language=code)
        self.save_settings()

    def report_settings_problem(self) -> None:
        """Show, once, why the settings file could not be used."""
        problem, self._settings_problem = self._settings_problem, None
        if problem:
            dialogs.show_error(self, self.tr("Settings were reset"), problem)

    # ---- start / stop ---------------------------------------------------------------------

    def spawn(self, coro: Coroutine[Any, Any, Any]) -> asyncio.Task[Any]:
        """Run ``coro`` as a task on the current asyncio loop; unexpected errors reach the
        excepthook (logged, one dialog)."""
        task = asyncio.ensure_future(coro)
        self._tasks.add(task)
        task.add_done_callback(self._on_task_done)
        self.last_task = task
        return task

    def _on_task_done(self, task: asyncio.Task[Any]) -> None:
        self._tasks.discard(task)
        if task.cancelled():
            return
        err = task.exception()
        if err is not None:
            sys.excepthook(type(err), err, err.__traceback__)

    def _on_start_stop_clicked(self) -> None:
        state = self.controller.state
        if state is ServerState.STOPPED:
            self.request_start()
        elif state is ServerState.RUNNING:
            self.request_stop()

    def request_start(self) -> asyncio.Task[Any] | None:
        """Start sharing what the panel says. No folder yet: the folder chooser opens first
        (cancelled: nothing happens). "Any free port" asks for last time's port first."""
        share = self.monitor_tabs.share_request(self.share_panel.share_request())
        try:
            check_port(share)
        except InvalidPortError as err:
            self._on_start_failed(err)
            return None
        if not share.folder.strip():
            chosen = self._choose_folder()
            if not chosen:
                self.statusBar().showMessage(
                    self.tr("Choose a folder to share, then press Start."), 5000)
                return None
            share = replace(share, folder=chosen)
        if share.port == 0:
            share = replace(share, preferred_port=self._settings.free_port)
        self._note_scope_asked()
        self.save_settings()
        self.live.started_with(share)
        return self.spawn(self._services.start_share(share))

    def _note_scope_asked(self) -> None:
        """The first-run question is answered (or passed by pressing Start): never ask again."""
        self.share_panel.first_run.setVisible(False)
        if not self._settings.scope_asked:
            self._settings = replace(self._settings, scope_asked=True)
            self.save_settings()

    def let_network_in(self) -> asyncio.Task[Any] | None:
        """"Let devices on my network in": the local-network scope, given at once to a share
        that only this computer could open (same port; downloads under way finish)."""
        self.share_panel.set_scope(SCOPE_LAN)
        return self.live.apply_now()

    def request_stop(self) -> asyncio.Task[Any] | None:
        if self.controller.state is not ServerState.RUNNING:
            return None
        return self.spawn(self.controller.stop())

    def start_sharing(self, folder: str) -> asyncio.Task[Any] | None:
        """Set the folder and start at once (``pier --start DIR``, a folder dropped while idle)."""
        self.share_panel.set_folder(folder)
        return self.request_start()

    def _on_start_failed(self, err: PierError) -> None:
        report_start_failure(self, err, self.share_panel.port_spin, self.request_start,
                             self.open_users_dialog)

    # ---- controller signals ---------------------------------------------------------------

    def _on_state_changed(self, state: ServerState) -> None:
        if state is ServerState.STARTING:  # a new share counts from zero: its log starts empty
            self.log_panel.clear()
        self.share_panel.set_state(state)
        running = state is ServerState.RUNNING
        self.start_stop_action.setText(
            self.tr("&Stop sharing") if running else self.tr("&Start sharing"))
        self.start_stop_action.setEnabled(state in (ServerState.RUNNING, ServerState.STOPPED))

    def _on_started(self, urls: list[str]) -> None:
        self.share_panel.set_elapsed(0)
        self.elapsed_timer.start()
        self._show_share(urls)
        notice = self.controller.port_notice
        shown = self.share_panel.selected_url()
        sharing = self.tr("Sharing at {address}").format(address=shown) if shown \
            else self.tr("Sharing")
        self.statusBar().showMessage(notice or sharing, 10000 if notice else 5000)
        QTimer.singleShot(0, self, self.show_addresses)
        self.live.apply_now()  # a setting changed while it started

    def _show_share(self, urls: list[str]) -> None:
        """The running share's addresses, rules and folder, as started or changed; saved."""
        self.share_panel.set_urls(urls)
        self.share_panel.address_box.set_port_notice(self.controller.port_notice)
        config = self.controller.config
        if config is not None:
            self.share_panel.set_access_summary(summary_of_config(config))
        self._refresh_certificate_qr()
        folder = config.root.name if config is not None else ""
        self.setWindowTitle(self.tr("Pier — sharing {folder}").format(folder=folder)
                            if folder else TITLE)
        self._remember_free_port()
        self.save_settings()

    def _remember_free_port(self) -> None:
        """"Any free port": keep the port it got, to ask for it again next time."""
        port = self.controller.port
        if self.share_panel.port_spin.value() == 0 and port and port != self._settings.free_port:
            self._settings = replace(self._settings, free_port=port)
            self.save_settings()

    def show_addresses(self) -> None:
        """Scroll the share panel so the addresses, their buttons and the QR code show."""
        self.panel_scroll.ensureWidgetVisible(self.share_panel.address_box, 0, 0)

    def _on_stopped(self) -> None:
        self.elapsed_timer.stop()
        self.live.forget()
        self.bridge.drain()
        self.share_panel.set_urls([])
        self.share_panel.set_access_summary(None)
        self._refresh_certificate_qr()
        self.setWindowTitle(TITLE)
        self.statusBar().showMessage(self.tr("Stopped sharing"), 5000)

    def clear_log(self) -> None:
        """Clear (Ctrl+L or the log's button): the log and the counters start again together,
        so they always cover the same span."""
        self.bridge.drain()  # records the counters already hold reach the log before it empties
        self.log_panel.clear()
        if self.controller.state is ServerState.RUNNING:
            self.controller.reset_counters()
            self.monitor_tabs.feed.refresh()

    def _on_stats(self, stats: EngineStats) -> None:
        self.share_panel.set_stats(stats)

    def _tick(self) -> None:
        self.share_panel.set_elapsed(self.controller.elapsed())

    # ---- users and certificate ------------------------------------------------------------

    def open_users_dialog(self) -> UsersDialog:
        if self.users_dialog is None:
            self.users_dialog = UsersDialog(
                self.accounts, self.spawn, self.share_panel.folder_edit.text, parent=self,
                directory=self._services.directory)
        self.users_dialog.show()
        self.users_dialog.raise_()
        self.users_dialog.activateWindow()
        self.spawn(self._load_accounts())
        return self.users_dialog

    async def _load_accounts(self) -> None:
        try:
            await self.accounts.load()
        except UserStoreError as err:
            message = str(err)
            QTimer.singleShot(0, self, lambda: dialogs.show_error(
                self.users_dialog or self, self.tr("Problem with the accounts"), message))

    def open_certificate_dialog(self) -> CertificateDialog:
        if self.certificate_dialog is None:
            self.certificate_dialog = CertificateDialog(
                self.certificates, self.spawn, self._https_share_url, parent=self,
                served_ca=self._served_ca)
        self.certificate_dialog.show()
        self.certificate_dialog.raise_()
        self.certificate_dialog.activateWindow()
        return self.certificate_dialog

    def _https_share_url(self) -> str | None:
        """The selected address while sharing with HTTPS (for the CA's QR code), else None."""
        config = self.controller.config
        if self.controller.state is not ServerState.RUNNING or config is None \
                or config.tls is None:
            return None
        return self.share_panel.selected_url() or None

    def _served_ca(self) -> bytes | None:
        """The CA the running share hands out (its trust page's), else None."""
        config = self.controller.config
        return config.tls.ca_pem if config is not None and config.tls is not None else None

    def _refresh_certificate_qr(self, *_: object) -> None:
        if self.certificate_dialog is not None:
            self.certificate_dialog.refresh_qr()

    # ---- folder choice and drag-and-drop --------------------------------------------------

    def _choose_folder(self) -> str | None:
        if self.controller.state not in (ServerState.STOPPED, ServerState.RUNNING):
            return None
        start = self.share_panel.folder_edit.text() or str(Path.home())
        chosen = dialogs.ask_folder(self, start)
        if chosen:
            self.share_panel.set_folder(chosen)
        return chosen

    def dragEnterEvent(self, event: QDragEnterEvent) -> None:
        if self.monitor_tabs.links_tab.accepts_drop(event):  # inside the share: New link
            return
        if self.controller.state is ServerState.STOPPED and self.dropped_folder(event):
            event.acceptProposedAction()
        else:
            event.ignore()

    def dropEvent(self, event: QDropEvent) -> None:
        if self.monitor_tabs.links_tab.take_drop(event):
            return
        folder = self.dropped_folder(event)
        if folder and self.controller.state is ServerState.STOPPED:
            self.share_panel.set_folder(folder)
            self.statusBar().showMessage(self.tr("Folder chosen. Press “Start sharing”."), 5000)
            event.acceptProposedAction()

    def _about(self) -> None:
        dialogs.show_info(self, self.tr("About Pier"),
                          self.tr("Pier shares a folder with the devices on your local "
                                  "network.\n\nPick a folder, press Start sharing, then open the "
                                  "address shown (or scan the QR code) on another device."))
