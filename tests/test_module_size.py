"""The house rule "no module over 500 lines", for the Python of server/, app/ and ui/ and for
the page's own scripts in resources/assets/. Third-party files (resources/vendor/, e.g.
tus-js-client) are not ours to split and are not counted. A module that grows past the limit
is split into cohesive parts, not trimmed of its blank lines."""

from __future__ import annotations

from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
LIMIT = 500  # lines
PYTHON_PACKAGES = ("server", "app", "ui")
SCRIPTS = ROOT / "resources" / "assets"


def lines_of(path: Path) -> int:
    with path.open("rb") as source:
        return sum(1 for _ in source)


def checked_files(root: Path) -> list[Path]:
    python = [path for package in PYTHON_PACKAGES for path in (root / package).rglob("*.py")]
    return python + sorted((root / "resources" / "assets").glob("*.js"))


def too_long(paths: list[Path], limit: int = LIMIT) -> list[str]:
    """One "PATH: N lines" for every file over `limit`."""
    return [f"{path}: {count} lines" for path in paths if (count := lines_of(path)) > limit]


def test_no_module_or_page_script_is_over_500_lines() -> None:
    assert too_long(checked_files(ROOT)) == []


def test_the_check_sees_the_files_it_is_about() -> None:
    names = {path.relative_to(ROOT).as_posix() for path in checked_files(ROOT)}
    assert {"server/engine.py", "app/main.py", "ui/main_window.py",
            "resources/assets/app.js", "resources/assets/uploads.js"} <= names
    assert not any(name.startswith("resources/vendor/") for name in names)  # third-party


def test_the_check_catches_a_long_file(tmp_path: Path) -> None:
    exact = tmp_path / "exact.js"
    exact.write_text("x\n" * LIMIT)
    longer = tmp_path / "longer.py"
    longer.write_text("x\n" * (LIMIT + 1))
    unterminated = tmp_path / "unterminated.py"
    unterminated.write_text("x\n" * LIMIT + "x")  # a last line without its newline counts
    assert too_long([exact, longer, unterminated]) == [
        f"{longer}: {LIMIT + 1} lines", f"{unterminated}: {LIMIT + 1} lines"]
