"""LAN discovery: announce a running share over mDNS/DNS-SD, so browsers and NAME.local find it.

Each Announcement owns one "pier-mdns" thread running a private asyncio loop with an
AsyncZeroconf in it, so zeroconf starts no thread of its own and the caller's thread (GUI or
CLI, with or without an event loop) never waits for probing. stop() sends the goodbye packets,
closes the sockets and joins the thread.
"""

from __future__ import annotations

import asyncio
import contextlib
import ipaddress
import logging
import threading
from collections.abc import Callable, Coroutine
from typing import Any

from zeroconf import DNSQuestionType, IPVersion, ServiceInfo, ServiceStateChange, Zeroconf
from zeroconf.asyncio import AsyncServiceBrowser, AsyncServiceInfo, AsyncZeroconf

from server.urls import WILDCARDS, host_names, lan_ipv4_addresses

log = logging.getLogger(__name__)

HTTP_SERVICE = "_http._tcp.local."
HTTPS_SERVICE = "_https._tcp.local."
THREAD_NAME = "pier-mdns"
MAX_INSTANCE_BYTES = 63  # RFC 6763 section 4.1.1
RENAME_ROOM = 4  # bytes kept free for the library's "-2" ... "-999" on a name conflict
STOP_TIMEOUT = 2.0  # goodbyes take ~0.25 s; this only bounds a wedged loop
RESOLVE_TIMEOUT_MS = 1000
# Listen this long for names already in use before probing. A responder that has just announced
# holds its next multicast answer for 1 s (RFC 6762 section 6), hence more than 1 s.
NAMES_IN_USE_WINDOW = 1.5


def service_type(tls: bool) -> str:
    return HTTPS_SERVICE if tls else HTTP_SERVICE


def instance_name(share_name: str) -> str:
    """The share name as a DNS-SD instance name: printable, within 63 bytes with room for a
    rename suffix, never cut mid-character; "Pier" if nothing is left."""
    printable = "".join(ch if ch.isprintable() else " " for ch in share_name)
    name = " ".join(printable.split())
    encoded = name.encode("utf-8")[:MAX_INSTANCE_BYTES - RENAME_ROOM]
    return encoded.decode("utf-8", errors="ignore").rstrip() or "Pier"


def server_name() -> str:
    """This machine's mDNS host name, NAME.local. (pier.local. if the host has no usable name)."""
    names = host_names()
    return f"{names[1]}." if names else "pier.local."


def announce_addresses(host: str) -> list[str]:
    """The addresses a share bound to ``host`` is reachable at, for the A/AAAA records."""
    if host in WILDCARDS:
        return lan_ipv4_addresses()
    if host == "localhost":
        return ["127.0.0.1"]
    return [host]


class Announcement:
    """Announces one running share over mDNS/DNS-SD until withdrawn."""

    def __init__(self, share_name: str, port: int, *, tls: bool, host: str, path: str = "/",
                 interfaces: list[str] | None = None) -> None:
        addresses = announce_addresses(host)
        self._interfaces = list(interfaces) if interfaces is not None else addresses
        if host in WILDCARDS and interfaces is not None:
            addresses = list(interfaces)
        self._info = ServiceInfo(
            service_type(tls),
            f"{instance_name(share_name)}.{service_type(tls)}",
            port=port,
            properties={"path": path, "app": "pier"},
            server=server_name(),
            parsed_addresses=addresses,
        )
        self._lock = threading.Lock()
        self._thread: threading.Thread | None = None
        self._loop: asyncio.AbstractEventLoop | None = None
        self._stop_requested: asyncio.Event | None = None
        self._settled = threading.Event()  # announced, failed, or stopped
        self._registered_name: str | None = None
        self._error: str | None = None

    @property
    def registered_name(self) -> str | None:
        """The instance name in use once probing is done (e.g. "Photos-2"), else None."""
        return self._registered_name

    @property
    def service_type(self) -> str:
        return self._info.type

    @property
    def error(self) -> str | None:
        """A user-facing sentence if the share could not be announced."""
        return self._error

    def wait_registered(self, timeout: float) -> bool:
        """Wait up to ``timeout`` s for probing to settle; True if the share is now announced."""
        self._settled.wait(timeout)
        return self._registered_name is not None

    def start(self) -> None:
        """Begin announcing in the background; returns at once."""
        with self._lock:
            if self._thread is not None:
                return
            self._settled.clear()
            self._error = None
            ready = threading.Event()
            self._thread = threading.Thread(target=self._run, args=(ready,), name=THREAD_NAME,
                                            daemon=True)
            self._thread.start()
        ready.wait()

    def stop(self) -> None:
        """Withdraw the announcement (goodbye packets), close the sockets, end the thread."""
        with self._lock:
            thread, self._thread = self._thread, None
        if thread is None:
            return
        loop, stop_requested = self._loop, self._stop_requested
        if loop is not None and stop_requested is not None:
            with contextlib.suppress(RuntimeError):  # the loop already ended by itself
                loop.call_soon_threadsafe(stop_requested.set)
        thread.join(STOP_TIMEOUT)
        if thread.is_alive():
            log.warning("mDNS announcement of %s did not stop in time", self._info.name)

    def _run(self, ready: threading.Event) -> None:
        try:
            asyncio.run(self._serve(ready))
        except Exception as err:  # never let a network failure escape as a traceback
            self._fail(err)
        finally:
            self._registered_name = None
            ready.set()
            self._settled.set()

    async def _serve(self, ready: threading.Event) -> None:
        self._loop = asyncio.get_running_loop()
        self._stop_requested = asyncio.Event()
        ready.set()
        if not self._interfaces:
            raise OSError("this computer has no network address to announce it on")
        aiozc = AsyncZeroconf(interfaces=self._interfaces, ip_version=_ip_version(self._interfaces))
        try:
            registering = asyncio.create_task(self._register(aiozc))
            await self._stop_requested.wait()
            registering.cancel()
            with contextlib.suppress(asyncio.CancelledError):
                await registering
        finally:
            await aiozc.async_close()  # sends goodbyes for whatever got registered

    async def _register(self, aiozc: AsyncZeroconf) -> None:
        try:
            await _learn_names_in_use(aiozc, self._info.type)
            announced = await aiozc.async_register_service(self._info, allow_name_change=True)
            await announced
        except Exception as err:  # the sockets stay open until stop(); nothing is announced
            self._fail(err)
            return
        self._registered_name = self._info.name.removesuffix(f".{self._info.type}")
        self._settled.set()
        log.info("Announced %s on %s", self._info.name, ", ".join(self._interfaces))

    def _fail(self, err: Exception) -> None:
        self._error = f"The share could not be announced on the network ({err})."
        log.warning("mDNS announcement of %s failed: %s", self._info.name, err)
        self._settled.set()


async def _learn_names_in_use(aiozc: AsyncZeroconf, type_: str) -> None:
    """Fill the cache with the instance names of ``type_`` that others answer for (QM query).

    zeroconf's probe alone misses a conflict with a responder on this same machine: probes ask
    for unicast answers (QU), and a unicast datagram to port 5353 reaches only one of the
    sockets sharing it (avahi's, another Pier's, ...). Multicast answers reach every socket,
    and a name found in the cache makes the probe pick the next free one ("Photos-2").
    """
    browser = AsyncServiceBrowser(aiozc.zeroconf, type_, handlers=[_ignore_change],
                                  question_type=DNSQuestionType.QM)
    try:
        await asyncio.sleep(NAMES_IN_USE_WINDOW)
    finally:
        await browser.async_cancel()


def _ignore_change(zeroconf: Zeroconf, service_type: str, name: str,
                   state_change: ServiceStateChange) -> None:
    """The browser in _learn_names_in_use only needs to fill the cache."""


def browse(service_type: str, timeout: float,
           interfaces: list[str] | None = None) -> list[AsyncServiceInfo]:
    """Services of ``service_type`` seen within ``timeout`` seconds, resolved (port, address, TXT).

    Blocks the caller; runs in its own "pier-mdns" thread so it works from any thread.
    Questions ask for multicast answers (QM): a unicast answer to port 5353 reaches only one of
    the sockets sharing that port on this machine, which may not be ours.
    ``interfaces`` defaults to this machine's LAN IPv4 addresses.
    """
    chosen = list(interfaces) if interfaces is not None else lan_ipv4_addresses()
    if not chosen:
        return []
    return _run_in_thread(lambda: _browse(service_type, timeout, chosen))


async def _browse(type_: str, timeout: float, interfaces: list[str]) -> list[AsyncServiceInfo]:
    names: set[str] = set()

    def on_change(zeroconf: Zeroconf, service_type: str, name: str,
                  state_change: ServiceStateChange) -> None:
        if state_change is ServiceStateChange.Removed:
            names.discard(name)
        else:
            names.add(name)

    async with AsyncZeroconf(interfaces=interfaces, ip_version=_ip_version(interfaces)) as aiozc:
        browser = AsyncServiceBrowser(aiozc.zeroconf, type_, handlers=[on_change],
                                      question_type=DNSQuestionType.QM)
        await asyncio.sleep(timeout)  # browsing is listening for a while: this is the listen window
        await browser.async_cancel()
        found = await asyncio.gather(*(_resolve(aiozc, type_, name) for name in sorted(names)))
    return [info for info in found if info is not None]


async def _resolve(aiozc: AsyncZeroconf, type_: str, name: str) -> AsyncServiceInfo | None:
    info = AsyncServiceInfo(type_, name)
    answered = await info.async_request(aiozc.zeroconf, RESOLVE_TIMEOUT_MS, DNSQuestionType.QM)
    return info if answered else None


def _run_in_thread(make: Callable[[], Coroutine[Any, Any, list[AsyncServiceInfo]]],
                   ) -> list[AsyncServiceInfo]:
    result: list[list[AsyncServiceInfo]] = []
    failure: list[BaseException] = []

    def run() -> None:
        try:
            result.append(asyncio.run(make()))
        except BaseException as err:
            failure.append(err)

    thread = threading.Thread(target=run, name=THREAD_NAME, daemon=True)
    thread.start()
    thread.join()
    if failure:
        raise failure[0]
    return result[0]


def _ip_version(interfaces: list[str]) -> IPVersion:
    versions = {ipaddress.ip_address(a).version for a in interfaces}
    if versions == {6}:
        return IPVersion.V6Only
    return IPVersion.All if versions == {4, 6} else IPVersion.V4Only
