"""The certificate dialog's longer texts, translated when asked for (not at import, before the
window's translator is installed)."""

from __future__ import annotations

from datetime import datetime

from app.i18n import translate
from server.tls import CertificateInfo


def cert_filters() -> str:
    return translate("CertificateDialog", "Certificates (*.pem *.crt *.cer);;All files (*)")


def key_filters() -> str:
    return translate("CertificateDialog", "Private keys (*.key *.pem);;All files (*)")


def export_filters() -> str:
    return translate("CertificateDialog",
                     "PEM certificate (*.crt *.pem);;DER certificate (*.der *.cer)")


def trust_again() -> str:
    return translate("CertificateDialog", "Devices that already trust Pier will show a warning "
                                          "again until they trust the new certificate. Continue?")


def unrestricted_ca() -> str:
    return translate("CertificateDialog", "<b>Pier's certificate authority is not limited to web "
                                          "servers.</b> An older Pier made it: anyone who got hold "
                                          "of its key could make e-mail (S/MIME) or code-signing "
                                          "certificates that every device trusting it accepts. It "
                                          "cannot be fixed in place; replace it, then let each "
                                          "device trust the new one.")


def replace_ca(old: str, url: str) -> str:
    return translate(
        "CertificateDialog",
        "Pier makes a new certificate authority, limited to web servers on your local network, "
        "and destroys the old one's key.\n\n"
        "Every device that trusts the old one must trust the new one again. On each device:\n"
        "1. Remove the old certificate “{old}”.\n"
        "2. Install the new one: scan the code in this dialog while sharing with HTTPS, open "
        "{url} on the device and follow its steps, or copy the file “Export CA certificate…” "
        "saves.\n"
        "Until then the device warns about Pier's certificate.\n\n"
        "A share running with HTTPS uses the new certificate at once."
    ).format(old=old, url=url)


def compare_hint() -> str:
    return translate("CertificateDialog", "Compare with the SHA-256 fingerprint the phone shows "
                                          "for the installed certificate: every pair must match. "
                                          "Never trust a fingerprint a web page shows.")


def loopback_note() -> str:
    return translate("CertificateDialog", "<br>This address works on this computer only: choose "
                                          "the local network address in Pier's window for a "
                                          "phone.")


def format_validity(info: CertificateInfo) -> str:
    def day(moment: datetime) -> str:
        return moment.astimezone().strftime("%Y-%m-%d")
    return translate("CertificateDialog", "{start} to {end}").format(
        start=day(info.not_before), end=day(info.not_after))
