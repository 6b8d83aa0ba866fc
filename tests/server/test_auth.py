"""server/auth.py without the network: HTTP Basic and Digest (client responses computed here
from RFC 7616), the verified-credential cache, throttling, expiry and concurrent logins, on a
real UserStore. Over real HTTP: test_auth_http.py. The store itself: test_users.py; hashes:
test_passwords_hash.py."""

from __future__ import annotations

import base64
import hashlib
import os
import re
import threading
import time
import unicodedata
from pathlib import Path

import pytest

from server import throttle
from server.auth import Authenticator, AuthResult
from server.clock import ManualClock
from server.users import HashParams, PasswordHasher, UserStore

REALM = "Pier – Photos"
FAST = HashParams(argon2_memory_kib=64, argon2_iterations=1, scrypt_log2_n=10)
IP = "192.0.2.10"


@pytest.fixture
def store(tmp_path: Path) -> UserStore:
    s = UserStore(tmp_path / "users.toml", hasher=PasswordHasher(FAST))
    s.load()
    return s


def basic(name: str, password: str) -> str:
    return "Basic " + base64.b64encode(f"{name}:{password}".encode()).decode()


def check(a: Authenticator, header: str | None, ip: str = IP, uri: str = "/") -> AuthResult:
    return a.check(header, "GET", uri, ip)


# ---------------------------------------------------------------------------------------------
# Accounts as the authenticator sees them


def test_unicode_names_and_passwords_are_nfc(store):
    decomposed_name = unicodedata.normalize("NFD", "José")
    decomposed_pw = unicodedata.normalize("NFD", "Mañana:çava")
    store.add(decomposed_name, decomposed_pw)
    assert store.get("José").name == "José"
    assert store.get(decomposed_name) is not None
    a = Authenticator(store, REALM)
    assert check(a, basic("José", "Mañana:çava")).outcome == "ok"  # composed forms
    assert check(a, basic(decomposed_name, decomposed_pw)).outcome == "ok"


def test_an_account_expires_by_the_authenticator_clock(store):
    clock = ManualClock()
    store.add("temp", "pw", expires=clock.time() + 60)  # long past by the real clock
    a = Authenticator(store, REALM, clock=clock)
    header = basic("temp", "pw")
    assert check(a, header).outcome == "ok"
    login = a.connection_login(header, store.get("temp"))
    assert login is not None and a.still_valid(login, IP)
    clock.advance(60)
    assert not a.still_valid(login, IP)
    assert check(a, header).outcome == "challenge"  # not from the cache of verified logins


def test_weak_hash_is_upgraded_at_the_next_login(tmp_path):
    path = tmp_path / "users.toml"
    weak = UserStore(path, hasher=PasswordHasher(FAST))
    weak.add("alice", "pw:1")
    strong = UserStore(path, hasher=PasswordHasher())
    strong.load()
    a = Authenticator(strong, REALM)
    version = strong.version
    assert check(a, basic("alice", "pw:1")).outcome == "ok"
    reread = UserStore(path)
    reread.load()
    assert reread.password_hash("alice").startswith("$argon2id$v=19$m=19456,t=2,p=1$")
    assert strong.version == version  # same password: cached logins stay valid
    assert check(a, basic("alice", "pw:1")).outcome == "ok"


# ---------------------------------------------------------------------------------------------
# Basic


def test_basic_good_wrong_unknown_disabled_expired(store):
    store.add("alice", "pa:ss:word")
    store.add("old", "pw", expires=time.time() - 1)
    store.add("off", "pw")
    store.update("off", enabled=False)
    a = Authenticator(store, REALM)
    ok = check(a, basic("alice", "pa:ss:word"))
    assert ok.outcome == "ok" and ok.user.name == "alice"
    refusals = [check(a, basic(n, p), ip=f"198.51.100.{i}") for i, (n, p) in enumerate(
        [("alice", "pa:ss"), ("nobody", "pw"), ("old", "pw"), ("off", "pw")])]
    assert {(r.outcome, r.reason, r.user) for r in refusals} == {
        ("challenge", "invalid credentials", None)}


def test_unknown_user_costs_a_real_verify(store):
    store.add("alice", "pw")
    a = Authenticator(store, REALM)
    before = a.verify_count
    check(a, basic("nobody", "pw"))
    assert a.verify_count == before + 1


@pytest.mark.parametrize("header", [
    "Basic",
    "Basic ",
    "Basic !!!notbase64",
    "Basic " + base64.b64encode(b"no-colon-here").decode(),
    "Basic " + base64.b64encode(b"\xff\xfe:\xff").decode(),
    "Basic " + base64.b64encode(b"alice:pw").decode()[:-2],  # bad padding
    "Basic " + base64.b64encode(b":pw").decode(),  # empty name
    "Basic " + base64.b64encode(b"alice:").decode(),  # empty password
    "Basic " + "QUxJQ0U6cHc=" * 400,  # over 4 KiB
    "Basic é" + "QQ==",
    "Bearer abc",
    "Digest",
    "Digest username=alice",
    'Digest username="unterminated',
    "\x00\x01",
])
def test_malformed_headers_give_a_challenge_never_an_exception(store, header):
    store.add("alice", "pw")
    result = check(Authenticator(store, REALM), header)
    assert result.outcome == "challenge" and result.user is None and result.reason


def test_no_header_is_a_challenge_or_anonymous(store):
    assert check(Authenticator(store, REALM), None).outcome == "challenge"
    assert check(Authenticator(store, REALM), "").outcome == "challenge"
    anon = Authenticator(store, REALM, anonymous_read=True)
    assert check(anon, None) == AuthResult("anonymous")
    assert check(anon, basic("x", "y")).outcome == "challenge"  # a wrong login is not anonymous


def test_challenge_headers(store):
    store.add("alice", "pw")
    a = Authenticator(store, REALM)
    assert a.challenge() == ['Basic realm="Pier – Photos", charset="UTF-8"']
    store.update("alice", digest=True)
    values = a.challenge(stale=True)
    assert len(values) == 2 and values[1].startswith('Digest realm="Pier – Photos", qop="auth"')
    assert "algorithm=SHA-256" in values[1] and "stale=true" in values[1]
    assert re.search(r'nonce="[A-Za-z0-9_=-]{44}", opaque="[0-9a-f]{32}"', values[1])
    store.add("legacy", "pw", digest_md5=True)
    assert [v.split("algorithm=")[1].split(",")[0] for v in a.challenge()[1:]] == [
        "SHA-256", "MD5"]


# ---------------------------------------------------------------------------------------------
# The verified-credential cache


def test_cache_skips_the_slow_verify_and_is_fast(tmp_path):
    s = UserStore(tmp_path / "users.toml")  # real OWASP parameters
    s.add("alice", "correct horse battery")
    a = Authenticator(s, REALM)
    header = basic("alice", "correct horse battery")
    started = time.perf_counter()
    assert check(a, header).outcome == "ok"
    first = time.perf_counter() - started
    verifies = a.verify_count
    started = time.perf_counter()
    for _ in range(10_000):
        result = check(a, header)
    cached = time.perf_counter() - started
    assert result.outcome == "ok" and a.verify_count == verifies
    print(f"\nfirst Basic check: {first * 1000:.1f} ms; 10,000 cached checks: "
          f"{cached * 1000:.0f} ms ({cached / 10_000 * 1e6:.1f} µs each)")
    assert check(a, basic("alice", "wrong")).outcome == "challenge"
    assert a.verify_count == verifies + 1  # a wrong password is never served from the cache


@pytest.mark.parametrize("change", [
    lambda s: s.set_password("alice", "new"),
    lambda s: s.update("alice", enabled=False),
    lambda s: s.remove("alice"),
    lambda s: s.update("alice", expires=time.time() - 1),
])
def test_cache_is_dropped_when_the_account_changes(store, change):
    store.add("alice", "old")
    a = Authenticator(store, REALM)
    assert check(a, basic("alice", "old")).outcome == "ok"
    change(store)
    verifies = a.verify_count
    assert check(a, basic("alice", "old")).outcome == "challenge"
    assert a.verify_count == verifies + 1


def test_without_hashing_only_verified_basic_logins_are_answered(store):
    """The serve thread asks with may_hash=False: a login that needs a password hash is
    deferred, with nothing counted, and answered once a worker has verified it."""
    store.add("alice", "secret")
    a = Authenticator(store, REALM)
    header = basic("alice", "secret")

    def quick(value: str | None) -> str:
        return a.check(value, "GET", "/", IP, may_hash=False).outcome

    verifies = a.verify_count
    assert quick(header) == "deferred"
    assert quick(basic("alice", "wrong")) == "deferred"
    assert a.verify_count == verifies and not a.lockouts()
    assert quick(None) == "challenge"
    assert check(a, header).outcome == "ok"
    assert quick(header) == "ok"
    assert quick("  basic " + header.split(" ", 1)[1] + " ") == "ok"
    store.set_password("alice", "changed")
    assert quick(header) == "deferred"  # the account changed: verify again
    assert a.verify_count == verifies + 1


def test_cache_holds_no_plaintext(store):
    store.add("alice", "very-secret-password")
    a = Authenticator(store, REALM)
    check(a, basic("alice", "very-secret-password"))
    for key, value in a._cache.items():
        assert b"very-secret" not in key and "very-secret" not in repr(value)


def test_changes_by_another_process_are_seen(store, tmp_path):
    store.add("alice", "pw")
    a = Authenticator(store, REALM)
    assert check(a, basic("alice", "pw")).outcome == "ok"
    other = UserStore(tmp_path / "users.toml", hasher=PasswordHasher(FAST))
    other.load()
    other.update("alice", enabled=False)
    a._next_reload = 0.0  # instead of waiting a second
    assert check(a, basic("alice", "pw")).outcome == "challenge"


# ---------------------------------------------------------------------------------------------
# Digest (client side computed here, per RFC 7616 section 3.4.1)


def h(algorithm: str, text: str) -> str:
    return hashlib.new("sha256" if algorithm == "SHA-256" else "md5", text.encode()).hexdigest()


def nonce_from(challenge: str) -> str:
    return re.search(r'nonce="([^"]+)"', challenge).group(1)


def digest_header(a: Authenticator, name: str, password: str, *, uri: str = "/docs/a%20b.txt",
                  method: str = "GET", algorithm: str = "SHA-256", nonce: str | None = None,
                  nc: int = 1, realm: str = REALM, name_param: str | None = None) -> str:
    if nonce is None:
        offered = [c for c in a.challenge() if f"algorithm={algorithm}," in c]
        nonce = nonce_from(offered[0])
    cnonce = "0a4f113b"
    ha1 = h(algorithm, f"{name}:{realm}:{password}")
    ha2 = h(algorithm, f"{method}:{uri}")
    response = h(algorithm, f"{ha1}:{nonce}:{nc:08x}:{cnonce}:auth:{ha2}")
    user = name_param or f'username="{name}"'
    return (f'Digest {user}, realm="{realm}", nonce="{nonce}", uri="{uri}", '
            f'algorithm={algorithm}, response="{response}", qop=auth, nc={nc:08x}, '
            f'cnonce="{cnonce}", opaque="whatever"')


def digest_check(a: Authenticator, header: str, uri: str = "/docs/a%20b.txt",
                 method: str = "GET") -> AuthResult:
    # Header values reach the handler decoded as Latin-1, as http11 does.
    return a.check(header.encode("utf-8").decode("latin-1"), method, uri, IP)


@pytest.mark.parametrize("algorithm", ["SHA-256", "MD5"])
def test_digest_accepts_a_correct_response(store, algorithm):
    a = Authenticator(store, REALM)
    store.add("alice", "pa:ss", digest=True, digest_md5=algorithm == "MD5")
    result = digest_check(a, digest_header(a, "alice", "pa:ss", algorithm=algorithm))
    assert result.outcome == "ok" and result.user.name == "alice"
    assert digest_check(a, digest_header(a, "alice", "wrong", algorithm=algorithm)).outcome == \
        "challenge"


def test_digest_unicode_user_with_username_star(store):
    a = Authenticator(store, REALM)
    store.add("José", "ñ", digest=True)
    star = "username*=UTF-8''Jos%C3%A9"
    assert digest_check(a, digest_header(a, "José", "ñ", name_param=star)).outcome == "ok"
    assert digest_check(a, digest_header(a, "José", "ñ")).outcome == "ok"  # raw UTF-8 too


def test_md5_only_for_users_who_opted_in(store):
    a = Authenticator(store, REALM)
    store.add("alice", "pw", digest=True)
    store.add("legacy", "pw", digest_md5=True)
    md5_nonce = nonce_from(a.challenge()[-1])
    assert digest_check(a, digest_header(a, "alice", "pw", algorithm="MD5",
                                         nonce=md5_nonce)).outcome == "challenge"
    assert digest_check(a, digest_header(a, "legacy", "pw", algorithm="MD5",
                                         nonce=md5_nonce)).outcome == "ok"


def test_digest_refuses_replay_wrong_uri_realm_and_non_digest_users(store):
    a = Authenticator(store, REALM)
    store.add("alice", "pw", digest=True)
    store.add("basic-only", "pw")
    header = digest_header(a, "alice", "pw")
    assert digest_check(a, header).outcome == "ok"
    assert digest_check(a, header).outcome == "challenge"  # same nc again: replay
    nonce = nonce_from(header)
    assert digest_check(a, digest_header(a, "alice", "pw", nonce=nonce, nc=3)).outcome == "ok"
    assert digest_check(a, digest_header(a, "alice", "pw", nonce=nonce, nc=2)).outcome == \
        "challenge"
    assert digest_check(a, digest_header(a, "alice", "pw"), uri="/other").outcome == "challenge"
    assert digest_check(a, digest_header(a, "alice", "pw", realm="Other")).outcome == "challenge"
    assert digest_check(a, digest_header(a, "alice", "pw"), method="PUT").outcome == "challenge"
    assert [lock.key for lock in a.lockouts()] == [IP]  # five failures from this IP
    a.release(IP)
    assert digest_check(a, digest_header(a, "basic-only", "pw")).outcome == "challenge"
    forged = digest_header(a, "alice", "pw", nonce="A" * 44)
    assert digest_check(a, forged).outcome == "challenge"


def test_stale_nonce_asks_again_with_stale_true(store):
    clock = ManualClock()
    a = Authenticator(store, REALM, clock=clock)
    store.add("alice", "pw", digest=True)
    header = digest_header(a, "alice", "pw")
    clock.advance(301)  # past the nonce lifetime
    result = digest_check(a, header)
    assert (result.outcome, result.stale) == ("challenge", True)
    assert a.lockouts() == []  # not a failure


def test_digest_ha1_needs_the_realm_and_is_filled_in_by_a_basic_login(store, tmp_path):
    store.add("alice", "pw", digest=True)  # e.g. by the CLI, before any server ran
    assert store.digest_secret("alice", REALM, "SHA-256") is None
    a = Authenticator(store, REALM)
    assert digest_check(a, digest_header(a, "alice", "pw")).outcome == "challenge"
    assert check(a, basic("alice", "pw")).outcome == "ok"
    assert store.digest_secret("alice", REALM, "SHA-256") == h("SHA-256", f"alice:{REALM}:pw")
    assert digest_check(a, digest_header(a, "alice", "pw")).outcome == "ok"
    store.set_password("alice", "new")  # the realm is remembered: HA1 follows the password
    assert digest_check(a, digest_header(a, "alice", "new")).outcome == "ok"
    store.update("alice", digest=False)
    assert "ha1" not in (tmp_path / "users.toml").read_text()


# ---------------------------------------------------------------------------------------------
# Throttling


def test_throttling_per_ip_and_release(store):
    store.add("alice", "pw")
    a = Authenticator(store, REALM)
    for i in range(5):
        assert check(a, basic(f"guess{i}", "x")).outcome == "challenge"
    verifies = a.verify_count
    result = check(a, basic("alice", "pw"))
    assert result.outcome == "throttled" and result.retry_after >= 1
    assert a.verify_count == verifies  # a throttled request verifies nothing
    assert check(a, basic("alice", "pw"), ip="192.0.2.99").outcome == "ok"  # other IP
    [lock] = a.lockouts()
    assert (lock.key, lock.kind, lock.subject, lock.failures) == (IP, "ip", IP, 5)
    assert lock.address == IP and lock.until > time.time()
    a.release(IP)
    assert a.lockouts() == []
    assert check(a, basic("alice", "pw")).outcome == "ok"


def test_guesses_from_other_addresses_never_lock_the_owner_out(store):
    """Security finding 9: wrong passwords for alice from elsewhere lock those addresses, not
    alice at her own address."""
    store.add("alice", "pw")
    clock = ManualClock()
    a = Authenticator(store, REALM, clock=clock)
    for i in range(40):
        check(a, basic("alice", f"bad{i}"), ip=f"203.0.113.{i % 8}")
    assert {lock.address for lock in a.lockouts()} == {f"203.0.113.{i}" for i in range(8)}
    assert check(a, basic("alice", "pw"), ip="192.0.2.1").outcome == "ok"
    assert check(a, basic("alice", "pw"), ip="203.0.113.3").outcome == "throttled"


def test_throttling_per_account_at_an_address_with_exponential_back_off(store):
    store.add("alice", "pw")
    clock = ManualClock()
    a = Authenticator(store, REALM, clock=clock)
    waits = []
    for i in range(8):
        result = check(a, basic("alice", "bad"))
        assert result.outcome == "challenge"
        waits.append(a._throttle.retry_after(IP, "alice", clock.monotonic()))
        if i < 7:
            clock.advance(waits[-1])  # wait out each lock but the last
    assert waits == [0, 0, 0, 0, 1, 2, 4, 8]
    verifies = a.verify_count
    result = check(a, basic("alice", "pw"))  # even the right password
    assert (result.outcome, result.retry_after, a.verify_count) == ("throttled", 8, verifies)
    locks = a.lockouts()
    assert [(lock.key, lock.kind, lock.subject, lock.address) for lock in locks] == [
        (IP, "ip", IP, IP), (f"user:alice@{IP}", "user", "alice", IP)]
    clock.advance(8)
    assert check(a, basic("alice", "pw")).outcome == "ok"
    assert a._throttle.retry_after(IP, "alice", clock.monotonic()) == 0
    assert f"user:alice@{IP}" not in a._throttle.entries  # success resets the pair ...
    assert a._throttle.entries[IP].count == 8  # ... but not the address


def test_a_known_password_does_not_wipe_out_guesses_at_other_accounts(store):
    store.add("mallory", "mine")
    store.add("alice", "pw")
    clock = ManualClock()
    a = Authenticator(store, REALM, clock=clock)
    for i in range(4):
        assert check(a, basic("alice", f"bad{i}")).outcome == "challenge"
        assert check(a, basic("mallory", "mine")).outcome == "ok"
    assert check(a, basic("alice", "bad")).outcome == "challenge"
    assert check(a, basic("alice", "pw")).outcome == "throttled"
    assert check(a, basic("mallory", "mine")).outcome == "throttled"  # the address is locked


def test_a_kept_login_holds_against_guesses_from_elsewhere(store):
    store.add("alice", "pw")
    clock = ManualClock()
    a = Authenticator(store, REALM, clock=clock)
    header = basic("alice", "pw")
    assert check(a, header).outcome == "ok"
    login = a.connection_login(header, store.get("alice"))
    assert login is not None
    for i in range(20):
        check(a, basic("alice", "bad"), ip=f"198.51.100.{i % 4}")
    assert a.still_valid(login, IP)
    assert check(a, header).outcome == "ok"  # from the verified-login cache
    assert check(a, header, ip="198.51.100.1").outcome == "throttled"
    for _ in range(5):
        check(a, basic("alice", "bad"))
    assert not a.still_valid(login, IP)


def test_release_takes_what_lockouts_gives_and_the_old_user_form(store):
    clock = ManualClock()
    a = Authenticator(store, REALM, clock=clock)
    for ip in ("198.51.100.1", "198.51.100.2"):
        for _ in range(5):
            check(a, basic("bob@example.com", "bad"), ip=ip)
    keys = [lock.key for lock in a.lockouts()]
    assert keys == ["198.51.100.1", "198.51.100.2", "user:bob@example.com@198.51.100.1",
                    "user:bob@example.com@198.51.100.2"]
    a.release("198.51.100.1")  # an address, with the accounts locked at it
    assert [lock.key for lock in a.lockouts()] == keys[1::2]
    a.release("user:bob@example.com")  # every address
    assert [lock.key for lock in a.lockouts()] == ["198.51.100.2"]
    for _ in range(5):
        check(a, basic("carol", "bad"), ip="198.51.100.3")
    a.release("user:carol@198.51.100.3")  # just the pair: the address stays locked
    assert [lock.key for lock in a.lockouts()] == ["198.51.100.2", "198.51.100.3"]


def test_back_off_is_capped_at_fifteen_minutes(store):
    clock = ManualClock(0.0)
    a = Authenticator(store, REALM, clock=clock)
    for _ in range(30):
        clock.advance(a._throttle.retry_after(IP, None, clock.monotonic()))
        check(a, basic("nobody", "x"))
    assert a._throttle.retry_after(IP, "nobody", clock.monotonic()) == 900
    clock.advance(900 + 601)  # quiet long enough: a fresh start
    check(a, basic("nobody", "x"))
    assert a._throttle.retry_after(IP, "nobody", clock.monotonic()) == 0


def test_throttle_table_stays_bounded(monkeypatch):
    monkeypatch.setattr(throttle, "MAX_TRACKED", 50)
    t = throttle.LoginThrottle()
    for i in range(200):
        t.failure(f"10.0.{i // 256}.{i % 256}", f"user{i}", float(i))
    assert len(t.entries) <= 50


# ---------------------------------------------------------------------------------------------
# Concurrency


def test_concurrent_logins_run_in_parallel(tmp_path):
    s = UserStore(tmp_path / "users.toml")  # real parameters: ~30 ms a verify
    names = [f"user{i}" for i in range(8)]
    for name in names:
        s.add(name, f"pw-{name}")
    a = Authenticator(s, REALM)
    started = time.perf_counter()
    PasswordHasher().verify("pw-user0", s.password_hash("user0"))
    single = time.perf_counter() - started
    results: dict[str, str] = {}
    go = threading.Event()

    def login(name: str) -> None:
        go.wait()
        header = basic(name, f"pw-{name}")
        results[name] = a.check(header, "GET", "/", f"10.0.0.{name[-1]}").outcome

    threads = [threading.Thread(target=login, args=(name,)) for name in names]
    for thread in threads:
        thread.start()
    started = time.perf_counter()
    go.set()
    for thread in threads:
        thread.join(timeout=30)
    elapsed = time.perf_counter() - started
    print(f"\none verify {single * 1000:.0f} ms; 8 concurrent logins {elapsed * 1000:.0f} ms "
          f"(serialised would be ~{8 * single * 1000:.0f} ms; {os.cpu_count()} cores)")
    assert results == dict.fromkeys(names, "ok")


def test_password_verifies_are_not_serialised_by_any_lock(store):
    """Each verify waits at a barrier for all eight: if check() held a lock around the verify,
    the barrier could never fill and would break."""
    names = [f"user{i}" for i in range(8)]
    for name in names:
        store.add(name, "pw")
    barrier = threading.Barrier(len(names), timeout=10)
    real_verify = store.hasher.verify

    def verify_together(password: str, encoded: str) -> bool:
        barrier.wait()
        return real_verify(password, encoded)

    store.hasher.verify = verify_together
    a = Authenticator(store, REALM)
    outcomes: list[str] = []
    threads = [threading.Thread(target=lambda n=name: outcomes.append(
        a.check(basic(n, "pw"), "GET", "/", "10.1.1.1").outcome)) for name in names]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join(timeout=30)
    assert not barrier.broken
    assert outcomes == ["ok"] * 8


def test_connections_keep_basic_logins_only_and_lose_them_on_changes(store):
    store.add("alice", "secret")
    a = Authenticator(store, REALM)
    user = store.get("alice")
    assert user is not None
    assert a.connection_login('Digest username="alice", nc=00000001', user) is None
    assert a.connection_login(None, user) is None
    login = a.connection_login(basic("alice", "secret"), user)
    assert login is not None and a.still_valid(login, IP)
    store.update("alice", expires=time.time() + 3600)  # any account change bumps the version
    assert not a.still_valid(login, IP)


def test_an_ipv6_64_is_throttled_as_one_address(store):
    """Security review finding 2: a guesser can take any address of its /64 (SLAAC), so the
    throttle counts the /64; lockouts() shows it and release() takes it back."""
    store.add("alice", "pw")
    a = Authenticator(store, REALM, clock=ManualClock())
    outcomes = [check(a, basic("alice", f"bad{i}"), ip=f"2001:db8:5:6::{i + 2:x}").outcome
                for i in range(40)]
    assert outcomes == ["challenge"] * 5 + ["throttled"] * 35
    assert check(a, basic("alice", "pw"), ip="2001:db8:5:6::abc").outcome == "throttled"
    assert check(a, basic("alice", "pw"), ip="2001:db8:5:7::2").outcome == "ok"  # another /64
    group = "2001:db8:5:6::/64"
    assert [(lock.key, lock.kind, lock.subject, lock.address, lock.failures)
            for lock in a.lockouts()] == [(group, "ip", group, group, 5),
                                          (f"user:alice@{group}", "user", "alice", group, 5)]
    a.release(group)
    assert a.lockouts() == []
    assert check(a, basic("alice", "pw"), ip="2001:db8:5:6::3").outcome == "ok"
