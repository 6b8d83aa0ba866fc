"""Talking to the office directory (LDAP / Active Directory) with ldap3: one login is a search
for the user's entry (as the bind DN, or anonymously), a bind as that entry with the password,
and a look at the user's groups; the groups map to Pier's rights (``rights_for``).

Blocking and thread-safe (a fresh connection per call): server.directory_source runs it on its
own threads. Every connection is TLS (LDAPS or StartTLS) with the certificate and host name
verified; ldap3's ``Tls()`` verifies nothing unless told, so ``validate=CERT_REQUIRED`` is set
here and nowhere else. Values from the client (the user name, the entry's DN) reach a filter only
through ``escape_filter_chars``, so no user name can change a filter's meaning.

Referrals are never followed (ldap3 follows them by default, binding again with the same DN and
password to whatever host the referral names, in the clear for an ldap:// one): a referral is
"no such user". A password LDAP cannot carry (ldap3's SASLprep refuses it) is a wrong password,
checked before any connection; only a directory that cannot be reached or refuses Pier's own
bind is DirectoryDown. The principal is named as the entry names itself (``canonical_name``),
not as typed, so "BOB" and "bob" are one user.
"""

from __future__ import annotations

import contextlib
import logging
import ssl
from collections.abc import Iterable, Iterator

from ldap3 import NONE, SUBTREE, Connection, Server, Tls
from ldap3.core.exceptions import LDAPException
from ldap3.core.results import RESULT_REFERRAL, RESULT_SIZE_LIMIT_EXCEEDED, RESULT_SUCCESS
from ldap3.protocol.sasl.sasl import sasl_prep
from ldap3.utils.conv import escape_filter_chars
from ldap3.utils.dn import parse_dn

from server.directory_config import MEMBER_OF, DirectorySettings, GroupMapping, name_items
from server.directory_source import DirectoryDown, Verdict, fold_name
from server.user_model import NAME_MAX, PASSWORD_MAX, User

log = logging.getLogger("pier.directory")

TIMEOUT = 5.0  # seconds for connecting and for each answer
INVALID_CREDENTIALS = 49


def rights_for(name: str, groups: Iterable[str],
               mappings: Iterable[GroupMapping]) -> User | None:
    """The principal of a directory user in ``groups`` (cns, any case): the highest level among
    the mapped groups wins, with that level's folder limits (several mappings at that level add
    their folders; one without a folder means the whole share). None when no group is mapped."""
    held = {group.casefold() for group in groups}
    matched = [m for m in mappings if m.group.casefold() in held]
    if not matched:
        return None
    rank = max(m.rank for m in matched)
    top = [m for m in matched if m.rank == rank]
    folders = () if any(m.folder is None for m in top) else \
        tuple(sorted({m.folder for m in top if m.folder}))
    return User(name, can_read=True, can_upload=rank >= 1, can_modify=rank >= 2,
                admin=rank >= 3, folders=folders, directory=True)


class DirectoryClient:
    """Logins against one directory, as ``settings`` describe it."""

    def __init__(self, settings: DirectorySettings, *, timeout: float = TIMEOUT) -> None:
        self.settings = settings
        self.timeout = timeout

    def log_in(self, name: str, password: str) -> Verdict:
        """Check ``name`` and ``password``; DirectoryDown when the directory cannot say."""
        if not _acceptable(name, password) or not _bindable(password):
            return Verdict(None, "not a name or password the directory could hold")
        with self._service() as service:
            entry = self._find(service, name)
            if entry is None:
                return Verdict(None, "no such user (or more than one) in the directory")
            dn, attributes = entry
            canonical = canonical_name(self.settings.user_filter, attributes, name)
            if canonical is None:
                return Verdict(None, "the entry does not show the name the user filter matched "
                                     "(may the bind DN read that attribute?)")
            if not self._password_matches(dn, password):
                return Verdict(None, "wrong password")
            groups = tuple(self._groups(service, dn, attributes))
        user = rights_for(canonical, groups, self.settings.group_map)
        if user is None:
            return Verdict(None, "in no mapped group", groups)
        return Verdict(user, "", groups)

    def exists(self, name: str) -> bool:
        """Whether the directory has an entry for ``name`` (no password involved)."""
        if not _acceptable(name, "-"):
            return False
        with self._service() as service:
            return self._find(service, name) is not None

    # -- steps -----------------------------------------------------------------------------

    @contextlib.contextmanager
    def _service(self) -> Iterator[Connection]:
        """A connection bound as the bind DN (or anonymously), over TLS; DirectoryDown if not."""
        settings = self.settings
        connection = self._connect(settings.bind_dn or None, settings.bind_password or None)
        try:
            if not connection.bound:
                result = connection.result or {}
                raise DirectoryDown("the directory refused Pier's bind DN "
                                    f"({result.get('description', 'refused')})")
            yield connection
        finally:
            _close(connection)

    def _connect(self, user: str | None, password: str | None) -> Connection:
        settings = self.settings
        tls = Tls(validate=ssl.CERT_REQUIRED, ca_certs_data=settings.ca_pem or None,
                  sni=settings.host)
        server = Server(settings.host, port=settings.port, use_ssl=not settings.starttls,
                        tls=tls, get_info=NONE, connect_timeout=self.timeout,
                        allowed_referral_hosts=[])
        connection = Connection(server, user=user, password=password, read_only=True,
                                receive_timeout=max(1, round(self.timeout)),
                                raise_exceptions=False, auto_referrals=False)
        try:
            connection.open()
            if settings.starttls and not connection.start_tls():
                raise DirectoryDown("the directory refused StartTLS")
            connection.bind()
        except DirectoryDown:
            _close(connection)
            raise
        except (LDAPException, OSError, ssl.SSLError) as err:
            _close(connection)
            raise DirectoryDown(f"cannot reach {settings.url}: {_short(err)}") from None
        return connection

    def _find(self, service: Connection, name: str) -> tuple[str, dict[str, object]] | None:
        settings = self.settings
        search = settings.user_filter.replace("{name}", escape_filter_chars(name))
        attributes = [attribute for attribute, _prefix, _suffix in name_items(settings.user_filter)]
        attributes += [MEMBER_OF] if settings.uses_member_of else []
        entries = self._search(service, settings.base_dn, search, attributes, size_limit=2)
        if len(entries) != 1:
            return None
        entry = entries[0]
        return str(entry["dn"]), dict(entry.get("attributes") or {})

    def _password_matches(self, dn: str, password: str) -> bool:
        connection = self._connect(dn, password)
        try:
            if connection.bound:
                return True
            if connection.result and connection.result.get("result") != INVALID_CREDENTIALS:
                log.info("the directory refused a bind for %s: %s", dn,
                         connection.result.get("description"))
            return False
        finally:
            _close(connection)

    def _groups(self, service: Connection, dn: str,
                attributes: dict[str, object]) -> Iterable[str]:
        if self.settings.uses_member_of:
            values = attributes.get(MEMBER_OF) or []
            return [cn for value in _as_list(values) if (cn := _cn_of(str(value)))]
        search = self.settings.group_filter.replace("{dn}", escape_filter_chars(dn))
        entries = self._search(service, self.settings.base_dn, search, ["cn"], size_limit=1000)
        return [str(cn) for entry in entries
                for cn in _as_list((entry.get("attributes") or {}).get("cn") or [])]

    def _search(self, service: Connection, base: str, search: str, attributes: list[str], *,
                size_limit: int) -> list[dict]:
        try:
            service.search(base, search, search_scope=SUBTREE, attributes=attributes,
                           size_limit=size_limit)
        except (LDAPException, OSError, ssl.SSLError) as err:
            raise DirectoryDown(f"the directory stopped answering: {_short(err)}") from None
        result = service.result or {}
        if result.get("result") == RESULT_REFERRAL:  # the entries live elsewhere: not followed
            log.warning("the directory answered a search under %s with a referral to %s; "
                        "Pier follows no referrals (set the base DN to where the users are)",
                        base, ", ".join(map(str, result.get("referrals") or [])) or "elsewhere")
            return []
        if result.get("result") not in (RESULT_SUCCESS, RESULT_SIZE_LIMIT_EXCEEDED):  # 2+ hits
            raise DirectoryDown(f"a search under {base} failed: {result.get('description')}")
        return [item for item in service.response or [] if item.get("type") == "searchResEntry"]


def _acceptable(name: str, password: str) -> bool:
    """An empty password would be an unauthenticated bind, which LDAP answers with success."""
    return 0 < len(name) <= NAME_MAX and 0 < len(password) <= PASSWORD_MAX and \
        not any(ord(c) < 32 or c == "\x7f" for c in name)


def _bindable(password: str) -> bool:
    """Whether ldap3 can send ``password`` in a simple bind: it applies SASLprep (RFC 4013)
    first and raises for a control character, a non-character and the like. Asked here with
    ldap3's own function, so such a password is a refused login, not an error in the bind."""
    try:
        sasl_prep(password)
    except LDAPException:
        return False
    return True


def canonical_name(user_filter: str, attributes: dict[str, object], typed: str) -> str | None:
    """The user's name as the entry holds it: the value of the attribute the user filter
    matched ``typed`` with (``(uid={name})`` -> uid; ``(mail={name}@x)`` -> mail without
    "@x"), the one equal to ``typed`` under the directory's matching (``fold_name``); when none
    is, the only value there is. None when the entry shows no such value, or several."""
    found: list[str] = []
    for attribute, prefix, suffix in name_items(user_filter):
        for value in _as_list(_attribute(attributes, attribute)):
            name = _between(str(value), prefix, suffix)
            if name:
                found.append(name)
    wanted = fold_name(typed)
    matching = sorted(name for name in found if fold_name(name) == wanted)
    if matching:
        return matching[0]
    distinct = set(found)
    return distinct.pop() if len(distinct) == 1 else None


def _attribute(attributes: dict[str, object], wanted: str) -> object:
    return next((value for key, value in attributes.items() if key.lower() == wanted.lower()),
                [])


def _between(value: str, prefix: str, suffix: str) -> str:
    """``value`` without the filter's text around {name}, "" when it is not there."""
    if len(value) <= len(prefix) + len(suffix) or \
            value[:len(prefix)].casefold() != prefix.casefold() or \
            value[len(value) - len(suffix):].casefold() != suffix.casefold():
        return ""
    return value[len(prefix):len(value) - len(suffix)]


def _cn_of(dn: str) -> str | None:
    try:
        first = parse_dn(dn)[0]
    except (LDAPException, IndexError, ValueError):
        return None
    return str(first[1]) if str(first[0]).lower() == "cn" else None


def _as_list(value: object) -> list[object]:
    return list(value) if isinstance(value, list | tuple) else [value]


def _close(connection: Connection) -> None:
    with contextlib.suppress(LDAPException, OSError, ssl.SSLError):
        connection.unbind()


def _short(err: BaseException) -> str:
    text = str(err) or type(err).__name__
    return text if len(text) <= 200 else text[:197] + "..."
