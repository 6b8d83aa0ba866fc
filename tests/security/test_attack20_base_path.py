"""Attack on --base-path and --trusted-proxy (issue 20's reverse-proxy part), against the
running server."""

from __future__ import annotations

import http.client
from pathlib import Path


def ask(port: int, path: str, headers: dict[str, str] | None = None) -> tuple[int, bytes]:
    conn = http.client.HTTPConnection("127.0.0.1", port, timeout=10)
    try:
        conn.request("GET", path, headers=headers or {})
        response = conn.getresponse()
        return response.status, response.read()
    finally:
        conn.close()


def test_a_markdown_code_sample_is_shown_as_written(server_factory, tmp_path: Path) -> None:
    share = tmp_path / "share"
    share.mkdir()
    (share / "notes.md").write_text(
        "# HTML tips\n\nWrite `<img src=/logo.png>` and:\n\n```html\n<a href=/docs/>docs</a>\n"
        "<form action=/login>\n```\n", encoding="utf-8")
    running = server_factory(share, base_path="/files")
    status, body = ask(running.port, "/files/notes.md?view", {"Accept": "text/html"})
    assert status == 200
    text = body.decode("utf-8")
    assert "&lt;a href=/docs/&gt;" in text
    assert "&lt;img src=/logo.png&gt;" in text
    assert "&lt;form action=/login&gt;" in text


def test_odd_spellings_of_a_link_reach_no_link_and_log_no_token(server_factory,
                                                                tmp_path: Path) -> None:
    """The router matches /.well-known/pier/l/ as sent (case, escapes and slashes included), so
    '%6c' for 'l' or a doubled slash reaches no link; the token in such a path is redacted from
    the log all the same (it may be a real one, mistyped)."""
    from server.links import LinkStore

    share = tmp_path / "share"
    share.mkdir()
    (share / "secret.txt").write_text("SECRET", encoding="utf-8")
    links_file = tmp_path / "links.toml"
    store = LinkStore(links_file)
    store.load()
    token = store.create(share / "secret.txt", "file").token
    running = server_factory(share, links_file=links_file, base_path="/files")
    assert ask(running.port, f"/files/.well-known/pier/l/{token}")[0] == 200  # the real one
    for path in (f"/files/.well-known/pier/%6c/{token}", f"/files/.well-known/pier/%6C/{token}",
                 f"/files//.well-known/pier/l/{token}", f"/files/.well-known/pier//l/{token}",
                 f"/.well-known/pier/l/{token}", f"//.well-known/pier/l/{token}",
                 f"/files/.well-known/pier/L/{token}"):
        status, body = ask(running.port, path)
        assert status == 404 and b"SECRET" not in body, path
    records = running.wait_for_records(8)  # a record is made just after its answer is sent
    assert len(records) == 8
    assert [r.path for r in records if token in r.path] == []
