"""Markdown to HTML that is safe to put in Pier's pages: text in, HTML out, nothing else.

markdown-it-py with the CommonMark rules plus tables and strikethrough. What the text may not do:

- Raw HTML is off: ``<script>`` or ``<img onerror=...>`` in the text is shown as text.
- Links and images go only to http, https and mailto URLs or to relative ones; any other scheme
  (``javascript:``, ``data:``, ``vbscript:``, ``file:``...) leaves the link as plain text. The
  check runs on the URL markdown-it-py has already entity-decoded and percent-encoded, so
  ``&#106;avascript:`` and ``JaVaScRiPt:`` are caught. Absolute links get
  ``rel="noopener noreferrer"``.
- An image is shown only when it is a path of this server that cannot have side effects: no
  query, no segment starting with a dot (so never ``/.well-known/pier/logout``); any other image
  becomes a link to it, labelled with its text. (The page's CSP would block other origins'
  images anyway.)

And what it may not cost, since a shared folder's README is anyone's text:

- at most MAX_MARKUP characters that can start Markdown syntax (they drive the parser's time;
  a text of brackets or emphasis marks is slow to parse long before it is large),
- at most MAX_TOKENS tokens, counted as the parser makes them (they are its memory: a table
  header of a few hundred columns over a few hundred short lines makes 65,536 empty cells),
- link targets and titles that a reference repeats are counted against twice the text's length
  (``[a]: <long URL>`` then ``[a]`` thousands of times would otherwise make gigabytes),
- nesting stays within markdown-it-py's own ``maxNesting`` (20 levels).

A text over a limit raises TooComplex; the caller shows a short note instead.
"""

from __future__ import annotations

import posixpath
import re
from collections.abc import MutableMapping
from typing import Any
from urllib.parse import unquote

from markdown_it import MarkdownIt
from markdown_it.rules_core import StateCore
from markdown_it.token import Token

MAX_MARKUP = 100_000  # a 512 KiB README of ordinary prose has about 40,000
MAX_TOKENS = 120_000  # about 50 MiB of parser memory at worst
MAX_HTML = 4 * 1024 * 1024  # bigger results are not worth showing (nor keeping in a cache)
LINK_SLACK = 64 * 1024  # link text budget on top of twice the text's length
MARKUP = "*_[]()!|-#>~&<`=+\n"  # the characters that can open Markdown syntax
SAFE_SCHEMES = frozenset({"http", "https", "mailto"})
NO_OPENER = "noopener noreferrer"

_SCHEME = re.compile(r"([A-Za-z][A-Za-z0-9+.\-]*):")
_IGNORED_BY_BROWSERS = re.compile(r"[\x00-\x20]")  # stripped or skipped by URL parsers
_BUDGET = "pier_token_budget"  # the key of the per-parse budget in markdown-it's env


class TooComplex(ValueError):
    """The text would take too long or too much memory to render."""


def link_scheme(url: str) -> str | None:
    """The scheme of ``url`` in lower case, or None for a relative URL."""
    match = _SCHEME.match(_IGNORED_BY_BROWSERS.sub("", url))
    return match.group(1).lower() if match else None


def is_safe_link(url: str) -> bool:
    """Whether a (normalised) link or image URL may appear in the page."""
    scheme = link_scheme(url)
    return scheme is None or scheme in SAFE_SCHEMES


def is_absolute(url: str) -> bool:
    """A URL that leads to another site (or may): it has a scheme or is protocol-relative."""
    return link_scheme(url) is not None or url.lstrip().startswith("//")


def is_local_image(url: str) -> bool:
    """Whether ``url`` may load as an image: a path on this server without a query and without
    a segment that starts with a dot (Pier's own endpoints, hidden files). Leading ".." of a
    relative path are dropped first: wherever they lead, what follows must pass."""
    if is_absolute(url) or "?" in url:
        return False
    path = unquote(url.partition("#")[0]).replace("\\", "/")
    if not path:
        return False
    segments = posixpath.normpath(path).split("/")
    while segments and segments[0] == "..":
        segments.pop(0)
    return not any(segment.startswith(".") for segment in segments)


def markup_count(text: str) -> int:
    """How much of ``text`` can start Markdown syntax (see MARKUP)."""
    return sum(text.count(char) for char in MARKUP)


class _Budget:
    __slots__ = ("left",)

    def __init__(self, left: int) -> None:
        self.left = left


class _CountedTokens(list[Token]):
    """A token list that raises TooComplex when the parse it belongs to has made too many."""

    __slots__ = ("_budget",)

    def __init__(self, budget: _Budget) -> None:
        super().__init__()
        self._budget = budget

    def append(self, token: Token) -> None:
        budget = self._budget
        budget.left -= 1
        if budget.left < 0:
            raise TooComplex("too many tokens")
        super().append(token)


def _count_block_tokens(state: StateCore) -> None:
    """Core rule before "block": the block parser appends to state.tokens."""
    state.tokens = _CountedTokens(state.env[_BUDGET])


def _count_inline_tokens(state: StateCore) -> None:
    """Core rule before "inline": the inline parser appends to each inline token's children."""
    budget = state.env[_BUDGET]
    for token in state.tokens:
        if token.type == "inline":
            token.children = _CountedTokens(budget)


class _SafeMarkdown(MarkdownIt):
    def validateLink(self, url: str) -> bool:  # markdown-it's name, called for every URL
        return is_safe_link(url)


def _parser() -> MarkdownIt:
    md = _SafeMarkdown("commonmark", {"html": False, "linkify": False, "typographer": False})
    md.enable(["table", "strikethrough"])
    md.disable(["html_block", "html_inline"])  # html=False already refuses it; twice is cheap
    md.core.ruler.before("block", "pier_count_block", _count_block_tokens)
    md.core.ruler.before("inline", "pier_count_inline", _count_inline_tokens)
    return md


_MARKDOWN = _parser()


def render_markdown(text: str) -> str:
    """The HTML of the Markdown ``text``; raises TooComplex past a limit (see the module)."""
    if markup_count(text) > MAX_MARKUP:
        raise TooComplex("too much markup")
    env: MutableMapping[str, Any] = {_BUDGET: _Budget(MAX_TOKENS)}
    tokens = _MARKDOWN.parse(text, env)
    _Links(2 * len(text) + LINK_SLACK).secure(tokens)
    _align_by_class(tokens)
    html = _MARKDOWN.renderer.render(tokens, _MARKDOWN.options, env)
    if len(html) > MAX_HTML:
        raise TooComplex("too large once rendered")
    return html


def _align_by_class(tokens: list[Token]) -> None:
    """A table column's alignment as a class (markdown.css): the page's CSP refuses inline
    style attributes, which markdown-it-py uses for it."""
    for token in tokens:
        if token.type in ("th_open", "td_open"):
            style = str(token.attrGet("style") or "")
            if style.startswith("text-align:"):
                token.attrs = {"class": "align-" + style.partition(":")[2]}


class _Links:
    """Marks absolute links, turns images that may not load into links, and drops link targets
    past the budget of link text."""

    def __init__(self, budget: int) -> None:
        self._left = budget

    def secure(self, tokens: list[Token]) -> None:
        for token in tokens:
            if token.children:
                token.children = self._inline(token.children)

    def _inline(self, children: list[Token]) -> list[Token]:
        out: list[Token] = []
        for token in children:
            if token.type == "link_open":
                self._link(token)
                out.append(token)
            elif token.type == "image":
                out.extend(self._image(token))
            else:
                out.append(token)
        return out

    def _spend(self, token: Token, *names: str) -> bool:
        self._left -= sum(len(str(token.attrGet(name) or "")) for name in names)
        return self._left >= 0

    def _link(self, token: Token) -> None:
        if not self._spend(token, "href", "title"):
            token.attrs = {}  # an <a> without a target: the label stays, the repetition goes
            return
        if is_absolute(str(token.attrGet("href") or "")):
            token.attrSet("rel", NO_OPENER)

    def _image(self, token: Token) -> list[Token]:
        src = str(token.attrGet("src") or "")
        if not self._spend(token, "src", "title"):
            return self._inline(list(token.children or []))  # its text only
        if is_local_image(src):
            return [token]
        link = Token("link_open", "a", 1, attrs={"href": src})
        if is_absolute(src):
            link.attrSet("rel", NO_OPENER)
        label = self._inline(list(token.children or [])) or [Token("text", "", 0, content=src)]
        return [link, *label, Token("link_close", "a", -1)]
