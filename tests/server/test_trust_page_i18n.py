"""The trust page (server/routes_trust.py, resources/trust.html) in the visitor's language: over
plain HTTP too, with Vary: Accept-Language, still without a fingerprint, its inline stylesheet
still allowed by the CSP's hash in every language; the 404 reasons translated."""

from __future__ import annotations

import base64
import hashlib
import html
import re
from pathlib import Path

import pytest

from server.page_i18n import LANGUAGES, language
from server.routes_trust import trust_page
from tests.security.test_attack19_trust import https_share
from tests.security.test_trust_routes import fetch
from tests.server.test_routes_trust import (  # noqa: F401  (fixtures used by name)
    PREFIX,
    fingerprint_forms,
    https,
    pier_ca,
    pier_store,
    plain,
)

CHINESE = "zh-CN,zh;q=0.9,en;q=0.5"  # as a phone set to Chinese sends it


def visible(body: bytes) -> str:
    """The page's text as a reader sees it: without the stylesheet, entities decoded."""
    return html.unescape(re.sub(r"<style>.*?</style>", "", body.decode("utf-8"), flags=re.S))


def style_hash_allowed(headers: str, body: bytes) -> bool:
    style = re.search(r"<style>(.*?)</style>", body.decode("utf-8"), re.S)
    assert style is not None
    digest = base64.b64encode(hashlib.sha256(style.group(1).encode()).digest()).decode()
    return f"style-src 'sha256-{digest}'" in headers


def test_over_plain_http_a_chinese_phone_gets_the_page_in_chinese(https, pier_ca):  # noqa: F811
    response = plain(https, PREFIX + "trust", headers={"Accept-Language": CHINESE})
    assert response.status == 200
    assert "Accept-Language" in response.getheader("Vary", "")
    text = visible(response.body)
    assert '<html lang="zh-CN">' in text
    assert "设置 › 通用 › 关于本机 › 证书信任设置" in text and "请核对指纹" in text
    assert "Certificate Trust Settings" not in text and "Check the fingerprint" not in text
    for form in fingerprint_forms(pier_ca):
        assert form.lower() not in response.body.decode().lower()
    # the markup around the translated words is the page's own, not the catalogue's
    assert '<a href="/.well-known/pier/ca.mobileconfig">安装描述文件</a>' in text
    assert "<code>grep -c BEGIN ca.pem</code>" in text and "<b>一个</b>" in text
    assert "$" not in re.sub(r"<style>.*?</style>", "", response.body.decode(), flags=re.S)
    assert style_hash_allowed(response.getheader("Content-Security-Policy"), response.body)
    english = plain(https, PREFIX + "trust")
    assert '<html lang="en">' in english.body.decode()
    assert "Certificate Trust Settings" in visible(english.body)
    assert "Accept-Language" in english.getheader("Vary", "")


def test_https_gives_the_same_page_per_language(https):  # noqa: F811
    status, body, head = fetch(https, PREFIX + "trust", tls=True,
                               extra=("Accept-Language: de-DE,de;q=0.8",))
    assert status == 200 and b"Vary: Accept-Language" in head
    assert "Einstellungen › Allgemein › Info › Zertifikatsvertrauenseinstellungen" in visible(body)
    assert body == fetch(https, PREFIX + "trust", tls=False,
                         extra=("Accept-Language: de",))[1]


@pytest.mark.parametrize("code", LANGUAGES)
def test_every_language_keeps_the_links_commands_and_style_hash(code: str):
    headers, body = trust_page("Pier - test", code)
    text = body.decode("utf-8")
    assert f'<html lang="{language(code).tag}">' in text and "{{" not in text
    assert style_hash_allowed(headers.decode("ascii"), body)
    for name in ("ca.mobileconfig", "ca.crt", "ca.pem"):
        assert f'href="/.well-known/pier/{name}"' in text
    for command in ("certutil -hashfile ca.crt SHA256", "grep -c BEGIN ca.pem",
                    "openssl x509 -noout -fingerprint -sha256 -in ca.pem",
                    "sudo update-ca-certificates"):
        assert f"{command}</code>" in text, (code, command)
    assert text.count("<b>") == text.count("</b>") >= 4
    assert "Pier local CA…" in text  # the certificate's own name, as the phone shows it
    assert trust_page("Pier - test", code) is trust_page("Pier - test", code)  # made once


def test_the_legacy_ca_refusal_is_in_the_visitors_language(server_factory, share: Path):
    running = https_share(server_factory, share, legacy_ca=True)
    for tls in (False, True):
        status, body, _ = fetch(running, PREFIX + "trust", tls=tls, extra=("Accept-Language: fr",))
        assert status == 404
        assert "Remplacez-la d’abord dans le dialogue Certificat de Pier" in visible(body)
