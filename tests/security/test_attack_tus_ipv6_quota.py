"""Attack: on a share without logins, the cap of unfinished resumable uploads (32) is kept per
client address as the log shows it ("anonymous@" + the full address), not per address group as
every other cap and lock-out is (server/admission.client_group: an IPv6 client counts as its
/64, since a host may take any address of its /64). One IPv6 host therefore starts as many
unfinished uploads as it likes (each holding a partial file and up to --max-upload of disk for
a day) and fills the server-wide cap of 4096 records, after which nobody can start one.
The connections are made to come from three addresses of one /64 (2001:db8:1:2::/64) by giving
the server's accept path those addresses; the cap is made small (2)."""

from __future__ import annotations

import itertools
from pathlib import Path

import pytest

from server import open_connections
from server.tus_store import TusStore
from tests.server.tus_http import create

PER_OWNER = 2


@pytest.fixture
def one_slash64(monkeypatch):
    """Every new connection comes from the next address of 2001:db8:1:2::/64."""
    monkeypatch.setitem(TusStore.__init__.__kwdefaults__, "per_owner", PER_OWNER)
    addresses = (f"2001:db8:1:2::{n:x}" for n in itertools.count(1))
    original = open_connections.OpenConnections.open

    def open_from_the_slash64(self, sock, client, tls_state):
        return original(self, sock, next(addresses), tls_state)

    monkeypatch.setattr(open_connections.OpenConnections, "open", open_from_the_slash64)


def test_a_slash64_shares_one_cap_of_unfinished_uploads(one_slash64, server_factory,
                                                        share: Path, tmp_path: Path):
    running = server_factory(share, upload=True, tus_state=tmp_path / "tus")
    statuses = [create(running.port, f"u{n}.bin", 10).status for n in range(PER_OWNER + 1)]
    assert statuses == [201] * PER_OWNER + [429], statuses
