"""The real ``FirewalldApi`` (app/doctor_firewalld.py): firewalld's read-only D-Bus methods on
the system bus through Qt's QtDBus. PySide6-Essentials ships QtDBus, so this needs no other
package (jeepney would have been the pure-Python choice otherwise). Blocking calls with a short
timeout: the doctor runs its probes off the GUI thread."""

from __future__ import annotations

from typing import Any

from PySide6.QtDBus import QDBus, QDBusConnection, QDBusMessage

from app.doctor_firewalld import FirewalldError

SERVICE = "org.fedoraproject.FirewallD1"
PATH = "/org/fedoraproject/FirewallD1"
MAIN = "org.fedoraproject.FirewallD1"
ZONE = "org.fedoraproject.FirewallD1.zone"
TIMEOUT_MS = 2000


class DbusFirewalld:
    """firewalld as the doctor asks it; every failure is a FirewalldError."""

    def __init__(self, connection: QDBusConnection | None = None) -> None:
        self._bus = connection if connection is not None else QDBusConnection.systemBus()

    def state(self) -> str | None:
        if not self._bus.isConnected():
            return None
        if not self._call("org.freedesktop.DBus", "/org/freedesktop/DBus",
                          "org.freedesktop.DBus", "NameHasOwner", SERVICE):
            return None
        value = self._call(SERVICE, PATH, "org.freedesktop.DBus.Properties", "Get", MAIN, "state")
        return str(value)

    def default_zone(self) -> str:
        return str(self._call(SERVICE, PATH, MAIN, "getDefaultZone"))

    def zone_of_interface(self, interface: str) -> str:
        return str(self._call(SERVICE, PATH, ZONE, "getZoneOfInterface", interface))

    def query_port(self, zone: str, port: str, protocol: str) -> bool:
        return bool(self._call(SERVICE, PATH, ZONE, "queryPort", zone, port, protocol))

    def _call(self, service: str, path: str, interface: str, method: str, *args: Any) -> Any:
        message = QDBusMessage.createMethodCall(service, path, interface, method)
        message.setArguments(list(args))
        reply = self._bus.call(message, QDBus.CallMode.Block, TIMEOUT_MS)
        if reply.type() != QDBusMessage.MessageType.ReplyMessage:
            raise FirewalldError(f"{method}: {reply.errorMessage() or reply.errorName()}")
        values = reply.arguments()
        if not values:
            raise FirewalldError(f"{method}: empty answer")
        value = values[0]
        variant = getattr(value, "variant", None)  # Properties.Get answers a QDBusVariant
        return variant() if callable(variant) else value
