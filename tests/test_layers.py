"""The import rules of the layers (docs/ARCHITECTURE.md, "Layers"): ``ui -> app -> server``.

Checked by reading every module's source with ``ast`` (nothing is imported), so a violation
fails CI with the file, line and rule broken:

- ``ui/`` takes from ``server/`` only plain data types, pure helpers and exceptions, named in
  ``UI_MAY_IMPORT`` below; what the window may *do* to a share goes through the app's services
  (``app.share_control.ShareControl``, ``app.accounts.Accounts``, ``app.monitor_feed``).
- The live objects' names (``FORBIDDEN_IN_UI``) appear nowhere in ``ui/``: not in code, type
  hints, comments nor strings; nor does ui/ read an ``.engine`` or ``.authenticator``
  attribute (``FORBIDDEN_ATTRIBUTES_IN_UI``).
- ``server/`` imports neither ``app``/``ui`` nor Qt: it runs headless.
- ``app/`` does not import ``ui/``, except ``app/main.py``, the entry point that builds the
  window.
"""

from __future__ import annotations

import ast
import re
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent

ALL = None  # every name of the module may be imported

# What ui/ may import from server/, and why each is harmless for a widget:
UI_MAY_IMPORT: dict[str, frozenset[str] | None] = {
    # RequestRecord: a dataclass treated as read-only, one line of the request log; UploadMark
    # (which tus upload a record is about) and UnfinishedUpload (a resumable upload waiting for
    # bytes, for the Clients tab): frozen copies made by the engine, holding no live object.
    "server.records": ALL,
    # format_size / format_rate: pure functions, no state.
    "server.units": ALL,
    # Exception classes only: the widgets catch them and say why.
    "server.errors": ALL,
    # Pure functions over a typed string (the password rule shared with `pier users`).
    "server.passwords": ALL,
    # PierPaths: a frozen record of folders, made by app/main.py and handed to the services.
    "server.paths": frozenset({"PierPaths"}),
    # The module also holds ServerEngine; only its frozen stats record may be used.
    "server.engine": frozenset({"EngineStats"}),
    # The module also holds the Thumbnailer (threads, files); only its frozen stats record,
    # which the Traffic tab shows.
    "server.thumbnails": frozenset({"ThumbStats"}),
    # The module also holds TextBoard (the engine's live texts); only the frozen records the
    # text banners show.
    "server.text_board": frozenset({"SharedText", "TextReceived"}),
    # The module also holds UserStore (files, hashing); only the frozen account record.
    "server.users": frozenset({"User"}),
    # The module also holds CertificateStore (keys, files); only its plain records, a
    # constant and the exceptions the certificate dialog answers.
    "server.tls": frozenset({"CertificateInfo", "GenerationOptions", "GENERATED",
                             "PassphraseRequired", "WrongPassphrase"}),
    # The module also reads and writes the directory's settings file; only the frozen settings
    # record the Directory tab shows and the default filters it offers as placeholders.
    "server.directory_config": frozenset({"DirectorySettings", "AD_USER_FILTER",
                                          "DEFAULT_USER_FILTER", "DEFAULT_GROUP_FILTER"}),
}

# Live objects that act on a running share: ui/ must reach them through app/ only. Matched
# anywhere in a line (so "Lockouts" and "LockoutInfo" count too), except UserStore, matched as a
# whole word: its exception UserStoreError (server.errors) is plain and allowed.
FORBIDDEN_IN_UI = re.compile(r"ServerEngine|Authenticator|Lockout|\bUserStore\b")

# The app objects that held them once: ui/ reads no attribute of these names (it asks
# ``controller.share_control`` and ``Accounts`` instead).
FORBIDDEN_ATTRIBUTES_IN_UI = frozenset({"engine", "authenticator"})

QT_PACKAGES = ("PySide6", "PySide2", "PyQt5", "PyQt6", "shiboken6", "qasync")
APP_MAY_IMPORT_UI = frozenset({"app/main.py"})  # the entry point builds the window


@dataclass(frozen=True)
class Import:
    path: str  # relative to the repository, e.g. "ui/clients_view.py"
    line: int
    module: str  # absolute dotted name
    names: tuple[str, ...]  # imported names; () for "import x.y"

    def where(self) -> str:
        return f"{self.path}:{self.line}"


def modules(package: str) -> list[Path]:
    return sorted((ROOT / package).rglob("*.py"))


def relative(path: Path, root: Path = ROOT) -> str:
    return path.relative_to(root).as_posix()


def imports_of(path: Path, root: Path = ROOT) -> Iterator[Import]:
    """Every import in ``path``, also inside functions and ``if TYPE_CHECKING:`` blocks, with
    relative imports made absolute."""
    tree = ast.parse(path.read_text(encoding="utf-8"), filename=str(path))
    package = relative(path.parent, root).replace("/", ".")
    for node in ast.walk(tree):
        if isinstance(node, ast.Import):
            for alias in node.names:
                yield Import(relative(path, root), node.lineno, alias.name, ())
        elif isinstance(node, ast.ImportFrom):
            module = node.module or ""
            if node.level:
                base = package.split(".")[: len(package.split(".")) - node.level + 1]
                module = ".".join([*base, module] if module else base)
            yield Import(relative(path, root), node.lineno, module,
                         tuple(alias.name for alias in node.names))


def top(module: str) -> str:
    return module.split(".")[0]


def ui_server_violations(paths: list[Path], root: Path = ROOT) -> list[str]:
    problems = []
    for path in paths:
        for imp in imports_of(path, root):
            if top(imp.module) != "server":
                continue
            if imp.module == "server" or not imp.names:
                problems.append(f"{imp.where()}: 'import {imp.module}' gives the whole module; "
                                "import the allowed names with 'from ... import'")
                continue
            allowed = UI_MAY_IMPORT.get(imp.module, frozenset())
            if allowed is ALL:
                continue
            for name in imp.names:
                if name not in allowed:
                    problems.append(f"{imp.where()}: ui/ may not import {name} from "
                                    f"{imp.module} (not plain data): use an app service")
    return problems


def forbidden_words(paths: list[Path], root: Path = ROOT) -> list[str]:
    problems = []
    for path in paths:
        for number, line in enumerate(path.read_text(encoding="utf-8").splitlines(), 1):
            for match in FORBIDDEN_IN_UI.finditer(line):
                problems.append(f"{relative(path, root)}:{number}: '{match.group()}' in ui/")
    return problems


def forbidden_attributes(paths: list[Path], root: Path = ROOT) -> list[str]:
    problems = []
    for path in paths:
        tree = ast.parse(path.read_text(encoding="utf-8"), filename=str(path))
        for node in ast.walk(tree):
            if isinstance(node, ast.Attribute) and node.attr in FORBIDDEN_ATTRIBUTES_IN_UI:
                problems.append(f"{relative(path, root)}:{node.lineno}: ui/ reads "
                                f".{node.attr}: use the app's services")
    return problems


def test_ui_imports_only_plain_data_and_exceptions_from_server() -> None:
    problems = ui_server_violations(modules("ui"))
    assert not problems, "\n".join(problems)


def test_ui_never_names_the_live_server_objects() -> None:
    problems = forbidden_words(modules("ui"))
    assert not problems, "\n".join(problems)


def test_ui_reads_no_engine_or_authenticator_attribute() -> None:
    problems = forbidden_attributes(modules("ui"))
    assert not problems, "\n".join(problems)


def test_server_imports_neither_app_ui_nor_qt() -> None:
    problems = [f"{imp.where()}: server/ imports {imp.module}"
                for path in modules("server") for imp in imports_of(path)
                if top(imp.module) in ("app", "ui", *QT_PACKAGES)]
    assert not problems, "\n".join(problems)


def test_app_does_not_import_ui() -> None:
    problems = [f"{imp.where()}: app/ imports {imp.module}"
                for path in modules("app") if relative(path) not in APP_MAY_IMPORT_UI
                for imp in imports_of(path) if top(imp.module) == "ui"]
    assert not problems, "\n".join(problems)


# ---- the checker itself ------------------------------------------------------------------------

def test_checker_catches_each_kind_of_violation(tmp_path: Path) -> None:
    ui = tmp_path / "ui"
    ui.mkdir()
    bad = ui / "bad.py"
    bad.write_text("import server.engine\n"
                   "from server.users import User, UserStore\n"
                   "from server import auth\n"
                   "def f() -> None:\n"
                   "    from server.control import parse_network\n"
                   "from server.units import format_size\n"
                   "# the Authenticator says\n"
                   "from server.errors import UserStoreError  # no LockoutInfo here\n"
                   "stats = window.controller.engine.stats()\n",
                   encoding="utf-8")
    imports = ui_server_violations([bad], tmp_path)
    words = forbidden_words([bad], tmp_path)
    attributes = forbidden_attributes([bad], tmp_path)
    assert [p.split(":")[1] for p in imports] == ["1", "2", "3", "5"]
    assert "UserStore" in imports[1] and "User " not in imports[1]
    assert words == ["ui/bad.py:2: 'UserStore' in ui/", "ui/bad.py:7: 'Authenticator' in ui/",
                     "ui/bad.py:8: 'Lockout' in ui/"]
    assert attributes == ["ui/bad.py:9: ui/ reads .engine: use the app's services"]


def test_relative_imports_are_resolved(tmp_path: Path) -> None:
    package = tmp_path / "ui" / "sub"
    package.mkdir(parents=True)
    module = package / "m.py"
    module.write_text("from .. import dialogs\nfrom ..x import y\n", encoding="utf-8")
    found = [(i.module, i.names) for i in imports_of(module, tmp_path)]
    assert found == [("ui", ("dialogs",)), ("ui.x", ("y",))]
