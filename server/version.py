"""Pier's version: the installed package's metadata, written from pyproject.toml."""

from __future__ import annotations

from importlib import metadata

DISTRIBUTION = "pier"


def pier_version() -> str:
    """pyproject.toml's version of the installed distribution ("unknown" if not installed)."""
    try:
        return metadata.version(DISTRIBUTION)
    except metadata.PackageNotFoundError:
        return "unknown"


def version_line() -> str:
    return f"pier {pier_version()}"
