"""The page's catalogues (resources/locale/): extract the messages of the server's Python, the
page's scripts and templates into pier.pot, bring every language's pier.po in step with it, and
say what each language still lacks. Run by scripts/translations-page; tests/server/
test_page_i18n_catalogues.py imports it to check that the committed catalogues are in step.

Babel does the work (pybabel extract/update); the mapping is resources/locale/babel.cfg. Line
numbers are left out of the catalogues (file names stay: the server tells the scripts' messages
by them), so moving code does not rewrite every .po.
"""

from __future__ import annotations

import os
import shutil
import sys
import tempfile
from pathlib import Path

from babel.messages.catalog import Catalog
from babel.messages.frontend import CommandLineInterface
from babel.messages.pofile import read_po

ROOT = Path(__file__).resolve().parent.parent
LOCALE = ROOT / "resources" / "locale"
TEMPLATE = LOCALE / "pier.pot"
MAPPING = LOCALE / "babel.cfg"
DOMAIN = "pier"
TRANSLATED = ("zh_CN", "es", "de", "fr")
# t("…") and tn("one", "many", n) in the scripts; Python's gettext/ngettext/N_ are Babel's own.
KEYWORDS = ("-k", "t", "-k", "tn:1,2")


def pybabel(*args: str) -> None:
    CommandLineInterface().run(["pybabel", "-q", *args])


def extract(output: Path) -> None:
    """The messages of the sources as they are now, into ``output`` (a .pot); paths in it are
    relative to the repository."""
    os.chdir(ROOT)  # the mapping's patterns and the locations are relative to it
    sys.path.insert(0, str(ROOT))  # the templates' extractor: server.i18n_extract
    pybabel("extract", "-F", str(MAPPING), *KEYWORDS, "--add-location=file", "--sort-by-file",
            "--no-wrap", "--project=Pier", "--copyright-holder=Pier's authors",
            "-o", str(output), ".")


def update() -> None:
    """Each language's .po in step with pier.pot: new messages empty, changed ones fuzzy,
    removed ones dropped."""
    for code in TRANSLATED:
        po = catalogue(code)
        if not po.exists():
            pybabel("init", "-i", str(TEMPLATE), "-d", str(LOCALE), "-D", DOMAIN, "-l", code,
                    "--no-wrap")
    pybabel("update", "-i", str(TEMPLATE), "-d", str(LOCALE), "-D", DOMAIN, "--no-wrap",
            "--ignore-obsolete")


def catalogue(code: str) -> Path:
    return LOCALE / code / "LC_MESSAGES" / f"{DOMAIN}.po"


def read(path: Path, code: str | None = None) -> Catalog:
    with path.open("rb") as source:
        return read_po(source, locale=code, domain=DOMAIN)


def missing(code: str) -> list[str]:
    """The messages ``code`` has no (or only a fuzzy) translation of."""
    lacking = []
    for message in read(catalogue(code), code):
        if not message.id:
            continue
        forms = message.string if isinstance(message.string, tuple) else (message.string,)
        if message.fuzzy or not all(forms):
            lacking.append(message.id[0] if isinstance(message.id, tuple) else message.id)
    return lacking


def messages_of(path: Path) -> list[tuple[object, list[tuple[str, int | None]]]]:
    """What a .pot says, without its header (whose creation date changes at every run)."""
    return [(message.id, sorted(message.locations)) for message in read(path) if message.id]


def extract_if_changed() -> None:
    """pier.pot made again, but only written when its messages changed: no churn in git."""
    with tempfile.TemporaryDirectory() as folder:
        fresh = Path(folder) / "pier.pot"
        extract(fresh)
        if not TEMPLATE.exists() or messages_of(fresh) != messages_of(TEMPLATE):
            shutil.copyfile(fresh, TEMPLATE)


def main(argv: list[str]) -> int:
    extract_if_changed()
    update()
    gaps = 0
    for code in TRANSLATED:
        lacking = missing(code)
        gaps += len(lacking)
        print(f"{code}: {'complete' if not lacking else f'{len(lacking)} to translate'}")
        for message in lacking[:50] if "--all" not in argv else lacking:
            print(f"  {message!r}")
    return 1 if gaps else 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
