"""server/call.py: what a route is given. ``may_wait`` sends the request to a worker only on the
serve thread; the query and Accept decide JSON; routes reach the share only once it is bound."""

from __future__ import annotations

import pytest

from server.call import Call, NeedsWorker
from server.config import Limits
from server.http11 import parse_head
from tests.server.conftest import call_for, config_of, request_head


@pytest.fixture
def config(share):
    return config_of(share)


def test_may_wait_hands_over_to_a_worker_only_on_the_serve_thread(config):
    with pytest.raises(NeedsWorker):
        call_for(config, "GET", "/hello.txt", serve_thread=True).may_wait()
    call_for(config, "GET", "/hello.txt").may_wait()  # a worker may wait: nothing raised


def test_a_call_reaches_the_share_only_once_the_router_bound_the_policy(config):
    request = parse_head(request_head("GET", "/"), Limits())
    unbound = Call(request, "/")
    with pytest.raises(AssertionError, match="binds the access policy"):
        _ = unbound.files
    bound = call_for(config, "GET", "/")
    assert bound.files is bound.access
    assert bound.files.target("/hello.txt").fs_path == str(config.root / "hello.txt")


@pytest.mark.parametrize(("target", "fields", "expected"), [
    ("/?format=json", (), True),
    ("/", ("Accept: application/json",), True),
    ("/", ("Accept: text/html, application/json;q=0.9",), False),  # a browser
    ("/", ("Accept: */*",), False),
    ("/", (), False),
    ("/?format=html", ("Accept: application/json",), True),  # Accept alone still asks for it
])
def test_wants_json_by_query_or_accept(config, target, fields, expected):
    assert call_for(config, "GET", target, *fields).wants_json() is expected


def test_first_query_value_or_default(config):
    call = call_for(config, "GET", "/?sort=size&sort=date&order=&x")
    assert call.first("sort") == "size"
    assert call.first("order", "asc") == ""  # given, if empty
    assert call.first("x") == ""
    assert call.first("missing", "name") == "name"
    assert call.query["sort"] == ["size", "date"]


def test_head_only_for_head_requests(config):
    assert call_for(config, "HEAD", "/hello.txt").head_only
    assert not call_for(config, "GET", "/hello.txt").head_only

