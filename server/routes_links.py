"""Share links at ``/.well-known/pier/l/TOKEN`` (server/links.py keeps them): which link a
request names, whether it still works, its PIN, and the policy-bound access of its holder
(server/access_link.py). The router (server/handler.py) then answers the request with the
ordinary routes, on the share path of the linked item.

URLs: a file link is ``/l/TOKEN`` and ``/l/TOKEN/NAME`` (NAME: the file's own name, so that a
download gets it); a folder link is ``/l/TOKEN/`` with its subfolders and files below it
(``/l/TOKEN`` redirects there).

Answers before any routing: an unknown token is 404 like any unknown path; a revoked, expired
or used-up link is 410 saying which; a link locked by wrong PINs is 429 with Retry-After; a
link with a PIN and no proof of it is 403 with the PIN form (or a JSON error).

PINs: a browser POSTs the form (``?pin``, field ``pin``) and gets a cookie scoped to the link's
path (HttpOnly, SameSite=Strict, Secure on TLS) whose value is an HMAC of the token keyed with
the link's PIN hash: the server can check it without keeping any state, it survives a restart,
and it stops working when the link or its PIN goes. Scripts send the PIN in ``Pier-Link-Pin``
on each request. Every PIN tried goes through ``LinkStore.check_pin`` (slow, throttled per link
and per client group), so a request of a link with a PIN is a worker's. A link without one is
entered on the serve thread like any other request (``LinkStore.find`` and the counting do not
wait there; the ordinary routes hand on to a worker what may, such as an upload or a large file),
so a small file through a link costs about what it costs straight from the share.
"""

from __future__ import annotations

import hashlib
import hmac
import time
from urllib.parse import parse_qs, unquote

from server.access import Policy
from server.access_link import LinkAccess, link_access
from server.call import Call, LinkUse
from server.files import Resolved, url_quote
from server.http11 import HttpError
from server.link_model import LINK_PREFIX, TOKEN_PATTERN, Link
from server.links import LinkStore
from server.page_i18n import N_
from server.pages import FAVICON_URL, STYLESHEET_URL, display_text, template
from server.response import (
    HTML,
    NO_STORE,
    PAGE_CSP,
    VARY_LANGUAGE,
    Response,
    json_document,
    redirect,
)
from server.routes_markdown import is_markdown
from server.thumbnails import PREVIEW, THUMB

PIN_HEADER = "pier-link-pin"
COOKIE = "pier-link"
MAX_PIN_FORM = 4096  # bytes of a PIN form's body
MAX_REMEMBERED_PINS = 1024  # header PINs known right, so a script's requests hash once
ENDED = {
    "revoked": (N_("Link revoked"), N_("The owner ended this link.")),
    "expired": (N_("Link expired"), N_("This link has expired.")),
    "used up": (N_("Link used up"), N_("This link has been used as many times as it allows.")),
    "taken": (N_("Link used up"), N_("The downloads this link allows are under way; if one "
                                     "of them fails, try again later.")),
}
# Whole sentences (singular, plural) for the translators; the English is the JSON answer's.
PINS_LOCKED = {
    True: N_("Too many wrong PINs: this link is locked; try again in %(minutes)s minute "
             "(after %(until)s)."),
    False: N_("Too many wrong PINs: this link is locked; try again in %(minutes)s minutes "
              "(after %(until)s)."),
}


class LinkGone(HttpError):
    """410 for a link that ended, with the page's title and sentence."""

    def __init__(self, state: str) -> None:
        title, detail = ENDED[state]
        super().__init__(410, detail, close=False)
        self.title = title
        self.detail = detail


class LinkRoutes:
    """The way in through a link; one per share, with the engine's ``LinkStore``."""

    def __init__(self, store: LinkStore, policy: Policy, server_name: str) -> None:
        self.store = store
        self._policy = policy
        self._server_name = server_name
        self._right_pins: set[str] = set()  # pin_proof() of header PINs found right

    def enter(self, call: Call) -> str | Response:
        """The share path (URL-encoded) the request reaches through its link, with
        ``call.access`` and ``call.link`` set; or the answer itself (a redirect, the PIN form
        and its outcome). HttpError for the refusals the module lists."""
        token, slash, tail = call.path[len(LINK_PREFIX):].partition("/")
        link = self.store.find(token) if TOKEN_PATTERN.fullmatch(token) else None
        if link is None:
            raise HttpError(404, N_("Not found."), close=False)
        self._check_state(link)
        access = link_access(self._policy, link)
        if access is None:  # moved out of the share, or replaced by another kind of item
            raise HttpError(404, N_("Not found."), close=False)
        if link.has_pin:
            call.may_wait()  # a PIN may be hashed, and every one tried is throttled
            answer = self._check_pin(call, link)
            if answer is not None:
                return answer
        return self._bind(call, link, access, slash, tail)

    def _check_state(self, link: Link) -> None:
        state = self.store.state(link)
        if state in ENDED:
            raise LinkGone(state)
        if state == "locked":
            now = self.store.now()
            raise _locked(int((link.locked_until or now) - now) + 1, now)

    def _bind(self, call: Call, link: Link, access: LinkAccess, slash: str,
              tail: str) -> str | Response:
        base = LINK_PREFIX + link.token
        name = access.item_url.rstrip("/").rpartition("/")[2] or self._server_name
        if access.is_folder:
            if not slash:  # /l/TOKEN: the folder's own URL ends with "/"
                query = call.request.target.partition("?")[2]
                return redirect(base + "/" + ("?" + query if query else ""))
            share_path = url_quote(access.item_url) + tail
        else:
            if tail and unquote(tail, errors="surrogateescape") != name:
                raise HttpError(404, N_("Not found."), close=False)
            share_path = url_quote(access.item_url)
        if call.request.method in ("POST", "PUT") and not link.upload:
            raise HttpError(403, N_("This link does not take uploads."),
                            close=call.body is not None)
        call.access = access
        call.link = LinkUse(link.token, base, access.item_url, name,
                            limited=link.downloads_allowed is not None)
        return share_path

    # -- counting --------------------------------------------------------------------------

    def claim(self, call: Call, target: Resolved, response: Response) -> Response:
        """``response`` to a read of ``target`` through a link. When it hands over content
        (``delivers_content``) on a link with a download limit, it holds one of the downloads
        left while it is sent (``LinkStore.reserve_download``), or is refused (410) when the
        counts and the downloads under way leave none: parallel downloads stay within it."""
        use = call.link
        assert use is not None
        use.counts = call.request.method == "GET" and delivers_content(call, target, response)
        if use.counts and use.limited:
            if not self.store.reserve_download(use.token):
                raise LinkGone("taken")
            use.reserved = True
        return response

    def settle(self, use: LinkUse, status: int, complete: bool, client: str,
               wait: bool) -> None:
        """After the answer: content that arrived whole is one download (its reservation
        becomes the count); a reservation whose answer ended short is freed; any other 2xx is
        a use ("last used by")."""
        reserved, use.reserved = use.reserved, False
        ok = 200 <= status < 300
        if use.counts and ok and complete:
            self.store.count_download(use.token, client, wait=wait, reserved=reserved)
            return
        if reserved:
            self.store.release_download(use.token)
        if ok:
            self.store.note_use(use.token, client, wait=wait)

    # -- PINs ------------------------------------------------------------------------------

    def _check_pin(self, call: Call, link: Link) -> Response | None:
        """None when the request proves the PIN; else the answer (form, cookie, refusal)."""
        request = call.request
        if request.method == "POST" and "pin" in call.query:
            return self._pin_form_sent(call, link)
        pin = request.header(PIN_HEADER)
        if pin:
            self._try_pin(call, link, pin)
            return None
        if _has_cookie(request.header("cookie"), pin_cookie(link)):
            return None
        if call.wants_json() or request.method not in ("GET", "HEAD"):
            raise HttpError(403, N_("This link needs a PIN: send it in the Pier-Link-Pin header."),
                            close=call.body is not None)
        return self._pin_page(call, 403, "")

    def _pin_form_sent(self, call: Call, link: Link) -> Response:
        data = _small_body(call)
        fields = parse_qs(data.decode("utf-8", "replace"), max_num_fields=4)
        pin = fields.get("pin", [""])[0]
        verdict = self.store.check_pin(link, pin, call.client)
        if verdict.outcome == "ok":
            return self._unlocked(call, link)
        if verdict.outcome == "wrong" and not verdict.locks_link:
            return self._pin_page(call, 403, N_("That PIN is not right; try again."))
        raise _locked(verdict.retry_after, self.store.now())

    def _try_pin(self, call: Call, link: Link, pin: str) -> None:
        proof = pin_proof(link, pin)
        if proof in self._right_pins:  # the same link, PIN hash and PIN as before
            return
        verdict = self.store.check_pin(link, pin, call.client)
        if verdict.outcome == "ok":
            if len(self._right_pins) >= MAX_REMEMBERED_PINS:
                self._right_pins.clear()
            self._right_pins.add(proof)
            return
        if verdict.outcome == "wrong" and not verdict.locks_link:
            raise HttpError(403, N_("Wrong PIN for this link."), close=call.body is not None)
        raise _locked(verdict.retry_after, self.store.now())

    def _unlocked(self, call: Call, link: Link) -> Response:
        """303 back to the link, with the cookie that proves the PIN from now on."""
        path = LINK_PREFIX + link.token
        secure = "; Secure" if call.tls else ""
        cookie = (f"Set-Cookie: {COOKIE}={pin_cookie(link)}; Path={path}; HttpOnly; "
                  f"SameSite=Strict{secure}\r\n").encode("ascii")
        location = call.path.encode("ascii", "replace")
        return Response(303, b"Location: " + location + b"\r\n" + cookie + NO_STORE, b"")

    def _pin_page(self, call: Call, status: int, message: str) -> Response:
        if call.wants_json():
            return json_document(status, {"status": status, "error": message or "PIN needed"},
                                 NO_STORE)
        lang = call.language
        hint = lang.gettext("Type the PIN you were given with the link.")
        page = template("link_pin.html", lang.code).substitute(
            server_name=display_text(self._server_name), stylesheet=STYLESHEET_URL,
            favicon=FAVICON_URL, action=display_text(call.path + "?pin"),
            message=f'<p class="detail" role="alert">{display_text(lang.gettext(message))}</p>'
            if message else f'<p class="detail">{hint}</p>')
        return Response(status, HTML + PAGE_CSP + NO_STORE + VARY_LANGUAGE, page.encode("utf-8"))


def delivers_a_file(response: Response) -> bool:
    """Whether ``response`` delivers a whole file or a zip, or a range up to a file's last
    byte: what counts as one download of a link once it has arrived complete. (A file's and a
    zip's answers name their file in Content-Disposition; listings, thumbnails and pages do
    not.)"""
    if response.status not in (200, 206):
        return False
    headers = response.headers.lower()
    if b"content-disposition:" not in headers:
        return False
    if response.status == 200:
        return True
    for line in headers.split(b"\r\n"):
        if line.startswith(b"content-range:"):
            span, _, size = line[14:].strip().partition(b"/")
            end = span.rpartition(b"-")[2]
            return end.isdigit() and size.isdigit() and int(end) + 1 == int(size)
    return False


def delivers_content(call: Call, target: Resolved, response: Response) -> bool:
    """Whether ``response`` hands over a file's content: the file or a zip
    (``delivers_a_file``), a Markdown file rendered whole (``?view``) or a picture at preview
    size (``?preview``; not its icon). Thumbnails and listings do not."""
    if delivers_a_file(response):
        return True
    if response.status != 200 or target.is_dir or THUMB in call.query:
        return False
    if PREVIEW in call.query:
        return b"image/svg+xml" not in response.headers
    return "view" in call.query and is_markdown(target.url_path)


def pin_cookie(link: Link) -> str:
    """The cookie value that proves ``link``'s PIN: an HMAC of its token keyed with its PIN
    hash (secret to the server; a new PIN or another link gives another value)."""
    key = (link.pin_hash or "").encode("utf-8")
    return hmac.new(key, b"pier-link:" + link.token.encode("ascii"),
                    hashlib.sha256).hexdigest()


def _small_body(call: Call) -> bytes:
    """The PIN form's body, whole (it may arrive in pieces); 413 past MAX_PIN_FORM."""
    body = call.body
    data = b""
    while body is not None and len(data) <= MAX_PIN_FORM:
        piece = body.read(MAX_PIN_FORM + 1 - len(data))
        if not piece:
            break
        data += piece
    if len(data) > MAX_PIN_FORM:
        raise HttpError(413, N_("The PIN form is too large."))
    return data


def pin_proof(link: Link, pin: str) -> str:
    """What is remembered of a header PIN found right: an HMAC keyed with the link's PIN hash
    (a new PIN or another link never matches; the PIN itself is not kept)."""
    key = (link.pin_hash or "").encode("utf-8")
    return hmac.new(key, b"pier-link-pin:" + pin.encode("utf-8", "surrogateescape"),
                    hashlib.sha256).hexdigest()


def _has_cookie(header: str, expected: str) -> bool:
    for part in header.split(";"):
        name, _, value = part.strip().partition("=")
        if name == COOKIE and hmac.compare_digest(value.strip().encode(), expected.encode()):
            return True
    return False


def _locked(seconds: int, now: float) -> HttpError:
    seconds = max(1, seconds)
    minutes = (seconds + 59) // 60
    until = time.strftime("%H:%M UTC", time.gmtime(now + seconds))
    err = HttpError(429, PINS_LOCKED[minutes == 1], close=False,
                    fields={"minutes": minutes, "until": until},
                    headers=f"Retry-After: {seconds}\r\n".encode("ascii"))
    err.title = N_("Link locked")  # type: ignore[attr-defined]
    return err


__all__ = ["COOKIE", "PIN_HEADER", "LinkRoutes", "delivers_a_file", "delivers_content",
           "pin_cookie"]
