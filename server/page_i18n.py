"""The page in the visitor's language: which language a request gets (Accept-Language), the
gettext catalogue of that language (resources/locale/<lang>/LC_MESSAGES/pier.po, read with
Babel once per process), and the numbers, sizes and dates written the way that language writes
them. Everything here is made once per language and kept: the listing's rows only call the
precompiled `size` and `time` of a `PageLanguage`.

The page's scripts take their texts from the same catalogue: `script_table` is the part of it
that the scripts use (the messages whose source is a .js file), with the plural rule and the
number format, served as the asset ``i18n-<lang>.js`` (server/pages.py). The CLI and the JSON
error texts stay English: scripts read them.
"""

from __future__ import annotations

import json
import re
import time
from collections.abc import Callable, Mapping
from dataclasses import dataclass, field
from functools import lru_cache
from gettext import c2py
from importlib.resources import files

from babel import Locale
from babel.dates import (
    format_datetime,
    get_date_format,
    get_datetime_format,
    get_period_names,
    get_time_format,
    parse_pattern,
)
from babel.messages.catalog import Catalog
from babel.messages.pofile import read_po
from babel.numbers import format_decimal, get_decimal_symbol
from babel.units import format_unit

from server.units import SIZE_UNITS, format_size

ENGLISH = "en"
# The languages the page speaks, English (the messages' own language) first.
LANGUAGES = (ENGLISH, "zh_CN", "es", "de", "fr")
DOMAIN = "pier"
_PRIMARY = {"en": "en", "es": "es", "de": "de", "fr": "fr"}
# Chinese tags that mean Simplified Chinese; zh-TW, zh-HK and zh-Hant do not (they fall through
# to the next language the browser asks for, then English).
_SIMPLIFIED = {"zh", "zh-cn", "zh-hans", "zh-sg", "zh-my", "zh-hans-cn", "zh-hans-sg"}
MAX_HEADER = 2048  # an Accept-Language past this is cut: a browser's is a few dozen characters
MAX_RANGES = 32
_TAG = re.compile(r"\*|[A-Za-z]{1,8}(?:-[A-Za-z0-9]{1,8})*")
_QVALUE = re.compile(r"q=(0(?:\.[0-9]{0,3})?|1(?:\.0{0,3})?)", re.IGNORECASE)
_UNIT_KEYS = {"B": "digital-byte", "kB": "digital-kilobyte", "MB": "digital-megabyte",
              "GB": "digital-gigabyte", "TB": "digital-terabyte", "PB": "digital-petabyte"}


def N_(message: str) -> str:
    """Marks ``message`` for the catalogue where it is written; it is translated where shown."""
    return message


def negotiate(header: str) -> str:
    """The language of ``Accept-Language: header`` (RFC 9110 12.5.4): the supported one with the
    highest q (the first named wins a tie); English when none is supported. A malformed range
    or q-value is skipped, never an error; ``*`` is English."""
    best, best_q = ENGLISH, 0.0
    for item in header[:MAX_HEADER].split(",")[:MAX_RANGES]:
        tag, _, params = item.strip().partition(";")
        tag = tag.strip()
        if not _TAG.fullmatch(tag):
            continue
        q = _quality(params)
        code = _supported(tag.lower())
        if q is not None and code is not None and q > best_q:
            best, best_q = code, q
    return best


def _quality(params: str) -> float | None:
    """The range's q (1 when absent); None for a malformed one."""
    value = params.strip()
    if not value:
        return 1.0
    found = _QVALUE.fullmatch(value.replace(" ", ""))
    return float(found.group(1)) if found else None


def _supported(tag: str) -> str | None:
    if tag in _SIMPLIFIED or tag.startswith("zh-hans-"):
        return "zh_CN"
    primary = tag.partition("-")[0]
    return None if primary == "zh" else _PRIMARY.get(primary)


# ---------------------------------------------------------------- the catalogue


def catalogue_path(code: str) -> str:
    return f"locale/{code}/LC_MESSAGES/{DOMAIN}.po"


def read_catalogue(code: str) -> Catalog:
    """The .po of ``code`` as Babel reads it (compiled at load: see README, Translations)."""
    with (files("resources") / catalogue_path(code)).open("rb") as source:
        return read_po(source, locale=code, domain=DOMAIN)


@dataclass(frozen=True)
class _Messages:
    """A catalogue as lookups: msgid -> text, and msgid -> plural forms in gettext order."""

    singular: Mapping[str, str] = field(default_factory=dict)
    plural: Mapping[str, tuple[str, ...]] = field(default_factory=dict)
    plural_index: Callable[[int], int] = lambda n: 0 if n == 1 else 1
    script_ids: frozenset[str] = frozenset()


def _messages(code: str) -> _Messages:
    if code == ENGLISH:
        return _Messages()
    catalog = read_catalogue(code)
    singular: dict[str, str] = {}
    plural: dict[str, tuple[str, ...]] = {}
    script: set[str] = set()
    for message in catalog:
        if not message.id or message.fuzzy:
            continue
        key = str(message.id[0] if isinstance(message.id, (tuple, list)) else message.id)
        if isinstance(message.id, tuple) and isinstance(message.string, tuple):
            if all(message.string):
                plural[key] = tuple(message.string)
        elif isinstance(message.string, str) and message.string:
            singular[key] = message.string
        if any(path.endswith(".js") for path, _ in message.locations):
            script.add(key)
    return _Messages(singular, plural, c2py(catalog.plural_expr), frozenset(script))


# ---------------------------------------------------------------- dates

_FIELDS: dict[str, Callable[[time.struct_time], str]] = {
    "y": lambda t: str(t.tm_year), "yyyy": lambda t: f"{t.tm_year:04d}",
    "yy": lambda t: f"{t.tm_year % 100:02d}",
    "M": lambda t: str(t.tm_mon), "MM": lambda t: f"{t.tm_mon:02d}",
    "d": lambda t: str(t.tm_mday), "dd": lambda t: f"{t.tm_mday:02d}",
    "H": lambda t: str(t.tm_hour), "HH": lambda t: f"{t.tm_hour:02d}",
    "h": lambda t: str(t.tm_hour % 12 or 12), "hh": lambda t: f"{t.tm_hour % 12 or 12:02d}",
    "m": lambda t: str(t.tm_min), "mm": lambda t: f"{t.tm_min:02d}",
}


def _iso_time(struct: time.struct_time) -> str:
    return time.strftime("%Y-%m-%d %H:%M", struct)


def _time_formatter(code: str) -> Callable[[time.struct_time], str]:
    """The language's short date and time ("25.11.26, 09:45"), compiled once into a format
    string of struct_time fields, so a row costs a dict and a % (Babel's own formatter, per
    row, when the pattern uses a field not compiled here)."""
    if code == ENGLISH:  # the page's English stays ISO 8601, as it always was
        return _iso_time
    both = str(get_datetime_format("short", code)).replace("'", "")
    pattern = both.replace("{1}", get_date_format("short", code).pattern).replace(
        "{0}", get_time_format("short", code).pattern)
    template = str(parse_pattern(pattern).format)  # "%(dd)s.%(MM)s.%(yy)s, %(HH)s:%(mm)s"
    fields = {name: _FIELDS.get(name) for name in re.findall(r"%\((\w+)\)s", template)}
    periods = get_period_names(locale=code)
    if "a" in fields:
        fields["a"] = lambda t: periods["pm" if t.tm_hour >= 12 else "am"]
    if any(maker is None for maker in fields.values()):
        from datetime import datetime

        return lambda t: format_datetime(datetime(*t[:6]), pattern, locale=code)
    makers = {name: maker for name, maker in fields.items() if maker is not None}
    return lambda t: template % {name: maker(t) for name, maker in makers.items()}


# ---------------------------------------------------------------- a language


@dataclass(frozen=True)
class PageLanguage:
    """One language of the page: its texts, and numbers, sizes and dates as it writes them."""

    code: str  # "zh_CN": the catalogue's folder and the key of everything cached per language
    tag: str  # "zh-CN": <html lang>, Intl in the scripts
    messages: _Messages
    decimal: str
    units: Mapping[str, str]  # "MB" -> "{} Mo"
    time_text: Callable[[time.struct_time], str]

    def gettext(self, message: str) -> str:
        return self.messages.singular.get(message, message)

    def ngettext(self, singular: str, plural: str, n: int) -> str:
        forms = self.messages.plural.get(singular)
        if forms is None:
            return singular if n == 1 else plural
        index = self.messages.plural_index(n)
        return forms[index] if 0 <= index < len(forms) else forms[-1]

    def number(self, n: int) -> str:
        """An integer with the language's grouping: "1,234", "1.234", "1 234"."""
        return format_decimal(n, locale=self.code) if n >= 1000 else str(n)

    def size(self, size: int) -> str:
        """server.units.format_size in this language: "1,2 Mo"."""
        text = format_size(size)
        if self.code == ENGLISH:
            return text
        number, _, unit = text.partition(" ")
        return self.units.get(unit, "{} " + unit).format(number.replace(".", self.decimal))

    def time(self, mtime: float) -> str:
        """A file's time in the server's time zone, "—" when it cannot be represented."""
        try:
            return self.time_text(time.localtime(mtime))
        except (OverflowError, OSError, ValueError):
            return "—"

    def script_table(self) -> str:
        return _script_table(self.code)


def language(code: str) -> PageLanguage:
    """The language ``code`` (one of LANGUAGES; anything else is English), made once."""
    return _made(code if code in LANGUAGES else ENGLISH)


@lru_cache(maxsize=len(LANGUAGES))
def _made(code: str) -> PageLanguage:
    units = {}
    if code != ENGLISH:
        for unit in ("B", *SIZE_UNITS):
            key = _UNIT_KEYS.get(unit)
            if key is not None:
                units[unit] = format_unit(7, key, "short", locale=code).replace("7", "{}", 1)
    return PageLanguage(code, code.replace("_", "-"), _messages(code),
                        get_decimal_symbol(code), units, _time_formatter(code))


def for_header(header: str) -> PageLanguage:
    """The language of a request's Accept-Language; the same few headers come again and again,
    so short ones are remembered."""
    return language(_remembered(header) if len(header) <= 120 else negotiate(header))


@lru_cache(maxsize=256)
def _remembered(header: str) -> str:
    return negotiate(header)


def _plural_categories(code: str, messages: _Messages) -> dict[str, int]:
    """CLDR plural category (what Intl.PluralRules.select says) -> the catalogue's form index,
    sampled from the same numbers in both rules."""
    rule = Locale.parse(code).plural_form
    found: dict[str, int] = {}
    for n in (*range(0, 200), 1000, 10_000, 1_000_000, 2_000_000):
        found.setdefault(rule(n), messages.plural_index(n))
    return found


@lru_cache(maxsize=len(LANGUAGES))
def _script_table(code: str) -> str:
    """The scripts' part of the catalogue as a JavaScript file setting ``window.pierI18n``."""
    lang = language(code)
    messages = lang.messages
    table = {
        "lang": lang.tag,
        "messages": {key: value for key, value in messages.singular.items()
                     if key in messages.script_ids},
        "plurals": {key: list(forms) for key, forms in messages.plural.items()
                    if key in messages.script_ids},
        "pluralIndex": _plural_categories(code, messages),
        "decimal": lang.decimal,
        "units": dict(lang.units),
    }
    text = json.dumps(table, ensure_ascii=False, sort_keys=True).replace("</", "<\\/")
    return f'"use strict";\nwindow.pierI18n = {text};\n'
