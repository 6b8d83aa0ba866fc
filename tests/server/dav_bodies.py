"""WebDAV request bodies as clients send them, for tests/server/test_dav_xml.py.

Written after RFC 4918's examples (§9.1.3-9.1.6, §9.2.2, §9.10.7) and after what the clients
Pier must serve are known to send: the layout each uses (prefixes, a default namespace
declared on every element, single-quoted xmlns, whitespace, foreign namespaces); owner texts
and hosts are made up.
"""

from __future__ import annotations

# -- PROPFIND --

RFC_PROPFIND_PROP = b"""<?xml version="1.0" encoding="utf-8" ?>
<D:propfind xmlns:D="DAV:">
  <D:prop xmlns:R="http://ns.example.com/boxschema/">
    <R:bigbox/>
    <R:author/>
    <R:DingALing/>
    <R:Random/>
  </D:prop>
</D:propfind>
"""

RFC_PROPFIND_PROPNAME = b"""<?xml version="1.0" encoding="utf-8" ?>
<propfind xmlns="DAV:">
  <propname/>
</propfind>
"""

RFC_PROPFIND_ALLPROP = b"""<?xml version="1.0" encoding="utf-8" ?>
<D:propfind xmlns:D="DAV:">
  <D:allprop/>
</D:propfind>
"""

RFC_PROPFIND_ALLPROP_INCLUDE = b"""<?xml version="1.0" encoding="utf-8" ?>
<D:propfind xmlns:D="DAV:">
  <D:allprop/>
  <D:include>
    <D:supported-live-property-set/>
    <D:supported-report-set/>
  </D:include>
</D:propfind>
"""

# Windows' Mini-Redirector: one line, Win32 properties in Microsoft's namespace.
WINDOWS_PROPFIND = (
    b'<?xml version="1.0" encoding="utf-8" ?><D:propfind xmlns:D="DAV:">'
    b'<D:prop xmlns:Z="urn:schemas-microsoft-com:"><D:creationdate/><D:displayname/>'
    b"<D:getcontentlength/><D:getlastmodified/><D:resourcetype/><Z:Win32CreationTime/>"
    b"<Z:Win32LastAccessTime/><Z:Win32LastModifiedTime/><Z:Win32FileAttributes/>"
    b"</D:prop></D:propfind>"
)

# macOS Finder (WebDAVFS): the four it needs, then its quota probe and AppleDouble header.
FINDER_PROPFIND = b"""<?xml version="1.0" encoding="utf-8"?>
<D:propfind xmlns:D="DAV:">
<D:prop>
<D:getlastmodified/>
<D:getcontentlength/>
<D:creationdate/>
<D:resourcetype/>
</D:prop>
</D:propfind>
"""

FINDER_QUOTA_PROPFIND = b"""<?xml version="1.0" encoding="utf-8"?>
<D:propfind xmlns:D="DAV:">
<D:prop>
<D:quota-available-bytes/>
<D:quota-used-bytes/>
<D:quota/>
<D:quotaused/>
</D:prop>
</D:propfind>
"""

FINDER_APPLEDOUBLE_PROPFIND = b"""<?xml version="1.0" encoding="utf-8"?>
<D:propfind xmlns:D="DAV:" xmlns:A="http://www.apple.com/webdav_fs/props/">
<D:prop>
<A:appledoubleheader/>
</D:prop>
</D:propfind>
"""

# davfs2 and cadaver (neon): a default namespace, restated on each property.
DAVFS2_PROPFIND = b"""<?xml version="1.0" encoding="utf-8"?>
<propfind xmlns="DAV:"><prop>
<getlastmodified xmlns="DAV:"/>
<getcontentlength xmlns="DAV:"/>
<resourcetype xmlns="DAV:"/>
<getetag xmlns="DAV:"/>
<executable xmlns="http://apache.org/dav/props/"/>
</prop></propfind>
"""

# rclone's webdav backend: lower-case prefix, spaces before "/>", ownCloud extras.
RCLONE_PROPFIND = b"""<?xml version="1.0"?>
<d:propfind  xmlns:d="DAV:" xmlns:oc="http://owncloud.org/ns" xmlns:nc="http://nextcloud.org/ns">
 <d:prop>
  <d:displayname />
  <d:getlastmodified />
  <d:getcontentlength />
  <d:resourcetype />
  <d:getcontenttype />
  <oc:checksums />
  <oc:permissions />
 </d:prop>
</d:propfind>
"""

# -- PROPPATCH --

RFC_PROPPATCH = b"""<?xml version="1.0" encoding="utf-8" ?>
<D:propertyupdate xmlns:D="DAV:"
    xmlns:Z="http://ns.example.com/standards/z39.50/">
  <D:set>
    <D:prop>
      <Z:Authors>
        <Z:Author>Jim Whitehead</Z:Author>
        <Z:Author>Roy Fielding</Z:Author>
      </Z:Authors>
    </D:prop>
  </D:set>
  <D:remove>
    <D:prop><Z:Copyright-Owner/></D:prop>
  </D:remove>
</D:propertyupdate>
"""

# Windows sets its file times and attributes after every upload.
WINDOWS_PROPPATCH = (
    b'<?xml version="1.0" encoding="utf-8" ?><D:propertyupdate xmlns:D="DAV:" '
    b'xmlns:Z="urn:schemas-microsoft-com:"><D:set><D:prop>'
    b"<Z:Win32CreationTime>Mon, 02 Dec 2024 10:11:12 GMT</Z:Win32CreationTime>"
    b"<Z:Win32LastAccessTime>Mon, 02 Dec 2024 10:11:12 GMT</Z:Win32LastAccessTime>"
    b"<Z:Win32LastModifiedTime>Mon, 02 Dec 2024 10:11:12 GMT</Z:Win32LastModifiedTime>"
    b"<Z:Win32FileAttributes>00000020</Z:Win32FileAttributes>"
    b"</D:prop></D:set></D:propertyupdate>"
)

# -- LOCK --

RFC_LOCK = b"""<?xml version="1.0" encoding="utf-8" ?>
<D:lockinfo xmlns:D='DAV:'>
  <D:lockscope><D:exclusive/></D:lockscope>
  <D:locktype><D:write/></D:locktype>
  <D:owner>
    <D:href>http://example.org/~ejw/contact.html</D:href>
  </D:owner>
</D:lockinfo>
"""

WINDOWS_LOCK = (
    b'<?xml version="1.0" encoding="utf-8" ?><D:lockinfo xmlns:D="DAV:">'
    b"<D:lockscope><D:exclusive/></D:lockscope><D:locktype><D:write/></D:locktype>"
    b"<D:owner><D:href>OFFICE-PC\\jane</D:href></D:owner></D:lockinfo>"
)

FINDER_LOCK = b"""<?xml version="1.0" encoding="utf-8"?>
<D:lockinfo xmlns:D="DAV:">
<D:lockscope><D:exclusive/></D:lockscope>
<D:locktype><D:write/></D:locktype>
<D:owner>
<D:href>http://www.apple.com/webdav_fs/</D:href>
</D:owner>
</D:lockinfo>
"""

# neon (davfs2, cadaver): single-quoted default namespace, a plain-text owner.
DAVFS2_LOCK = b"""<?xml version="1.0" encoding="utf-8"?>
<lockinfo xmlns='DAV:'>
 <lockscope><exclusive/></lockscope>
<locktype><write/></locktype><owner>davfs2 jane@office</owner>
</lockinfo>
"""

LIBREOFFICE_SHARED_LOCK = (
    b'<?xml version="1.0" encoding="utf-8"?><lockinfo xmlns="DAV:"><lockscope><shared/>'
    b"</lockscope><locktype><write/></locktype><owner>LibreOffice - Jane &amp; Co</owner>"
    b"</lockinfo>"
)
