"""Second attack on the hard-link fix: its cost. ``second_name`` walks every own folder again
whenever a hard-linked file's ctime is not older than the last walk (minus a second of slack).
A local account that keeps changing the ctime of many hard links in the share (``chmod`` in a
loop), or a disk whose files carry ctimes ahead of this clock (made on another machine), makes
every such file in a listing or a search cost a whole walk of the config folder: measured with
4,000 upload records in config/tus and 10,000 links, a search took 2.8 s and a listing over 10 s
(a worker held, the visitor timed out). Here: the number of walks, not the time."""

from __future__ import annotations

import os
from pathlib import Path

from server.own_paths import OwnPaths

LINKS = 200


def test_fresh_hard_links_do_not_each_cost_a_walk_of_the_own_folders(tmp_path: Path):
    config, share, other = tmp_path / "config", tmp_path / "share", tmp_path / "other"
    for folder in (config, share, other):
        folder.mkdir()
    (config / "users.toml").write_text("secret\n")
    stats = []
    for n in range(LINKS):
        (other / f"f{n}").write_text("x")
        os.link(other / f"f{n}", share / f"f{n}")
        stats.append(os.lstat(share / f"f{n}"))
    walks = 0

    def counting_lstat(path: str) -> os.stat_result:
        nonlocal walks
        walks += path == str(config)
        return os.lstat(path)

    # the wall clock a little behind the files' ctimes: what a ctime changed again and again,
    # or set on another machine, looks like
    behind = min(st.st_ctime_ns for st in stats) - 10**8
    own = OwnPaths([config], share=share, lstat=counting_lstat, wall_ns=lambda: behind)
    walks = 0
    assert not any(own.second_name(st) for st in stats)
    assert walks <= 2, f"{walks} walks of the config folder for {LINKS} files"
