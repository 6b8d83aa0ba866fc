"""Property test of the access policy over real requests (issue 13): whatever account sends
whatever PUT, multipart POST or new-folder request, the share changes only where that account
may write, and Pier's own files never change.

The expectation is computed here, independently of server.access: a change is allowed only
when the share takes uploads, the account may upload (or the share has no logins), the
changed entry's folder lies inside one of the account's folders (or it has none), an existing
file is replaced only with overwrite on, and nothing is hidden, a temp file, inside the config
folder or one of the access log's family."""

from __future__ import annotations

import base64
import io
import re
import uuid
from pathlib import Path

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from server.auth import Authenticator
from server.paths import PierPaths
from server.users import HashParams, PasswordHasher, UserStore
from tests.conftest import RunningServer
from tests.security.test_access_policy import snapshot

FIXED = settings(max_examples=100, derandomize=True, deadline=None, database=None,
                 suppress_health_check=[HealthCheck.too_slow])
FAST = HashParams(argon2_memory_kib=64, argon2_iterations=1, scrypt_log2_n=10)
REALM = "Pier - share"
OWN = ("Library", "Pier")  # the config folder, inside the share
LOG_FAMILY = re.compile(r"access\.log(\.[0-9]+)?")
TEMP = re.compile(r"\.pier-upload-.*\.part")

FOLDER_SETS = [(), ("/a",), ("/b",), ("/a/deep",), ("/a", "/pub")]
ACCOUNTS = {f"u{i}{'w' if upload else 'r'}": (folders, upload)
            for i, folders in enumerate(FOLDER_SETS) for upload in (True, False)}
SERVERS = {  # name: (logins, upload, overwrite)
    "auth-overwrite": (True, True, True),
    "auth-no-overwrite": (True, True, False),
    "auth-read-only": (True, False, True),
    "anonymous-upload": (False, True, False),
}

# URL folders as sent (already encoded as an attacker would encode them)
URL_FOLDERS = [
    "/", "/a/", "/a/deep/", "/b/", "/pub/", "/Library/", "/Library/Pier/", "/library/pier/",
    "/LIBRARY/PIER/", "/Library/Pier/tls/", "/Library/%50ier/", "/Library/Pier/../Pier/",
    "/a/../Library/Pier/", "/a/%2e%2e/b/", "/a/..%2fb/", "/pub/%2e%2e%2f%2e%2e%2f", "/logs/",
    "/LOGS/", "/a/deep/../../b/", "/%61/", "/A/", "/b/../a/deep/", "/new/", "/a/new/",
    "/./a/", "//a/", "/a%2fdeep/", "/a\\deep/",
]
URL_NAMES = [
    "n.txt", "x.txt", "y.txt", "root.txt", "users.toml", "bans.json", "ca.pem", "access.log",
    "access.log.1", "access.log.2", "ACCESS.LOG.3", "access%2elog%2e1", "Pier", "pier", "PIER",
    ".pier-upload-0123456789abcdef.part", "%2epier-upload-0123456789abcdef.part", "..", "%2e%2e",
    "a%2fb.txt", "..%2fy.txt", "%2e%2e%2fy.txt", ".hidden", "tls", "deep", "new", "d.txt",
    "p.txt", "%00.txt", "con.txt", "x%5c..%5cy.txt",
]
FILENAMES = [
    "n.txt", "x.txt", "root.txt", "Library/Pier/users.toml", "Library/Pier/bans.json",
    "Library/Pier/tls/ca.pem", "Library/Pier/new.txt", "library/pier/users.toml",
    "Pier/users.toml", "pier/users.toml", "tls/ca.pem", "users.toml", "logs/access.log",
    "logs/access.log.1", "logs/access.log.9", "access.log", "access.log.4", "ACCESS.log.5",
    "../b/y.txt", "..\\b\\y.txt", "a/../../b/z.txt", "sub/new.txt", "deep/d.txt", "a/x.txt",
    "b/y.txt", "pub/p.txt", "a/deep/new.txt", ".pier-upload-0123456789abcdef.part",
    "sub/.pier-upload-0123456789abcdef.part", "C:\\fakepath\\b\\y.txt", "/etc/passwd",
    "./a/./x.txt", "new/sub/sub/f.txt", "Library/notes.txt", "x/.hidden/y.txt",
]
SEGMENT_ALPHABET = "abxyPLir.%2eEf5c/\\-_"

url_folder = st.one_of(st.sampled_from(URL_FOLDERS),
                       st.lists(st.sampled_from(["a", "b", "deep", "pub", "..", "%2e%2e",
                                                 "Library", "Pier", "pier", "logs", "new"]),
                                max_size=4).map(lambda parts: "/" + "".join(p + "/"
                                                                          for p in parts)))
url_name = st.one_of(st.sampled_from(URL_NAMES),
                     st.text(alphabet=SEGMENT_ALPHABET, min_size=1, max_size=10))
file_name = st.one_of(st.sampled_from(FILENAMES),
                      st.text(alphabet=SEGMENT_ALPHABET, min_size=1, max_size=16))
requests = st.one_of(
    st.tuples(st.just("PUT"), url_folder, url_name),
    st.tuples(st.just("POST"), url_folder, st.lists(file_name, min_size=1, max_size=3)),
    st.tuples(st.just("MKDIR"), url_folder, url_name),
)


def build_tree(base: Path) -> tuple[Path, Path]:
    share = base / "share"
    for folder in ("a/deep", "b", "pub", "logs", "Library/Pier/tls"):
        (share / folder).mkdir(parents=True)
    files = {"root.txt": b"root", "a/x.txt": b"x", "a/deep/d.txt": b"d", "b/y.txt": b"y",
             "pub/p.txt": b"p", "Library/notes.txt": b"notes",
             "Library/Pier/users.toml": b"[users]\n", "Library/Pier/bans.json": b"{}",
             "Library/Pier/tls/ca.pem": b"-----BEGIN CERTIFICATE-----\n",
             "logs/access.log.1": b"rotated"}
    for name, data in files.items():
        (share / name).write_bytes(data)
    return share, share.joinpath(*OWN)


def violations(before: dict[str, tuple], after: dict[str, tuple], *, server: str,
               account: str) -> list[str]:
    """The changes between two snapshots that the account may not make on that server."""
    logins, upload, overwrite = SERVERS[server]
    folders, can_upload = ACCOUNTS[account] if logins else ((), True)
    wrong = []
    for path in sorted(before.keys() | after.keys()):
        old, new = before.get(path), after.get(path)
        if path == "logs/access.log":  # the server appends to its log: never replaced
            if old is not None and (new is None or new[:2] != old[:2]):
                wrong.append(f"{path}: replaced")
            elif new is not None and b"PLANTED" in (new[2] or b"") \
                    and b"PLANTED" not in (old[2] or b"" if old else b""):
                wrong.append(f"{path}: upload written into the log")
            continue
        if old == new:
            continue
        parts = path.split("/")
        why = []
        if new is None:
            why.append("removed")
        if old is not None and new is not None and not overwrite:
            why.append("replaced without overwrite")
        if old is not None and new is not None and old[0] != new[0]:
            why.append("changed kind")
        if not upload:
            why.append("share takes no uploads")
        if not can_upload:
            why.append("account may not upload")
        parent = parts[:-1]
        if folders and not any(parent[:len(f.split("/")) - 1] == f.split("/")[1:]
                               for f in folders):
            why.append(f"outside the account's folders {folders}")
        if tuple(parts[:2]) == OWN:
            why.append("inside Pier's config folder")
        if parts[0] == "logs" and LOG_FAMILY.fullmatch(parts[-1].casefold()):
            why.append("one of the access log's family")
        if any(p.startswith(".") for p in parts):
            why.append("hidden or temp name")
        if why:
            wrong.append(f"{path}: {', '.join(why)}")
    return wrong


def send(running: RunningServer, method: str, target: str, body: bytes,
         headers: dict[str, str]) -> int:
    conn = running.connection()
    try:
        conn.request(method, target, body=body, headers={"Host": "localhost", **headers})
        response = conn.getresponse()
        response.read()
        return response.status
    finally:
        conn.close()


def multipart(names: list[str]) -> tuple[bytes, str]:
    boundary = uuid.uuid4().hex
    out = io.BytesIO()
    for name in names:
        out.write(f'--{boundary}\r\nContent-Disposition: form-data; name="file"; '
                  f'filename="{name}"\r\n\r\n'.encode())
        out.write(b"PLANTED " + name.encode() + b"\r\n")
    out.write(f"--{boundary}--\r\n".encode())
    return out.getvalue(), f"multipart/form-data; boundary={boundary}"


def test_no_request_changes_the_share_beyond_the_policy(server_factory, tmp_path):
    share, own = build_tree(tmp_path)
    store = UserStore(tmp_path / "accounts" / "users.toml", hasher=PasswordHasher(FAST))
    store.load()
    auth = Authenticator(store, REALM)
    for name, (folders, can_upload) in ACCOUNTS.items():
        # uploaders may replace too (the modify right): what "overwrite" servers then allow
        store.add(name, f"{name}-pw", can_upload=can_upload, can_modify=can_upload,
                  folders=folders)
    servers = {
        name: server_factory(share, auth=auth if logins else None, upload=upload,
                             overwrite=overwrite, protected_paths=PierPaths.under(own).protected,
                             access_log=share / "logs" / "access.log")
        for name, (logins, upload, overwrite) in SERVERS.items()}
    own_files = snapshot(own)
    statuses: dict[int, int] = {}

    @FIXED
    @given(st.lists(st.tuples(st.sampled_from(list(SERVERS)), st.sampled_from(list(ACCOUNTS)),
                              requests), min_size=1, max_size=4))
    def check(batch: list[tuple[str, str, tuple]]) -> None:
        for server, account, request in batch:
            one(server, account, request)

    def one(server: str, account: str, request: tuple) -> None:
        running = servers[server]
        headers = {}
        if SERVERS[server][0]:
            token = base64.b64encode(f"{account}:{account}-pw".encode()).decode("ascii")
            headers["Authorization"] = "Basic " + token
        kind, folder, what = request
        before = snapshot(share)
        if kind == "PUT":
            status = send(running, "PUT", folder + what, b"PLANTED " + what.encode(), headers)
        elif kind == "MKDIR":
            status = send(running, "POST", f"{folder}?mkdir={what}", b"", headers)
        else:
            body, ctype = multipart(what)
            status = send(running, "POST", folder, body, {**headers, "Content-Type": ctype})
        statuses[status] = statuses.get(status, 0) + 1
        assert status < 500, (server, account, request, status)
        after = snapshot(share)
        wrong = violations(before, after, server=server, account=account)
        assert not wrong, (server, account, request, status, wrong)
        assert snapshot(own) == own_files, (server, account, request, status)
        assert not [p for p in share.rglob("*") if TEMP.fullmatch(p.name)]

    check()
    assert statuses.get(201, 0) > 0 and sum(statuses.values()) > statuses.get(201, 0), statuses
