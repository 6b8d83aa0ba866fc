"""A small tus 1.0.0 client over http.client for the tests of the tus routes
(tests/server/test_routes_tus.py, tests/security/test_tus_access.py): one connection per
request, answers with lower-cased header names."""

from __future__ import annotations

import base64
import hashlib
import http.client
from dataclasses import dataclass

TUS = "/.well-known/pier/tus/"
OFFSET_TYPE = "application/offset+octet-stream"


@dataclass
class Answer:
    status: int
    headers: dict[str, str]
    body: bytes

    def __getitem__(self, name: str) -> str:
        return self.headers[name.lower()]

    def get(self, name: str) -> str | None:
        return self.headers.get(name.lower())


def metadata(**fields: str | bytes) -> str:
    """Upload-Metadata for ``fields`` (values base64-encoded)."""
    def encoded(value: str | bytes) -> str:
        raw = value.encode("utf-8") if isinstance(value, str) else value
        return base64.b64encode(raw).decode("ascii")
    return ",".join(f"{key} {encoded(value)}" for key, value in fields.items())


def send(port: int, method: str, path: str, body: bytes = b"", *, auth: str | None = None,
         tus: bool = True, **headers: str) -> Answer:
    """One request; ``headers`` given as Upload_Offset="3" (underscores become dashes)."""
    fields = {name.replace("_", "-"): value for name, value in headers.items()}
    if tus:
        fields.setdefault("Tus-Resumable", "1.0.0")
    if auth is not None:
        fields["Authorization"] = auth
    conn = http.client.HTTPConnection("127.0.0.1", port, timeout=10)
    try:
        if body or method in ("POST", "PATCH"):
            fields.setdefault("Content-Length", str(len(body)))
        conn.request(method, path, body=body or None, headers=fields)
        response = conn.getresponse()
        data = response.read()
        return Answer(response.status, {k.lower(): v for k, v in response.getheaders()}, data)
    finally:
        conn.close()


def create(port: int, filename: str | None, length: int, *, folder: str | None = None,
           auth: str | None = None, body: bytes = b"", **headers: str) -> Answer:
    fields: dict[str, str] = {}
    if filename is not None:
        fields["filename"] = filename
    if folder is not None:
        fields["folder"] = folder
    headers.setdefault("Upload_Length", str(length))
    headers.setdefault("Upload_Metadata", metadata(**fields))
    if body:
        headers.setdefault("Content_Type", OFFSET_TYPE)
    return send(port, "POST", TUS, body, auth=auth, **headers)


def patch(port: int, url: str, offset: int, data: bytes, *, auth: str | None = None,
          checksum: str | None = None, **headers: str) -> Answer:
    headers.setdefault("Content_Type", OFFSET_TYPE)
    headers.setdefault("Upload_Offset", str(offset))
    if checksum is not None:
        headers["Upload_Checksum"] = checksum
    return send(port, "PATCH", url, data, auth=auth, **headers)


def head(port: int, url: str, *, auth: str | None = None, **headers: str) -> Answer:
    return send(port, "HEAD", url, auth=auth, **headers)


def delete(port: int, url: str, *, auth: str | None = None, **headers: str) -> Answer:
    return send(port, "DELETE", url, auth=auth, **headers)


def sha1_of(data: bytes) -> str:
    return "sha1 " + base64.b64encode(hashlib.sha1(data).digest()).decode("ascii")


def started(port: int, filename: str, length: int, **options: str) -> str:
    """The URL path of a new upload (asserting it was created)."""
    answer = create(port, filename, length, **options)
    assert answer.status == 201, (answer.status, answer.body[:300])
    location = answer["Location"]
    assert location.startswith(TUS)
    return location
