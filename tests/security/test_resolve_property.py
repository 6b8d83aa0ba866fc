"""Property-based tests over server.files.resolve, the one function that maps a URL path to a
file: whatever the path, the answer is PathRefused or a real path inside the real root."""

from __future__ import annotations

import os
from pathlib import Path
from urllib.parse import quote

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from server.files import PathRefused, Resolved, resolve

FIXED = settings(max_examples=300, derandomize=True, deadline=None, database=None,
                 suppress_health_check=[HealthCheck.too_slow])

# Pieces an attacker would combine: separators, dots, encodings, drive and stream syntax, names
# of links that leave the root, and names that exist.
TOKENS = [
    "", ".", "..", "...", "%2e", "%2E", "%2e%2e", ".%2e", "%252e%252e", "%c0%ae", "%c0%af",
    "%e0%80%ae", "%u002e", "%2f", "%2F", "%5c", "\\", "%00", "\x00", "%0a", "%1b", "%7f",
    "%c2%85", "%e2%80%ae", ":", "::$DATA", "C:", "c%3a", "~", "~root", " ", "%20", ";", "?",
    "#", "%", "%%", "%g0", "etc", "passwd", "a", "b.txt", ".hidden", "secret.txt", "out",
    "up", "abs", "sib", "in", "loop", "chain", "dangling", "protected", "real", "rootx",
]
ALPHABET = "/.%\\:~\x00\x01\x1f\x7f abcC$2efE5c0;?#é\u202e"

segment = st.one_of(st.sampled_from(TOKENS), st.text(alphabet=ALPHABET, max_size=6))
url_paths = st.lists(segment, max_size=8).map(lambda parts: "/" + "/".join(parts))
raw_paths = st.text(alphabet=ALPHABET, max_size=40).map(lambda text: "/" + text)
encoded_paths = st.lists(st.sampled_from(TOKENS), max_size=8).map(
    lambda parts: "/" + quote("/".join(parts), safe="/%"))
any_path = st.one_of(url_paths, raw_paths, encoded_paths)


@pytest.fixture(scope="module")
def tree(tmp_path_factory: pytest.TempPathFactory) -> tuple[str, str]:
    """(real root, protected folder inside it); links inside point every which way."""
    base = Path(os.path.realpath(tmp_path_factory.mktemp("resolve")))
    root = base / "root"
    (root / "real" / "protected").mkdir(parents=True)
    (root / "a").mkdir()
    (root / "b.txt").write_text("b")
    (root / ".hidden").write_text("h")
    (root / "real" / "secret.txt").write_text("inside")
    (root / "real" / "protected" / "secret.txt").write_text("protected")
    (base / "rootx").mkdir()  # a sibling whose name starts like the root's
    (base / "rootx" / "secret.txt").write_text("outside")
    (base / "secret.txt").write_text("outside")
    (root / "out").symlink_to(base)
    (root / "up").symlink_to("..")
    (root / "abs").symlink_to("/")
    (root / "sib").symlink_to("../rootx")
    (root / "in").symlink_to("real")
    (root / "loop").symlink_to("loop")
    (root / "chain").symlink_to("in/../up")
    (root / "dangling").symlink_to("nowhere")
    (root / "real" / "protected-link").symlink_to("protected")
    return str(root), str(root / "real" / "protected")


def check(root: str, protected: str, path: str, *, show_hidden: bool) -> None:
    try:
        found = resolve(root, path, show_hidden=show_hidden, protected=(Path(protected),))
    except PathRefused as refused:
        assert refused.status in (400, 404)
        return
    assert isinstance(found, Resolved)
    real = Path(os.path.realpath(found.fs_path))
    assert real.is_relative_to(root), (path, real)
    assert not real.is_relative_to(protected), (path, real)
    if not show_hidden:
        assert not any(p.startswith(".") for p in real.relative_to(root).parts), (path, real)
    assert found.url_path.startswith("/") and not found.url_path.startswith("//")
    assert ".." not in found.url_path.split("/")


@FIXED
@given(path=any_path)
def test_resolve_stays_inside_the_root(tree, path):
    check(*tree, path, show_hidden=False)


@FIXED
@given(path=any_path)
def test_resolve_stays_inside_the_root_with_hidden_names_shown(tree, path):
    check(*tree, path, show_hidden=True)


@FIXED
@given(text=st.text(max_size=30))
def test_any_unicode_name_once_encoded_stays_inside(tree, text):
    check(*tree, "/" + quote(text, safe=""), show_hidden=False)
    check(*tree, "/real/" + quote(text, safe="/"), show_hidden=False)


def test_the_tree_can_be_served_at_all(tree):
    """The properties above would hold for a resolve that refuses everything: show it does not."""
    root, _ = tree
    assert resolve(root, "/in/secret.txt").fs_path == os.path.join(root, "real", "secret.txt")
    assert resolve(root, "/chain/root/b.txt").fs_path == os.path.join(root, "b.txt")
    for path in ("/out/secret.txt", "/sib/secret.txt", "/up/rootx/secret.txt", "/abs/etc",
                 "/real/protected/secret.txt", "/real/protected-link/secret.txt", "/loop",
                 "/dangling", "/.hidden"):
        with pytest.raises(PathRefused):
            resolve(root, path, protected=(Path(tree[1]),))
