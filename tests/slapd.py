"""A real OpenLDAP server for the directory tests: Debian's slapd, started as the current user
on free ports with a slapd.conf and an mdb database in a temporary folder (no systemd, no
cn=config of the machine), TLS with a certificate made by Pier's own CertificateStore, a few
users and groups loaded with ldapadd, stopped after.

    alice   password alice-secret-1   in staff (read) and editors (modify:/team)
    bob     password bob-secret-22    in staff
    carol   password carol-secret-3   in no group
    admin   password admin-secret-4   in staff (a name the injection tests aim at)
    dave    password dave-secret-55   in staff (tests that change the directory use him)
"""

from __future__ import annotations

import shutil
import signal
import socket
import subprocess
import time
from collections.abc import Iterator
from dataclasses import dataclass, replace
from pathlib import Path

import pytest

from server import ca
from server.directory_config import DirectorySettings, parse_group_map
from server.tls import CertificateStore

SUFFIX = "dc=example,dc=org"
ROOT_DN = f"cn=manager,{SUFFIX}"
ROOT_PW = "manager-secret"
PEOPLE = f"ou=people,{SUFFIX}"
USERS = {"alice": "alice-secret-1", "bob": "bob-secret-22", "carol": "carol-secret-3",
         "admin": "admin-secret-4", "dave": "dave-secret-55"}
GROUPS = {"staff": ["alice", "bob", "admin", "dave"], "editors": ["alice"]}
GROUP_MAP = ("staff=read", "editors=modify:/team")
SLAPD = shutil.which("slapd") or "/usr/sbin/slapd"
SCHEMA = Path("/etc/ldap/schema")
MODULES = Path("/usr/lib/ldap")


@dataclass
class Slapd:
    folder: Path
    ldap_port: int
    ldaps_port: int
    ca_pem: str  # Pier's CA, which issued the server's certificate
    process: subprocess.Popen[bytes]

    @property
    def ldaps_url(self) -> str:
        return f"ldaps://localhost:{self.ldaps_port}"

    @property
    def ldap_url(self) -> str:
        return f"ldap://localhost:{self.ldap_port}"

    def dn(self, name: str) -> str:
        return f"uid={name},{PEOPLE}"

    def modify(self, ldif: str) -> None:
        """Change the directory as its manager (ldapmodify over the plain local port)."""
        _run(["ldapmodify", "-x", "-H", f"ldap://127.0.0.1:{self.ldap_port}", "-D", ROOT_DN,
              "-w", ROOT_PW], ldif)


def directory_settings(server: Slapd, **changes: object) -> DirectorySettings:
    """Settings for ``server`` over LDAPS, trusting Pier's CA that issued its certificate."""
    settings = DirectorySettings(url=server.ldaps_url, base_dn=SUFFIX, ca_pem=server.ca_pem,
                                 group_map=tuple(parse_group_map(m) for m in GROUP_MAP))
    return replace(settings, **changes).validated()  # type: ignore[arg-type]


def slapd_missing() -> str | None:
    """Why the slapd tests cannot run here, or None."""
    if not Path(SLAPD).exists() or shutil.which("ldapadd") is None:
        return "slapd and ldap-utils are not installed (./scripts/test installs them as root)"
    return None


def start_slapd(folder: Path, cert_names: tuple[str, ...] = ()) -> Slapd:
    """slapd with the machine's certificate from Pier's CertificateStore, or with a leaf for
    ``cert_names`` only (made by server.ca, under a fresh CA of its own)."""
    folder.mkdir(parents=True, exist_ok=True)
    if cert_names:
        chain, key, ca_pem = _certificate_for(folder, cert_names)
    else:
        store = CertificateStore(folder / "tls")
        chain, key = store.ensure_server_certificate()
        ca_pem = (store.ca_pem() or b"").decode("ascii")
    (folder / "db").mkdir()
    ldap_port, ldaps_port = _free_port(), _free_port()
    conf = folder / "slapd.conf"
    conf.write_text(_config(folder, chain, key), encoding="utf-8")
    log = (folder / "slapd.log").open("wb")
    process = subprocess.Popen(
        [SLAPD, "-f", str(conf), "-d", "0",
         "-h", f"ldap://127.0.0.1:{ldap_port}/ ldaps://127.0.0.1:{ldaps_port}/"],
        stdout=log, stderr=subprocess.STDOUT)
    server = Slapd(folder, ldap_port, ldaps_port, ca_pem, process)
    try:
        _wait_until_listening(server)
        _run(["ldapadd", "-x", "-H", f"ldap://127.0.0.1:{ldap_port}", "-D", ROOT_DN,
              "-w", ROOT_PW], _entries())
    except BaseException:
        stop_slapd(server)
        raise
    return server


def _certificate_for(folder: Path, names: tuple[str, ...]) -> tuple[Path, Path, str]:
    ca_key, leaf_key = ca.new_key(False, 0), ca.new_key(False, 0)
    parsed = [ca.parse_name(name) for name in names]
    authority = ca.make_ca(ca_key, ca.ca_constraints(parsed))
    leaf = ca.make_server_cert(leaf_key, parsed, authority, ca_key)
    chain, key = folder / "chain.pem", folder / "key.pem"
    chain.write_bytes(ca.cert_pem(leaf, authority))
    key.write_bytes(ca.key_pem(leaf_key))
    return chain, key, ca.cert_pem(authority).decode("ascii")


def stop_slapd(server: Slapd) -> None:
    if server.process.poll() is None:
        server.process.send_signal(signal.SIGTERM)
        try:
            server.process.wait(timeout=10)
        except subprocess.TimeoutExpired:
            server.process.kill()
            server.process.wait()


@pytest.fixture(scope="session")
def slapd(tmp_path_factory: pytest.TempPathFactory) -> Iterator[Slapd]:
    reason = slapd_missing()
    if reason:
        pytest.skip(reason)
    server = start_slapd(tmp_path_factory.mktemp("slapd"))
    try:
        yield server
    finally:
        stop_slapd(server)


def _config(folder: Path, chain: Path, key: Path) -> str:
    schemas = "\n".join(f"include {SCHEMA / name}.schema"
                        for name in ("core", "cosine", "inetorgperson", "nis"))
    return f"""{schemas}
modulepath {MODULES}
moduleload back_mdb
moduleload memberof
pidfile {folder / "slapd.pid"}
argsfile {folder / "slapd.args"}
TLSCertificateFile {chain}
TLSCertificateKeyFile {key}
database mdb
maxsize 10485760
suffix "{SUFFIX}"
rootdn "{ROOT_DN}"
rootpw {ROOT_PW}
directory {folder / "db"}
overlay memberof
access to attrs=userPassword by self write by anonymous auth by * none
access to * by * read
"""


def _entries() -> str:
    parts = [f"dn: {SUFFIX}\nobjectClass: dcObject\nobjectClass: organization\ndc: example\n"
             "o: Example\n",
             f"dn: {PEOPLE}\nobjectClass: organizationalUnit\nou: people\n",
             f"dn: ou=groups,{SUFFIX}\nobjectClass: organizationalUnit\nou: groups\n"]
    for name, password in USERS.items():
        parts.append(f"dn: uid={name},{PEOPLE}\nobjectClass: inetOrgPerson\nuid: {name}\n"
                     f"cn: {name.title()}\nsn: {name.title()}\nuserPassword: {password}\n")
    for group, members in GROUPS.items():
        lines = "".join(f"member: uid={m},{PEOPLE}\n" for m in members)
        parts.append(f"dn: cn={group},ou=groups,{SUFFIX}\nobjectClass: groupOfNames\n"
                     f"cn: {group}\n{lines}")
    return "\n".join(parts)


def _run(command: list[str], stdin: str) -> None:
    done = subprocess.run(command, input=stdin.encode(), capture_output=True, timeout=30,
                          check=False)
    if done.returncode != 0:
        raise RuntimeError(f"{command[0]} failed: {done.stderr.decode(errors='replace')}")


def _free_port() -> int:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return int(probe.getsockname()[1])


def _wait_until_listening(server: Slapd) -> None:
    """slapd forks nothing with -d: poll its ports until both accept (or it exits)."""
    deadline = time.monotonic() + 20
    while time.monotonic() < deadline:
        if server.process.poll() is not None:
            text = (server.folder / "slapd.log").read_text(errors="replace")
            raise RuntimeError(f"slapd exited ({server.process.returncode}): {text[-2000:]}")
        if all(_accepts(port) for port in (server.ldap_port, server.ldaps_port)):
            return
        time.sleep(0.05)  # a process starting up: nothing to wait on but its port
    raise RuntimeError("slapd did not start listening within 20 s")


def _accepts(port: int) -> bool:
    try:
        with socket.create_connection(("127.0.0.1", port), timeout=1):
            return True
    except OSError:
        return False


__all__ = ["Slapd", "directory_settings", "slapd", "start_slapd", "stop_slapd"]
