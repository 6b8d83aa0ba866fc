"""server/dav_xml.py: WebDAV request bodies as real clients send them, and hostile XML refused
with a 400-style error in bounded memory."""

from __future__ import annotations

import tracemalloc
import xml.etree.ElementTree as ET

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from server.dav_xml import (
    ALLPROP,
    DAV,
    MAX_BODY,
    MAX_NAMED,
    XML_NAMESPACE,
    DavBadRequest,
    LockRequest,
    PropfindRequest,
    PropUpdate,
    parse_lockinfo,
    parse_propfind,
    parse_proppatch,
)
from tests.server import dav_bodies as bodies

MS = "urn:schemas-microsoft-com:"


# -- PROPFIND --

@pytest.mark.parametrize("body", [b"", b"   \r\n", bodies.RFC_PROPFIND_ALLPROP])
def test_an_empty_propfind_body_and_allprop_ask_for_every_property(body):
    assert parse_propfind(body) == ALLPROP


def test_allprop_with_include_names_the_extra_properties():
    assert parse_propfind(bodies.RFC_PROPFIND_ALLPROP_INCLUDE) == PropfindRequest(
        "allprop", ((DAV, "supported-live-property-set"), (DAV, "supported-report-set")))


def test_propname_with_a_default_namespace():
    assert parse_propfind(bodies.RFC_PROPFIND_PROPNAME) == PropfindRequest("propname")


def test_a_prefix_declared_on_the_prop_element_names_foreign_properties():
    box = "http://ns.example.com/boxschema/"
    assert parse_propfind(bodies.RFC_PROPFIND_PROP).names == (
        (box, "bigbox"), (box, "author"), (box, "DingALing"), (box, "Random"))


@pytest.mark.parametrize(("body", "expected"), [
    (bodies.WINDOWS_PROPFIND, [(DAV, "creationdate"), (DAV, "displayname"),
                               (DAV, "getcontentlength"), (DAV, "getlastmodified"),
                               (DAV, "resourcetype"), (MS, "Win32CreationTime"),
                               (MS, "Win32LastAccessTime"), (MS, "Win32LastModifiedTime"),
                               (MS, "Win32FileAttributes")]),
    (bodies.FINDER_PROPFIND, [(DAV, "getlastmodified"), (DAV, "getcontentlength"),
                              (DAV, "creationdate"), (DAV, "resourcetype")]),
    (bodies.FINDER_QUOTA_PROPFIND, [(DAV, "quota-available-bytes"), (DAV, "quota-used-bytes"),
                                    (DAV, "quota"), (DAV, "quotaused")]),
    (bodies.FINDER_APPLEDOUBLE_PROPFIND,
     [("http://www.apple.com/webdav_fs/props/", "appledoubleheader")]),
    (bodies.DAVFS2_PROPFIND, [(DAV, "getlastmodified"), (DAV, "getcontentlength"),
                              (DAV, "resourcetype"), (DAV, "getetag"),
                              ("http://apache.org/dav/props/", "executable")]),
    (bodies.RCLONE_PROPFIND, [(DAV, "displayname"), (DAV, "getlastmodified"),
                              (DAV, "getcontentlength"), (DAV, "resourcetype"),
                              (DAV, "getcontenttype"), ("http://owncloud.org/ns", "checksums"),
                              ("http://owncloud.org/ns", "permissions")]),
], ids=["windows", "finder", "finder-quota", "finder-appledouble", "davfs2", "rclone"])
def test_client_propfinds_name_their_properties_whatever_the_prefixes(body, expected):
    request = parse_propfind(body)
    assert request.kind == "prop"
    assert list(request.names) == expected


def test_a_property_asked_twice_is_listed_once():
    body = b'<propfind xmlns="DAV:"><prop><getetag/><getetag/><x:getetag xmlns:x="urn:x"/>' \
           b"</prop></propfind>"
    assert parse_propfind(body).names == ((DAV, "getetag"), ("urn:x", "getetag"))


def test_a_utf16_body_is_read_by_its_declaration():
    text = '<?xml version="1.0" encoding="utf-16"?><propfind xmlns="DAV:"><propname/></propfind>'
    assert parse_propfind(text.encode("utf-16")) == PropfindRequest("propname")


def test_unknown_elements_are_ignored_as_rfc_4918_asks():
    body = b'<propfind xmlns="DAV:"><x:hint xmlns:x="urn:x"/><propname/></propfind>'
    assert parse_propfind(body) == PropfindRequest("propname")


@pytest.mark.parametrize("body", [
    b'<propfind xmlns="urn:not-dav"><allprop/></propfind>',  # right name, wrong namespace
    b"<propfind><allprop/></propfind>",  # no namespace at all
    b'<D:propertyupdate xmlns:D="DAV:"/>',
    b'<propfind xmlns="DAV:"/>',
    b'<propfind xmlns="DAV:"><x:prop xmlns:x="urn:x"/></propfind>',
], ids=["foreign-ns", "no-ns", "wrong-root", "empty-propfind", "foreign-prop"])
def test_a_body_that_is_not_a_dav_propfind_is_refused(body):
    with pytest.raises(DavBadRequest) as caught:
        parse_propfind(body)
    assert caught.value.status == 400


# -- PROPPATCH --

def test_proppatch_keeps_document_order_and_the_values_as_xml():
    z = "http://ns.example.com/standards/z39.50/"
    updates = parse_proppatch(bodies.RFC_PROPPATCH)
    assert [(u.action, u.name) for u in updates] == [
        ("set", (z, "Authors")), ("remove", (z, "Copyright-Owner"))]
    value = ET.fromstring(f"<v>{updates[0].value_xml}</v>")
    assert [a.text for a in value.iter(f"{{{z}}}Author")] == ["Jim Whitehead", "Roy Fielding"]


def test_windows_proppatch_of_its_file_times():
    updates = parse_proppatch(bodies.WINDOWS_PROPPATCH)
    assert [u.name for u in updates] == [(MS, "Win32CreationTime"), (MS, "Win32LastAccessTime"),
                                         (MS, "Win32LastModifiedTime"),
                                         (MS, "Win32FileAttributes")]
    assert updates[3] == PropUpdate("set", (MS, "Win32FileAttributes"), "00000020")


@pytest.mark.parametrize("body", [
    b"",
    b'<propertyupdate xmlns="DAV:"/>',
    b'<propertyupdate xmlns="DAV:"><set><prop/></set></propertyupdate>',
    b'<propfind xmlns="DAV:"><allprop/></propfind>',
])
def test_a_proppatch_naming_no_property_is_refused(body):
    with pytest.raises(DavBadRequest):
        parse_proppatch(body)


# -- LOCK --

def test_an_empty_lock_body_is_a_refresh():
    assert parse_lockinfo(b"") is None


@pytest.mark.parametrize(("body", "exclusive", "owner_text"), [
    (bodies.RFC_LOCK, True, "http://example.org/~ejw/contact.html"),
    (bodies.WINDOWS_LOCK, True, "OFFICE-PC\\jane"),
    (bodies.FINDER_LOCK, True, "http://www.apple.com/webdav_fs/"),
    (bodies.DAVFS2_LOCK, True, "davfs2 jane@office"),
    (bodies.LIBREOFFICE_SHARED_LOCK, False, "LibreOffice - Jane & Co"),
], ids=["rfc", "windows", "finder", "davfs2", "libreoffice"])
def test_client_lockinfos(body, exclusive, owner_text):
    request = parse_lockinfo(body)
    assert isinstance(request, LockRequest)
    assert request.exclusive is exclusive
    owner = ET.fromstring(f'<D:owner xmlns:D="DAV:">{request.owner_xml}</D:owner>')
    assert "".join(owner.itertext()).strip() == owner_text


def test_an_owner_keeps_its_namespaces_attributes_and_escapes_when_echoed():
    body = (b'<D:lockinfo xmlns:D="DAV:" xmlns:x="urn:x"><D:lockscope><D:shared/></D:lockscope>'
            b"<D:locktype><D:write/></D:locktype><D:owner>a &lt;b&gt; &amp;"
            b'<x:who x:id="q&quot;&lt;" plain="1">J\xc3\xa9 &amp; co</x:who><odd xmlns="">t</odd>'
            b"</D:owner></D:lockinfo>")
    request = parse_lockinfo(body)
    assert request is not None
    # Pasted under a default namespace, as lockdiscovery may be, it still means the same.
    owner = ET.fromstring(f'<owner xmlns="DAV:">{request.owner_xml}</owner>')
    assert owner.text == "a <b> &"
    who, odd = list(owner)
    assert who.tag == "{urn:x}who"
    assert who.attrib == {"{urn:x}id": 'q"<', "plain": "1"}
    assert who.text == "Jé & co"
    assert odd.tag == "odd"


def test_an_owner_using_the_xml_prefix_is_echoed_well_formed():
    body = (b'<lockinfo xmlns="DAV:"><lockscope><exclusive/></lockscope><locktype><write/>'
            b'</locktype><owner><href xml:lang="fr">x</href><xml:odd>y</xml:odd></owner>'
            b"</lockinfo>")
    request = parse_lockinfo(body)
    assert request is not None
    href, odd = ET.fromstring(f'<o xmlns="DAV:">{request.owner_xml}</o>')
    assert href.attrib == {f"{{{XML_NAMESPACE}}}lang": "fr"}
    assert odd.tag == f"{{{XML_NAMESPACE}}}odd"


@pytest.mark.parametrize("body", [
    b'<lockinfo xmlns="DAV:"><locktype><write/></locktype></lockinfo>',
    b'<lockinfo xmlns="DAV:"><lockscope><exclusive/><shared/></lockscope>'
    b"<locktype><write/></locktype></lockinfo>",
    b'<lockinfo xmlns="DAV:"><lockscope><exclusive/></lockscope>'
    b'<locktype><x:read xmlns:x="urn:x"/></locktype></lockinfo>',
    b'<lockinfo xmlns="DAV:"><lockscope><exclusive/></lockscope></lockinfo>',
    b'<lockinfo xmlns="DAV:"><lockscope><exclusive/></lockscope><locktype><write/></locktype>'
    b"<owner>" + b"x" * 5000 + b"</owner></lockinfo>",
], ids=["no-scope", "two-scopes", "read-lock", "no-type", "owner-too-long"])
def test_a_lockinfo_pier_cannot_honour_is_refused(body):
    with pytest.raises(DavBadRequest):
        parse_lockinfo(body)


# -- hostile XML --

BILLION_LAUGHS = b"""<?xml version="1.0"?>
<!DOCTYPE lolz [
 <!ENTITY lol "lol">
 <!ENTITY lol1 "&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;">
 <!ENTITY lol2 "&lol1;&lol1;&lol1;&lol1;&lol1;&lol1;&lol1;&lol1;&lol1;&lol1;">
 <!ENTITY lol3 "&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;">
 <!ENTITY lol4 "&lol3;&lol3;&lol3;&lol3;&lol3;&lol3;&lol3;&lol3;&lol3;&lol3;">
 <!ENTITY lol5 "&lol4;&lol4;&lol4;&lol4;&lol4;&lol4;&lol4;&lol4;&lol4;&lol4;">
 <!ENTITY lol6 "&lol5;&lol5;&lol5;&lol5;&lol5;&lol5;&lol5;&lol5;&lol5;&lol5;">
 <!ENTITY lol7 "&lol6;&lol6;&lol6;&lol6;&lol6;&lol6;&lol6;&lol6;&lol6;&lol6;">
 <!ENTITY lol8 "&lol7;&lol7;&lol7;&lol7;&lol7;&lol7;&lol7;&lol7;&lol7;&lol7;">
 <!ENTITY lol9 "&lol8;&lol8;&lol8;&lol8;&lol8;&lol8;&lol8;&lol8;&lol8;&lol8;">
]>
<D:lockinfo xmlns:D="DAV:"><D:lockscope><D:exclusive/></D:lockscope>
<D:locktype><D:write/></D:locktype><D:owner>&lol9;</D:owner></D:lockinfo>
"""

HOSTILE = {
    "billion-laughs": BILLION_LAUGHS,
    "external-entity": b'<?xml version="1.0"?><!DOCTYPE p [<!ENTITY x SYSTEM "file:///etc/passwd">'
                       b']><propfind xmlns="DAV:"><prop><x:a xmlns:x="urn:x">&x;</x:a></prop>'
                       b"</propfind>",
    "parameter-entity": b'<?xml version="1.0"?><!DOCTYPE p [<!ENTITY % d SYSTEM '
                        b'"http://127.0.0.1:9/evil.dtd"> %d;]><propfind xmlns="DAV:"><allprop/>'
                        b"</propfind>",
    "external-dtd": b'<?xml version="1.0"?><!DOCTYPE propfind SYSTEM "http://127.0.0.1:9/x.dtd">'
                    b'<propfind xmlns="DAV:"><allprop/></propfind>',
    "empty-internal-dtd": b'<!DOCTYPE propfind []><propfind xmlns="DAV:"><allprop/></propfind>',
    "undeclared-entity": b'<propfind xmlns="DAV:"><prop>&nope;</prop></propfind>',
    "deep-nesting": b'<propfind xmlns="DAV:"><prop>' + b"<a>" * 5000 + b"</a>" * 5000
                    + b"</prop></propfind>",
    "many-elements": b'<propfind xmlns="DAV:"><prop>' + b"<a/>" * 5000 + b"</prop></propfind>",
    "not-xml": b"PROPFIND / HTTP/1.1\r\n",
    "html": b"<html><body>hello</body></html>",
    "truncated": b'<propfind xmlns="DAV:"><prop><getetag/></pr',
    "two-roots": b'<propfind xmlns="DAV:"><allprop/></propfind><propfind xmlns="DAV:"/>',
    "unbound-prefix": b"<D:propfind><D:allprop/></D:propfind>",
    "bad-encoding": b'<?xml version="1.0" encoding="no-such-codec"?><propfind xmlns="DAV:"/>',
    "bytes-codec": b'<?xml version="1.0" encoding="zlib"?><propfind xmlns="DAV:"/>',
    "multibyte-codec": b'<?xml version="1.0" encoding="utf-7"?><propfind xmlns="DAV:"/>',
    "punycode": b'<?xml version="1.0" encoding="punycode"?><propfind xmlns="DAV:"/>',
    "invalid-utf8": b'<propfind xmlns="DAV:"><prop><x:\xff xmlns:x="urn:x"/></prop></propfind>',
    "nul-byte": b'<propfind xmlns="DAV:">\x00<allprop/></propfind>',
}


@pytest.mark.parametrize("body", list(HOSTILE.values()), ids=list(HOSTILE))
@pytest.mark.parametrize("parse", [parse_propfind, parse_proppatch, parse_lockinfo])
def test_hostile_xml_is_a_400_with_a_short_reason(parse, body):
    with pytest.raises(DavBadRequest) as caught:
        parse(body)
    assert caught.value.status == 400
    assert 0 < len(caught.value.reason) < 80
    assert "Traceback" not in caught.value.reason


@pytest.mark.parametrize("body", [
    b'<propfind xmlns="DAV:"><prop>' + b" " * MAX_BODY + b"</prop></propfind>",
    b'<propfind xmlns="DAV:"><prop><x:a xmlns:x="urn:x" v="' + b"A" * MAX_BODY + b'"/></prop>'
    b"</propfind>",
], ids=["padding", "huge-attribute"])
def test_a_body_over_the_cap_is_refused_before_parsing(body):
    with pytest.raises(DavBadRequest) as caught:
        parse_propfind(body)
    assert caught.value.status == 413


def test_the_billion_laughs_is_refused_without_expanding_anything():
    tracemalloc.start()
    try:
        with pytest.raises(DavBadRequest):
            parse_lockinfo(BILLION_LAUGHS)
        _, peak = tracemalloc.get_traced_memory()
    finally:
        tracemalloc.stop()
    assert peak < 2 * 1024 * 1024  # the expansion would be 3 GB of "lol"


def test_nesting_up_to_the_bound_is_accepted():
    owner = b"<x>" * 25 + b"deep" + b"</x>" * 25
    body = (b'<lockinfo xmlns="DAV:"><lockscope><exclusive/></lockscope><locktype><write/>'
            b"</locktype><owner>" + owner + b"</owner></lockinfo>")
    request = parse_lockinfo(body)
    assert request is not None
    assert "deep" in request.owner_xml


def test_comments_and_processing_instructions_are_harmless():
    body = (b'<?xml version="1.0"?><!-- a client note --><propfind xmlns="DAV:"><?pi data?>'
            b"<propname/><!-- x --></propfind>")
    assert parse_propfind(body) == PropfindRequest("propname")


# -- any owner fragment survives the round trip --

NAMESPACES = st.sampled_from(["", DAV, "urn:x", XML_NAMESPACE, 'http://odd.example/"&<>\''])
LOCAL_NAMES = st.from_regex(r"[A-Za-z_][A-Za-z0-9_.-]{0,8}", fullmatch=True)
XML_TEXT = st.text(st.characters(exclude_categories=["Cs", "Cc"]) | st.sampled_from("\t\n"),
                   max_size=12)


def qualified(namespace: str, local: str) -> str:
    return f"{{{namespace}}}{local}" if namespace else local


@st.composite
def fragments(draw: st.DrawFn, depth: int = 0) -> ET.Element:
    element = ET.Element(qualified(draw(NAMESPACES), draw(LOCAL_NAMES)))
    for _ in range(draw(st.integers(0, 2))):
        element.set(qualified(draw(NAMESPACES), draw(LOCAL_NAMES)), draw(XML_TEXT))
    element.text = draw(XML_TEXT)
    if depth < 3:
        for _ in range(draw(st.integers(0, 3))):
            child = draw(fragments(depth + 1))
            child.tail = draw(XML_TEXT)
            element.append(child)
    return element


def shape(element: ET.Element) -> tuple:
    return (element.tag, sorted(element.attrib.items()), element.text or "",
            [(shape(child), child.tail or "") for child in element])


@settings(max_examples=100)
@given(st.lists(fragments(), min_size=1, max_size=3), XML_TEXT)
def test_any_owner_fragment_is_echoed_meaning_the_same(children, text):
    lockinfo = ET.fromstring(b'<lockinfo xmlns="DAV:"><lockscope><shared/></lockscope>'
                             b"<locktype><write/></locktype><owner/></lockinfo>")
    owner = lockinfo[2]
    owner.text = text
    owner.extend(children)
    sent = ET.tostring(lockinfo)
    try:
        request = parse_lockinfo(sent)
    except DavBadRequest as refused:  # only for size, never for the content itself
        assert refused.reason == "lock owner too long"
        return
    assert request is not None
    echoed = ET.fromstring(f'<D:owner xmlns:D="DAV:">{request.owner_xml}</D:owner>')
    assert shape(echoed)[1:] == shape(ET.fromstring(sent)[2])[1:]


def test_a_propfind_names_a_bounded_number_of_properties():
    """Named properties are answered for every entry: their count and length are bounded."""
    def body(count: int, namespace: str) -> bytes:
        names = "".join(f'<x:p{i} xmlns:x="{namespace}"/>' for i in range(count))
        return f'<D:propfind xmlns:D="DAV:"><D:prop>{names}</D:prop></D:propfind>'.encode()

    office = body(30, "urn:schemas-microsoft-com:office:office")
    assert len(parse_propfind(office).names) == 30
    assert len(parse_propfind(body(MAX_NAMED, "urn:x")).names) == MAX_NAMED
    for refused in (body(MAX_NAMED + 1, "urn:x"), body(30, "urn:" + "n" * 2000)):
        with pytest.raises(DavBadRequest):
            parse_propfind(refused)
    with pytest.raises(DavBadRequest):
        parse_propfind(body(30, "urn:" + "n" * 2000).replace(b"D:prop>", b"D:include>")
                       .replace(b"<D:include>", b"<D:allprop/><D:include>"))
