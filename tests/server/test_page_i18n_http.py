"""The page in the visitor's language over real HTTP: Accept-Language chooses it, every page
says Vary: Accept-Language, the listing's cache and ETag never hand one language's page to
another, hostile headers fall back to English, and JSON stays English."""

from __future__ import annotations

import http.client
import json
import time

import pytest

from server.collect import CollectConfig
from server.links import LinkStore
from tests.conftest import RunningServer


def get(running: RunningServer, path: str, headers: dict[str, str] | None = None,
        ) -> tuple[int, http.client.HTTPMessage, bytes]:
    conn = http.client.HTTPConnection("127.0.0.1", running.port, timeout=5)
    try:
        conn.request("GET", path, headers=headers or {})
        response = conn.getresponse()
        return response.status, response.headers, response.read()
    finally:
        conn.close()


def page_in(running: RunningServer, accept_language: str, path: str = "/") -> str:
    status, headers, body = get(running, path, {"Accept-Language": accept_language})
    assert status == 200
    assert "Accept-Language" in headers["Vary"]
    return body.decode("utf-8")


def test_accept_language_chooses_the_page_language(server):
    chinese = page_in(server, "zh-CN,zh;q=0.9,en;q=0.8")
    assert '<html lang="zh-CN">' in chinese and 'placeholder="筛选此文件夹"' in chinese
    assert "由 Pier 共享" in chinese  # the template's own text
    german = page_in(server, "fr;q=0.9,de;q=1")
    assert '<html lang="de">' in german and 'placeholder="Diesen Ordner filtern"' in german
    assert "i18n-de.js?v=" in german
    assert '<html lang="en">' in page_in(server, "")


@pytest.mark.parametrize("header", [
    "*", "q=1", "de;q=1.5", "de;q=abc", "de;q=", ";;;,,,", "x" * 7000, "xx;q=0.5," * 600 + "de",
    "zh-TW", "de;q=0.5;q=1", "1234-5678", "de-ÿÿÿ", "*;q=0.1", "de;q=0.0001",
])
def test_garbage_accept_language_gets_english_and_no_error(server, header):
    status, _, body = get(server, "/", {"Accept-Language": header})
    assert status == 200
    assert b'<html lang="en">' in body


def test_the_cache_and_etag_never_cross_languages(server):
    french = get(server, "/", {"Accept-Language": "fr"})
    german = get(server, "/", {"Accept-Language": "de"})
    again = get(server, "/", {"Accept-Language": "fr"})  # from the listing cache now
    assert b'lang="fr"' in french[2] and b'lang="de"' in german[2]
    assert again[2] == french[2]
    french_tag, german_tag = french[1]["ETag"], german[1]["ETag"]
    assert french_tag and german_tag and french_tag != german_tag
    assert again[1]["ETag"] == french_tag
    # a browser that kept the French page asks again: 304 only in French
    status, headers, body = get(server, "/", {"Accept-Language": "fr",
                                              "If-None-Match": french_tag})
    assert (status, body) == (304, b"")
    assert headers["ETag"] == french_tag and "Accept-Language" in headers["Vary"]
    status, headers, body = get(server, "/", {"Accept-Language": "de",
                                              "If-None-Match": french_tag})
    assert status == 200 and b'lang="de"' in body and headers["ETag"] == german_tag


def test_error_pages_are_localized_and_json_stays_english(server):
    status, headers, body = get(server, "/missing.txt", {"Accept-Language": "zh-CN"})
    assert status == 404 and "Accept-Language" in headers["Vary"]
    page = body.decode()
    assert '<html lang="zh-CN">' in page and "找不到" in page and "返回共享文件夹" in page
    status, _, body = get(server, "/missing.txt", {"Accept-Language": "zh-CN",
                                                   "Accept": "application/json"})
    assert status == 404 and json.loads(body)["error"].isascii()
    status, headers, body = get(server, "/?format=json", {"Accept-Language": "de"})
    assert status == 200 and "Accept-Language" not in headers["Vary"]
    assert json.loads(body)["path"] == "/"


def test_search_results_and_markdown_pages_are_localized(server):
    results = page_in(server, "es", "/?q=zzz-nothing")
    assert '<html lang="es">' in results and "Nada dentro de esta carpeta coincide" in results
    assert "0 resultados" in results
    view = page_in(server, "fr", "/docs/notes.md?view")
    assert '<html lang="fr">' in view and ">Télécharger</a>" in view and ">Brut</a>" in view


def test_the_scripts_texts_are_an_asset_per_language(server):
    page = page_in(server, "de")
    start = page.index("/.well-known/pier/assets/i18n-de.js")
    address = page[start:page.index('"', start)]
    status, headers, body = get(server, address)
    assert status == 200 and headers["Content-Type"].startswith("text/javascript")
    assert b"Hochladen von {path}" in body
    assert "Accept-Language" not in headers.get("Vary", "")  # the address names the language


def test_the_pin_form_is_localized(share, links_file, server_factory):
    store = LinkStore(links_file)
    store.load()
    link = store.create(share / "docs", "folder", pin="2468")
    running = server_factory(share, links_file=links_file)
    status, headers, body = get(running, link.url_path + "/", {"Accept-Language": "de"})
    page = body.decode()
    assert status == 403 and "Accept-Language" in headers["Vary"]
    assert '<html lang="de">' in page and "Dieser Link braucht eine PIN" in page
    assert ">Öffnen</button>" in page and "Gib die PIN ein" in page


def test_the_hand_in_page_is_localized(share, tmp_path, server_factory):
    until = time.time() + 3 * 86400 + 3600 + 60
    running = server_factory(share, collect=CollectConfig("Devoirs", until,
                                                          tmp_path / "collect.json"))
    status, headers, body = get(running, "/", {"Accept-Language": "fr-FR"})
    page = body.decode()
    assert status == 200 and "Accept-Language" in headers["Vary"]
    assert '<html lang="fr">' in page and "Déposer des fichiers pour" in page
    assert "Ferme dans <span class=\"left\">3 jours 1 h</span>" in page
    assert "i18n-fr.js" in page
