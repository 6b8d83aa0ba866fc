"""What the window is given: the app services it talks to, built by the entry point (and by
tests) from Pier's paths. The window builds no service itself; see docs/ARCHITECTURE.md."""

from __future__ import annotations

from dataclasses import dataclass

from PySide6.QtCore import QObject

from app.accounts import Accounts
from app.bridge import RecordBridge
from app.certificates import Certificates
from app.controller import ServerController, ShareRequest
from app.desktop import Desktop
from app.directory_service import DirectoryService
from app.link_service import LinkService
from app.settings import LoadResult, SettingsStore
from server.paths import PierPaths


@dataclass(frozen=True, slots=True)
class AppServices:
    settings_store: SettingsStore
    loaded: LoadResult  # the settings as read at start, and what was wrong with them, if anything
    bridge: RecordBridge  # request records from the engine's threads to the GUI thread
    controller: ServerController  # starts and stops the share; its ShareControl acts on it
    accounts: Accounts
    certificates: Certificates
    links: LinkService  # the share links of links.toml (the Links tab)
    desktop: Desktop  # the applications-menu entry and starting at login
    directory: DirectoryService  # the office directory's logins (Users… → Directory)

    @classmethod
    def create(cls, paths: PierPaths, owner: QObject | None = None,
               desktop: Desktop | None = None) -> AppServices:
        """The services of one window, kept alive by ``owner`` (the application). Without
        ``desktop`` (tests), menu and login entries are written under the config folder."""
        store = SettingsStore(paths.settings_file)
        loaded = store.load()
        bridge = RecordBridge(loaded.settings.log_ring_size, parent=owner)
        controller = ServerController(bridge.sink, paths, parent=owner)
        accounts = Accounts.at(paths.users_file, share=controller, parent=owner)
        links = LinkService(paths.links_file, protected=paths.protected)
        if desktop is None:
            desktop = Desktop.under(paths.config / "desktop")
        certificates = Certificates(paths.tls_dir, changed=controller.take_certificate)
        return cls(store, loaded, bridge, controller, accounts, certificates, links, desktop,
                   DirectoryService(paths.directory_file, accounts.store))

    async def start_share(self, share: ShareRequest) -> bool:
        """Start sharing with this app's accounts (the controller reads them off the GUI
        thread)."""
        return await self.controller.start_share(share, self.accounts.store)

    async def apply_share(self, share: ShareRequest) -> bool:
        """Give the running share new settings (ServerController.apply_share)."""
        return await self.controller.apply_share(share, self.accounts.store)
