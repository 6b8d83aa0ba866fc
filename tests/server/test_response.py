"""server/response.py: what a route returns. The length a head announces by body kind and
status, which bodies the serve thread may send from memory, and the helpers' headers."""

from __future__ import annotations

import json
import os

import pytest

from server.access import policy_for
from server.cache import FileCache
from server.health import ShareUnavailable
from server.http11 import HttpError
from server.response import (
    HTML,
    JSON,
    NO_STORE,
    NOSNIFF,
    PAGE_CSP,
    FileSpan,
    Response,
    ZipBody,
    error_response,
    html_page,
    json_document,
    redirect,
)
from tests.server.conftest import config_of


@pytest.fixture
def span(share) -> FileSpan:
    config = config_of(share)
    path = str(config.root / "big.bin")
    facts = FileCache().facts(path, os.stat(path))
    return FileSpan(facts, 100, 5000, policy_for(config).bind(None))


def test_length_by_body_kind(span):
    assert Response(200, body=b"12345").length == 5
    assert Response(200).length == 0
    assert Response(206, body=span).length == 5000  # the span, not the file
    assert Response(200, body=ZipBody(lambda: [], "/")).length is None  # known at the end


@pytest.mark.parametrize("status", [204, 304])
def test_no_length_where_the_status_allows_no_body(status, span):
    assert Response(status, body=b"ignored").length is None
    assert Response(status, body=span).length is None


def test_only_bytes_come_from_memory(span):
    assert Response(200, body=b"x").from_memory
    assert not Response(200, body=span).from_memory
    assert not Response(200, body=ZipBody(lambda: [], "/")).from_memory


def test_redirect():
    response = redirect("/docs/%C3%A9t%C3%A9/?sort=size")
    assert response.status == 301 and not response.close
    assert b"Location: /docs/%C3%A9t%C3%A9/?sort=size\r\n" in response.headers
    assert b"Content-Type: text/plain" in response.headers
    assert response.body == b"Moved to /docs/%C3%A9t%C3%A9/?sort=size\n"
    assert redirect("/x", 308, close=True) == Response(
        308, b"Location: /x\r\n" + b"Content-Type: text/plain; charset=utf-8\r\n",
        b"Moved to /x\n", close=True)


def test_redirect_takes_only_a_quoted_location():
    with pytest.raises(UnicodeEncodeError):
        redirect("/été/")


def test_html_page_is_locked_down():
    response = html_page(200, b"<p>hi</p>", b"X-Extra: 1\r\n")
    assert response.headers == HTML + PAGE_CSP + NOSNIFF + b"X-Extra: 1\r\n"
    assert b"frame-ancestors 'none'" in response.headers
    assert response.body == b"<p>hi</p>"


def test_json_document_keeps_text_as_utf8():
    response = json_document(200, {"name": "été", "n": [1, 2]})
    assert response.headers == JSON + NOSNIFF
    assert response.body == '{"name": "été", "n": [1, 2]}'.encode()
    assert json.loads(response.body) == {"name": "été", "n": [1, 2]}


def test_error_as_json_keeps_the_errors_headers():
    err = HttpError(416, "The requested range is not satisfiable.", close=False,
                    headers=b"Content-Range: bytes */10\r\n")
    response = error_response(err, as_json=True, server_name="Pier")
    assert response.status == 416
    assert json.loads(response.body) == {"status": 416,
                                         "error": "The requested range is not satisfiable."}
    assert response.headers.startswith(JSON)
    assert NO_STORE in response.headers
    assert response.headers.endswith(b"Content-Range: bytes */10\r\n")


def test_error_as_a_page_names_the_status_and_the_share():
    response = error_response(HttpError(404, "Not <found>."), as_json=False,
                              server_name="Holiday <photos>")
    assert response.status == 404
    assert response.headers.startswith(HTML + PAGE_CSP)
    assert NO_STORE in response.headers
    page = response.body.decode()
    assert '<h1 class="reason">Not Found</h1>' in page  # the status phrase
    assert "Not &lt;found&gt;." in page  # the reason, escaped
    assert "Holiday &lt;photos&gt;" in page and "<photos>" not in page


def test_error_page_takes_the_errors_own_title_and_detail():
    err = ShareUnavailable()
    page = error_response(err, as_json=False, server_name="Pier").body.decode()
    assert f'<h1 class="reason">{err.title}</h1>' in page
    assert err.detail.split(":")[0] in page
    assert error_response(err, as_json=False, server_name="Pier").headers.endswith(
        b"Retry-After: 5\r\n")
