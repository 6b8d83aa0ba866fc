"""Hostile READMEs and Markdown pages over real HTTP: a README is rendered under a listing, and a
``.md`` file as a page with ``?view``, exactly where its download would be served. Not in a
folder the account may not read, not through a link out of the share or to Pier's own files, not
when hidden; never another account's cached page; and a text built to make the parser slow or
huge is answered at once, without a 5xx."""

from __future__ import annotations

import base64
from pathlib import Path

import pytest

from server.auth import Authenticator
from server.users import UserStore
from tests.conftest import RunningServer
from tests.security.conftest import CANARY, exchange, head_and_body, request, status_of

PASSWORD = "correct horse battery"
PRIVATE = b"PRIVATE-README-5f1c"  # in READMEs only the full account may read
ROOT_TEXT = b"ROOT-README-9a2e"


def basic(name: str) -> str:
    return "Authorization: Basic " + base64.b64encode(f"{name}:{PASSWORD}".encode()).decode()


ANA, LIM = basic("ana"), basic("lim")  # ana reads everything; lim only /docs


@pytest.fixture
def accounts(private_config_dir: Path) -> UserStore:
    store = UserStore(private_config_dir / "users.toml")
    store.load()
    store.add("ana", PASSWORD)
    store.add("lim", PASSWORD, folders=("/docs",))
    return store


@pytest.fixture
def guarded(server_factory, share: Path, canary: Path, accounts: UserStore) -> RunningServer:
    """Logins required; Pier's config folder lies inside the share with a Markdown file in it;
    READMEs everywhere, some of them links."""
    (share / "README.md").write_bytes(b"# " + ROOT_TEXT + b"\n")
    (share / "private").mkdir()
    (share / "private" / "README.md").write_bytes(b"# " + PRIVATE + b"\n")
    (share / "private" / "secret.md").write_bytes(b"# " + PRIVATE + b" secret\n")
    config = share / "config"
    config.mkdir()
    (config / "users.toml").write_bytes(CANARY + b" users\n")
    (config / "notes.md").write_bytes(b"# " + CANARY + b" notes\n")
    for name, target in (("outside", canary), ("own", config / "users.toml"),
                         ("own-md", config / "notes.md")):
        (share / name).mkdir()
        (share / name / "README.md").symlink_to(target)
    (share / "hidden").mkdir()
    (share / "hidden" / ".README.md").write_bytes(b"# " + CANARY + b" hidden\n")
    return server_factory(share, auth=Authenticator(accounts, "Pier - share"),
                          protected_paths=(config,))


def get(running: RunningServer, path: str, login: str) -> tuple[int, bytes]:
    """Status and body; exchange() checks that the canary never leaks."""
    data = exchange(running, request(path, login), timeout=10)
    return status_of(data), head_and_body(data)[1]


def readme_of(body: bytes) -> bytes:
    """The README section of a listing page, b"" when there is none."""
    start = body.find(b'<section class="readme"')
    return b"" if start < 0 else body[start:body.index(b"</section>", start)]


@pytest.mark.parametrize("path", [
    "/private/", "/private/README.md", "/private/README.md?view", "/private/secret.md?view",
    "/priv%61te/README.md?view", "/private/./README.md?view", "/docs/../private/README.md?view",
    "/docs/%2e%2e/private/README.md?view", "/README.md", "/README.md?view",
])
def test_a_limited_account_gets_no_readme_outside_its_folders(guarded, path):
    status, body = get(guarded, path, LIM)
    assert status in (400, 404)
    assert PRIVATE not in body and ROOT_TEXT not in body


def test_the_way_to_a_limited_accounts_folder_shows_no_readme(guarded):
    """lim may list / (the way to /docs) but not read /README.md: no section there for lim,
    while ana, who may, sees it."""
    status, body = get(guarded, "/", LIM)
    assert status == 200 and b'href="/docs/"' in body
    assert readme_of(body) == b"" and ROOT_TEXT not in body
    assert get(guarded, "/README.md", LIM)[0] == 404
    status, body = get(guarded, "/", ANA)
    assert status == 200 and ROOT_TEXT in readme_of(body)


@pytest.mark.parametrize("folder", ["outside", "own", "own-md"])
def test_a_readme_linked_out_of_the_share_or_to_pier_s_files_is_not_rendered(guarded, folder):
    status, body = get(guarded, f"/{folder}/", ANA)
    assert status == 200 and readme_of(body) == b""
    for path in (f"/{folder}/README.md", f"/{folder}/README.md?view"):
        assert get(guarded, path, ANA)[0] == 404, path


@pytest.mark.parametrize("path", [
    "/config/notes.md?view", "/config/notes.md", "/config/users.toml?view", "/config/",
    "/Config/notes.md?view", "/%63onfig/notes.md?view", "/config%2fnotes.md?view",
])
def test_pier_s_own_markdown_is_not_viewed(guarded, path):
    assert get(guarded, path, ANA)[0] in (400, 404)


def test_a_hidden_readme_is_not_rendered(guarded):
    status, body = get(guarded, "/hidden/", ANA)
    assert status == 200 and readme_of(body) == b""
    assert get(guarded, "/hidden/.README.md?view", ANA)[0] == 404


def test_a_readme_linked_to_a_file_the_account_may_not_read(guarded, share):
    """/docs/README.md leads to /private/secret.md: ana, who may read it there, sees it under
    /docs/; lim, whose folder /docs is, neither sees it nor gets ana's cached page."""
    (share / "docs" / "README.md").symlink_to(share / "private" / "secret.md")
    for _ in range(2):  # the second answer of each comes from the listing cache
        status, body = get(guarded, "/docs/", ANA)
        assert status == 200 and PRIVATE in readme_of(body)
        status, body = get(guarded, "/docs/", LIM)
        assert status == 200 and b"notes.md" in body and PRIVATE not in body
    assert get(guarded, "/docs/README.md", LIM)[0] == 404
    assert get(guarded, "/docs/README.md?view", LIM)[0] == 404


BOMBS = {
    "deep-quotes": ">" * 200_000 + " deep\n",
    "quote-lines": "\n".join(">" * depth + " x" for depth in range(1, 3000)),
    "brackets": "[" * 100_000,
    "image-brackets": "![[" * 40_000,
    "emphasis": "*a_" * 60_000,
    "nested-lists": "- " * 100_000 + "x\n",
    "wide-table": "|" + "a|" * 256 + "\n|" + "-|" * 256 + "\n" + "a\n" * 300,
    "reference-flood": "[r]: /" + "x" * 150_000 + ' "' + "t" * 150_000 + '"\n\n' + "[r]" * 60_000,
    "entities": "&#x1F600;&amp;&#0;" * 20_000,
    "control-bytes": "".join(chr(c) for c in range(32)) * 10_000,
}


@pytest.mark.parametrize("name", sorted(BOMBS))
def test_markdown_bombs_are_answered_without_a_5xx(guarded, share, name):
    folder = share / "docs" / name
    folder.mkdir()
    (folder / "README.md").write_text(BOMBS[name], encoding="utf-8")
    for path in (f"/docs/{name}/README.md?view", f"/docs/{name}/"):
        status, body = get(guarded, path, LIM)
        assert status == 200, path
        assert len(body) < 8 * 1024 * 1024, path
        assert b"<script" not in body.replace(b'<script src="/.well-known/pier/assets/', b""), path
