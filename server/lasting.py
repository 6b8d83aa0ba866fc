"""What a running share keeps while its rules change (server/engine.py ``reconfigure``).

A rule change while sharing builds a new RequestHandler from the new ServerConfig (the
handler and its routes cache rules: the policy, the caches, the upload switch) and swaps it in
whole. What must outlive that swap, because it holds state other requests rely on, lives here
and is handed to each new handler: the WebDAV lock manager (a lock taken before the change
still guards its path after it), the resumable uploads' records (one per-upload lock for the
share, whichever handler a PATCH reaches) and collect mode's people (one writer of their
state file). A new folder gets new locks (they name paths of the old one); the upload records
and the people stay, as they do across a stop and a start. Also kept: the rules in force now
(server/rules_in_force.py: writes routed before a change ask them again when they commit; locks
whose owner lost the right to hold them are dropped when rules take effect) and the login
throttle (lock-outs are per address and name: no change of accounts file or realm lifts one).
"""

from __future__ import annotations

import threading
from dataclasses import replace
from pathlib import Path
from typing import TYPE_CHECKING

from server.clock import SYSTEM_CLOCK, Clock
from server.collect import CollectConfig, CollectPeople
from server.config import ServerConfig
from server.routes_dav import DavRoutes
from server.rules_in_force import RulesInForce
from server.throttle import LoginThrottle
from server.tus_store import TusStore

if TYPE_CHECKING:
    from server.access import Policy
    from server.auth import Authenticator
    from server.links import LinkStore


class Lasting:
    """Made once per share by the engine; thread-safe (handlers are built on other threads
    than the ones serving)."""

    def __init__(self, clock: Clock = SYSTEM_CLOCK, *, tus: dict[Path | None, TusStore] | None
                 = None, people: dict[Path | None, CollectPeople] | None = None,
                 in_force: RulesInForce | None = None,
                 throttle: list[LoginThrottle] | None = None) -> None:
        self._clock = clock
        self.dav = DavRoutes(clock)  # WebDAV, with the share's one lock manager
        self.in_force = in_force or RulesInForce()
        self._throttle: list[LoginThrottle] = throttle if throttle is not None else []
        self._lock = threading.Lock()
        self._tus: dict[Path | None, TusStore] = tus if tus is not None else {}
        self._people: dict[Path | None, CollectPeople] = people if people is not None else {}

    def tus_store(self, config: ServerConfig) -> TusStore:
        """The records of resumable uploads kept in ``config.tus_state`` (made at first use)."""
        with self._lock:
            store = self._tus.get(config.tus_state)
            if store is None:
                store = self._tus[config.tus_state] = TusStore(config.tus_state,
                                                               clock=self._clock)
            return store

    def people(self, collect: CollectConfig) -> CollectPeople:
        """Collect mode's people, one CollectPeople per state file."""
        with self._lock:
            people = self._people.get(collect.state_file)
            if people is None:
                people = self._people[collect.state_file] = CollectPeople(
                    collect.state_file, self._clock.time)
            return people

    def for_new_folder(self) -> Lasting:
        """For another shared folder: new WebDAV locks; the same uploads' records, people,
        rules in force and login throttle."""
        return Lasting(self._clock, tus=self._tus, people=self._people,
                       in_force=self.in_force, throttle=self._throttle)

    def keep_throttle(self, config: ServerConfig) -> ServerConfig:
        """``config`` whose Authenticator counts failed logins in the share's one throttle
        (the first Authenticator's, kept while the share runs, login switched off between)."""
        auth = config.auth
        if auth is None:
            return config
        with self._lock:
            if not self._throttle:
                self._throttle.append(auth.throttle)
            kept = self._throttle[0]
        return config if auth.throttle is kept else replace(config, auth=auth.with_throttle(kept))

    def take_rules(self, policy: Policy, auth: Authenticator | None,
                   collect: CollectConfig | None = None, links: LinkStore | None = None) -> None:
        """A serve loop's rules take effect: writes in flight ask them (hand-ins: ``collect``;
        drop boxes: ``links``, None when share links are off); WebDAV locks whose owner may no
        longer hold them go."""
        self.in_force.take(policy, auth, collect, links)
        self.dav.locks.manager.drop_unless(self.in_force.may_hold)
