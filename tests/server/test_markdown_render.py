"""server/markdown_render.py: Markdown to HTML that is safe in Pier's pages, at a bounded cost."""

from __future__ import annotations

import re
from pathlib import Path

import pytest

from server import markdown_render
from server.markdown_render import (
    MAX_MARKUP,
    TooComplex,
    is_local_image,
    is_safe_link,
    markup_count,
    render_markdown,
)
from server.routes_markdown import MAX_MARKDOWN_BYTES

ROOT = Path(__file__).resolve().parents[2]


def hrefs(html: str) -> list[str]:
    return re.findall(r'<a href="([^"]*)"', html)


def test_headings_paragraphs_and_emphasis():
    html = render_markdown("# Title\n\n## Part\n\nSome *soft* and **strong** text.\n")
    assert "<h1>Title</h1>" in html
    assert "<h2>Part</h2>" in html
    assert "<p>Some <em>soft</em> and <strong>strong</strong> text.</p>" in html


def test_tables_and_strikethrough_are_on():
    html = render_markdown("| a | b | c |\n|---|--:|:-:|\n| 1 | 2 | 3 |\n\n~~gone~~\n")
    assert "<table>" in html and "<th>a</th>" in html
    assert '<td class="align-right">2</td>' in html  # the CSP refuses style attributes
    assert '<td class="align-center">3</td>' in html and "style=" not in html
    assert "<s>gone</s>" in html


def test_code_is_escaped_and_keeps_its_language_class():
    html = render_markdown('```js\nconst a = "<b>" && 1;\n```\n\nand `<i>` inline\n')
    assert '<pre><code class="language-js">const a = &quot;&lt;b&gt;&quot; &amp;&amp; 1;' in html
    assert "<code>&lt;i&gt;</code>" in html


@pytest.mark.parametrize("text", [
    "<script>alert(1)</script>",
    '<img src="x" onerror="alert(1)">',
    "<div>\n<script>alert(1)</script>\n</div>",
    'inline <svg onload="alert(1)"> html',
    "<iframe src=//evil></iframe>",
])
def test_raw_html_is_shown_as_text(text: str):
    html = render_markdown(text)
    assert "<script" not in html and "<img" not in html and "<svg" not in html
    assert "<iframe" not in html and "<div" not in html
    assert "&lt;" in html


@pytest.mark.parametrize("target", [
    "javascript:alert(1)",
    "JaVaScRiPt:alert(1)",
    "&#106;avascript:alert(1)",
    "&#x6A;avascript:alert(1)",
    "javascript&colon;alert(1)",
    "<javascript:alert(1)>",
    "data:text/html;base64,PHNjcmlwdD4=",
    "data:image/png;base64,iVBORw0KGgo=",
    "vbscript:msgbox(1)",
    "file:///etc/passwd",
    "c:/windows/win.ini",
])
def test_links_to_unsafe_schemes_stay_text(target: str):
    html = render_markdown(f"[click]({target}) and ![pic]({target})")
    assert "<a " not in html and "<img" not in html
    assert "click" in html


@pytest.mark.parametrize("target", [
    "javascript:alert(1)",
    "JAVASCRIPT:alert(1)",
    "data:text/html,x",
])
def test_reference_definitions_and_autolinks_are_checked_too(target: str):
    html = render_markdown(f"[click][r]\n\n[r]: {target}\n\n<{target}>\n")
    assert "<a " not in html


def test_autolinks_and_safe_links():
    html = render_markdown("<https://example.org/a?b=1> <someone@example.org> [rel](docs/x.md) "
                           "[top](/a%20b/) [mail](mailto:a@b.c) [frag](#part)")
    assert hrefs(html) == ["https://example.org/a?b=1", "mailto:someone@example.org",
                           "docs/x.md", "/a%20b/", "mailto:a@b.c", "#part"]


def test_absolute_links_do_not_hand_over_the_page():
    html = render_markdown("[out](https://example.org) [also](//example.org/x) [in](x.md)")
    assert '<a href="https://example.org" rel="noopener noreferrer">out</a>' in html
    assert '<a href="//example.org/x" rel="noopener noreferrer">also</a>' in html
    assert '<a href="x.md">in</a>' in html


def test_an_attribute_cannot_be_closed_from_a_link():
    html = render_markdown('[x](a"onmouseover="alert(1)) [y](<a" onclick="b>) [z](u "t\\" x=\\"y")')
    assert '" onmouseover' not in html and '"onmouseover' not in html
    assert 'onclick="' not in html
    assert 'x="' not in html


def test_local_images_load_and_others_become_links():
    html = render_markdown("![photo](pics/cat.jpg) ![far](https://example.org/x.png) "
                           "![out](/.well-known/pier/logout) ![zip](./?format=zip)")
    assert '<img src="pics/cat.jpg" alt="photo" />' in html
    assert '<a href="https://example.org/x.png" rel="noopener noreferrer">far</a>' in html
    assert '<a href="/.well-known/pier/logout">out</a>' in html
    assert '<a href="./?format=zip">zip</a>' in html
    assert html.count("<img") == 1


@pytest.mark.parametrize(("url", "local"), [
    ("cat.jpg", True),
    ("../pics/cat.jpg", True),
    ("/pics/cat.jpg", True),
    ("cat.jpg#x", True),
    ("cat.jpg?thumb", False),
    ("/.well-known/pier/logout", False),
    ("../../.well-known/pier/logout", False),
    ("%2e%2e/%2Ewell-known/pier/logout", False),
    ("a/../../.well-known/x", False),
    ("/a/..%2f.well-known/x", False),
    (".hidden.png", False),
    ("https://example.org/a.png", False),
    ("//example.org/a.png", False),
    ("", False),
])
def test_which_images_may_load(url: str, local: bool):
    assert is_local_image(url) is local


def test_the_scheme_check_ignores_what_browsers_ignore():
    assert not is_safe_link(" \tjavascript:x")
    assert not is_safe_link("java\tscript:x")
    assert is_safe_link("jav%09ascript:x")  # a relative path to a browser: no scheme there
    assert is_safe_link("HTTPS://example.org")


def test_deep_nesting_stops_at_the_parsers_limit():
    html = render_markdown("> " * 5000 + "deep\n")
    assert html.count("<blockquote>") <= 20
    html = render_markdown("- " * 5000 + "deep\n")
    assert html.count("<ul>") <= 20
    html = render_markdown("*" * 3000 + "a" + "*" * 3000)
    assert html.count("<em>") + html.count("<strong>") < 3000


def test_too_much_markup_is_refused_before_parsing():
    with pytest.raises(TooComplex):
        render_markdown("[" * 100_001)
    with pytest.raises(TooComplex):
        render_markdown(">" * (MAX_MARKUP + 1))
    assert markup_count("a*b_c[d](e)\n") == 7


def test_a_table_that_would_fill_in_thousands_of_cells_is_refused():
    """A header of 256 columns over 300 one-word lines: 1.6 KB of text, 76,800 empty cells,
    about 200,000 tokens (some 70 MiB in markdown-it-py) unless the count stops it."""
    text = "|" + "a|" * 256 + "\n|" + "-|" * 256 + "\n" + "a\n" * 300
    with pytest.raises(TooComplex):
        render_markdown(text)


def test_a_repeated_reference_to_a_long_link_is_not_multiplied():
    """[a] repeated 20,000 times, each a 200 KB link and title: 8 GB of HTML unrendered."""
    text = '[a]: /' + "x" * 100_000 + ' "' + "t" * 100_000 + '"\n\n' + "[a] " * 20_000
    html = render_markdown(text)
    assert len(html) < 4 * len(text)
    assert html.count("<a") == 20_000  # the labels stay; the targets past the budget go
    assert html.count("x" * 100_000) <= 3


def test_big_ordinary_documents_render():
    """Pier's own documentation, repeated up to the size limit of a README (512 KiB), is well
    within the limits; so is a denser text of lists and tables of 150 KB."""
    docs = [ROOT / "README.md", *sorted((ROOT / "docs").glob("*.md"))]
    prose = "\n\n".join(path.read_text(encoding="utf-8") for path in docs)
    text = (prose * (MAX_MARKDOWN_BYTES // len(prose) + 1))[:MAX_MARKDOWN_BYTES]
    assert render_markdown(text).count("<h2>") >= text.count("\n## ")
    section = ("## Part\n\nSome text with a [link](https://example.org) and `code`.\n\n"
               "- one\n- two\n\n| a | b |\n|---|---|\n| 1 | 2 |\n\n")
    dense = section * (150_000 // len(section))
    assert render_markdown(dense).count("<h2>Part</h2>") == dense.count("## Part")


def test_the_parser_is_the_hardened_one():
    """The override that checks links is in place (a future markdown-it-py that renamed the
    hook would let javascript: through)."""
    parser = markdown_render._MARKDOWN
    assert parser.validateLink("javascript:x") is False
    assert parser.options["html"] is False
    assert parser.options["maxNesting"] <= 20
