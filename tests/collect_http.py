"""A browser-like client of collect mode for the tests: real HTTP, one cookie jar."""

from __future__ import annotations

import http.client
import json
import uuid
from http.cookies import SimpleCookie

from server.collect import COOKIE

FILES = "/.well-known/pier/collect/files"
NAME = "/.well-known/pier/collect/name"
STATE = "/.well-known/pier/collect/state"


def multipart(files: list[tuple[str, bytes]]) -> tuple[str, bytes]:
    boundary = uuid.uuid4().hex
    parts = []
    for name, data in files:
        parts.append(f'--{boundary}\r\nContent-Disposition: form-data; name="file"; '
                     f'filename="{name}"\r\nContent-Type: application/octet-stream\r\n\r\n'
                     .encode() + data + b"\r\n")
    body = b"".join(parts) + f"--{boundary}--\r\n".encode()
    return f"multipart/form-data; boundary={boundary}", body


class Browser:
    def __init__(self, port: int, authorization: str | None = None) -> None:
        self.port = port
        self.cookie = ""  # the value of pier-collect
        self.authorization = authorization

    def request(self, method: str, path: str, body: bytes = b"",
                headers: dict[str, str] | None = None
                ) -> tuple[int, dict[str, str], bytes]:
        conn = http.client.HTTPConnection("127.0.0.1", self.port, timeout=10)
        sent = dict(headers or {})
        if self.cookie:
            sent["Cookie"] = f"{COOKIE}={self.cookie}"
        if self.authorization:
            sent["Authorization"] = self.authorization
        try:
            conn.request(method, path, body=body, headers=sent)
            response = conn.getresponse()
            data = response.read()
            found = response.getheader("Set-Cookie")
            if found:
                jar = SimpleCookie()
                jar.load(found)
                self.cookie = jar[COOKIE].value
            return response.status, {k.lower(): v for k, v in response.getheaders()}, data
        finally:
            conn.close()

    def give_name(self, name: str) -> int:
        body = ("name=" + name).encode()
        status, _, _ = self.request("POST", NAME, body, {
            "Content-Type": "application/x-www-form-urlencoded"})
        return status

    def hand_in(self, files: list[tuple[str, bytes]], replace: str | None = None
                ) -> tuple[int, bytes]:
        ctype, body = multipart(files)
        path = FILES + (f"?replace={replace}" if replace is not None else "")
        status, _, data = self.request("POST", path, body, {"Content-Type": ctype})
        return status, data

    def state(self) -> dict:
        status, _, data = self.request("GET", STATE)
        assert status == 200, data
        return json.loads(data)

    def page(self) -> str:
        status, _, data = self.request("GET", "/")
        assert status == 200, data
        return data.decode()
