"""WebDAV request bodies (RFC 4918): PROPFIND, PROPPATCH and LOCK, read into plain records.

The bodies come from the network, so they are parsed with defusedxml (no DTD, no entity, no
external reference: billion laughs and XXE are refused before anything is expanded), after a
size cap (``MAX_BODY``), with a bound on nesting depth and on the number of elements. Every
refusal is a ``DavBadRequest`` (400 and a short reason), never a parser's traceback.

Names are ``(namespace, local)`` pairs, so ``DAV:`` is recognised whatever prefix a client
chose (``D:``, ``d:``, ``a:``, a default namespace: davfs2 and cadaver send ``xmlns="DAV:"``
on each element) and a foreign property (``{urn:schemas-microsoft-com:}Win32FileAttributes``,
``{http://www.apple.com/webdav_fs/props/}appledoubleheader``) keeps its own namespace.

An empty PROPFIND body means allprop (RFC 4918 §9.1); an empty LOCK body means a refresh
(§9.10.2), returned as ``None``. A LOCK's ``owner`` is opaque XML the server must hand back in
lockdiscovery: it is kept as a fragment re-serialised here (each element declares its own
namespace, text escaped), never as the client's bytes, so echoing it cannot break a document.
Unknown elements are ignored where the RFC asks for that (extensibility, §17).
"""

from __future__ import annotations

import io
from dataclasses import dataclass
from typing import Literal
from xml.etree.ElementTree import Element, ParseError

from defusedxml import DefusedXmlException
from defusedxml.ElementTree import iterparse

DAV = "DAV:"
XML_NAMESPACE = "http://www.w3.org/XML/1998/namespace"  # the prefix xml's, and only its
MAX_BODY = 64 * 1024  # the largest body read as XML (a PROPFIND of 200 names is ~10 KiB)
MAX_DEPTH = 32  # nesting deeper than any DAV body needs (a LOCK owner is ~4 levels)
MAX_ELEMENTS = 4096  # elements in one body
MAX_OWNER = 4096  # characters of a LOCK owner kept and echoed back in lockdiscovery
# A PROPFIND's named properties are answered for every entry: what one entry repeats is
# bounded: Windows names 9 properties in 266 characters, rclone 7 in 152; five times that
MAX_NAMED = 48
MAX_NAMED_CHARS = 1536  # namespaces and names of the named properties together

PropName = tuple[str, str]  # (namespace, local name); the namespace is "" when there is none


class DavBadRequest(Exception):
    """A request body (or DAV header) the server refuses: answer ``status`` with ``reason``."""

    def __init__(self, reason: str, status: int = 400) -> None:
        super().__init__(reason)
        self.status = status
        self.reason = reason


@dataclass(frozen=True, slots=True)
class PropfindRequest:
    """What a PROPFIND asks: every property (``allprop``, plus ``names`` from ``include``),
    the names only (``propname``), or the ``names`` listed (``prop``)."""

    kind: Literal["allprop", "propname", "prop"]
    names: tuple[PropName, ...] = ()


ALLPROP = PropfindRequest("allprop")


@dataclass(frozen=True, slots=True)
class PropUpdate:
    """One instruction of a PROPPATCH, in document order: set ``name`` to ``value_xml`` (its
    content re-serialised, for a server that keeps dead properties) or remove it."""

    action: Literal["set", "remove"]
    name: PropName
    value_xml: str = ""


@dataclass(frozen=True, slots=True)
class LockRequest:
    """A LOCK's lockinfo: the scope and the owner fragment (``""`` when none was given).
    The lock type is always write, the only type RFC 4918 defines (others are refused)."""

    exclusive: bool
    owner_xml: str = ""


def split_name(tag: str) -> PropName:
    """``{ns}local`` (ElementTree's form) as a ``(ns, local)`` pair."""
    if tag.startswith("{"):
        namespace, _, local = tag[1:].partition("}")
        return namespace, local
    return "", tag


def parse_propfind(body: bytes) -> PropfindRequest:
    root = _parse(body)
    if root is None:
        return ALLPROP
    _expect(root, "propfind")
    for child in root:
        name = split_name(child.tag)
        if name == (DAV, "allprop"):
            include = _child(root, "include")
            names = () if include is None else _named(include)
            return PropfindRequest("allprop", names)
        if name == (DAV, "propname"):
            return PropfindRequest("propname")
        if name == (DAV, "prop"):
            return PropfindRequest("prop", _named(child))
    raise DavBadRequest("propfind needs allprop, propname or prop")


def _named(parent: Element) -> tuple[tuple[str, str], ...]:
    names = tuple(dict.fromkeys(split_name(e.tag) for e in parent))
    if len(names) > MAX_NAMED or sum(len(ns) + len(local) for ns, local in names) > \
            MAX_NAMED_CHARS:
        raise DavBadRequest("The PROPFIND names too many properties.")
    return names


def parse_proppatch(body: bytes) -> list[PropUpdate]:
    root = _parse(body)
    if root is None:
        raise DavBadRequest("PROPPATCH needs a propertyupdate body")
    _expect(root, "propertyupdate")
    updates: list[PropUpdate] = []
    for instruction in root:
        action = split_name(instruction.tag)
        if action not in ((DAV, "set"), (DAV, "remove")):
            continue
        for prop in instruction:
            if split_name(prop.tag) != (DAV, "prop"):
                continue
            for element in prop:
                if action[1] == "set":
                    updates.append(PropUpdate("set", split_name(element.tag),
                                              content_xml(element)))
                else:
                    updates.append(PropUpdate("remove", split_name(element.tag)))
    if not updates:
        raise DavBadRequest("propertyupdate names no property")
    return updates


def parse_lockinfo(body: bytes) -> LockRequest | None:
    """The lockinfo of a LOCK; ``None`` for an empty body (a refresh of an existing lock)."""
    root = _parse(body)
    if root is None:
        return None
    _expect(root, "lockinfo")
    scope = _child(root, "lockscope")
    kinds = {split_name(e.tag) for e in scope} if scope is not None else set()
    if kinds not in ({(DAV, "exclusive")}, {(DAV, "shared")}):
        raise DavBadRequest("lockinfo needs a lockscope of exclusive or shared")
    locktype = _child(root, "locktype")
    if locktype is None or {split_name(e.tag) for e in locktype} != {(DAV, "write")}:
        raise DavBadRequest("only write locks are supported")
    owner = _child(root, "owner")
    owner_xml = "" if owner is None else content_xml(owner)
    if len(owner_xml) > MAX_OWNER:
        raise DavBadRequest("lock owner too long")
    return LockRequest((DAV, "exclusive") in kinds, owner_xml)


def content_xml(element: Element) -> str:
    """The content of ``element`` (text and children, not its own tag) as an XML fragment
    that is well-formed wherever it is pasted: every element states its namespace itself."""
    parts: list[str] = [escape_text(element.text or "")]
    for child in element:
        _write_element(child, parts)
        parts.append(escape_text(child.tail or ""))
    return "".join(parts)


def escape_text(text: str) -> str:
    """Text from a parsed document, escaped for element content. It holds only characters XML
    allows (the parser saw to that); names from the disk go through dav_render instead."""
    if "&" in text:
        text = text.replace("&", "&amp;")
    if "<" in text:
        text = text.replace("<", "&lt;")
    if ">" in text:
        text = text.replace(">", "&gt;")
    return text


def _escape_attribute(value: str) -> str:
    return escape_text(value).replace('"', "&quot;").replace("\n", "&#10;") \
        .replace("\r", "&#13;").replace("\t", "&#9;")


def _write_element(element: Element, parts: list[str]) -> None:
    namespace, local = split_name(element.tag)
    if namespace == XML_NAMESPACE:  # bound to the prefix xml only, never to another
        local = f"xml:{local}"
        attributes = []
    else:
        attributes = [f' xmlns="{_escape_attribute(namespace)}"']
    for number, (key, value) in enumerate(element.attrib.items()):
        attr_ns, attr_local = split_name(key)
        if attr_ns == XML_NAMESPACE:  # xml:lang, xml:space
            attributes.append(f' xml:{attr_local}="{_escape_attribute(value)}"')
        elif attr_ns:
            attributes.append(f' xmlns:a{number}="{_escape_attribute(attr_ns)}"'
                              f' a{number}:{attr_local}="{_escape_attribute(value)}"')
        else:
            attributes.append(f' {attr_local}="{_escape_attribute(value)}"')
    parts.append(f"<{local}{''.join(attributes)}>")
    parts.append(content_xml(element))
    parts.append(f"</{local}>")


def _parse(body: bytes) -> Element | None:
    """The document's root, or ``None`` for an empty body (whitespace only)."""
    if len(body) > MAX_BODY:
        raise DavBadRequest("request body too large", 413)
    if not body.strip():
        return None
    depth = elements = 0
    root: Element | None = None
    try:
        for event, element in iterparse(io.BytesIO(body), events=("start", "end"),
                                        forbid_dtd=True):
            if event == "end":
                depth -= 1
                root = element
                continue
            depth += 1
            elements += 1
            if depth > MAX_DEPTH:
                raise DavBadRequest("XML nested too deeply")
            if elements > MAX_ELEMENTS:
                raise DavBadRequest("XML has too many elements")
    except DefusedXmlException as err:  # DTD, entity declaration, external reference
        raise DavBadRequest(f"XML refused: {type(err).__name__}") from None
    except ParseError:
        raise DavBadRequest("malformed XML") from None
    except (LookupError, ValueError):  # an encoding Python lacks, or expat cannot take
        raise DavBadRequest("XML is not in a readable encoding") from None
    if root is None:
        raise DavBadRequest("malformed XML")
    return root


def _expect(root: Element, local: str) -> None:
    if split_name(root.tag) != (DAV, local):
        raise DavBadRequest(f"expected a DAV: {local} element")


def _child(element: Element, local: str) -> Element | None:
    for child in element:
        if split_name(child.tag) == (DAV, local):
            return child
    return None
