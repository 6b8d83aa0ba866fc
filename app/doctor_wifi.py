"""The Wi-Fi QR code: the text a phone's camera reads to join a network, in the form ZXing
defined and every phone camera app now reads: ``WIFI:T:WPA;S:<ssid>;P:<password>;;``, with
``\\ ; , : "`` escaped by a backslash. Nothing here keeps the password: it goes from the field
to the QR code and nowhere else (never to the settings, never to a log)."""

from __future__ import annotations

from app.i18n import translate

WPA = "WPA"  # WPA, WPA2 and WPA3 personal alike
WEP = "WEP"
OPEN = "nopass"
SECURITIES = (WPA, WEP, OPEN)

_SPECIAL = '\\;,:"'


class WifiError(ValueError):
    """What is wrong with the network's details, in words for the user."""


def escape(text: str) -> str:
    return "".join(f"\\{char}" if char in _SPECIAL else char for char in text)


def wifi_qr_text(ssid: str, security: str, password: str, hidden: bool = False) -> str:
    if not ssid:
        raise WifiError(translate("Doctor", "Type the network's name (SSID)."))
    if len(ssid.encode("utf-8")) > 32:
        raise WifiError(translate("Doctor", "A network name has at most 32 bytes."))
    if security not in SECURITIES:
        raise WifiError(translate("Doctor", "Unknown security {security}.").format(
            security=repr(security)))
    parts = [f"T:{security}", f"S:{escape(ssid)}"]
    if security != OPEN:
        if not password:
            raise WifiError(translate("Doctor", "Type the network's password."))
        if security == WPA and not 8 <= len(password) <= 63 and not _is_hex_key(password):
            raise WifiError(translate("Doctor", "A WPA password has 8 to 63 characters."))
        parts.append(f"P:{escape(password)}")
    if hidden:
        parts.append("H:true")
    return "WIFI:" + ";".join(parts) + ";;"


def _is_hex_key(password: str) -> bool:
    return len(password) == 64 and all(c in "0123456789abcdefABCDEF" for c in password)
