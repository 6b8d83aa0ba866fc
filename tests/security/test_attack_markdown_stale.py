"""A README edited in place to the same size with its mtime put back (``touch -r``, a tool that
keeps times, or two writes within one tick of a coarse file-system clock) keeps its identity
(mtime, size, inode, device), so the rendered document cache serves the old text for good,
under the listing and on ``?view``, while the download already gives the new one. The case
that hurts: a secret pasted into a README and redacted in place ("hunter2" -> "XXXXXXX")
stays on the page. (st_ctime cannot be set back from user space.)"""

from __future__ import annotations

import os
from pathlib import Path

SECRET = "password: hunter2\n"
REDACTED = "password: XXXXXXX\n"  # the same size


def redact_keeping_times(path: Path) -> None:
    before = os.stat(path)
    with open(path, "r+b") as f:
        f.write(REDACTED.encode())
    os.utime(path, ns=(before.st_atime_ns, before.st_mtime_ns))
    after = os.stat(path)
    assert (after.st_mtime_ns, after.st_size, after.st_ino) == (
        before.st_mtime_ns, before.st_size, before.st_ino)


def test_a_redacted_readme_with_its_old_mtime_is_shown_redacted(server, share: Path):
    readme = share / "docs" / "README.md"
    readme.write_text(SECRET, encoding="utf-8")
    assert b"hunter2" in server.get("/docs/")[1]
    assert b"hunter2" in server.get("/docs/README.md?view")[1]
    redact_keeping_times(readme)
    assert server.get("/docs/README.md")[1] == REDACTED.encode()  # the download is fresh
    assert b"hunter2" not in server.get("/docs/README.md?view")[1]
    assert b"hunter2" not in server.get("/docs/")[1]


def test_a_redacted_file_with_its_old_mtime_is_downloaded_redacted(server, share: Path):
    """The same edit of a small file whose body the file cache keeps in memory."""
    notes = share / "docs" / "notes.txt"
    notes.write_text(SECRET, encoding="utf-8")
    assert server.get("/docs/notes.txt")[1] == SECRET.encode()
    assert server.get("/docs/notes.txt")[1] == SECRET.encode()  # from memory now
    redact_keeping_times(notes)
    assert server.get("/docs/notes.txt")[1] == REDACTED.encode()
