"""WebDAV locks hold back the share's other ways to write (issue 17, finding 5), over real
HTTP: the page's multipart upload, a form's text, ?mkdir and tus. A lock on a folder (depth 0
or infinity) protects its list of members (RFC 4918 §7.4), a lock on a file its content; only
the lock's own account, submitting the token in an If header, gets past it. The page never
sends one, so a locked folder refuses the page's uploads into it, even the owner's."""

from __future__ import annotations

import base64
import contextlib
import http.client
import os
from pathlib import Path
from urllib.parse import urlencode

import pytest

from server.auth import Authenticator
from server.clock import ManualClock
from server.users import UserStore

LOCKINFO = (b'<?xml version="1.0"?><D:lockinfo xmlns:D="DAV:"><D:lockscope><D:exclusive/>'
            b"</D:lockscope><D:locktype><D:write/></D:locktype></D:lockinfo>")
PASSWORDS = {"owner": "owner-pw", "other": "other-pw"}
BOUNDARY = "----pier-locks"
TUS = "/.well-known/pier/tus/"
FIRST = b"x" * (4 * 1024 * 1024)


class Share:
    def __init__(self, port: int, root: Path, token: str) -> None:
        self.port = port
        self.root = root
        self.token = token  # the owner's depth-infinity lock on /locked/

    def send(self, method: str, path: str, user: str, body: bytes = b"",
             headers: dict[str, str] | None = None) -> tuple[int, dict[str, str], bytes]:
        login = base64.b64encode(f"{user}:{PASSWORDS[user]}".encode()).decode()
        conn = http.client.HTTPConnection("127.0.0.1", self.port, timeout=10)
        try:
            conn.request(method, path, body=body, headers={
                "Authorization": f"Basic {login}", "Origin": f"http://127.0.0.1:{self.port}",
                **(headers or {})})
            response = conn.getresponse()
            return response.status, dict(response.getheaders()), response.read()
        finally:
            conn.close()

    def upload(self, folder: str, user: str, *files: tuple[str, bytes],
               headers: dict[str, str] | None = None) -> int:
        body = b"".join(
            (f"--{BOUNDARY}\r\nContent-Disposition: form-data; name=\"file\"; "
             f"filename=\"{name}\"\r\n\r\n").encode() + content + b"\r\n"
            for name, content in files) + f"--{BOUNDARY}--\r\n".encode()
        return self.send("POST", folder, user, body, {
            "Content-Type": f"multipart/form-data; boundary={BOUNDARY}", **(headers or {})})[0]

    def tus_create(self, folder: str, name: str, user: str, data: bytes = b"",
                   headers: dict[str, str] | None = None) -> tuple[int, dict[str, str]]:
        meta = f"filename {b64(name)},folder {b64(folder)}"
        sent = {"Tus-Resumable": "1.0.0", "Upload-Length": "4", "Upload-Metadata": meta,
                **(headers or {})}
        if data:
            sent["Content-Type"] = "application/offset+octet-stream"
        status, answer, _ = self.send("POST", TUS, user, data, sent)
        return status, answer

    def tus_patch(self, url: str, user: str, offset: int, data: bytes,
                  headers: dict[str, str] | None = None) -> tuple[int, dict[str, str]]:
        status, answer, _ = self.send("PATCH", url, user, data, {
            "Tus-Resumable": "1.0.0", "Upload-Offset": str(offset),
            "Content-Type": "application/offset+octet-stream", **(headers or {})})
        return status, answer

    def lock(self, path: str, user: str, depth: str = "infinity") -> str:
        status, headers, _ = self.send("LOCK", path, user, LOCKINFO, {"Depth": depth})
        assert status == 200
        return headers["Lock-Token"].strip("<>")

    def own_if(self) -> dict[str, str]:
        return {"If": f"(<{self.token}>)"}

    def files(self) -> set[str]:
        """Everything in the share, hidden temporary and partial files too."""
        found = set()
        for folder, names, files in os.walk(self.root):
            for name in names + files:
                found.add(os.path.relpath(os.path.join(folder, name), self.root))
        return found


def b64(text: str) -> str:
    return base64.b64encode(text.encode()).decode()


def accounts(config_dir: Path) -> Authenticator:
    store = UserStore(config_dir / "users.toml")
    store.load()
    for name, password in PASSWORDS.items():
        store.add(name, password, can_upload=True, can_modify=True)
    return Authenticator(store, "Pier", clock=ManualClock())


@pytest.fixture
def locked(server_factory, share: Path, private_config_dir: Path) -> Share:
    auth = accounts(private_config_dir)
    (share / "locked" / "inner").mkdir(parents=True)
    (share / "locked" / "draft.txt").write_text("the owner's draft")
    (share / "open").mkdir()
    (share / "open" / "draft.txt").write_text("a draft")
    running = server_factory(share, auth=auth, upload=True, modify=True, overwrite=True)
    result = Share(running.port, share, "")
    result.token = result.lock("/locked/", "owner")
    return result


def test_another_account_cannot_add_to_a_locked_folder(locked: Share) -> None:
    before = locked.files()
    assert locked.upload("/locked/", "other", ("new.txt", b"new")) == 423
    assert locked.upload("/locked/", "other", ("draft.txt", b"replaced")) == 423  # overwrite on
    assert locked.upload("/locked/", "other", ("sub/new.txt", b"new")) == 423
    assert locked.upload("/locked/inner/", "other", ("new.txt", b"new")) == 423
    assert locked.upload("/", "other", ("locked/deeper/new.txt", b"new")) == 423
    assert locked.send("POST", "/locked/?mkdir=new", "other")[0] == 423
    assert locked.send("POST", "/locked/inner/?mkdir=new", "other")[0] == 423
    form = urlencode({"text": "a note", "name": "note"}).encode()
    assert locked.send("POST", "/locked/", "other", form,
                       {"Content-Type": "application/x-www-form-urlencoded"})[0] == 423
    assert locked.tus_create("/locked/", "new.txt", "other")[0] == 423
    assert locked.tus_create("/locked/", "sub/new.txt", "other")[0] == 423
    assert locked.tus_create("/", "locked/sub/new.txt", "other", b"data")[0] == 423
    assert locked.files() == before  # no file, no folder, no temporary or partial file
    assert (locked.root / "locked" / "draft.txt").read_text() == "the owner's draft"


def test_the_refusal_is_short_and_says_locked(locked: Share) -> None:
    status, headers, body = locked.send("POST", "/locked/?mkdir=new&format=json", "other")
    assert status == 423
    assert headers["Content-Type"].startswith("application/json")
    assert "locked" in body.decode().lower()


def test_a_form_that_reaches_a_locked_folder_saves_nothing(locked: Share) -> None:
    before = locked.files()
    assert locked.upload("/", "other", ("open/a.txt", b"a"), ("open/new/b.txt", b"b"),
                         ("locked/c.txt", b"c")) == 423
    assert locked.files() - before <= {"open/new"}  # a folder it made may stay, empty


def test_the_owner_without_the_token_is_refused_too(locked: Share) -> None:
    """The page sends no If header: a folder locked over WebDAV refuses its uploads."""
    assert locked.upload("/locked/", "owner", ("new.txt", b"new")) == 423
    assert locked.tus_create("/locked/", "new.txt", "owner")[0] == 423
    assert not (locked.root / "locked" / "new.txt").exists()


def test_the_owner_with_the_token_may_write(locked: Share) -> None:
    assert locked.upload("/locked/", "owner", ("new.txt", b"new"),
                         ("draft.txt", b"saved"), headers=locked.own_if()) == 201
    assert (locked.root / "locked" / "new.txt").read_bytes() == b"new"
    assert (locked.root / "locked" / "draft.txt").read_bytes() == b"saved"
    assert locked.send("POST", "/locked/?mkdir=made", "owner", b"", locked.own_if())[0] == 201
    assert (locked.root / "locked" / "made").is_dir()
    status, headers = locked.tus_create("/locked/", "tus.txt", "owner", b"data",
                                        locked.own_if())
    assert status == 201
    assert headers["Pier-File-URL"] == "/locked/tus.txt"
    assert (locked.root / "locked" / "tus.txt").read_bytes() == b"data"


def test_another_accounts_token_is_not_the_owners(locked: Share) -> None:
    assert locked.upload("/locked/", "other", ("new.txt", b"new"),
                         headers=locked.own_if()) == 423
    assert not (locked.root / "locked" / "new.txt").exists()


def test_an_unlocked_sibling_folder_is_unaffected(locked: Share) -> None:
    assert locked.upload("/open/", "other", ("new.txt", b"new"), ("draft.txt", b"b")) == 201
    assert (locked.root / "open" / "draft.txt").read_bytes() == b"b"
    assert locked.upload("/", "other", ("open/sub/new.txt", b"new")) == 201
    assert locked.send("POST", "/open/?mkdir=made", "other")[0] == 201
    status, headers = locked.tus_create("/open/", "tus.txt", "other", b"data")
    assert (status, headers["Pier-File-URL"]) == (201, "/open/tus.txt")


def test_a_locked_file_in_an_open_folder_gets_a_free_name_without_overwrite(
        server_factory, share: Path, private_config_dir: Path) -> None:
    (share / "draft.txt").write_text("the owner's draft")
    running = server_factory(share, auth=accounts(private_config_dir), upload=True, modify=True)
    files = Share(running.port, share, "")
    files.lock("/draft.txt", "owner")
    assert files.upload("/", "other", ("draft.txt", b"mine")) == 201
    assert (share / "draft (1).txt").read_bytes() == b"mine"
    assert files.tus_create("/", "draft.txt", "other", b"tus!")[0] == 201
    assert (share / "draft (2).txt").read_bytes() == b"tus!"
    assert (share / "draft.txt").read_text() == "the owner's draft"


def test_a_depth_0_lock_on_a_folder_holds_its_members_not_their_content(locked: Share) -> None:
    token = locked.lock("/open/", "owner", depth="0")
    assert locked.upload("/open/", "other", ("new.txt", b"new")) == 423
    assert locked.send("POST", "/open/?mkdir=made", "other")[0] == 423
    assert locked.tus_create("/open/", "new.txt", "other")[0] == 423
    assert locked.upload("/open/", "other", ("draft.txt", b"edit")) == 201  # replaced
    assert (locked.root / "open" / "draft.txt").read_bytes() == b"edit"
    assert not (locked.root / "open" / "new.txt").exists()
    assert not (locked.root / "open" / "made").exists()
    assert locked.upload("/open/", "owner", ("new.txt", b"new"),
                         headers={"If": f"(<{token}>)"}) == 201


def test_a_lock_taken_during_a_tus_upload_holds_back_its_last_byte(locked: Share) -> None:
    status, headers = locked.tus_create("/open/", "late.txt", "other")
    assert status == 201
    url = headers["Location"]
    assert locked.tus_patch(url, "other", 0, b"da")[0] == 204
    token = locked.lock("/open/", "owner")
    assert locked.tus_patch(url, "other", 2, b"ta")[0] == 423
    assert not (locked.root / "open" / "late.txt").exists()
    status, _, _ = locked.send("UNLOCK", "/open/", "owner", b"", {"Lock-Token": f"<{token}>"})
    assert status == 204
    status, headers = locked.tus_patch(url, "other", 4, b"")  # complete: publish it now
    assert (status, headers.get("Pier-File-URL")) == (204, "/open/late.txt")
    assert (locked.root / "open" / "late.txt").read_bytes() == b"data"


def test_a_lock_taken_while_a_form_is_sent_holds_back_its_file(locked: Share) -> None:
    """Whether the lock comes before or after the server read the part's head, the file does
    not appear: the name is checked again once the bytes are in."""
    head = (f"--{BOUNDARY}\r\nContent-Disposition: form-data; name=\"file\"; "
            f"filename=\"late.txt\"\r\n\r\n").encode()
    tail = b"the rest\r\n" + f"--{BOUNDARY}--\r\n".encode()
    login = base64.b64encode(b"other:other-pw").decode()
    conn = http.client.HTTPConnection("127.0.0.1", locked.port, timeout=10)
    try:
        conn.putrequest("POST", "/open/")
        for name, value in (("Authorization", f"Basic {login}"),
                            ("Content-Type", f"multipart/form-data; boundary={BOUNDARY}"),
                            ("Content-Length", str(len(head) + len(FIRST) + len(tail)))):
            conn.putheader(name, value)
        conn.endheaders(head + FIRST)  # more than the server reads at once
        locked.lock("/open/", "owner")
        # the lock may come first: refused at the part's head, the rest is never read, and the
        # refusal may be cut by the reset that unread rest causes; the file never appears
        with contextlib.suppress(BrokenPipeError, ConnectionResetError):
            conn.send(tail)
        with contextlib.suppress(ConnectionResetError):
            assert conn.getresponse().status == 423
    finally:
        conn.close()
    assert not (locked.root / "open" / "late.txt").exists()


def test_a_link_or_another_spelling_does_not_pass_the_lock(locked: Share) -> None:
    (locked.root / "locked-link").symlink_to("locked", target_is_directory=True)
    locked.lock("/open/draft.txt", "owner", depth="0")
    before = locked.files()
    assert locked.upload("/locked-link/", "other", ("new.txt", b"new")) == 423
    assert locked.upload("//locked/", "other", ("new.txt", b"new")) == 423
    assert locked.send("POST", "/locked-link/?mkdir=new", "other")[0] == 423
    assert locked.tus_create("/locked-link/", "new.txt", "other", b"data")[0] == 423
    for spelling in ("draft.txt.", "draft.txt ", "draft.txt. ."):  # stored as draft.txt
        assert locked.upload("/open/", "other", (spelling, b"replaced")) == 423
        assert locked.tus_create("/open/", spelling, "other", b"data")[0] == 423
    assert locked.files() == before
    assert (locked.root / "open" / "draft.txt").read_text() == "a draft"
