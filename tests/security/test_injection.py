"""Listing and page injection: hostile file names come back inert in the HTML listing, the JSON,
the response headers, the request records and the access log."""

from __future__ import annotations

import json
import re
from html.parser import HTMLParser
from pathlib import Path
from urllib.parse import quote, unquote

import pytest

from server.pages import UNSAFE_CHARS
from tests.security.conftest import exchange, head_and_body, request, status_of

HOSTILE_NAMES = [
    "<script>alert(1)<\\script>.txt",
    "<svg onload=alert(1)>.svg",
    '"><img src=x onerror=alert(1)>',
    "' onmouseover='alert(1)' x='",
    "{.exec|calc.}",
    "{{7*7}}",
    "${7*7}",
    "$rows $title ${server_name}.txt",
    "%0d%0aSet-Cookie:x",
    "%3Cscript%3E.txt",
    "&lt;b&gt;entity&amp;.txt",
    "javascript:alert(1)",
    "\x1b[31mred",
    "\x1b]0;title\x07",
    "evil\u202egnp.exe",
    "\u2066isolate\u2069.txt",
    "csi8\u009bbit",
    "tab\tname.txt",
    "cr\rlf\nname.txt",
    "zero\u200bwidth.txt",
]
HOSTILE_FOLDER = "<b onclick=alert(1)>dir<"
SCRIPT_FOLDER = "<script>alert(1)<"  # holds "script>.txt": the path reads <script>alert(1)</script>
REFUSED_IN_PATHS = re.compile("[\x00-\x1f\x7f-\x9f\\\\]")  # controls and backslashes
# Bytes a terminal or a header parser would act on, and bidi controls: never raw in output.
RAW_FORBIDDEN = [b"\x1b", b"\x07", b"\x9b", b"\xc2\x9b", b"\xe2\x80\xae", b"\xe2\x81\xa6",
                 b"\r", b"\t"]


@pytest.fixture
def hostile_share(tmp_path: Path) -> Path:
    root = tmp_path / "hostile"
    root.mkdir()
    for index, name in enumerate(HOSTILE_NAMES):
        (root / name).write_text(f"content {index}\n", encoding="utf-8")
    folder = root / HOSTILE_FOLDER
    folder.mkdir()
    (folder / "{{7*7}}.txt").write_text("inner\n")
    (root / SCRIPT_FOLDER).mkdir()
    (root / SCRIPT_FOLDER / "script>.txt").write_text("inner\n")
    return root


@pytest.fixture
def benign_share(tmp_path: Path) -> Path:
    root = tmp_path / "benign"
    (root / "plain folder").mkdir(parents=True)
    (root / "plain folder" / "plain.txt").write_text("x")
    (root / "plain.txt").write_text("x")
    return root


class MarkupCollector(HTMLParser):
    """Every tag and attribute a browser would build from a page, and its visible text."""

    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.tags: set[str] = set()
        self.attributes: set[tuple[str, str]] = set()
        self.hrefs: list[str] = []
        self.text: list[str] = []

    def handle_starttag(self, tag, attrs):
        self.tags.add(tag)
        for name, value in attrs:
            self.attributes.add((tag, name))
            if name in ("href", "src", "action"):
                self.hrefs.append(value or "")

    def handle_data(self, data):
        self.text.append(data)


def markup(page: bytes) -> MarkupCollector:
    collector = MarkupCollector()
    collector.feed(page.decode("utf-8"))
    collector.close()
    return collector


def shown(name: str) -> str:
    return UNSAFE_CHARS.sub("\ufffd", name)


@pytest.mark.parametrize("path", ["/", "/?sort=size&order=desc", "/" + quote(HOSTILE_FOLDER) + "/",
                                  "/" + quote(SCRIPT_FOLDER) + "/"])
def test_html_listing_has_no_live_markup_from_names(server_factory, hostile_share,
                                                    benign_share, path):
    hostile = server_factory(hostile_share)
    benign = server_factory(benign_share)
    benign_path = "/plain%20folder/" if path.count("/") > 1 and "?" not in path else path
    reference = markup(head_and_body(exchange(benign, request(benign_path)))[1])
    fields, page = head_and_body(exchange(hostile, request(path)))
    assert "default-src 'none'" in fields["content-security-policy"][0]
    found = markup(page)
    assert found.tags <= reference.tags, found.tags - reference.tags
    assert found.attributes <= reference.attributes, found.attributes - reference.attributes
    for href in found.hrefs:
        assert href.startswith(("/", "?")) and not href.startswith("//"), href
    for forbidden in RAW_FORBIDDEN:
        assert forbidden not in page, forbidden
    text = "".join(found.text)
    names = _expected_names(path)
    for name in names:
        assert shown(name) in text, name  # shown as text, controls replaced
    # No template engine evaluated {{7*7}} or ${7*7}: they are shown as they are (above), and
    # no "49" stands where they would (the listing's times may hold a 49 of their own).
    assert not [n for n in found.text if "49" in n and ":49" not in n], found.text


def _expected_names(path: str) -> list[str]:
    if path.startswith("/" + quote(HOSTILE_FOLDER)):
        return ["{{7*7}}.txt", HOSTILE_FOLDER]
    if path.startswith("/" + quote(SCRIPT_FOLDER)):
        return ["script>.txt", SCRIPT_FOLDER]
    return [*HOSTILE_NAMES, HOSTILE_FOLDER, SCRIPT_FOLDER]


def test_links_of_hostile_names_lead_to_the_files(server_factory, hostile_share):
    running = server_factory(hostile_share)
    page = markup(head_and_body(exchange(running, request("/")))[1])
    served = 0
    for href in page.hrefs:
        if href.startswith("/.well-known/") or href.startswith("?") or href in ("/",):
            continue
        name = unquote(href.rstrip("/").rsplit("/", 1)[-1])
        assert name in _expected_names("/"), href
        data = exchange(running, request(href))
        if REFUSED_IN_PATHS.search(name):  # refused in paths by design
            assert status_of(data) in (301, 400), href
        else:
            assert status_of(data) in (200, 301), href
            served += 1
    assert served >= 10


def test_json_round_trips_names_exactly_and_escapes_controls(server_factory, hostile_share):
    running = server_factory(hostile_share)
    fields, body = head_and_body(exchange(running, request("/?format=json")))
    assert fields["content-type"] == ["application/json; charset=utf-8"]
    for forbidden in RAW_FORBIDDEN:
        assert forbidden not in body, forbidden
    document = json.loads(body)
    names = {entry["name"] for entry in document["entries"]}
    assert names == set(_expected_names("/"))
    for entry in document["entries"]:
        suffix = "/" if entry["type"] == "dir" else ""
        assert entry["url"] == "/" + quote(entry["name"], safe="") + suffix
    _, inner = head_and_body(exchange(running, request("/" + quote(HOSTILE_FOLDER) + "/"
                                                      + "?format=json")))
    assert json.loads(inner)["path"] == f"/{HOSTILE_FOLDER}/"


def test_headers_of_hostile_names_hold_no_injected_lines(server_factory, hostile_share):
    running = server_factory(hostile_share)
    for name in HOSTILE_NAMES:
        if REFUSED_IN_PATHS.search(name):
            continue
        for suffix in ("", "?download"):
            data = exchange(running, request("/" + quote(name, safe="") + suffix))
            fields, _ = head_and_body(data)  # checks every header line is well formed
            assert status_of(data) == 200, name
            assert "set-cookie" not in fields and len(fields["content-disposition"]) == 1


def test_real_names_with_line_breaks_cannot_inject_headers(server_factory, hostile_share):
    """A URL cannot name a file with CR/LF or ESC (control characters are refused), but a link
    inside the share can point to one, and Content-Disposition is built from the real name."""
    (hostile_share / "alias.txt").symlink_to("cr\rlf\nname.txt")
    evil = hostile_share / "a\r\nSet-Cookie: pwned=1\r\nX-Injected: yes.txt"
    evil.write_text("evil\n")
    (hostile_share / "alias2.txt").symlink_to(evil.name)
    (hostile_share / "alias3.txt").symlink_to("\x1b[31mred")
    running = server_factory(hostile_share)
    for path in ("/alias.txt", "/alias2.txt", "/alias3.txt", "/alias2.txt?download"):
        data = exchange(running, request(path))
        assert status_of(data) == 200, path
        fields, _ = head_and_body(data)  # every header line well formed: no raw CR/LF/ESC
        assert "set-cookie" not in fields and "x-injected" not in fields, path


def test_error_pages_and_parameters_do_not_reflect_markup(server_factory, hostile_share):
    running = server_factory(hostile_share, server_name="<script>alert(1)</script>")
    for path in ("/%3Cscript%3Ealert(1)%3C%2Fscript%3E", "/?sort=%3Cscript%3E&order=%22%3E",
                 "/?format=%3Cscript%3E", "/nope%22%3E%3Cimg%20src=x%20onerror=alert(1)%3E"):
        _, body = head_and_body(exchange(running, request(path)))
        assert b"<script>alert" not in body and b"<img src=x" not in body, path
        found = markup(body)
        assert ("img", "onerror") not in found.attributes


def test_records_keep_the_raw_request_and_the_access_log_stays_one_line_each(
        server_factory, hostile_share, tmp_path):
    log_file = tmp_path / "logs" / "access.log"
    records_seen = []
    running = server_factory(hostile_share, access_log=log_file)
    targets = ["/" + quote(name, safe="") for name in HOSTILE_NAMES]
    targets += ["/%1b%5b2J%1b%5bH", "/%0d%0a127.0.0.1%20-%20-%20forged", "/%e2%80%ae%22x",
                "/?q=%1b]0;pwned%07"]
    user_agent = b"ua\x9b31m\xe2\x80\xae\x85end\"quote\\"
    referer = b"http://ref/\xc2\x9b\x85\xa0"
    for target in targets:
        data = (f"GET {target} HTTP/1.1\r\nHost: localhost\r\n").encode("ascii") \
            + b"User-Agent: " + user_agent + b"\r\nReferer: " + referer \
            + b"\r\nConnection: close\r\n\r\n"
        exchange(running, data)
    records_seen = running.wait_for_records(len(targets))
    assert [r.path for r in records_seen] == targets  # stored raw, exactly as sent
    assert {r.user_agent for r in records_seen} == {user_agent.decode("latin-1")}
    assert {r.referer for r in records_seen} == {referer.decode("latin-1")}
    running.engine.stop()
    text = log_file.read_text(encoding="utf-8")
    lines = text.split("\n")
    assert lines[-1] == "" and len(lines) - 1 == len(targets)
    for line in lines[:-1]:
        assert not re.search("[\x00-\x1f\x7f-\x9f\u2028\u2029]", line), ascii(line)
        assert line.count('"') == 6, line  # request, referer, user agent: quotes escaped
        assert line.startswith("127.0.0.1 - - [")
