"""server/sending.py send_all's ``before_wait``: a streamed listing keeps its pool worker for
its first chunks and gives it up only if the client cannot take them at once (Delivery's
quick chunks), so the hook must run exactly when a send has to wait for the client."""

from __future__ import annotations

import socket
import threading
from collections.abc import Iterator

import pytest

from server.sending import send_all


@pytest.fixture
def pair() -> Iterator[tuple[socket.socket, socket.socket]]:
    ours, theirs = socket.socketpair()
    ours.setsockopt(socket.SOL_SOCKET, socket.SO_SNDBUF, 4096)
    theirs.setsockopt(socket.SOL_SOCKET, socket.SO_RCVBUF, 4096)
    yield ours, theirs
    ours.close()
    theirs.close()


def test_a_send_the_buffers_take_at_once_calls_nothing(pair) -> None:
    ours, theirs = pair
    called: list[int] = []
    send_all(ours, b"x" * 100, 5.0, lambda: called.append(1))
    assert called == [] and theirs.recv(200) == b"x" * 100


def test_a_send_that_must_wait_calls_the_hook_once_before_waiting(pair) -> None:
    ours, theirs = pair
    data = b"y" * 4_000_000  # far more than both buffers hold
    received = bytearray()
    readers: list[threading.Thread] = []

    def start_reading() -> None:  # the client reads only once the sender was told it waits
        def read() -> None:
            while len(received) < len(data):
                received.extend(theirs.recv(1 << 16))
        readers.append(threading.Thread(target=read, daemon=True))
        readers[0].start()

    called: list[int] = []
    send_all(ours, data, 10.0, lambda: (called.append(1), start_reading()))
    assert called == [1]
    readers[0].join(10)
    assert bytes(received) == data
