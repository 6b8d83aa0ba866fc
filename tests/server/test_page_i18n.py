"""The page's languages (server/page_i18n.py): Accept-Language, the catalogues' completeness
and placeholders, catalogues in step with the sources, and numbers, sizes, dates and plurals
per language."""

from __future__ import annotations

import importlib.util
import json
import re
import time
from pathlib import Path

import pytest
from babel.messages.catalog import Catalog

from server import page_i18n, pages
from server.listing import Entry, PageContext, render_html
from server.page_i18n import LANGUAGES, language, negotiate

ROOT = Path(__file__).resolve().parents[2]
_spec = importlib.util.spec_from_file_location("page_translations",
                                               ROOT / "scripts" / "page_translations.py")
assert _spec is not None and _spec.loader is not None
tool = importlib.util.module_from_spec(_spec)
_spec.loader.exec_module(tool)

TRANSLATED = ("zh_CN", "es", "de", "fr")
PLACEHOLDER = re.compile(r"%\(\w+\)s|\{\w+\}")


@pytest.mark.parametrize(("header", "code"), [
    ("zh-CN", "zh_CN"), ("zh-Hans", "zh_CN"), ("zh", "zh_CN"), ("ZH-cn,en;q=0.5", "zh_CN"),
    ("zh-Hans-CN", "zh_CN"), ("zh-TW", "en"), ("zh-TW,fr;q=0.4", "fr"),
    ("fr;q=0.9,de;q=1", "de"), ("fr-CA", "fr"), ("de-AT,de;q=0.9", "de"), ("es-419", "es"),
    ("en-GB,fr;q=0.8", "en"), ("ja,de;q=0.1", "de"), ("de;q=0,fr;q=0.001", "fr"),
    ("fr;q=0.5,es;q=0.5", "fr"),  # a tie: the first named
    ("", "en"), ("*", "en"), ("*;q=1,de;q=0.2", "de"), ("de;q=2", "en"), ("de;q=-1", "en"),
    ("de;q=0.1234", "en"), ("de;q=abc", "en"), ("de;;", "en"), (";q=1", "en"),
    ("d€", "en"), ("de-" + "x" * 20, "en"), ("\x00de", "en"), (",,,,", "en"),
])
def test_accept_language_picks_the_best_supported_language(header, code):
    assert negotiate(header) == code


def test_hostile_accept_language_headers_are_bounded():
    assert negotiate("xx;q=0.5," * 10_000 + "de") == "en"  # past the ranges looked at
    assert negotiate("de;q=0.1," + "a" * 1_000_000) == "de"
    assert negotiate(",".join(["fr;q=0.001"] * 5000)) == "fr"


# ---------------------------------------------------------------- the catalogues


def _key(message_id: object) -> str:
    return str(message_id[0] if isinstance(message_id, (tuple, list)) else message_id)


def _placeholders(text: str) -> list[str]:
    return sorted(PLACEHOLDER.findall(text))


@pytest.mark.parametrize("code", TRANSLATED)
def test_every_message_is_translated_with_the_same_placeholders(code):
    catalog: Catalog = tool.read(tool.catalogue(code), code)
    problems = []
    for message in catalog:
        if not message.id:
            continue
        ids = message.id if isinstance(message.id, tuple) else (message.id,)
        forms = message.string if isinstance(message.string, tuple) else (message.string,)
        if message.fuzzy or not all(forms):
            problems.append(f"not translated: {ids[0]!r}")
            continue
        if isinstance(message.id, tuple) and len(forms) != catalog.num_plurals:
            problems.append(f"{len(forms)} plural forms, {catalog.num_plurals} needed: {ids[0]!r}")
        wanted = _placeholders(ids[-1])
        for form in forms:
            if _placeholders(form) != wanted:
                problems.append(f"placeholders {PLACEHOLDER.findall(form)} in {form!r}, "
                                f"{wanted} in {ids[0]!r}")
            # The server puts translations into HTML as they are: one may hold no HTML-special
            # character its message lacks (a reason naming them, "< > : …", is escaped where
            # shown, as its English is).
            if set(re.findall(r'[<>&"]', form)) - set(ids[-1]):
                problems.append(f"HTML-special character in {form!r}")
    assert problems == []


def test_catalogues_are_in_step_with_the_sources(tmp_path):
    fresh = tmp_path / "pier.pot"
    tool.extract(fresh)
    extracted = {_key(message.id) for message in tool.read(fresh) if message.id}
    committed = {_key(message.id) for message in tool.read(tool.TEMPLATE) if message.id}
    assert extracted == committed, "run ./scripts/translations-page"
    assert "Filter this folder" in extracted and "Nothing here matches “{text}”." in extracted
    for code in TRANSLATED:
        translated = {_key(message.id) for message in tool.read(tool.catalogue(code), code)
                      if message.id}
        assert translated == committed, f"{code}: run ./scripts/translations-page"


def test_a_missing_translation_or_placeholder_is_caught(tmp_path, monkeypatch):
    """The checks above can fail: a catalogue with a gap and a changed placeholder."""
    source = tool.catalogue("de").read_text(encoding="utf-8")
    broken = source.replace('msgstr "Diesen Ordner filtern"', 'msgstr ""').replace(
        "„{text}“", "„{txt}“")
    assert broken != source
    folder = tmp_path / "de" / "LC_MESSAGES"
    folder.mkdir(parents=True)
    (folder / "pier.po").write_text(broken, encoding="utf-8")
    monkeypatch.setattr(tool, "LOCALE", tmp_path)
    assert "Filter this folder" in tool.missing("de")
    with pytest.raises(AssertionError):
        test_every_message_is_translated_with_the_same_placeholders("de")


# ---------------------------------------------------------------- what the page shows


def test_sizes_numbers_and_dates_per_language():
    mtime = time.mktime((2026, 11, 25, 9, 45, 30, 0, 0, -1))
    assert language("en").size(1_234_567) == "1.2 MB" and language("en").time(mtime) == \
        "2026-11-25 09:45"
    assert language("fr").size(1_234_567) == "1,2\u202fMo"
    assert language("de").size(1_234_567) == "1,2 MB" and language("de").size(5) == "5 Byte"
    assert language("de").time(mtime) == "25.11.26, 09:45"
    assert language("zh_CN").time(mtime) == "2026/11/25 09:45"
    assert language("es").time(mtime) == "25/11/26, 9:45"
    assert language("de").number(1_234_567) == "1.234.567"
    assert language("fr").time(float("inf")) == "—"


def test_plural_forms_follow_each_language():
    def files(code: str, n: int) -> str:
        lang = language(code)
        return lang.ngettext("%(n)s file", "%(n)s files", n) % {"n": lang.number(n)}

    assert [files("en", n) for n in (0, 1, 2)] == ["0 files", "1 file", "2 files"]
    assert [files("fr", n) for n in (0, 1, 2)] == ["0 fichier", "1 fichier", "2 fichiers"]
    assert [files("de", n) for n in (0, 1, 2)] == ["0 Dateien", "1 Datei", "2 Dateien"]
    assert files("es", 1_000_000) == "1.000.000 de archivos"
    assert files("zh_CN", 1) == files("zh_CN", 2).replace("2", "1") == "1 个文件"


def test_the_listing_is_rendered_in_the_chosen_language():
    entries = [Entry("a.txt", False, 1_250, 1.7e9), Entry("b", True, 0, 1.7e9)]
    page = render_html("/", entries, page=PageContext(can_upload=True, language="zh_CN"))
    text = page.decode()
    assert '<html lang="zh-CN">' in text
    assert 'placeholder="筛选此文件夹"' in text and ">上传</button>" in text
    assert "2 项：1 个文件夹，1 个文件（1.3 kB）" in text
    assert "{{" not in text and "Filter this folder" not in text
    assert "i18n-zh_CN.js" in text
    english = render_html("/", entries, page=PageContext(can_upload=True)).decode()
    assert '<html lang="en">' in english and 'placeholder="Filter this folder"' in english


@pytest.mark.parametrize("code", LANGUAGES)
def test_every_template_is_translated_in_every_language(code):
    for name in pages.TEMPLATES:
        text = pages.template(name, code).template
        assert "{{" not in text and "}}" not in text
        assert f'<html lang="{language(code).tag}">' in text


def test_the_scripts_get_their_texts_and_plural_rule():
    asset = pages.asset("i18n-fr.js")
    assert asset is not None
    body, ctype, _ = asset
    assert ctype.startswith("text/javascript")
    table = json.loads(body.decode().split("window.pierI18n = ", 1)[1].split(";\n", 1)[0])
    assert table["lang"] == "fr" and table["decimal"] == ","
    assert table["messages"]["Upload of {path}"] == "Envoi de {path}"
    assert "Filter this folder" not in table["messages"]  # the server's own, not the scripts'
    assert table["plurals"]["{n} selected"][0] == "{n} sélectionné"
    assert table["pluralIndex"] == {"one": 0, "many": 1, "other": 2}
    assert "window.pierText" in body.decode()  # the helper follows the table
    english = pages.asset("i18n-en.js")
    assert english is not None and b'"messages": {}' in english[0]
    assert pages.asset("i18n-xx.js") is None


def test_unknown_language_codes_are_english():
    assert language("xx") is language("en")
    assert page_i18n.for_header("de" * 500) is language("en")
