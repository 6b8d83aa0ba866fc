"""An iOS configuration profile (.mobileconfig) that installs Pier's local CA as a trusted root.

One `com.apple.security.root` payload carrying the CA certificate (DER). The profile is not
signed (signing would need a certificate the phone already trusts), so iOS shows it as "Not
Verified": the user's check is the CA's fingerprint, compared with the one Pier's window shows.
The PayloadUUIDs and identifiers are derived from the CA's SHA-256 fingerprint, so the same CA
always gives the same profile (installing it again replaces it rather than adding a second
one) and a new CA gives a new one.
"""

from __future__ import annotations

import hashlib
import plistlib
import uuid

from cryptography import x509
from cryptography.x509.oid import NameOID

CONTENT_TYPE = b"application/x-apple-aspen-config"
_NAMESPACE = uuid.uuid5(uuid.NAMESPACE_URL, "urn:pier:ca-profile")


def ca_profile(ca_der: bytes) -> bytes:
    """The profile (an XML property list) that makes ``ca_der`` a trusted root on iOS."""
    digest = hashlib.sha256(ca_der).hexdigest()
    name = ca_name(ca_der)
    identifier = f"pier.ca.{digest[:16]}"
    root = {
        "PayloadCertificateFileName": "pier-ca.crt",
        "PayloadContent": ca_der,
        "PayloadDescription": "Pier's local certificate authority, limited to web servers on "
                              "your local network.",
        "PayloadDisplayName": name,
        "PayloadIdentifier": identifier + ".root",
        "PayloadType": "com.apple.security.root",
        "PayloadUUID": stable_uuid(digest, "root"),
        "PayloadVersion": 1,
    }
    profile = {
        "PayloadContent": [root],
        "PayloadDescription": "Lets this device open Pier's shares over HTTPS without a "
                              "warning. Unsigned: before trusting it, compare the certificate's "
                              "SHA-256 fingerprint with the one Pier's window shows.",
        "PayloadDisplayName": f"Trust {name}",
        "PayloadIdentifier": identifier,
        "PayloadOrganization": "Pier",
        "PayloadRemovalDisallowed": False,
        "PayloadType": "Configuration",
        "PayloadUUID": stable_uuid(digest, "profile"),
        "PayloadVersion": 1,
    }
    return plistlib.dumps(profile, fmt=plistlib.FMT_XML, sort_keys=True)


def stable_uuid(digest: str, role: str) -> str:
    """The same UUID for the same CA fingerprint and payload role, every time."""
    return str(uuid.uuid5(_NAMESPACE, f"{digest}/{role}")).upper()


def ca_name(ca_der: bytes) -> str:
    """The CA's common name ("Pier local CA ..."), or "Pier local CA" when it has none."""
    names = x509.load_der_x509_certificate(ca_der).subject.get_attributes_for_oid(
        NameOID.COMMON_NAME)
    value = names[0].value if names else ""
    text = value.decode("utf-8", "replace") if isinstance(value, bytes) else value
    return text or "Pier local CA"
