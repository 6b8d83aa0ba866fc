"""Route enumeration for issue 13: the request handler and the write routes reach the share only
through the access policy's FileAccess (``ex.access``). Their source is read with ``ast`` and
every direct file system call is reported: path-based ``os`` functions, ``open()``, ``shutil``,
``pathlib`` methods, and server helpers that take a path (``resolve``, ``open_confined``,
``is_servable``, ``UploadFile``...). Calls on a descriptor the accessor opened are fine:
``os.fstat``, ``os.close``, ``check_free_space(fd, ...)``."""

from __future__ import annotations

import ast
from pathlib import Path

import server

SERVER = Path(server.__file__).parent
ROUTE_FILES = ("handler.py", "exchange.py", "call.py", "response.py", "delivery.py",
               "routes_files.py", "routes_folders.py", "routes_well_known.py", "routes_writes.py",
               "routes_tus.py", "writes.py", "routes_search.py", "routes_media.py",
               "routes_markdown.py", "routes_dav.py", "routes_dav_locks.py",
               "routes_dav_lock_paths.py", "routes_collect.py", "collect_page.py",
               "routes_links.py", "routes_trust.py", "mobileconfig.py", "targets.py",
               "routes_errors.py")

# os attributes that act on descriptors (or are no call at all)
OS_FD_BASED = {"fstat", "close", "stat_result", "sep", "sendfile", "pread", "read", "write"}
GETATTR_OS_ALLOWED = {"sendfile"}  # hasattr(os, "sendfile"): a feature test, fd-based anyway
FORBIDDEN_MODULES = {"shutil", "pathlib", "glob", "tempfile", "io", "os.path"}
FORBIDDEN_NAMES = {  # module: functions that take a path of the share
    "server.files": {"resolve", "open_confined", "is_servable", "is_inside", "_real_path_below"},
    "server.uploads": {"UploadFile", "sweep_stale_temp_files", "free_name", "check_free_space"},
    "server.listing": {"scan_folder"},
    "server.writes": {"zip_items"},
    "server.zipstream": {"iter_zip"},
}
FD_FIRST = {"check_free_space"}  # allowed on a folder the accessor opened (named opened)
BUILTINS = {"open"}
PATH_METHODS = {"read_bytes", "write_bytes", "read_text", "write_text", "iterdir", "glob",
                "rglob", "mkdir", "rmdir", "unlink", "touch", "exists", "is_dir", "is_file",
                "is_symlink", "symlink_to", "hardlink_to", "samefile", "chmod", "lchmod",
                "realpath", "expanduser", "readlink", "rename"}

def _dotted(node: ast.AST) -> str | None:
    if isinstance(node, ast.Name):
        return node.id
    if isinstance(node, ast.Attribute):
        base = _dotted(node.value)
        return f"{base}.{node.attr}" if base else None
    return None


def direct_calls(source: str) -> list[tuple[int, str]]:
    """(line, what) of every way to the file system that does not go through FileAccess."""
    tree = ast.parse(source)
    imported: dict[str, str] = {}  # local name -> "module.function" for forbidden functions
    found: list[tuple[int, str]] = []
    for node in ast.walk(tree):
        if isinstance(node, ast.Import):
            for alias in node.names:
                if alias.name in FORBIDDEN_MODULES or alias.name.split(".")[0] in FORBIDDEN_MODULES:
                    found.append((node.lineno, f"import of {alias.name}"))
        elif isinstance(node, ast.ImportFrom) and node.module:
            for alias in node.names:
                local = alias.asname or alias.name
                if node.module in ("os", "os.path") or node.module in FORBIDDEN_MODULES:
                    found.append((node.lineno, f"import of {node.module}.{alias.name}"))
                elif alias.name in FORBIDDEN_NAMES.get(node.module, ()):
                    imported[local] = alias.name
                    if alias.name not in FD_FIRST:
                        found.append((node.lineno, f"import of {node.module}.{alias.name}"))
    for node in ast.walk(tree):
        if isinstance(node, ast.Attribute):
            name = _dotted(node) or ""
            head, _, rest = name.partition(".")
            if rest and (head in FORBIDDEN_MODULES
                         or (head == "os" and rest.split(".")[0] not in OS_FD_BASED)):
                found.append((node.lineno, name))
        if not isinstance(node, ast.Call):
            continue
        func = node.func
        if isinstance(func, ast.Name):
            if func.id in BUILTINS:
                found.append((node.lineno, f"call of {func.id}()"))
            elif func.id in imported:
                first = node.args[0] if node.args else None
                on_opened = (func.id in FD_FIRST and isinstance(first, ast.Name)
                             and first.id == "opened")
                if not on_opened:
                    found.append((node.lineno, f"call of {imported[func.id]}"))
            elif func.id in ("getattr", "hasattr") and node.args and \
                    isinstance(node.args[0], ast.Name) and node.args[0].id == "os":
                attr = node.args[1] if len(node.args) > 1 else None
                if not (isinstance(attr, ast.Constant) and attr.value in GETATTR_OS_ALLOWED):
                    found.append((node.lineno, f"{func.id}(os, ...)"))
        elif isinstance(func, ast.Attribute) and _path_method(func):
            found.append((node.lineno, f"call of .{func.attr}()"))
    return sorted(set(found))


def _path_method(func: ast.Attribute) -> bool:
    """A pathlib-style method call (x.read_bytes(), x.open(), x.stat()...); os.* is judged
    above, and the accessor's own methods (ex.access.open_file...) are the way in."""
    if func.attr in PATH_METHODS:
        return True
    receiver = _dotted(func.value) or ""
    return (func.attr in ("open", "stat", "lstat") and receiver != "os"
            and not receiver.endswith("access"))


def _report() -> dict[tuple[str, str], list[int]]:
    found: dict[tuple[str, str], list[int]] = {}
    for name in ROUTE_FILES:
        for line, what in direct_calls((SERVER / name).read_text(encoding="utf-8")):
            found.setdefault((name, what), []).append(line)
    return found


def test_routes_reach_the_share_only_through_file_access():
    unexpected = _report()
    assert not unexpected, "direct file system access in the routes: " + ", ".join(
        f"{f}:{lines} {what}" for (f, what), lines in sorted(unexpected.items()))


def test_the_scanner_sees_each_kind_of_direct_call():
    """The checker itself: every way around FileAccess is reported, descriptor calls are not."""
    source = (
        "import os, shutil\n"
        "from pathlib import Path\n"
        "from server.files import resolve as r, url_quote\n"
        "from server.uploads import UploadFile, check_free_space\n"
        "from os.path import isdir\n"
        "def f(ex, path, fd, folder, opened):\n"
        "    os.open(path, 0); os.mkdir(path); os.makedirs(path); list(os.walk(path))\n"
        "    os.scandir(path); os.listdir(path); os.stat(path); os.lstat(path)\n"
        "    os.replace(path, path); os.rename(path, path); os.link(path, path)\n"
        "    os.unlink(path); os.path.isdir(path); open(path); shutil.copy(path, path)\n"
        "    r('/', path); UploadFile(path, 'x'); check_free_space(folder.fs_path, 1)\n"
        "    folder.read_bytes(); getattr(os, 'open')(path)\n"
        "    os.fstat(fd); os.close(fd); check_free_space(opened, 1); url_quote(path)\n"
        "    ex.access.open_file(path); ex.access.upload(fd, '/', 'x', max_size=None)\n"
    )
    found = {what for _, what in direct_calls(source)}
    for expected in ("os.open", "os.mkdir", "os.makedirs", "os.walk", "os.scandir", "os.listdir",
                     "os.stat", "os.lstat", "os.replace", "os.rename", "os.link", "os.unlink",
                     "os.path", "os.path.isdir", "call of open()", "shutil.copy",
                     "import of shutil", "import of os.path.isdir", "import of pathlib.Path",
                     "import of server.files.resolve", "call of resolve",
                     "import of server.uploads.UploadFile", "call of UploadFile",
                     "call of check_free_space", "call of .read_bytes()", "getattr(os, ...)"):
        assert expected in found, expected
    assert not [w for w in found if "fstat" in w or "close" in w or "url_quote" in w
                or "access" in w or "open_file" in w]
