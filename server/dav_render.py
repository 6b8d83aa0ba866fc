"""WebDAV answers as XML (RFC 4918): 207 Multi-Status, ``DAV:error`` bodies with their
precondition codes, lockdiscovery and supportedlock, the LOCK answer.

Documents are built as strings (no ElementTree per entry: a 1,000-entry PROPFIND must stay
cheap), always UTF-8, always with ``DAV:`` bound to the prefix ``D``. Two rules keep every
answer parseable whatever the disk holds:

- an href is the path's bytes percent-encoded (a name that is not UTF-8, held with
  surrogateescape, keeps its exact bytes; ``&<>"'``, controls and spaces are encoded too), so
  it is plain ASCII and names the file exactly;
- text (a displayname, a content type) is escaped by ``xml_text``, and characters XML 1.0
  cannot carry at all (controls other than tab/newline/CR, lone surrogates, U+FFFE/U+FFFF)
  become U+FFFD: the text is for reading, the href is what a client uses to address the file.
"""

from __future__ import annotations

import io
import re
from collections.abc import Iterable, Iterator, Mapping, Sequence
from http import HTTPStatus
from urllib.parse import quote

from server.dav_locks import Lock
from server.dav_xml import XML_NAMESPACE

XML_HEAD = '<?xml version="1.0" encoding="utf-8"?>\n'
MULTISTATUS_OPEN = '<D:multistatus xmlns:D="DAV:">'
MULTISTATUS_CLOSE = "</D:multistatus>"
CONTENT_TYPE = "application/xml; charset=utf-8"
_MULTISTATUS_START = (XML_HEAD + MULTISTATUS_OPEN).encode()
_MULTISTATUS_END = MULTISTATUS_CLOSE.encode()

# Characters XML 1.0 cannot carry, even as a character reference (§2.2 "Char").
_NOT_XML = re.compile("[\x00-\x08\x0b\x0c\x0e-\x1f\ud800-\udfff\ufffe\uffff]")
# Text that xml_text leaves as it is: no escape, no replacement.
_PLAIN_TEXT = re.compile("[^&<>\r\x00-\x08\x0b\x0c\x0e-\x1f\ud800-\udfff\ufffe\uffff]*")
# What an href keeps unencoded besides letters, digits and "_.-~": "/" only, so that no
# character of an href ever needs escaping in XML.
_HREF_SAFE = "/"
_NEEDS_NO_QUOTING = re.compile(r"[A-Za-z0-9_.~/-]*")

SUPPORTED_LOCK = (
    "<D:supportedlock>"
    "<D:lockentry><D:lockscope><D:exclusive/></D:lockscope>"
    "<D:locktype><D:write/></D:locktype></D:lockentry>"
    "<D:lockentry><D:lockscope><D:shared/></D:lockscope>"
    "<D:locktype><D:write/></D:locktype></D:lockentry>"
    "</D:supportedlock>"
)

_STATUS_LINES: dict[int, str] = {}


def status_line(status: int) -> str:
    """``HTTP/1.1 404 Not Found`` for a status."""
    line = _STATUS_LINES.get(status)
    if line is None:
        try:
            phrase = HTTPStatus(status).phrase
        except ValueError:
            phrase = "Status"
        line = _STATUS_LINES[status] = f"HTTP/1.1 {status} {phrase}"
    return line


def xml_text(text: str) -> str:
    """``text`` escaped for element content; characters XML cannot hold become U+FFFD."""
    if _PLAIN_TEXT.fullmatch(text) is not None:  # most names: one scan, nothing to change
        return text
    if _NOT_XML.search(text) is not None:
        text = _NOT_XML.sub("\ufffd", text)
    if "&" in text:
        text = text.replace("&", "&amp;")
    if "<" in text:
        text = text.replace("<", "&lt;")
    if ">" in text:
        text = text.replace(">", "&gt;")
    if "\r" in text:  # a parser turns a literal CR into LF; a reference keeps it
        text = text.replace("\r", "&#13;")
    return text


def xml_attribute(text: str) -> str:
    """``text`` escaped for a double-quoted attribute value."""
    return xml_text(text).replace('"', "&quot;")


def href_of(url_path: str) -> str:
    """The href of a decoded URL path (``/a b/ü``): percent-encoded UTF-8, its original
    bytes for a name held with surrogateescape (POSIX). Pure ASCII, never needing XML
    escapes. Another lone surrogate (an unpaired UTF-16 half in a Windows name) is encoded
    as such (surrogatepass): the answer stays parseable, though no client can send it back."""
    if _NEEDS_NO_QUOTING.fullmatch(url_path):  # most names: skip quote's per-byte work
        return url_path
    try:
        return quote(url_path, safe=_HREF_SAFE, errors="surrogateescape")
    except UnicodeEncodeError:
        return quote(url_path, safe=_HREF_SAFE, errors="surrogatepass")


def href_element(url_path: str) -> str:
    return f"<D:href>{href_of(url_path)}</D:href>"


def prop_element(name: tuple[str, str], value: str = "") -> str:
    """One property element holding ``value`` (already XML); a property outside ``DAV:``
    declares its namespace on itself, so no prefix is ever shared between responses."""
    namespace, local = name
    if namespace == "DAV:":
        return f"<D:{local}>{value}</D:{local}>" if value else f"<D:{local}/>"
    if namespace == XML_NAMESPACE:  # no other prefix may be bound to it, nor the default
        return f"<xml:{local}>{value}</xml:{local}>" if value else f"<xml:{local}/>"
    open_tag = f'<{local} xmlns="{xml_attribute(namespace)}"'
    return f"{open_tag}>{value}</{local}>" if value else f"{open_tag}/>"


def propstat_response(href: str, by_status: Mapping[int, Sequence[str]]) -> str:
    """One ``D:response`` (``href`` already encoded): a ``D:propstat`` per status, holding the
    property elements given for it (200 found, 404 not found, 403 refused, 424 failed
    dependency...). Statuses with no property are left out; a response left with none
    (a PROPFIND naming no property) gets an empty 200 one, as a response needs a propstat."""
    parts = ["<D:response><D:href>", href, "</D:href>"]
    for status, props in by_status.items():
        if props:
            parts.append("<D:propstat><D:prop>")
            parts.extend(props)
            parts.append(f"</D:prop><D:status>{status_line(status)}</D:status></D:propstat>")
    if len(parts) == 3:
        parts.append(f"<D:propstat><D:prop/><D:status>{status_line(200)}</D:status>"
                     "</D:propstat>")
    parts.append("</D:response>")
    return "".join(parts)


def status_response(href: str, status: int, error: str = "") -> str:
    """A ``D:response`` for a resource a COPY/MOVE/DELETE could not act on, with an optional
    precondition code (e.g. ``lock-token-submitted``)."""
    error_xml = f"<D:error><D:{error}/></D:error>" if error else ""
    return (f"<D:response><D:href>{href}</D:href>"
            f"<D:status>{status_line(status)}</D:status>{error_xml}</D:response>")


def multistatus(responses: Iterable[str]) -> bytes:
    """A 207 body around ``D:response`` strings. A 1,000-entry answer is most of a megabyte:
    a join then an encode made two such blocks at once, which cost more than the rendering
    (fresh pages each time); a growing buffer of small encodes costs a tenth of it."""
    out = io.BytesIO()
    out.write(_MULTISTATUS_START)
    for response in responses:
        out.write(response.encode())
    out.write(_MULTISTATUS_END)
    return out.getvalue()


def multistatus_chunks(responses: Iterable[str], chunk: int = 256 * 1024) -> Iterator[bytes]:
    """The same 207 body as ``multistatus``, in pieces of about ``chunk`` bytes, made as they
    are sent (a StreamBody): what is held at once is one piece, whatever the folder's size."""
    out = io.BytesIO()
    out.write(_MULTISTATUS_START)
    for response in responses:
        out.write(response.encode())
        if out.tell() >= chunk:
            yield out.getvalue()
            out = io.BytesIO()
    out.write(_MULTISTATUS_END)
    yield out.getvalue()


def error_body(condition: str, url_paths: Iterable[str] = ()) -> bytes:
    """A ``D:error`` body (RFC 4918 §16) naming a precondition or postcondition:
    ``lock-token-submitted`` and ``no-conflicting-lock`` carry the hrefs of the locked
    resources; ``propfind-finite-depth``, ``lock-token-matches-request-uri``,
    ``cannot-modify-protected-property`` carry nothing."""
    hrefs = "".join(href_element(path) for path in url_paths)
    inner = f"<D:{condition}>{hrefs}</D:{condition}>" if hrefs else f"<D:{condition}/>"
    return f'{XML_HEAD}<D:error xmlns:D="DAV:">{inner}</D:error>'.encode()


def timeout_text(lock: Lock, now: float) -> str:
    """``Second-N`` left on a lock (at least 0)."""
    return f"Second-{max(0, round(lock.expires - now))}"


def active_lock(lock: Lock, now: float) -> str:
    """One ``D:activelock``: scope, type, depth, owner (the client's fragment, re-serialised
    when it was parsed), timeout left, token, lock root."""
    scope = "<D:exclusive/>" if lock.exclusive else "<D:shared/>"
    depth = "infinity" if lock.infinite else "0"
    owner = f"<D:owner>{lock.owner_xml}</D:owner>" if lock.owner_xml else ""
    return (f"<D:activelock><D:lockscope>{scope}</D:lockscope>"
            f"<D:locktype><D:write/></D:locktype><D:depth>{depth}</D:depth>{owner}"
            f"<D:timeout>{timeout_text(lock, now)}</D:timeout>"
            f"<D:locktoken><D:href>{xml_text(lock.token)}</D:href></D:locktoken>"
            f"<D:lockroot>{href_element(lock.root)}</D:lockroot></D:activelock>")


def lock_discovery(locks: Sequence[Lock], now: float) -> str:
    """The ``D:lockdiscovery`` property of a resource under ``locks``."""
    if not locks:
        return "<D:lockdiscovery/>"
    return "<D:lockdiscovery>" + "".join(active_lock(lock, now) for lock in locks) \
        + "</D:lockdiscovery>"


def lock_answer(lock: Lock, now: float) -> bytes:
    """The body of a successful LOCK (new or refreshed): ``D:prop`` with its lockdiscovery.
    The route adds ``Lock-Token: <token>`` to a new lock's answer."""
    return (f'{XML_HEAD}<D:prop xmlns:D="DAV:">'
            f"{lock_discovery([lock], now)}</D:prop>").encode()
