"""The running share's care of its share links: a thread that, twice a second, looks at the
links file for other processes' changes (``pier link`` in a terminal, the window), writes the
download counts that are due, and cuts the transfers of links that ended meanwhile (revoked or
expired, or gone from the file) with the transfer registry's own cancel, as the Clients tab
does. A link used up by its last allowed download lets the downloads under way finish.
"""

from __future__ import annotations

import logging
import threading
from pathlib import Path

from server.clock import Clock
from server.control import TrafficControl
from server.errors import LinkStoreError
from server.links import LinkStore

log = logging.getLogger("pier.links")

TICK = 0.5  # seconds between looks: a CLI change is seen within REFRESH_INTERVAL + TICK
CUT_STATES = frozenset({"revoked", "expired"})


class LinkKeeper:
    """Owns the share's ``LinkStore`` while the share runs; ``stop`` writes what is pending."""

    def __init__(self, store: LinkStore, control: TrafficControl) -> None:
        self.store = store
        self._control = control
        self._stopping = threading.Event()
        self._thread = threading.Thread(target=self._run, name="pier-links", daemon=True)

    def start(self) -> None:
        self._thread.start()

    def stop(self) -> None:
        self._stopping.set()
        if self._thread.is_alive():
            self._thread.join()
        self.store.close()

    def revoke(self, reference: str) -> int:
        """Revoke a link (its id, token or URL) and cut its transfers now; how many were cut.
        UnknownLinkError, LinkStoreError as ``LinkStore.revoke``."""
        self.store.revoke(reference)
        return self.cut_ended_transfers()

    def tick(self) -> int:
        """One look: returns how many transfers were cut."""
        self.store.refresh(wait=True)
        self.store.flush_if_due()
        return self.cut_ended_transfers()

    def cut_ended_transfers(self) -> int:
        cut = 0
        for transfer in self._control.transfers():
            if transfer.link is None:
                continue
            link = self.store.find(transfer.link)
            if link is None or self.store.state(link) in CUT_STATES:
                cut += self._control.cancel(transfer.id)
        return cut

    def _run(self) -> None:
        while not self._stopping.wait(TICK):
            try:
                self.tick()
            except Exception:  # a bad moment of the file must not end the links' care
                log.exception("looking after the share links failed")


def link_keeper_for(links_file: Path | None, clock: Clock,
                    control: TrafficControl) -> LinkKeeper | None:
    """The share links' store of a share (None: links off); a links file that cannot be read
    is logged and serves no link until it can (LinkStore.refresh keeps looking)."""
    if links_file is None:
        return None
    store = LinkStore(links_file, clock=clock)
    try:
        store.load()
    except LinkStoreError as err:
        log.warning("%s Share links are not served until the file can be read.", err)
    return LinkKeeper(store, control)
