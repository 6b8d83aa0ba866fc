"""The rules a running share answers to now (one holder per share, kept by server/lasting.py).

A request is routed under the handler it began with (server/share_loop.py ``take_rules``), but
a write may commit long after: the client chooses when its body comes. So every write the
policy allows (CREATE, REPLACE, MODIFY) asks this holder too: under the rules in force now, with
the account as the accounts in force now know it, may this still be done? Reads keep the rules
they began with (a download under way is not cut by a change). Collect mode's hand-ins and
the drop boxes of share links ask it the same way: the same folder still shared, collect mode
still on (and its deadline now), the share links still on and the link still working.
"""

from __future__ import annotations

from typing import TYPE_CHECKING, NamedTuple

from server.access_rules import Action
from server.dav_locks import ANONYMOUS, Lock

if TYPE_CHECKING:
    from server.access import Policy
    from server.auth import Authenticator
    from server.collect import CollectConfig
    from server.link_model import Link
    from server.links import LinkStore
    from server.users import User


class _Now(NamedTuple):
    policy: Policy
    auth: Authenticator | None
    collect: CollectConfig | None
    links: LinkStore | None


class RulesInForce:
    """Set by the share's serve loops when their rules take effect; read by any thread."""

    __slots__ = ("_now",)

    def __init__(self) -> None:
        self._now: _Now | None = None  # one assignment

    def take(self, policy: Policy, auth: Authenticator | None,
             collect: CollectConfig | None = None, links: LinkStore | None = None) -> None:
        self._now = _Now(policy, auth, collect, links)

    def allows(self, routed: Policy, user: User | None, action: Action, url_path: str) -> bool:
        """Whether the write ``routed`` allowed ``user`` is still allowed. Another folder
        shared now: nothing of the old one may be written."""
        now = self._now
        if now is None or now[0] is routed:
            return True  # the hot path: no change since the request was routed
        policy, auth = now.policy, now.auth
        if policy.rules.root != routed.rules.root:
            return False
        current = account_now(user, auth)
        if isinstance(current, bool):
            return False  # the account is gone
        return policy.allows(current, action, url_path)

    def may_hold(self, lock: Lock) -> bool:
        """Whether the owner of a WebDAV lock may still hold it: may still change (MODIFY)
        or write over (REPLACE) what it locks. Anonymous locks go when visitors may no longer
        write; an account's when it is gone or lowered."""
        now = self._now
        if now is None:
            return True
        policy, auth = now.policy, now.auth
        user = None
        if auth is not None and not lock.principal.startswith(ANONYMOUS):
            user = auth.store.get(lock.principal)
            if user is None:  # gone, or an office directory login (its rights unknown here)
                return auth.directory is not None
        return policy.allows(user, Action.MODIFY, lock.root) or \
            policy.allows(user, Action.REPLACE, lock.root)


    def collect_now(self, routed: Policy, collect: CollectConfig) -> CollectConfig | None:
        """Collect mode as it is now for a hand-in routed under ``routed`` with ``collect``:
        None when it is off, collects into another folder, or another folder is shared."""
        now = self._now
        if now is None or now.policy is routed:
            return collect  # a handler is built whole for one config: nothing changed
        current = now.collect
        if now.policy.rules.root != routed.rules.root or current is None or \
                current.name != collect.name:
            return None
        return current

    def link_works(self, routed: Policy, link: Link) -> bool:
        """Whether a write through ``link`` (a drop box) routed under ``routed`` may still be
        saved: the same folder shared, share links on, the link still there and active."""
        now = self._now
        if now is None:
            return True
        if now.policy is not routed and now.policy.rules.root != routed.rules.root:
            return False
        store = now.links
        if store is None:
            return False
        current = store.find(link.token)
        return current is not None and current.path == link.path and \
            current.upload and store.state(current) in ("active", "locked")


def account_now(user: User | None, auth: Authenticator | None) -> User | bool | None:
    """``user`` as the accounts in force know it; None: anonymous (or no login any more);
    False: the account is gone, disabled or expired."""
    if user is None or auth is None:
        return None
    if user.directory:  # the office directory's logins are not in the file
        return user
    found = auth.store.get(user.name)
    return found if found is not None and found.is_active() else False
