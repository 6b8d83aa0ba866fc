"""Attack on --base-path and --trusted-proxy (issue 20's reverse-proxy part), against the
running server."""

from __future__ import annotations

import http.client
from pathlib import Path

import pytest


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
