"""Directory listing: sorting, the HTML page (parsed with html.parser) and the JSON variant."""

from __future__ import annotations

import json
import math
import re
import time
from html.parser import HTMLParser
from urllib.parse import quote, unquote

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from server.listing import (
    Entry,
    PageContext,
    human_size,
    natural_key,
    render_html,
    render_json,
    sort_entries,
)
from server.listing_entries import file_kind
from server.pages import asset_version
from server.text_board import SharedText

HOSTILE_NAMES = [
    "<script>alert(1)</script>",
    '"onmouseover=alert(1) x="',
    "'single' quotes",
    "{{7*7}}",
    "{.exec|x.}",
    "${title}",
    "%2e%2e",
    "a#b?c;d&e f.txt",
    "100% sure.txt",
    "été 2024 — 東京 🚀.jpg",
    "\x1b[31mred",
    "evil\u202egpj.exe",
    "&amp;",
]



def unversioned(urls: list[str]) -> list[str]:
    """The asset URLs without their ?v=, each checked to be its asset's content hash."""
    paths = []
    for url in urls:
        path, _, version = url.partition("?v=")
        assert version == asset_version(path.rsplit("/", 1)[1]) and len(version) == 12, url
        paths.append(path)
    return paths

def names(entries: list[Entry]) -> list[str]:
    return [e.name for e in entries]


def f(name: str, size: int = 0, mtime: float = 1_700_000_000.0) -> Entry:
    return Entry(name, False, size, mtime)


def d(name: str, mtime: float = 1_700_000_000.0) -> Entry:
    return Entry(name, True, 0, mtime)


class PageParser(HTMLParser):
    """Collects what the tests look at: links, text, titles, table rows and cells.

    Rows leave out the optional `</td>` and `</tr>`: a cell also ends where the next cell or row
    starts, or where the table section ends, as in a browser."""

    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.stack: list[str] = []
        self.links: list[dict[str, str | None]] = []
        self.link_texts: list[str] = []
        self.rows: list[list[str]] = []
        self.row_classes: list[str | None] = []
        self.row_attributes: list[dict[str, str | None]] = []
        self.link_rows: list[dict[str, str | None]] = []  # the row each link is in ({} if none)
        self.title = ""
        self.tags: list[str] = []
        self.stylesheets: list[str | None] = []
        self.scripts: list[str | None] = []
        self.ids: dict[str, dict[str, str | None]] = {}
        self.crumb_links: list[tuple[str | None, str]] = []
        self.headers: list[dict[str, str | None]] = []
        self.footer = ""
        self._cell: list[str] | None = None
        self._link: list[str] | None = None
        self._in_row = False

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        attributes = dict(attrs)
        self.tags.append(tag)
        if tag not in ("meta", "link"):
            self.stack.append(tag)
        if tag == "link" and attributes.get("rel") == "stylesheet":
            self.stylesheets.append(attributes.get("href"))
        if tag == "script":
            self.scripts.append(attributes.get("src"))
        if "id" in attributes:
            self.ids[str(attributes["id"])] = attributes
        if tag in ("tr", "td", "th"):
            self._end_cell()
        if tag == "tr":
            self.rows.append([])
            self.row_classes.append(attributes.get("class"))
            self.row_attributes.append(attributes)
            self._in_row = True
        if tag in ("td", "th"):
            self._cell = []
        if tag == "th":
            self.headers.append(attributes)
        if tag == "a":
            self.links.append(attributes)
            self.link_rows.append(self.row_attributes[-1] if self._in_row else {})
            self._link = []

    def _end_cell(self) -> None:
        if self._cell is not None:
            self.rows[-1].append("".join(self._cell).rstrip("\n"))
            self._cell = None

    def handle_endtag(self, tag: str) -> None:
        if tag in ("td", "th", "tr", "thead", "tbody", "table"):
            self._end_cell()
        if tag in ("tr", "thead", "tbody", "table"):
            self._in_row = False
        if tag == "a" and self._link is not None:
            text = "".join(self._link)
            self.link_texts.append(text)
            if "h1" in self.stack:
                self.crumb_links.append((self.links[-1].get("href"), text))
            self._link = None
        if self.stack and self.stack[-1] == tag:
            self.stack.pop()

    def handle_data(self, data: str) -> None:
        if "title" in self.stack:
            self.title += data
        if "footer" in self.stack:
            self.footer += data
        if self._cell is not None:
            self._cell.append(data)
        if self._link is not None:
            self._link.append(data)


def parse(page: bytes) -> PageParser:
    parser = PageParser()
    parser.feed(page.decode("utf-8"))
    parser.close()
    return parser


def entry_links(page: PageParser) -> list[tuple[str, str, str]]:
    """(href, shown text, row class: "dir" or the kind that picks the icon) of every file and
    folder link (not "..")."""
    return [
        (str(link["href"]), text, str(row["class"]))
        for link, text, row in zip(page.links, page.link_texts, page.link_rows, strict=True)
        if "data-mtime" in row
    ]


def body_rows(page: PageParser) -> list[list[str]]:
    """Rows of the table body (without the header row and the ".." row)."""
    return [
        row
        for row, attributes in zip(page.rows, page.row_attributes, strict=True)
        if "data-mtime" in attributes
    ]


def up_links(page: PageParser) -> list[dict[str, str | None]]:
    return [
        link
        for link, row in zip(page.links, page.link_rows, strict=True)
        if row.get("class") == "up"
    ]


# ---------------------------------------------------------------- sorting


def test_folders_first_then_natural_case_insensitive_order() -> None:
    entries = [f("file10"), f("File2"), d("zeta"), f("file1"), d("Alpha"), f("b")]
    assert names(sort_entries(entries)) == ["Alpha", "zeta", "b", "file1", "File2", "file10"]


def test_natural_order_compares_digit_runs_by_value() -> None:
    entries = [f("img_100.png"), f("img_9.png"), f("img_0010.png"), f("img_10.png")]
    assert names(sort_entries(entries)) == [
        "img_9.png",
        "img_0010.png",
        "img_10.png",
        "img_100.png",
    ]
    assert natural_key("a" + "9" * 5000) > natural_key("a" + "8" * 5000)  # no int() size limit


def test_names_in_the_same_natural_place_are_in_name_order_both_ways() -> None:
    """Names that casefold or strip leading zeros to the same place ("a1", "A01", "a01", "A1")
    are ordered by the name itself, reversed with the order; mixed with others by value."""
    tied = ["a01", "A1", "a1", "A01", "a001", "a2", "A10", "a9", "B", "b", "ß", "ss", "SS"]
    expected = sorted(tied, key=lambda name: (natural_key(name), name))
    assert names(sort_entries([f(n) for n in reversed(tied)])) == expected
    assert names(sort_entries([f(n) for n in tied], "name", "desc")) == expected[::-1]


@given(st.sets(st.text(alphabet="aAbB019ßs._- \u0130\uff11", min_size=1, max_size=8),
               max_size=40))
@settings(max_examples=300, deadline=None)
def test_the_sort_key_string_orders_as_natural_key_then_name(names: set[str]) -> None:
    """sort_entries compares one string per entry; it must order exactly as the tuple
    (natural_key(name), name) does, both ways, whatever digits, cases and widths meet."""
    expected = sorted(names, key=lambda name: (natural_key(name), name))
    entries = [f(name) for name in names]
    assert [e.name for e in sort_entries(entries)] == expected
    assert [e.name for e in sort_entries(entries, "name", "desc")] == expected[::-1]


def test_name_descending_keeps_folders_first() -> None:
    entries = [f("a"), f("c"), d("x"), d("y"), f("b")]
    assert names(sort_entries(entries, "name", "desc")) == ["y", "x", "c", "b", "a"]


def test_sort_by_size_ties_broken_by_name() -> None:
    entries = [f("big", 900), f("b-small", 5), f("a-small", 5), d("dir"), f("mid", 50)]
    assert names(sort_entries(entries, "size", "asc")) == [
        "dir",
        "a-small",
        "b-small",
        "mid",
        "big",
    ]
    assert names(sort_entries(entries, "size", "desc")) == [
        "dir",
        "big",
        "mid",
        "a-small",
        "b-small",
    ]


def test_sort_by_date() -> None:
    entries = [f("old", mtime=100.0), f("new", mtime=300.0), f("mid", mtime=200.0)]
    entries += [d("d-new", mtime=500.0), d("d-old", mtime=1.0)]
    assert names(sort_entries(entries, "date", "asc")) == ["d-old", "d-new", "old", "mid", "new"]
    assert names(sort_entries(entries, "date", "desc")) == ["d-new", "d-old", "new", "mid", "old"]


@pytest.mark.parametrize(
    ("sort", "order"), [("bogus", "asc"), ("name", "sideways"), ("", ""), ("NAME", "DESC")]
)
def test_unknown_sort_values_fall_back_to_name_ascending(sort: str, order: str) -> None:
    entries = [f("b", 1), f("a", 2), d("c")]
    assert names(sort_entries(entries, sort, order)) == ["c", "a", "b"]


def test_sort_accepts_any_iterable_and_returns_a_new_list() -> None:
    entries = (e for e in [f("b"), f("a")])
    assert names(sort_entries(entries)) == ["a", "b"]


# ---------------------------------------------------------------- formatting


@pytest.mark.parametrize(
    ("size", "text"),
    [
        (0, "0 B"),
        (999, "999 B"),
        (1000, "1.0 kB"),
        (1234, "1.2 kB"),
        (1_200_000, "1.2 MB"),
        (123_456_789, "123 MB"),
        (999_600, "1.0 MB"),
        (5 * 10**12, "5.0 TB"),
        (10**24, "1000000 EB"),
    ],
)
def test_human_size(size: int, text: str) -> None:
    assert human_size(size) == text


@pytest.mark.parametrize(
    ("name", "kind"),
    [
        ("a.JPG", "image"),
        ("song.flac", "audio"),
        ("movie.mkv", "video"),
        ("notes.txt", "text"),
        ("x.tar.gz", "archive"),
        ("binary.bin", "other"),
        ("no_extension", "other"),
        (".bashrc", "other"),
    ],
)
def test_file_kind(name: str, kind: str) -> None:
    assert file_kind(name) == kind


# ---------------------------------------------------------------- HTML page


def test_page_structure_and_stylesheet() -> None:
    html_bytes = render_html("/photos/", [f("a.txt", 1234), d("sub")], server_name="Pier")
    text = html_bytes.decode("utf-8")
    assert text.lower().startswith("<!doctype html>")
    assert '<html lang="en">' in text
    assert '<meta charset="utf-8">' in text
    assert 'name="viewport"' in text
    page = parse(html_bytes)
    assert page.title == "Index of /photos/ — Pier"
    assert unversioned(page.stylesheets) == ["/.well-known/pier/assets/style.css"]
    assert "style" not in page.tags
    assets = "/.well-known/pier/assets/"
    enhancements = [assets + name for name in ("grid.js", "gallery.js", "search.js", "select.js")]
    # no inline script (CSP); view.js runs before the page shows, the rest once it is parsed
    assert unversioned(page.scripts) == [assets + "view.js", assets + "i18n-en.js",
                                         assets + "app.js", *enhancements]
    assert re.search(f'<script src="{assets}view.js\\?v=[0-9a-f]{{12}}"></script>', text)
    assert text.count(" defer></script>") == 6
    # the uploads only where the page uploads, tus-js-client first (resumable uploads), in the
    # order each needs the one before; a reader's page carries none of them
    uploading = parse(render_html("/", [], page=PageContext(can_upload=True)))
    assert unversioned(uploading.scripts) == [
        assets + "view.js", assets + "i18n-en.js", assets + "app.js", assets + "tus.min.js",
        assets + "transfer.js",
        assets + "uploads.js", assets + "drop.js", assets + "forms.js", *enhancements]
    changing = parse(render_html("/", [], page=PageContext(can_modify=True)))
    # changes.js only where the principal may modify
    assert unversioned(changing.scripts) == [assets + "view.js", assets + "i18n-en.js",
                                             assets + "app.js", *enhancements,
                                             assets + "changes.js"]
    # the shared text's Copy and dismiss, for readers too, only where the card is
    card = PageContext(shared_text=SharedText("hello", 0.0, 1))
    assert unversioned(parse(render_html("/", [], page=card)).scripts) == [
        assets + "view.js", assets + "i18n-en.js", assets + "app.js", assets + "text-card.js",
        *enhancements]
    assert "<script>" not in text and not re.search(r"\son[a-z]+=", text)  # no inline handler
    assert "http://" not in text and "https://" not in text  # nothing external
    assert page.footer.startswith("2 items: 1 folder, 1 file (1.2 kB)")


def test_rows_show_name_size_and_date() -> None:
    mtime = time.mktime((2026, 11, 25, 9, 45, 30, 0, 0, -1))
    text = render_html("/", [f("report.pdf", 1_200_000, mtime), d("docs", mtime)]).decode()
    rows = body_rows(parse(text.encode()))
    assert rows == [
        ["docs/", "—", "2026-11-25 09:45"],
        ["report.pdf", "1.2 MB", "2026-11-25 09:45"],
    ]
    # the exact size and time on hover come from these (app.js; see tests/browser)
    assert f'data-size="1200000" data-mtime="{mtime:.0f}"' in text


def test_rows_are_small() -> None:
    """The page of a big folder is mostly rows: no optional end tags, no class per cell, no
    title per cell (the bytes pushed per listing decide how many listings a second go out)."""
    entries = [f(f"file-{i}.txt", 2, 1_795_603_786.0) for i in range(1000)]
    text = render_html("/many/", entries).decode()
    row = next(line for line in text.splitlines() if '"/many/file-123.txt"' in line)
    assert row == (
        '<tr class="text" data-size="2" data-mtime="1795603786"><td><a '
        f'href="/many/file-123.txt">file-123.txt</a><td>2 B<td>{_local("1795603786")}'
    )
    assert len(row) + 1 <= 140
    assert len(text) - len(render_html("/many/", []).decode()) <= 140 * 1000


def _local(stamp: str) -> str:
    return time.strftime("%Y-%m-%d %H:%M", time.localtime(int(stamp)))


def test_icons_by_kind() -> None:
    entries = [d("dir"), f("p.png"), f("s.mp3"), f("v.mp4"), f("t.md"), f("z.zip"), f("x.bin")]
    page = parse(render_html("/", entries))
    icon_by_text = {text: icon for _, text, icon in entry_links(page)}
    assert icon_by_text == {
        "dir/": "dir",
        "p.png": "image",
        "s.mp3": "audio",
        "v.mp4": "video",
        "t.md": "text",
        "z.zip": "archive",
        "x.bin": "other",
    }


@pytest.mark.parametrize("name", HOSTILE_NAMES)
def test_hostile_file_names_are_escaped_and_encoded(name: str) -> None:
    html_bytes = render_html("/in/", [f(name, 10), d(name)])
    page = parse(html_bytes)
    text = html_bytes.decode("utf-8")
    assert "<script>" not in text
    assert "onmouseover" not in " ".join(str(k) for link in page.links for k in link)
    assert set(page.tags) <= {
        "html", "head", "meta", "title", "link", "body", "header", "nav", "h1", "a", "span",
        "main", "table", "thead", "tbody", "tr", "th", "td", "time", "footer", "script", "div",
        "input", "kbd", "button",
    }  # fmt: skip
    links = entry_links(page)
    hrefs = [href for href, _, _ in links]
    assert hrefs == ["/in/" + _encoded(name) + "/", "/in/" + _encoded(name)]
    for href in hrefs:
        assert unquote(href.removeprefix("/in/").removesuffix("/")) == name
        assert not set(href) & set(" #?;&<>\"'{}|\x1b")
    shown = [text for _, text, _ in links]
    if name.isprintable():
        assert shown == [name + "/", name]
    else:  # controls and bidi overrides are shown as U+FFFD, never sent raw
        assert all("\ufffd" in t for t in shown)
        assert "\x1b" not in text and "\u202e" not in text


def _encoded(name: str) -> str:
    return quote(name, safe="")


def test_template_placeholders_in_names_are_not_expanded() -> None:
    text = render_html("/$rows/", [f("$title"), f("${summary}")]).decode()
    assert "$title" in text and "${summary}" in text and "$rows" in text


def test_undecodable_name_is_shown_replaced_and_linked_by_its_bytes() -> None:
    name = b"caf\xe9.txt".decode("utf-8", "surrogateescape")
    page = parse(render_html("/", [f(name)]))
    assert "caf\ufffd.txt" in page.link_texts
    assert entry_links(page) == [("/caf%E9.txt", "caf\ufffd.txt", "text")]


def test_breadcrumbs_for_nested_non_ascii_path() -> None:
    page = parse(render_html("/photos/été 2024/東京 #1/", [], server_name="My <Share>"))
    assert page.crumb_links == [
        ("/", "My <Share>"),
        ("/photos/", "photos"),
        ("/photos/%C3%A9t%C3%A9%202024/", "été 2024"),
        ("/photos/%C3%A9t%C3%A9%202024/%E6%9D%B1%E4%BA%AC%20%231/", "東京 #1"),
    ]
    assert page.title == "Index of /photos/été 2024/東京 #1/ — My <Share>"


def test_parent_link_except_at_root() -> None:
    root = parse(render_html("/", [f("a")]))
    assert up_links(root) == [] and "up" not in root.row_classes
    nested = parse(render_html("/a b/c/", [f("a")]))
    assert [link["href"] for link in up_links(nested)] == ["/a%20b/"]
    assert ".." in nested.link_texts
    assert nested.rows[1] == ["..", "", ""]  # three cells, so the row's borders run across


def test_root_breadcrumb_only_at_root() -> None:
    page = parse(render_html("/", []))
    assert page.crumb_links == [("/", "Pier")]


def test_empty_folder_says_so() -> None:
    page = parse(render_html("/empty/", []))
    assert ["This folder is empty."] in page.rows
    assert page.footer.startswith("Empty folder")


def _header_links(page: PageParser) -> dict[str, str]:
    """Column ("name"/"size"/"date") -> the href of its header link."""
    links = [link for link in page.links if str(link.get("href", "")).startswith("?sort=")]
    return {
        str(cell["class"]).split()[0]: str(link["href"])
        for cell, link in zip(page.headers, links, strict=True)
    }


def test_sort_links_toggle_the_active_column() -> None:
    page = parse(render_html("/", [f("a")]))
    assert _header_links(page) == {
        "name": "?sort=name&order=desc",
        "size": "?sort=size&order=desc",
        "date": "?sort=date&order=desc",
    }
    assert [h.get("aria-sort") for h in page.headers] == ["ascending", None, None]
    page = parse(render_html("/", [f("a")], sort="size", order="desc"))
    assert _header_links(page)["size"] == "?sort=size&order=asc"
    assert [h.get("aria-sort") for h in page.headers] == [None, "descending", None]
    page = parse(render_html("/", [f("a")], sort="date", order="asc"))
    assert _header_links(page)["date"] == "?sort=date&order=desc"


def test_arrow_marks_the_current_column() -> None:
    page = parse(render_html("/", [], sort="size", order="desc"))
    header_row = page.rows[0]
    assert header_row == ["Name", "Size▼", "Modified"]
    page = parse(render_html("/", [], sort="bogus", order="bogus"))
    assert page.rows[0] == ["Name▲", "Size", "Modified"]


def test_folder_links_keep_a_non_default_sort() -> None:
    page = parse(render_html("/x/", [d("sub"), f("file")], sort="date", order="desc"))
    hrefs = [str(link["href"]) for link in page.links]
    assert "/x/sub/?sort=date&order=desc" in hrefs
    assert "/x/file" in hrefs  # files are linked plainly
    assert "/?sort=date&order=desc" in hrefs and "/x/?sort=date&order=desc" in hrefs


def test_html_uses_the_requested_order() -> None:
    entries = [f("small", 1), f("large", 1000), d("dir")]
    page = parse(render_html("/", entries, sort="size", order="desc"))
    assert [row[0] for row in body_rows(page)] == ["dir/", "large", "small"]


def test_thousand_entries_render_in_order() -> None:
    entries = [f(f"file {i}.txt", i * 1000, 1_700_000_000.0 + i) for i in range(900)]
    entries += [d(f"folder {i}") for i in range(100)]
    page_bytes = render_html("/big/", entries)  # its speed is measured in bench/, not here
    rows = body_rows(parse(page_bytes))
    assert len(rows) == 1000
    assert rows[0][0] == "folder 0/" and rows[100][0] == "file 0.txt"
    assert rows[-1][0] == "file 899.txt"


def test_bad_timestamps_do_not_break_the_page() -> None:
    entries = [f("nan", 1, float("nan")), f("huge", 1, 1e300), f("neg", 1, -1.0)]
    page = parse(render_html("/", entries))
    assert len(body_rows(page)) == 3
    listing = json.loads(render_json("/", entries))
    assert [e["modified"] for e in listing["entries"]][:2] == [None, None]


def test_every_folder_page_offers_its_zip_and_only_script_enhancements() -> None:
    page = parse(render_html("/a/", [f("x")]))
    assert page.ids["zip-link"]["href"] == "?format=zip"
    assert "Download folder as .zipDownload .zip" in page.link_texts  # wide, then a phone's
    assert page.ids["filter"]["type"] == "search"
    assert _filter_box_hidden(render_html("/a/", [f("x")]))
    toggle = page.ids["viewToggle"]  # grid.js shows it and builds the grid: a list without JS
    assert toggle["type"] == "button" and toggle["aria-pressed"] == "false"
    assert "hidden" in toggle
    for absent in ("upload-form", "file-input", "upload-button", "mkdir-button", "trust-link"):
        assert absent not in page.ids
    assert "/.well-known/pier/logout" not in [link.get("href") for link in page.links]


def _filter_box_hidden(page_bytes: bytes) -> bool:
    """The filter box is hidden until app.js shows it: useless without JavaScript."""
    return '<div class="filter-box" hidden>' in page_bytes.decode()


def test_uploads_offered_with_a_plain_form_that_posts_here() -> None:
    text = render_html("/été #1/", [], page=PageContext(can_upload=True)).decode()
    page = parse(text.encode())
    form = page.ids["upload-form"]
    assert form["method"] == "post" and form["enctype"] == "multipart/form-data"
    assert form["action"] == "/%C3%A9t%C3%A9%20%231/"
    file_input = page.ids["file-input"]
    assert file_input["type"] == "file" and file_input["name"] == "file"
    assert "multiple" in file_input
    # what needs JavaScript starts hidden: the button, "New folder", the drop zone, progress
    for needs_script in ("upload-button", "mkdir-button", "mkdir-form", "drop-zone", "transfers"):
        assert "hidden" in page.ids[needs_script], needs_script
    assert "hidden" not in form


def test_logged_in_user_is_named_escaped_with_a_logout_link() -> None:
    context = PageContext(user="<b>ana</b>", login=True)
    text = render_html("/", [], page=context).decode()
    assert "Logged in as <strong>&lt;b&gt;ana&lt;/b&gt;</strong>" in text
    page = parse(text.encode())
    assert "/.well-known/pier/logout" in [link.get("href") for link in page.links]
    anonymous = render_html("/", [], page=PageContext(login=True)).decode()
    assert "Logged in" not in anonymous and "logout" not in anonymous
    no_logins = render_html("/", [], page=PageContext(user="ana")).decode()
    assert "Logged in" not in no_logins


def test_trust_link_only_when_the_server_offers_its_ca() -> None:
    page = parse(render_html("/", [], page=PageContext(offer_ca=True)))
    assert page.ids["trust-link"]["href"] == "/.well-known/pier/trust"
    assert "trust-link" not in parse(render_html("/", [])).ids


def test_rows_carry_numbers_for_sorting_in_the_browser() -> None:
    entries = [f("a", 1234, 1_700_000_000.9), d("b", 5.0), f("n", 1, math.nan), f("o", 0, -1.5)]
    text = render_html("/", entries)
    rows = re.findall(r'<tr class="(\w+)" data-size="(\d*)" data-mtime="(-?\d*)">', text.decode())
    # whole seconds rounded down, like the minute shown (time.localtime), so the seconds app.js
    # shows on hover match it
    assert rows == [
        ("dir", "0", "5"),
        ("other", "1234", "1700000000"),
        ("other", "1", ""),
        ("other", "0", "-2"),
    ]


# ---------------------------------------------------------------- JSON


def test_json_document_shape() -> None:
    entries = [f("a b.txt", 123, 1764063949.0), d("sub", 1764063949.5)]
    document = json.loads(render_json("/photos/", entries))
    assert document == {
        "path": "/photos/",
        "parent": "/",
        "sort": "name",
        "order": "asc",
        "entries": [
            {
                "name": "sub",
                "type": "dir",
                "size": None,
                "mtime": 1764063949.5,
                "modified": "2025-11-25T09:45:49Z",
                "url": "/photos/sub/",
            },
            {
                "name": "a b.txt",
                "type": "file",
                "size": 123,
                "mtime": 1764063949.0,
                "modified": "2025-11-25T09:45:49Z",
                "url": "/photos/a%20b.txt",
            },
        ],
    }


def test_json_is_compact_utf8() -> None:
    body = render_json("/été/", [f("東京.txt")])
    assert "東京.txt".encode() in body and "/été/".encode() in body
    assert b", " not in body and b": " not in body


def test_json_root_has_no_parent_and_normalizes_sort() -> None:
    document = json.loads(render_json("/", [], sort="weird", order="up"))
    assert document["parent"] is None
    assert (document["sort"], document["order"]) == ("name", "asc")
    assert document["entries"] == []


def test_json_same_order_as_html() -> None:
    entries = [f("b", 3, 10.0), f("a", 3, 30.0), d("z", 20.0), f("c", 1, 20.0)]
    for sort in ("name", "size", "date"):
        for order in ("asc", "desc"):
            page = parse(render_html("/", entries, sort=sort, order=order))
            html_names = [row[0].rstrip("/") for row in body_rows(page)]
            document = json.loads(render_json("/", entries, sort=sort, order=order))
            json_names = [entry["name"] for entry in document["entries"]]
            assert html_names == json_names, (sort, order)


def test_json_hostile_names_round_trip_exactly() -> None:
    undecodable = b"caf\xe9".decode("utf-8", "surrogateescape")
    all_names = [*HOSTILE_NAMES, "\x9b31m", undecodable, "line\nbreak", "tab\there"]
    body = render_json("/dir #1/", [f(n) for n in all_names])
    body.decode("utf-8")  # strictly valid UTF-8
    for raw in (b"\x1b", b"\xc2\x9b", b"\xe2\x80\xae", b"\n", b"\t"):
        assert raw not in body  # controls, C1 and bidi overrides only as \u escapes
    document = json.loads(body)
    assert document["path"] == "/dir #1/"
    by_name = {e["name"]: e for e in document["entries"]}
    assert sorted(by_name) == sorted(all_names)
    for name, entry in by_name.items():
        url = entry["url"]
        assert url.startswith("/dir%20%231/")
        assert not set(url) & set(" #?;&<>\"'{}|\x1b\n\t")
        encoded = url.removeprefix("/dir%20%231/")
        assert unquote(encoded, errors="surrogateescape") == name


LINK_BASE = "/.well-known/pier/l/TOKEN"


def test_a_listing_under_a_base_writes_every_url_below_it() -> None:
    page = render_html("/sub/", [f("a b.txt"), d("inner")], server_name="docs",
                       page=PageContext(can_upload=True, resumable=False),
                       base=LINK_BASE).decode()
    hrefs = set(re.findall(r'href="([^"]+)"', page)) - {h for h in re.findall(
        r'href="([^"]+)"', page) if h.startswith("/.well-known/pier/assets/")}
    assert hrefs >= {f"{LINK_BASE}/", f"{LINK_BASE}/sub/", f"{LINK_BASE}/sub/a%20b.txt",
                     f"{LINK_BASE}/sub/inner/"}
    assert all(h.startswith((LINK_BASE + "/", "?")) for h in hrefs), hrefs
    assert f'action="{LINK_BASE}/sub/"' in page and "tus.min.js" not in page
    assert '<a class="home" href="/.well-known/pier/l/TOKEN/">docs</a>' in page


def test_a_listing_at_the_root_of_a_base_has_no_parent() -> None:
    page = render_html("/", [f("x.txt")], base=LINK_BASE).decode()
    assert 'class="up"' not in page
    document = json.loads(render_json("/", [f("x.txt")], base=LINK_BASE))
    assert document["parent"] is None and document["path"] == "/"
    assert document["entries"][0]["url"] == LINK_BASE + "/x.txt"
