"""server/passwords_hash.py: self-describing Argon2id and scrypt hashes, and Digest HA1 values."""

from __future__ import annotations

import hashlib
import re
import time

import pytest

from server.passwords_hash import (
    DIGEST_ALGORITHMS,
    HashParams,
    PasswordHasher,
    argon2_available,
    digest_ha1,
)

FAST = HashParams(argon2_memory_kib=64, argon2_iterations=1, scrypt_log2_n=10)
needs_argon2 = pytest.mark.skipif(not argon2_available(), reason="no Argon2id in this OpenSSL")


@needs_argon2
def test_owasp_argon2id_hash_and_verify_cost():
    hasher = PasswordHasher()
    encoded = hasher.hash("correct horse")
    assert encoded.startswith("$argon2id$v=19$m=19456,t=2,p=1$")
    started = time.perf_counter()
    assert hasher.verify("correct horse", encoded)
    cost = time.perf_counter() - started
    print(f"\none Argon2id verify (m=19456,t=2,p=1): {cost * 1000:.1f} ms")
    assert not hasher.verify("wrong", encoded)
    assert not hasher.verify("x", "$argon2id$garbage")
    assert not hasher.needs_rehash(encoded)


def test_scrypt_fallback_is_self_describing_and_upgraded_when_argon2_returns():
    scrypt = PasswordHasher(FAST, use_argon2=False)
    encoded = scrypt.hash("pw:with:colons")
    assert re.fullmatch(r"\$scrypt\$ln=10,r=8,p=1\$[A-Za-z0-9+/]+\$[A-Za-z0-9+/]+", encoded)
    assert scrypt.verify("pw:with:colons", encoded) and not scrypt.verify("pw", encoded)
    assert not scrypt.needs_rehash(encoded)
    assert PasswordHasher(HashParams(scrypt_log2_n=17), use_argon2=False).needs_rehash(encoded)
    assert PasswordHasher(FAST, use_argon2=True).needs_rehash(encoded)  # move to Argon2id


def test_each_hash_has_its_own_salt():
    hasher = PasswordHasher(FAST, use_argon2=False)
    first, second = hasher.hash("same"), hasher.hash("same")
    assert first != second
    assert hasher.verify("same", first) and hasher.verify("same", second)


def test_a_hash_verifies_with_the_parameters_it_carries_not_the_hashers():
    old = PasswordHasher(HashParams(scrypt_log2_n=11), use_argon2=False).hash("pw")
    assert PasswordHasher(FAST, use_argon2=False).verify("pw", old)


@needs_argon2
def test_weaker_argon2_parameters_need_a_rehash():
    weak = PasswordHasher(FAST).hash("pw")
    assert PasswordHasher(FAST).verify("pw", weak)
    assert not PasswordHasher(FAST).needs_rehash(weak)
    assert PasswordHasher(HashParams(argon2_memory_kib=128, argon2_iterations=1)).needs_rehash(weak)
    assert PasswordHasher(FAST, use_argon2=False).needs_rehash(weak)  # another kind


@pytest.mark.parametrize("encoded", ["", "plain text", "$scrypt$ln=10$short", "$md5$abc$def",
                                     "$scrypt$ln=10,r=8,p=1$AAAA$!!!!"])
def test_unusable_hashes_never_verify_and_always_need_a_rehash(encoded):
    hasher = PasswordHasher(FAST, use_argon2=False)
    assert not hasher.verify("anything", encoded)
    assert hasher.needs_rehash(encoded)


def test_the_dummy_hash_is_made_once_with_the_current_parameters():
    hasher = PasswordHasher(FAST, use_argon2=False)
    dummy = hasher.dummy_hash()
    assert dummy is hasher.dummy_hash()
    assert dummy.startswith("$scrypt$ln=10,") and not hasher.needs_rehash(dummy)


def test_digest_ha1_is_the_hex_hash_of_name_realm_and_password_in_utf8():
    md5 = hashlib.md5(b"Mufasa:http-auth@example.org:Circle of Life").hexdigest()
    assert digest_ha1("Mufasa", "http-auth@example.org", "Circle of Life", "MD5") == md5
    sha = hashlib.sha256("José:Pier - files:pâss:word".encode()).hexdigest()
    assert digest_ha1("José", "Pier - files", "pâss:word", "SHA-256") == sha
    assert set(DIGEST_ALGORITHMS) == {"SHA-256", "MD5"}
