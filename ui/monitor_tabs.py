"""The tabs beside the share panel: the request log, Traffic, Clients, Links and Limits &
access, fed by the share control's MonitorFeed while a share runs (Links by its own service)."""

from __future__ import annotations

from dataclasses import replace

from PySide6.QtCore import Signal
from PySide6.QtWidgets import QLineEdit, QTabWidget, QWidget

from app.controller import ServerController, ShareRequest
from app.link_service import LinkService
from app.monitor_feed import LiveData
from app.settings import Settings
from app.traffic_settings import TrafficChoices
from ui.clients_view import ClientsView
from ui.collect_view import CollectView
from ui.limits_panel import LimitsPanel
from ui.links_tab import LinksTab
from ui.traffic_view import TrafficView


def choices_of(settings: Settings) -> TrafficChoices:
    return TrafficChoices(total_rate_kib=max(0, settings.total_rate_kib),
                          client_rate_kib=max(0, settings.client_rate_kib),
                          downloads_per_client=max(0, settings.downloads_per_client),
                          allow_list_on=settings.allow_list_on,
                          allow_list=settings.allow_list)


class MonitorTabs(QTabWidget):
    settings_changed = Signal()  # a limit or access choice changed: worth saving now

    def __init__(self, log_panel: QWidget, controller: ServerController, settings: Settings,
                 links: LinkService, folder_edit: QLineEdit,
                 parent: QWidget | None = None) -> None:
        """``folder_edit`` is the share panel's folder (shared, or to be shared)."""
        super().__init__(parent)
        self.setObjectName("monitorTabs")
        self.setDocumentMode(True)
        self._controller = controller
        control = controller.share_control
        self.feed = control.feed
        self.traffic_view = TrafficView(control.thumbnails)
        self.clients_view = ClientsView(control)
        self.links_tab = LinksTab(links, controller, folder_edit)
        self.limits_panel = LimitsPanel(control, choices_of(settings), settings.announce,
                                        settings.allowed_hosts, settings.error_pages)
        self.addTab(log_panel, self.tr("Requests"))
        self.addTab(self.traffic_view, self.tr("Traffic"))
        self.addTab(self.clients_view, self.tr("Clients"))
        self.addTab(self.links_tab, self.tr("Links"))
        self.links_tab.show_requested.connect(lambda: self.setCurrentWidget(self.links_tab))
        self.addTab(self.limits_panel, self.tr("Limits && access"))
        self.collect_view = CollectView(controller.collect, settings.collect_roster)
        self.addTab(self.collect_view, self.tr("Collect"))
        self._collect_wanted = settings.collect_files
        self.show_collect(settings.collect_files)
        controller.collect.target_changed.connect(lambda: self.show_collect(self._collect_wanted))
        self.collect_view.roster_changed.connect(self.settings_changed)
        self.feed.updated.connect(self._on_data)
        self.limits_panel.changed.connect(self.settings_changed)
        controller.started.connect(self._on_started)
        controller.stopped.connect(self._on_stopped)

    def updated_settings(self, settings: Settings) -> Settings:
        choices = self.limits_panel.choices()
        return replace(settings, total_rate_kib=choices.total_rate_kib,
                       client_rate_kib=choices.client_rate_kib,
                       downloads_per_client=choices.downloads_per_client,
                       allow_list_on=choices.allow_list_on, allow_list=choices.allow_list,
                       announce=self.limits_panel.announce,
                       allowed_hosts=self.limits_panel.allowed_hosts,
                       error_pages=self.limits_panel.error_pages.folder,
                       collect_roster=self.collect_view.roster())

    def show_collect(self, on: bool) -> None:
        """The Collect tab is there while "Collect files" is on, or the share collects."""
        self._collect_wanted = on
        on = on or self._controller.collect.config is not None
        self.setTabVisible(self.indexOf(self.collect_view), on)

    def share_request(self, share: ShareRequest) -> ShareRequest:
        return replace(share, announce=self.limits_panel.announce,
                       allowed_hosts=self.limits_panel.allowed_hosts,
                       error_pages=self.limits_panel.error_pages.folder)

    def load_request(self, share: ShareRequest) -> None:
        """Show what the running share has in force (after a refused change)."""
        self.limits_panel.error_pages.load(share.error_pages)

    def _local_only(self) -> bool:
        config = self._controller.config
        return config is not None and config.is_local_only

    def _on_started(self, _urls: list[str]) -> None:
        self.traffic_view.reset()
        self.limits_panel.set_running(True)
        self.limits_panel.show_announcement(running=True, local_only=self._local_only(),
                                            name=None)
        self.feed.start()

    def _on_stopped(self) -> None:
        self.feed.stop()
        self.clients_view.stop()
        self.limits_panel.set_running(False)
        self.limits_panel.show_announcement(running=False, local_only=False, name=None)

    def _on_data(self, data: LiveData) -> None:
        self.traffic_view.show_data(data)
        self.clients_view.show_data(data)
        self.limits_panel.show_announcement(running=True, local_only=self._local_only(),
                                            name=data.announced_name)
