"""Pier's local certificate authority: the CA certificate, the server certificates it signs, and
whether an existing CA is restricted to what Pier needs.

A CA made here may only vouch for web servers (extended key usage serverAuth, which OpenSSL,
Windows and the ``cryptography`` verifier apply to everything the CA signs) with local names
(RFC 5280 name constraints, critical):

- DNS names under ``PERMITTED_DOMAINS`` and addresses in ``PERMITTED_NETWORKS``, plus the
  machine's own names and addresses recorded when the CA is made;
- e-mail addresses (rfc822Name, which OpenSSL also applies to SmtpUTF8Mailbox names and to the
  subject's emailAddress) and URIs only at the host ``invalid``, which can never exist (RFC 6761).
  A permitted subtree is used because RFC 5280 has no excluded form for "every address":
  OpenSSL reads an empty excluded rfc822Name as excluding nothing, Chromium as everything.

CAs made before these restrictions (no extended key usage) can sign S/MIME or code-signing
certificates that devices trusting them accept; ``ca_is_restricted`` tells them apart. They
cannot be fixed in place, only replaced (``CertificateStore.replace_ca``).
"""

from __future__ import annotations

import contextlib
import ipaddress
import re
import secrets
from collections.abc import Iterable, Sequence
from datetime import UTC, datetime, timedelta

from cryptography import x509
from cryptography.hazmat.primitives import hashes, serialization
from cryptography.hazmat.primitives.asymmetric import ec, rsa
from cryptography.x509.oid import ExtendedKeyUsageOID, NameOID

from server.cert_check import Name, PrivateKey
from server.errors import CertificateError
from server.urls import host_names, lan_ipv4_addresses

CA_VALIDITY = timedelta(days=3650)
LEAF_VALIDITY = timedelta(days=397)          # the most Apple and browsers accept for a leaf
BACKDATE = timedelta(hours=1)                # tolerate clients whose clock is a little behind
CA_RSA_BITS = 3072
LEAF_RSA_BITS = 2048

# The local CA may only vouch for these, plus the machine's own host name and any of its
# addresses outside these ranges, recorded when the CA is made.
PERMITTED_NETWORKS = tuple(ipaddress.ip_network(net) for net in (
    "10.0.0.0/8", "172.16.0.0/12", "192.168.0.0/16", "127.0.0.0/8", "169.254.0.0/16",
    "::1/128", "fc00::/7", "fe80::/10",
))
# "home.arpa" (RFC 8375) and "internal" are reserved for private networks, like "local".
PERMITTED_DOMAINS = ("localhost", "local", "home.arpa", "internal")
# The only host e-mail addresses and URIs signed by the CA may name: reserved, never resolves.
NOWHERE = "invalid"
_NOWHERE_KINDS = (x509.RFC822Name, x509.UniformResourceIdentifier)
_LABEL = re.compile(r"^[a-z0-9_]([a-z0-9_-]{0,61}[a-z0-9_])?$")


# --- the machine's names ---------------------------------------------------------------------

def current_host_names() -> list[str]:
    """The names a client may use for this machine: host name, NAME.local, localhost."""
    names = []
    for name in [*host_names(), "localhost"]:
        with contextlib.suppress(CertificateError):
            names.append(normalise_dns_name(name))
    return list(dict.fromkeys(names))


def current_ip_addresses() -> list[str]:
    """127.0.0.1, ::1 and every LAN IPv4 address of the machine.

    Global IPv6 addresses are left out on purpose: temporary (privacy) addresses change daily and
    would re-issue the certificate again and again."""
    return list(dict.fromkeys(["127.0.0.1", "::1", *lan_ipv4_addresses()]))


def normalise_dns_name(name: str) -> str:
    """Lower-case A-label form of a host name; CertificateError if it cannot be one."""
    cleaned = name.strip().rstrip(".").lower()
    if cleaned.startswith("*."):
        raise CertificateError(f"Wildcard names such as {name!r} are not supported; "
                               "add each host name on its own.")
    try:
        ascii_name = cleaned.encode("idna").decode("ascii")
    except UnicodeError:
        raise CertificateError(f"{name!r} is not a valid host name or IP address.") from None
    if not ascii_name or len(ascii_name) > 253 or not all(
            _LABEL.match(label) for label in ascii_name.split(".")):
        raise CertificateError(f"{name!r} is not a valid host name or IP address.")
    return ascii_name


def parse_name(name: str) -> Name:
    """An IP address if ``name`` parses as one, else a DNS name."""
    try:
        return x509.IPAddress(ipaddress.ip_address(name.strip().strip("[]")))
    except ValueError:
        return x509.DNSName(normalise_dns_name(name))


def wanted_names(extra_names: Iterable[str] = ()) -> list[Name]:
    """The SAN a generated server certificate should hold, in order, without duplicates."""
    names: list[Name] = [x509.DNSName(n) for n in current_host_names()]
    names += [x509.IPAddress(ipaddress.ip_address(a)) for a in current_ip_addresses()]
    names += [parse_name(n) for n in extra_names]
    return list(dict.fromkeys(names))


def machine_label() -> str:
    """How certificates name this machine: its host name, or "this computer"."""
    names = current_host_names()
    return names[0] if names and names[0] != "localhost" else "this computer"


# --- what a CA may vouch for ------------------------------------------------------------------

def permitted_by(ca: x509.Certificate, name: Name) -> bool:
    """Whether ``name`` lies inside the CA's permitted name-constraint subtrees."""
    try:
        constraints = ca.extensions.get_extension_for_class(x509.NameConstraints).value
    except x509.ExtensionNotFound:
        return True
    subtrees = [s for s in constraints.permitted_subtrees or () if type(s) is type(name)]
    if not subtrees:
        return True
    if isinstance(name, x509.IPAddress):
        networks = [s.value for s in subtrees if isinstance(s, x509.IPAddress)
                    and isinstance(s.value, ipaddress.IPv4Network | ipaddress.IPv6Network)]
        return any(name.value in network for network in networks)
    domains = [s.value for s in subtrees if isinstance(s, x509.DNSName)]
    return any(name.value == domain or name.value.endswith("." + domain) for domain in domains)


def ca_is_restricted(ca: x509.Certificate) -> bool:
    """Whether ``ca`` can vouch only for web servers with local names, as CAs made now can.

    False for a CA without an extended key usage of exactly serverAuth (it can sign e-mail,
    code-signing or client certificates), or whose critical name constraints do not keep
    DNS names, addresses, e-mail addresses and URIs in check."""
    try:
        usages = ca.extensions.get_extension_for_class(x509.ExtendedKeyUsage).value
        constraints = ca.extensions.get_extension_for_class(x509.NameConstraints)
    except x509.ExtensionNotFound:
        return False
    if set(usages) != {ExtendedKeyUsageOID.SERVER_AUTH} or not constraints.critical:
        return False
    permitted = constraints.value.permitted_subtrees or []
    if not {x509.DNSName, x509.IPAddress, *_NOWHERE_KINDS} <= {type(s) for s in permitted}:
        return False
    return all(s.value == NOWHERE for s in permitted if isinstance(s, _NOWHERE_KINDS))


# --- making keys and certificates --------------------------------------------------------------

def new_key(use_rsa: bool, rsa_bits: int) -> PrivateKey:
    if use_rsa:
        return rsa.generate_private_key(public_exponent=65537, key_size=rsa_bits)
    return ec.generate_private_key(ec.SECP256R1())


def key_pem(key: PrivateKey) -> bytes:
    return key.private_bytes(serialization.Encoding.PEM, serialization.PrivateFormat.PKCS8,
                             serialization.NoEncryption())


def cert_pem(*certs: x509.Certificate) -> bytes:
    return b"".join(c.public_bytes(serialization.Encoding.PEM) for c in certs)


def _subject(common: str, unit: str) -> x509.Name:
    return x509.Name([
        x509.NameAttribute(NameOID.ORGANIZATION_NAME, "Pier"),
        x509.NameAttribute(NameOID.ORGANIZATIONAL_UNIT_NAME, unit),
        x509.NameAttribute(NameOID.COMMON_NAME, common[:64]),
    ])


def ca_constraints(extra_names: Iterable[Name] = ()) -> x509.NameConstraints:
    """Private ranges and local names, plus any of ``extra_names`` outside them; e-mail
    addresses and URIs only at ``NOWHERE``."""
    networks: list[ipaddress.IPv4Network | ipaddress.IPv6Network] = list(PERMITTED_NETWORKS)
    domains = list(PERMITTED_DOMAINS)
    for name in extra_names:
        if isinstance(name, x509.IPAddress):
            if not any(name.value in net for net in networks):
                networks.append(ipaddress.ip_network(name.value))
        elif not any(name.value == d or name.value.endswith("." + d) for d in domains):
            domains.append(name.value)
    subtrees: list[x509.GeneralName] = [x509.DNSName(d) for d in domains]
    subtrees += [x509.IPAddress(net) for net in networks]
    subtrees += [kind(NOWHERE) for kind in _NOWHERE_KINDS]
    return x509.NameConstraints(permitted_subtrees=subtrees, excluded_subtrees=None)


def make_ca(key: PrivateKey, constraints: x509.NameConstraints, *,
            label: str = "this computer") -> x509.Certificate:
    """A CA for web servers only (serverAuth), limited to ``constraints``; ``label`` names the
    machine in its common name."""
    start = datetime.now(UTC) - BACKDATE
    name = _subject(f"Pier local CA {label} {secrets.token_hex(3)}", "Local CA")
    return (
        x509.CertificateBuilder()
        .subject_name(name).issuer_name(name)
        .public_key(key.public_key())
        .serial_number(x509.random_serial_number())
        .not_valid_before(start).not_valid_after(start + CA_VALIDITY)
        .add_extension(x509.BasicConstraints(ca=True, path_length=0), critical=True)
        .add_extension(_key_usage(cert_sign=True), critical=True)
        .add_extension(x509.ExtendedKeyUsage([ExtendedKeyUsageOID.SERVER_AUTH]), critical=False)
        .add_extension(x509.SubjectKeyIdentifier.from_public_key(key.public_key()), critical=False)
        .add_extension(constraints, critical=True)
        .sign(key, hashes.SHA256())
    )


def make_server_cert(key: PrivateKey, names: Sequence[Name], issuer: x509.Certificate | None,
                     issuer_key: PrivateKey | None, *,
                     label: str = "this computer") -> x509.Certificate:
    """A leaf for ``names`` signed by ``issuer``; self-signed when ``issuer`` is None."""
    start = datetime.now(UTC) - BACKDATE
    end = start + LEAF_VALIDITY
    subject = _subject(label, "Server")
    signer, issuer_name, authority = key, subject, key.public_key()
    if issuer is not None and issuer_key is not None:
        signer, issuer_name, authority = issuer_key, issuer.subject, issuer_key.public_key()
        end = min(end, issuer.not_valid_after_utc)
    return (
        x509.CertificateBuilder()
        .subject_name(subject).issuer_name(issuer_name)
        .public_key(key.public_key())
        .serial_number(x509.random_serial_number())
        .not_valid_before(start).not_valid_after(end)
        .add_extension(x509.BasicConstraints(ca=False, path_length=None), critical=True)
        .add_extension(_key_usage(key_encipherment=isinstance(key, rsa.RSAPrivateKey)),
                       critical=True)
        .add_extension(x509.ExtendedKeyUsage([ExtendedKeyUsageOID.SERVER_AUTH]), critical=False)
        .add_extension(x509.SubjectAlternativeName(list(names)), critical=False)
        .add_extension(x509.SubjectKeyIdentifier.from_public_key(key.public_key()), critical=False)
        .add_extension(x509.AuthorityKeyIdentifier.from_issuer_public_key(authority),
                       critical=False)
        .sign(signer, hashes.SHA256())
    )


def _key_usage(*, cert_sign: bool = False, key_encipherment: bool = False) -> x509.KeyUsage:
    return x509.KeyUsage(
        digital_signature=not cert_sign, content_commitment=False,
        key_encipherment=key_encipherment, data_encipherment=False, key_agreement=False,
        key_cert_sign=cert_sign, crl_sign=cert_sign, encipher_only=False, decipher_only=False,
    )
