"""Logins over real HTTP: Basic and Digest (with `requests`), permissions, throttling."""

from __future__ import annotations

import base64
import io
import json
import zipfile
from pathlib import Path

import pytest
import requests
from requests.auth import HTTPBasicAuth, HTTPDigestAuth

from server.auth import Authenticator
from server.clock import ManualClock
from server.users import UserStore

REALM = "Pier - share"


@pytest.fixture
def store(private_config_dir: Path) -> UserStore:
    users = UserStore(private_config_dir / "users.toml")
    users.load()
    return users


@pytest.fixture
def share_with_folders(share: Path) -> Path:
    for name in ("alice", "bob", "public"):
        (share / name).mkdir()
        (share / name / f"{name}.txt").write_text(f"{name} only")
    return share


@pytest.fixture
def guarded(server_factory, share_with_folders, store):
    # registers the realm before passwords are set
    # time moves only when a test says: a lock-out never runs out mid-test
    auth = Authenticator(store, REALM, clock=ManualClock())
    store.add("ana", "pa:ss wörd", can_upload=True, digest=True)
    store.add("alice", "alice-pw", folders=("/alice", "/public"))
    store.add("reader", "reader-pw")
    running = server_factory(share_with_folders, auth=auth, upload=True)
    running.auth = auth
    running.base = f"http://127.0.0.1:{running.port}"
    return running


def test_no_credentials_gets_a_challenge_naming_the_share(guarded):
    response = requests.get(guarded.base + "/hello.txt", timeout=10)
    assert response.status_code == 401
    challenge = response.raw.headers.getlist("WWW-Authenticate")
    assert any(c.startswith('Basic realm="Pier') and 'charset="UTF-8"' in c for c in challenge)
    assert any(c.startswith("Digest ") and "SHA-256" in c for c in challenge)
    assert "share" in response.headers["WWW-Authenticate"]


def test_basic_login_with_unicode_and_colon(guarded):
    response = requests.get(guarded.base + "/hello.txt", timeout=10,
                            auth=HTTPBasicAuth("ana", "pa:ss wörd"))
    assert response.status_code == 200 and response.text == "hello, world\n"
    records = guarded.wait_for_records(1)
    assert records[-1].user == "ana"


def test_wrong_password_and_unknown_user_look_the_same(guarded):
    wrong = requests.get(guarded.base + "/", auth=HTTPBasicAuth("ana", "nope"), timeout=10)
    unknown = requests.get(guarded.base + "/", auth=HTTPBasicAuth("zed", "nope"), timeout=10)
    assert wrong.status_code == unknown.status_code == 401
    assert wrong.content == unknown.content


def test_digest_login_with_requests(guarded):
    session = requests.Session()
    session.auth = HTTPDigestAuth("ana", "pa:ss wörd")
    for _ in range(3):
        response = session.get(guarded.base + "/docs/notes.md", timeout=10)
        assert response.status_code == 200 and response.text == "# notes\n"


def test_digest_replay_is_refused(guarded):
    response = requests.get(guarded.base + "/hello.txt", timeout=10,
                            auth=HTTPDigestAuth("ana", "pa:ss wörd"))
    assert response.status_code == 200
    sent = response.request.headers["Authorization"]
    replay = requests.get(guarded.base + "/hello.txt", headers={"Authorization": sent},
                          timeout=10)
    assert replay.status_code == 401


@pytest.mark.parametrize("value", [
    "Basic", "Basic !!!notbase64", "Basic " + base64.b64encode(b"nocolon").decode(),
    "Basic " + base64.b64encode(b"\xff\xfe:\xff").decode(), "Basic " + "A" * 10000,
    "Digest", 'Digest username="ana", realm="x"', "Bearer abc", "\u00e9\u00e9",
])
def test_malformed_authorization_is_401_not_500(guarded, value):
    conn = guarded.connection()
    conn.putrequest("GET", "/hello.txt")
    conn.putheader("Authorization", value.encode("utf-8"))
    conn.endheaders()
    response = conn.getresponse()
    response.read()
    assert response.status == (431 if len(value) > 8192 else 401)
    conn.close()


def test_folder_limits_hold_in_files_listings_and_zips(guarded):
    auth = HTTPBasicAuth("alice", "alice-pw")
    get = lambda path: requests.get(guarded.base + path, auth=auth, timeout=10)  # noqa: E731
    assert get("/alice/alice.txt").status_code == 200
    assert get("/public/public.txt").status_code == 200
    assert get("/bob/bob.txt").status_code == 404
    assert get("/bob/").status_code == 404
    assert get("/hello.txt").status_code == 404
    names = [e["name"] for e in get("/?format=json").json()["entries"]]
    assert sorted(names) == ["alice", "public"]
    archive = zipfile.ZipFile(io.BytesIO(get("/?format=zip").content))
    assert sorted(archive.namelist()) == ["alice/alice.txt", "public/public.txt"]
    everything = requests.get(guarded.base + "/?format=json", timeout=10,
                              auth=HTTPBasicAuth("reader", "reader-pw")).json()
    assert {"alice", "bob", "public", "hello.txt"} <= {e["name"] for e in everything["entries"]}


def test_upload_needs_the_upload_permission(guarded, share_with_folders):
    refused = requests.put(guarded.base + "/r.txt", data=b"x", timeout=10,
                           auth=HTTPBasicAuth("reader", "reader-pw"))
    assert refused.status_code == 403
    accepted = requests.put(guarded.base + "/a.txt", data=b"x", timeout=10,
                            auth=HTTPBasicAuth("ana", "pa:ss wörd"))
    assert accepted.status_code == 201
    assert not (share_with_folders / "r.txt").exists()
    anonymous = requests.put(guarded.base + "/n.txt", data=b"x", timeout=10)
    assert anonymous.status_code == 401


def test_guessing_is_throttled_and_can_be_released(guarded):
    statuses = [requests.get(guarded.base + "/", auth=HTTPBasicAuth("ana", f"guess{i}"),
                             timeout=10).status_code for i in range(8)]
    assert statuses == [401] * 5 + [429] * 3
    throttled = requests.get(guarded.base + "/", auth=HTTPBasicAuth("ana", "pa:ss wörd"),
                             timeout=10)
    assert throttled.status_code == 429 and int(throttled.headers["Retry-After"]) >= 1
    assert any(r.status == 429 for r in guarded.wait_for_records(9))
    for lock in guarded.auth.lockouts():
        guarded.auth.release(lock.key)
    again = requests.get(guarded.base + "/", auth=HTTPBasicAuth("ana", "pa:ss wörd"),
                         timeout=10)
    assert again.status_code == 200


def test_logout_url_answers_401(guarded):
    response = requests.get(guarded.base + "/.well-known/pier/logout", timeout=10,
                            auth=HTTPBasicAuth("ana", "pa:ss wörd"))
    assert response.status_code == 401
    assert "logged out" in response.text.lower()


def test_stylesheet_needs_no_login(guarded):
    assert requests.get(guarded.base + "/.well-known/pier/assets/style.css",
                        timeout=10).status_code == 200


def test_anonymous_read_mode(server_factory, share, store):
    auth = Authenticator(store, REALM, anonymous_read=True)
    store.add("ana", "pw", can_upload=True)
    running = server_factory(share, auth=auth, upload=True)
    base = f"http://127.0.0.1:{running.port}"
    assert requests.get(base + "/hello.txt", timeout=10).status_code == 200
    assert requests.put(base + "/x.txt", data=b"x", timeout=10).status_code in (401, 403)
    assert requests.put(base + "/x.txt", data=b"x", auth=HTTPBasicAuth("ana", "pw"),
                        timeout=10).status_code == 201
    listing = requests.get(base + "/?format=json", timeout=10).json()
    assert "hello.txt" in json.dumps(listing)


def basic_header(name: str, password: str) -> dict[str, str]:
    token = base64.b64encode(f"{name}:{password}".encode()).decode()
    return {"Authorization": f"Basic {token}"}


@pytest.mark.parametrize("change", [
    lambda store: store.set_password("reader", "new-pw"),
    lambda store: store.update("reader", enabled=False),
    lambda store: store.remove("reader"),
])
def test_a_login_kept_by_a_connection_ends_when_the_account_changes(guarded, store, change):
    """Repeat Basic logins on one keep-alive connection skip the cache lookup; a change of the
    account must still shut the door on the very next request of that connection."""
    conn = guarded.connection()
    headers = basic_header("reader", "reader-pw")
    for _ in range(3):
        conn.request("GET", "/hello.txt", headers=headers)
        response = conn.getresponse()
        assert response.status == 200 and response.read() == b"hello, world\n"
    change(store)
    conn.request("GET", "/hello.txt", headers=headers)
    response = conn.getresponse()
    response.read()
    assert response.status == 401
    conn.close()


def test_a_kept_login_does_not_outlive_a_lockout_or_let_another_header_in(guarded):
    conn = guarded.connection()
    good = basic_header("reader", "reader-pw")
    conn.request("GET", "/hello.txt", headers=good)
    assert conn.getresponse().read() == b"hello, world\n"
    conn.request("GET", "/hello.txt", headers=basic_header("reader", "wrong"))
    response = conn.getresponse()
    response.read()
    assert response.status == 401  # another header on the same connection is checked afresh
    for _ in range(10):  # lock the account (and the address) out from another connection
        requests.get(guarded.base + "/", auth=HTTPBasicAuth("reader", "wrong"), timeout=10)
    conn.request("GET", "/hello.txt", headers=good)
    response = conn.getresponse()
    response.read()
    assert response.status == 429
    conn.close()


def test_digest_requests_that_need_a_worker_are_checked_once(guarded, share_with_folders):
    """The serve thread checks the login, then hands a large file, a first listing or a zip to a
    worker: the Digest nonce count must not be spent twice (a replay, 401, then a lockout)."""
    big = (share_with_folders / "big.bin").read_bytes()
    session = requests.Session()
    session.auth = HTTPDigestAuth("ana", "pa:ss wörd")
    for _ in range(4):
        response = session.get(guarded.base + "/big.bin", timeout=10)
        assert response.status_code == 200 and response.content == big
    for path in ("/alice/", "/public/", "/docs/?format=zip"):
        response = session.get(guarded.base + path, timeout=10)
        assert response.status_code == 200, path
    assert not guarded.auth.lockouts()
