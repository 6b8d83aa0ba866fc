"""server/ca.py: names a certificate may hold, what the local CA may vouch for, and the CA and
server certificates it makes (real keys; over real TLS: test_tls.py, by attack:
tests/security/test_ca_restricted.py)."""

from __future__ import annotations

import ipaddress
from datetime import UTC, datetime

import pytest
from cryptography import x509
from cryptography.x509.oid import ExtendedKeyUsageOID

from server.ca import (
    LEAF_VALIDITY,
    NOWHERE,
    ca_constraints,
    ca_is_restricted,
    current_ip_addresses,
    machine_label,
    make_ca,
    make_server_cert,
    new_key,
    normalise_dns_name,
    parse_name,
    permitted_by,
    wanted_names,
)
from server.cert_check import is_ca, issued_by, key_matches, subject_alt_names
from server.errors import CertificateError


@pytest.fixture(scope="module")
def ca_key():
    return new_key(False, 0)


@pytest.fixture(scope="module")
def ca(ca_key) -> x509.Certificate:
    return make_ca(ca_key, ca_constraints([x509.DNSName("nas.example"),
                                           x509.IPAddress(ipaddress.ip_address("203.0.113.5"))]),
                   label="laptop")


def dns(name: str) -> x509.DNSName:
    return x509.DNSName(name)


def ip(address: str) -> x509.IPAddress:
    return x509.IPAddress(ipaddress.ip_address(address))


@pytest.mark.parametrize(("name", "normal"), [
    ("Laptop.Local.", "laptop.local"), ("  nas  ", "nas"), ("bücher.home.arpa",
                                                             "xn--bcher-kva.home.arpa"),
    ("under_score.lan", "under_score.lan"),
])
def test_dns_names_are_lower_case_a_labels(name, normal):
    assert normalise_dns_name(name) == normal


@pytest.mark.parametrize(("name", "message"), [
    ("*.example.com", "Wildcard"), ("", "not a valid"), ("a..b", "not a valid"),
    ("-dash.lan", "not a valid"), ("a" * 64 + ".lan", "not a valid"), ("has space", "not a valid"),
])
def test_names_that_cannot_be_in_a_certificate_are_refused(name, message):
    with pytest.raises(CertificateError, match=message):
        normalise_dns_name(name)


def test_parse_name_tells_addresses_from_host_names():
    assert parse_name("192.168.1.7") == ip("192.168.1.7")
    assert parse_name("[::1]") == ip("::1")
    assert parse_name("NAS.lan") == dns("nas.lan")


def test_wanted_names_hold_the_machine_and_the_extras_once():
    names = wanted_names(["nas.lan", "127.0.0.1", "NAS.lan"])
    assert dns("localhost") in names and ip("127.0.0.1") in names and ip("::1") in names
    assert names.count(dns("nas.lan")) == 1 and names.count(ip("127.0.0.1")) == 1
    assert {"127.0.0.1", "::1"} <= set(current_ip_addresses())
    assert machine_label() and machine_label() != "localhost"


def test_a_new_ca_vouches_only_for_local_names_and_its_extras(ca):
    for name in (dns("localhost"), dns("laptop.local"), dns("nas.home.arpa"),
                 dns("nas.example"), ip("192.168.1.7"), ip("fd00::1"), ip("203.0.113.5")):
        assert permitted_by(ca, name), name
    for name in (dns("example.com"), dns("evil-local"), dns("xnas.example"), ip("8.8.8.8"),
                 ip("2001:db8::1")):
        assert not permitted_by(ca, name), name


def test_extras_inside_the_permitted_ranges_add_no_subtree():
    plain = ca_constraints()
    same = ca_constraints([dns("nas.local"), ip("192.168.1.7")])
    assert plain.permitted_subtrees == same.permitted_subtrees


def test_a_new_ca_is_restricted_to_web_servers(ca):
    assert is_ca(ca) and ca_is_restricted(ca)
    usages = ca.extensions.get_extension_for_class(x509.ExtendedKeyUsage).value
    assert list(usages) == [ExtendedKeyUsageOID.SERVER_AUTH]
    constraints = ca.extensions.get_extension_for_class(x509.NameConstraints)
    nowhere = [s for s in constraints.value.permitted_subtrees
               if isinstance(s, x509.RFC822Name | x509.UniformResourceIdentifier)]
    assert constraints.critical and {s.value for s in nowhere} == {NOWHERE}
    assert "laptop" in ca.subject.rfc4514_string()


def test_a_leaf_signed_by_a_restricted_ca_is_not_a_restricted_ca(ca, ca_key):
    key = new_key(False, 0)
    leaf = make_server_cert(key, [dns("nas.local")], ca, ca_key)
    assert not is_ca(leaf) and not ca_is_restricted(leaf)
    assert permitted_by(leaf, dns("anything.example"))  # no constraints of its own


def test_a_server_certificate_is_signed_for_its_names_and_no_longer_than_allowed(ca, ca_key):
    key = new_key(False, 0)
    names = [dns("nas.local"), ip("192.168.1.7")]
    leaf = make_server_cert(key, names, ca, ca_key, label="nas")
    assert issued_by(leaf, ca) and key_matches(leaf, key)
    assert subject_alt_names(leaf) == names
    assert leaf.not_valid_after_utc - leaf.not_valid_before_utc <= LEAF_VALIDITY
    assert leaf.not_valid_before_utc < datetime.now(UTC)  # backdated for slow client clocks


def test_a_self_signed_server_certificate_signs_itself():
    key = new_key(False, 0)
    leaf = make_server_cert(key, [dns("localhost")], None, None)
    assert leaf.issuer == leaf.subject and issued_by(leaf, leaf)


def test_rsa_keys_may_encipher():
    key = new_key(True, 2048)
    leaf = make_server_cert(key, [dns("localhost")], None, None)
    usage = leaf.extensions.get_extension_for_class(x509.KeyUsage).value
    assert usage.key_encipherment and usage.digital_signature and not usage.key_cert_sign
