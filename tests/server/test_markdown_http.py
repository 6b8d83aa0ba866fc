"""READMEs under listings and Markdown pages (``?view``) over real HTTP: the section on the page,
an edit in place seen by the very next request, the page's headers, and ``?view`` on what is not
Markdown."""

from __future__ import annotations

import os
from pathlib import Path

from server.response import PAGE_CSP

CSP = PAGE_CSP.decode().partition(": ")[2].strip()


def edit_in_place(path: Path, text: str) -> None:
    """Rewrite a file (same inode, so its folder's mtime stays) with a newer mtime."""
    before = os.stat(path)
    with open(path, "r+b") as f:
        f.truncate(0)
        f.write(text.encode())
    os.utime(path, ns=(before.st_atime_ns, before.st_mtime_ns + 10**9))


def test_the_listing_page_shows_the_readme_below_the_listing(server, share):
    (share / "README.md").write_text("# Welcome\n\n<script>alert(1)</script>\n", encoding="utf-8")
    response, body = server.get("/")
    page = body.decode()
    assert response.status == 200
    assert response.getheader("Content-Security-Policy") == CSP
    readme = page[page.index("</table>"):page.index("</main>")]
    assert '<section class="readme" id="readme"' in readme and "<h1>Welcome</h1>" in readme
    assert "&lt;script&gt;alert(1)&lt;/script&gt;" in readme and "<script>alert" not in page
    _, json_body = server.get("/?format=json")
    assert b"Welcome" not in json_body


def test_a_readme_edited_in_place_is_shown_by_the_next_request(server, share):
    """Same size, same inode, same folder mtime: only the README's own mtime changes."""
    readme = share / "docs" / "README.md"
    readme.write_text("version one\n", encoding="utf-8")
    folder_mtime = os.stat(share / "docs").st_mtime_ns
    conn = server.connection()
    try:
        for expected in ("version one", "version two", "version six"):
            if expected != "version one":
                edit_in_place(readme, expected + "\n")
            for _ in range(3):  # the first answer makes the page, the next come from memory
                conn.request("GET", "/docs/")
                response = conn.getresponse()
                page = response.read().decode()
                assert response.status == 200
                assert f"<p>{expected}</p>" in page
    finally:
        conn.close()
    assert os.stat(share / "docs").st_mtime_ns == folder_mtime


def test_a_markdown_file_as_a_page(server, share):
    response, body = server.get("/docs/notes.md?view")
    assert response.status == 200
    assert response.getheader("Content-Type") == "text/html; charset=utf-8"
    assert response.getheader("Content-Security-Policy") == CSP
    assert response.getheader("X-Content-Type-Options") == "nosniff"
    assert b"<h1>notes</h1>" in body and b'href="/docs/notes.md">Raw</a>' in body
    head, head_body = server.get("/docs/notes.md?view", method="HEAD")
    assert head.status == 200 and head_body == b""
    assert int(head.getheader("Content-Length")) == len(body)
    style, css = server.get("/.well-known/pier/assets/markdown.css")
    assert style.status == 200 and b".markdown-body" in css
    assert style.getheader("Content-Type") == "text/css; charset=utf-8"
    (share / "long.markdown").write_text("*long*\n", encoding="utf-8")
    assert b"<em>long</em>" in server.get("/long.markdown?view")[1]


def test_view_of_a_file_that_is_not_markdown_is_the_file_itself(server):
    response, body = server.get("/hello.txt?view")
    assert response.status == 200 and body == b"hello, world\n"
    assert response.getheader("Content-Type") == "text/plain; charset=utf-8"
    response, body = server.get("/docs/notes.md")  # without ?view: the file, as always
    assert body == b"# notes\n" and response.getheader("Content-Type").startswith("text/markdown")


def test_view_of_a_folder_is_its_listing(server):
    response, body = server.get("/docs/?view")
    assert response.status == 200 and b'id="listing"' in body
