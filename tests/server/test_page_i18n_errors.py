"""HTTP errors' reasons in the visitor's language: the error page shows the reason translated
(a reason with fields, such as a limit or a method, filled after translation), while a JSON
answer keeps its English "error" byte for byte (scripts read it) and adds "message" only for a
request in another language."""

from __future__ import annotations

import http.client
import json
import re
from pathlib import Path

import pytest

from server.http11 import HttpError
from server.page_i18n import language
from server.routes_links import _locked
from server.tus_store import TooManyUploads
from tests.conftest import RunningServer

BOUNDARY = "pier-test-boundary"
FORM = (f'--{BOUNDARY}\r\nContent-Disposition: form-data; name="file"; filename="big.txt"\r\n'
        f"Content-Type: text/plain\r\n\r\n{'y' * 100}\r\n--{BOUNDARY}--\r\n").encode()
FORM_TYPE = f"multipart/form-data; boundary={BOUNDARY}"
JSON = {"Accept": "application/json"}

# (name, share options, method, path, body, headers, status, English reason, German reason).
# The English texts are the answers Pier gave before its reasons were translated.
CASES = [
    ("403", {"upload": True}, "POST", "/docs/", FORM,
     {"Content-Type": FORM_TYPE, "Origin": "http://elsewhere.example"}, 403,
     "Changes must come from Pier's own page.",
     "Änderungen müssen von Piers eigener Seite kommen."),
    ("404", {}, "GET", "/missing.txt", b"", {}, 404,
     "Not found.", "Nicht gefunden."),
    ("413", {"upload": True, "max_upload_bytes": 10}, "POST", "/docs/", FORM,
     {"Content-Type": FORM_TYPE}, 413,
     "The file is larger than uploads may be.", "Die Datei ist größer, als Uploads sein dürfen."),
    ("400 with a limit", {}, "GET", "/?q=" + "x" * 300, b"", {}, 400,
     "The search text is too long (at most 200 characters).",
     "Der Suchtext ist zu lang (höchstens 200 Zeichen)."),
    ("405 with a method", {}, "PATCH", "/hello.txt", b"", {}, 405,
     "PATCH is not allowed here.", "PATCH ist hier nicht erlaubt."),
    ("405 uploads off", {}, "POST", "/docs/", FORM, {"Content-Type": FORM_TYPE}, 405,
     "Uploads are turned off in Pier for this share.",
     "Hochladen ist in Pier für diese Freigabe ausgeschaltet."),
]


def ask(running: RunningServer, method: str, path: str, body: bytes, headers: dict[str, str],
        ) -> tuple[int, http.client.HTTPMessage, bytes]:
    conn = http.client.HTTPConnection("127.0.0.1", running.port, timeout=5)
    try:
        conn.request(method, path, body=body, headers=headers)
        response = conn.getresponse()
        return response.status, response.headers, response.read()
    finally:
        conn.close()


def detail_of(page: bytes) -> str:
    found = re.search(rb'<p class="detail">(.*?)</p>', page, re.DOTALL)
    assert found, page[:400]
    return found.group(1).decode()


@pytest.fixture(params=CASES, ids=[case[0] for case in CASES])
def case(request, share: Path, server_factory):
    _, options, method, path, body, headers, status, english, german = request.param
    return server_factory(share, **options), method, path, body, headers, status, english, german


def test_the_error_page_shows_the_reason_in_german(case):
    running, method, path, body, headers, status, english, german = case
    got, answer_headers, page = ask(running, method, path, body,
                                    {**headers, "Accept-Language": "de-DE,de;q=0.9"})
    assert got == status and "Accept-Language" in answer_headers["Vary"]
    assert b'<html lang="de">' in page
    assert detail_of(page) == german
    assert english.encode() not in page


def test_the_json_answer_keeps_its_english_text_byte_for_byte(case):
    running, method, path, body, headers, status, english, german = case
    for accept_language in ("", "en-GB,en;q=0.9", "zh-TW"):  # none, English, unsupported
        extra = {"Accept-Language": accept_language} if accept_language else {}
        got, _, answer = ask(running, method, path, body, {**headers, **JSON, **extra})
        assert got == status
        assert answer == json.dumps({"status": status, "error": english}).encode()
    got, answer_headers, answer = ask(running, method, path, body,
                                      {**headers, **JSON, "Accept-Language": "de"})
    assert got == status and "Accept-Language" in answer_headers["Vary"]
    assert json.loads(answer) == {"status": status, "error": english, "message": german}


def test_the_english_page_keeps_the_english_reason(case):
    running, method, path, body, headers, status, english, _ = case
    got, _, page = ask(running, method, path, body, headers)
    assert got == status and detail_of(page) == english.replace("'", "&#x27;")


def test_a_reasons_fields_are_filled_after_translation():
    err = HttpError(400, "The search text is too long (at most %(limit)s characters).",
                    fields={"limit": 200})
    assert err.reason == str(err) == "The search text is too long (at most 200 characters)."
    assert err.localize(language("fr").gettext) == \
        "Le texte recherché est trop long (200 caractères au plus)."
    assert err.localize(language("en").gettext) == err.reason
    # a translation that does not fit the fields gives the English, never an error
    assert err.localize(lambda text: "%(nope)s") == err.reason
    assert err.localize(lambda text: "%(limit)d %") == err.reason


def test_reasons_built_from_fields_say_what_they_said_before():
    assert _locked(45, 0).reason == ("Too many wrong PINs: this link is locked; try again in 1 "
                                     "minute (after 00:00 UTC).")
    locked = _locked(600, 0)
    assert locked.reason == ("Too many wrong PINs: this link is locked; try again in 10 "
                             "minutes (after 00:10 UTC).")
    assert locked.localize(language("de").gettext) == (
        "Zu viele falsche PINs: Dieser Link ist gesperrt; versuch es in 10 Minuten erneut "
        "(nach 00:10 UTC).")
    many = TooManyUploads("You have %(count)s unfinished uploads; finish or cancel some first.",
                          count=32)
    assert str(many) == "You have 32 unfinished uploads; finish or cancel some first."
    assert HttpError(429, many.reason, fields=many.fields).localize(language("es").gettext) == \
        "Tienes 32 subidas sin terminar; termina o cancela algunas primero."


def test_a_gone_share_says_so_in_the_visitors_language():
    from server.health import ShareUnavailable

    gone = ShareUnavailable()
    assert gone.reason.startswith("This share is unavailable. The shared folder is not there")
    assert gone.localize(language("fr").gettext).startswith(
        "Ce partage est indisponible. Le dossier partagé n’est pas là")
