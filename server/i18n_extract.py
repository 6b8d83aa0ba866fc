"""Babel's extractors for the page's catalogue, named in resources/locale/babel.cfg and run by
scripts/translations-page:

- ``extract_templates``: every ``{{text}}`` of a page template (resources/*.html) is a message
  (server/pages.py translates them when a template is first used in a language);
- ``extract_python``: Babel's own Python extractor, plus the t(...) and
  lang.gettext(...) calls written inside f-strings, which it cannot see before Python 3.12
  (an f-string is one token there).
"""

from __future__ import annotations

import io
import re
from collections.abc import Collection, Iterator, Mapping
from typing import IO, Any

from babel.messages.extract import extract_python as babel_python

from server.pages import TEMPLATE_TEXT

Extracted = Iterator[tuple[int, Any, Any, list[str]]]
_CALL_IN_FSTRING = re.compile(r'\{(?:t|(?:[\w.]+\.)?gettext)\("([^"\\{}]+)"\)')


def extract_templates(fileobj: IO[bytes], keywords: Mapping[str, Any],
                      comment_tags: Collection[str], options: Mapping[str, Any]) -> Extracted:
    """(line, funcname, message, comments) of each ``{{text}}`` in a template."""
    source = fileobj.read().decode(options.get("encoding", "utf-8"))
    for found in TEMPLATE_TEXT.finditer(source):
        yield source.count("\n", 0, found.start()) + 1, "", found.group(1), []


def extract_python(fileobj: IO[bytes], keywords: Mapping[str, Any],
                   comment_tags: Collection[str], options: Mapping[str, Any]) -> Extracted:
    source = fileobj.read()
    own: Iterator[Any] = babel_python(io.BytesIO(source), keywords, comment_tags,
                                      dict(options))  # type: ignore[arg-type]
    yield from own  # (line, funcname, message or (singular, plural, None), comments)
    text = source.decode(options.get("encoding", "utf-8"))
    for found in _CALL_IN_FSTRING.finditer(text):
        yield text.count("\n", 0, found.start()) + 1, "gettext", found.group(1), []
