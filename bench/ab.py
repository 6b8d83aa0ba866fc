"""A/B of two commits of Pier on every Pier cell of bench/run.py, in the same run.

    python bench/ab.py OLD_REV NEW_REV [--rounds 5] [--seconds 6] [--cells small,listing]
                       [--downloads 5] [--json FILE]

Checks both revisions out as detached worktrees (/tmp/pier-ab-<hash>, removed at the end) and
generates bench/run.py's tree once. For each commit it prepares a PIER_CONFIG_DIR the way run.py
does (run.prepare_pier_config: `pier cert generate`, `pier cert export-ca`, `pier users add`),
run by that commit's own CLI. In every round it starts, from each tree, Pier headless as run.py
does (run.pier_servers: plain, --tls, --auth; only those the chosen cells need) -- the same
python, PYTHONPATH and cwd set to that tree so its own ``server`` package is the one imported
(checked before the run and again inside every server process), a fresh copy of that commit's
config dir, ``serve DIR --port 0``, ready at its ``Serving ... at URL`` line -- warms them up and
measures every cell of run.py's plan that has Pier as its subject, with run.py's own measurement
(run.measure_cell: wrk ``-t2 -cN -dS --latency``; the 100 MiB download over one connection with
curl, in MB/s). Within a round each cell is measured on both commits back to back; which commit
goes first alternates round by round. Prints, per cell, each round's new/old ratio, p99, errors,
peak RSS and the load average, and ends with a table: old and new medians, the median of the
per-round ratios, their range and a verdict against the 10% line. Load only goes to 127.0.0.1.
"""

from __future__ import annotations

import argparse
import datetime as dt
import json
import os
import shutil
import statistics
import subprocess
import sys
import tempfile
from collections.abc import Callable
from dataclasses import asdict, dataclass
from pathlib import Path

BENCH = Path(__file__).resolve().parent
REPO = BENCH.parent
sys.path.insert(0, str(BENCH))

import run  # noqa: E402  (bench/ is not a package: tree, config, servers, wrk and curl come from here)

# Runs `server.cli` as `-m` would, after making sure the `server` package comes from the tree
# this process was started for (the venv's editable install of /work/main must not win).
BOOT = """\
import runpy, sys
import server
tree = sys.argv.pop(1)
if not server.__file__.startswith(tree + "/"):
    sys.exit(f"ab: server imported from {server.__file__}, not from {tree}")
sys.argv[0] = "pier"
runpy.run_module("server.cli", run_name="__main__", alter_sys=True)
"""

LINE = 0.10  # the bar: every cell within 10% of the numbers before the change


def git(*argv: str, cwd: Path = REPO) -> str:
    return subprocess.run(["git", *argv], cwd=cwd, check=True, capture_output=True,
                          text=True).stdout.strip()


# ---- the cells: run.py's plan, Pier's rows only ----------------------------------------------

def pier_cells() -> list[run.Cell]:
    """run.py's cells with only Pier servers available: each cell's first server is the Pier
    (plain, tls or auth) that run.py measures as the subject of that cell."""
    return run.plan({"pier", "pier tls", "pier auth"})


def cell_key(cell: run.Cell) -> str:
    """The --cells name of a cell: small, medium, listing, download, tls or auth."""
    if cell.group in ("tls", "auth"):
        return cell.group
    return {run.SMALL: "small", run.MEDIUM: "medium", run.LISTING: "listing",
            run.BIG: "download"}[cell.path]


def cell_label(cell: run.Cell) -> str:
    return f"{cell.name}, c{cell.connections}"


def select_cells(cells: list[run.Cell], spec: str) -> list[run.Cell]:
    """``all``, or names like ``small,listing`` (both connection counts) or ``tls-c100``."""
    wanted = {word.strip() for word in spec.split(",") if word.strip()}
    if "all" in wanted:
        return cells
    names = {cell_key(c) for c in cells} | {f"{cell_key(c)}-c{c.connections}" for c in cells}
    if unknown := wanted - names:
        raise SystemExit(f"--cells: unknown {', '.join(sorted(unknown))}; "
                         f"choose from all, {', '.join(sorted(names))}")
    return [c for c in cells
            if cell_key(c) in wanted or f"{cell_key(c)}-c{c.connections}" in wanted]


# ---- the two commits ---------------------------------------------------------------------------

@dataclass
class Side:
    label: str  # "old" or "new"
    rev: str  # as given
    commit: str  # full hash
    tree: Path
    config: Path | None = None  # prepared once; every server start gets a fresh copy
    cafile: str = ""

    @property
    def command(self) -> tuple[str, ...]:
        return (sys.executable, "-c", BOOT, str(self.tree))

    def env(self, config: Path) -> dict[str, str]:
        return dict(os.environ, PYTHONPATH=str(self.tree), PIER_CONFIG_DIR=str(config),
                    PYTHONDONTWRITEBYTECODE="1")


def add_worktree(label: str, rev: str) -> Side:
    commit = git("rev-parse", "--verify", f"{rev}^{{commit}}")
    tree = Path(f"/tmp/pier-ab-{commit[:12]}")
    if tree.exists():
        raise SystemExit(f"{tree} exists already (a previous run?): remove it with "
                         f"`git worktree remove --force {tree}`")
    git("worktree", "add", "--detach", str(tree), commit)
    return Side(label, rev, commit, tree)


def remove_worktree(side: Side) -> None:
    subprocess.run(["git", "worktree", "remove", "--force", str(side.tree)], cwd=REPO,
                   capture_output=True)


def imported_from(side: Side) -> str:
    """Where `import server` resolves under this side's PYTHONPATH and cwd."""
    with tempfile.TemporaryDirectory(prefix="pier-ab-check-") as config:
        return subprocess.run(
            [sys.executable, "-c", "import server; print(server.__file__)"],
            cwd=side.tree, env=side.env(Path(config)), check=True, capture_output=True,
            text=True).stdout.strip()


def check_sides(old: Side, new: Side) -> list[str]:
    """Each tree imports its own `server`, and the two `server` packages really differ."""
    lines = []
    for side in (old, new):
        where = imported_from(side)
        if not where.startswith(str(side.tree) + "/"):
            raise SystemExit(f"{side.label}: `import server` gives {where}, not {side.tree}")
        lines.append(f"{side.label} {side.commit[:12]}: server imported from {where}")
    changed = git("diff", "--name-only", old.commit, new.commit, "--", "server").splitlines()
    if not changed:
        lines.append("warning: server/ is identical in both commits")
    else:
        lines.append(f"server/ differs between them in {len(changed)} files")
    return lines


def prepare(side: Side, tmp: Path) -> None:
    """Certificate, CA file and the benchmark user, made by this commit's own CLI."""
    config = tmp / f"config-{side.label}"
    config.mkdir()
    _cert, _key, side.cafile = run.prepare_pier_config(
        config, side.env(config), command=side.command, cwd=side.tree)
    side.config = config


def serve(side: Side, names: tuple[str, ...], root: Path, tmp: Path, rnd: int
          ) -> dict[str, run.Server]:
    """This commit's Pier servers (``names`` among pier, pier tls, pier auth) for one round."""
    assert side.config is not None
    config = tmp / f"config-{side.label}-{rnd}"
    shutil.copytree(side.config, config)
    log_path = tmp / f"stderr-{side.label}-{rnd}.log"
    with open(log_path, "w") as log:  # a pipe could fill up
        try:
            servers = run.pier_servers(root, side.env(config), side.cafile, names,
                                       command=side.command, cwd=side.tree, stderr=log)
        except RuntimeError as err:
            raise RuntimeError(f"{side.label}: {err}; stderr: "
                               f"{log_path.read_text()[-500:]}") from None
    for server in servers:
        if not server.url.startswith(("http://127.0.0.1:", "https://127.0.0.1:")):
            for started in servers:
                run.stop(started)
            raise RuntimeError(f"{side.label} {server.name} serves at {server.url}, "
                               "not on 127.0.0.1")
    return {server.name: server for server in servers}


# ---- measuring ---------------------------------------------------------------------------------

@dataclass
class Result:
    side: str  # "old" or "new"
    position: int  # 0: this commit went first in its round
    failed: str  # why, when the measurement failed (rate 0, left out of the medians)
    m: run.Measurement


def one_round(rnd: int, order: list[Side], cells: list[run.Cell], root: Path, tmp: Path,
              seconds: int, downloads: int, progress: Callable[[str], None]) -> list[Result]:
    names = tuple(dict.fromkeys(cell.servers[0] for cell in cells))
    servers: dict[str, dict[str, run.Server]] = {}
    results: list[Result] = []
    try:
        for side in order:
            servers[side.label] = serve(side, names, root, tmp, rnd)
        for side in order:
            for server in servers[side.label].values():
                run.warm_up(server, [run.SMALL, run.LISTING])
        for cell in cells:
            mine: list[Result] = []
            for _ in range(downloads if cell.download else 1):
                for position, side in enumerate(order):
                    server = servers[side.label][cell.servers[0]]
                    try:
                        got = Result(side.label, position, "",
                                     run.measure_cell(cell, server, rnd, seconds, "wrk"))
                    except (RuntimeError, OSError, subprocess.TimeoutExpired) as err:
                        got = Result(side.label, position, str(err), run.Measurement(
                            cell.group, cell.name, cell.connections, server.name, rnd, 0.0,
                            "MB/s" if cell.download else "req/s", 0, 0, 1, 0, None,
                            os.getloadavg()[0]))
                        progress(f"  {cell_label(cell)} {side.label}: FAILED ({err})")
                    mine.append(got)
            results += mine
            progress(f"  {cell_label(cell)}: " + ", ".join(
                f"{r.side} {r.m.rate:,.0f}" for r in mine))
    finally:
        for by_name in servers.values():
            for server in by_name.values():
                run.stop(server)
    return results


# ---- summary -----------------------------------------------------------------------------------

@dataclass
class Summary:
    cell: str
    unit: str
    old: float  # median over rounds
    new: float
    ratios: list[float]  # new/old, one per round, in round order
    ratio: float | None  # their median
    low: float | None
    high: float | None
    verdict: str
    p99_old_ms: float | None  # wrk cells only
    p99_new_ms: float | None
    errors_old: int
    errors_new: int
    non_2xx_old: int
    non_2xx_new: int
    rss_old_mib: float | None  # peak over the rounds
    rss_new_mib: float | None
    load_low: float  # 1-minute load average right after this cell's measurements
    load_high: float


def verdict(ratio: float | None) -> str:
    if ratio is None:
        return "not measured"
    if ratio < 1 - LINE:
        return "SLOWER"
    if ratio > 1 + LINE:
        return "faster"
    return "within 10%"


def summarise(cells: list[run.Cell], results: list[Result]) -> list[Summary]:
    rows = []
    for cell in cells:
        mine = [r for r in results if (r.m.cell, r.m.connections) == (cell.name, cell.connections)]
        if not mine:
            continue

        def per_round(side: str, rs: list[Result] = mine) -> dict[int, float]:
            """The side's rate in each round (the median of the downloads in a round)."""
            by: dict[int, list[float]] = {}
            for r in rs:
                if r.side == side and not r.failed and r.m.rate > 0:
                    by.setdefault(r.m.round, []).append(r.m.rate)
            return {rnd: statistics.median(rates) for rnd, rates in by.items()}

        old, new = per_round("old"), per_round("new")
        ratios = [new[n] / old[n] for n in sorted(old) if n in new]
        ratio = statistics.median(ratios) if ratios else None

        def med(values: list[float]) -> float | None:
            return statistics.median(values) if values else None

        def side(name: str, rs: list[Result] = mine) -> list[Result]:
            return [r for r in rs if r.side == name]

        def rss(rs: list[Result]) -> float | None:
            peaks = [r.m.peak_rss_mib for r in rs if r.m.peak_rss_mib is not None]
            return max(peaks) if peaks else None

        wrk = not cell.download
        loads = [r.m.load_avg_1m for r in mine]
        rows.append(Summary(
            cell_label(cell), mine[0].m.unit,
            statistics.median(old.values()) if old else 0.0,
            statistics.median(new.values()) if new else 0.0,
            ratios, ratio, min(ratios) if ratios else None, max(ratios) if ratios else None,
            verdict(ratio),
            med([r.m.p99_ms for r in side("old") if not r.failed]) if wrk else None,
            med([r.m.p99_ms for r in side("new") if not r.failed]) if wrk else None,
            sum(r.m.errors for r in side("old")), sum(r.m.errors for r in side("new")),
            sum(r.m.non_2xx for r in side("old")), sum(r.m.non_2xx for r in side("new")),
            rss(side("old")), rss(side("new")), min(loads), max(loads)))
    return rows


def layout(head: list[str], body: list[list[str]], left: tuple[int, ...]) -> list[str]:
    widths = [max(len(row[i]) for row in [head, *body]) for i in range(len(head))]
    return ["  ".join(c.ljust(w) if i in left else c.rjust(w)
                      for i, (c, w) in enumerate(zip(row, widths, strict=True))).rstrip()
            for row in [head, *body]]


def detail_table(rows: list[Summary]) -> list[str]:
    def ms(value: float | None) -> str:
        return "-" if value is None else f"{value:.2f}"

    def mib(value: float | None) -> str:
        return "-" if value is None else f"{value:.0f}"

    def errs(errors: int, non_2xx: int) -> str:
        return f"{errors}" + (f"+{non_2xx}nx" if non_2xx else "")

    head = ["cell", "new/old per round", "p99 old ms", "p99 new ms", "errors old/new",
            "peak RSS MiB old/new", "load 1m"]
    body = [[s.cell, " ".join(f"{x:.2f}" for x in s.ratios), ms(s.p99_old_ms),
             ms(s.p99_new_ms), f"{errs(s.errors_old, s.non_2xx_old)}/"
             f"{errs(s.errors_new, s.non_2xx_new)}", f"{mib(s.rss_old_mib)}/{mib(s.rss_new_mib)}",
             f"{s.load_low:.2f}-{s.load_high:.2f}"] for s in rows]
    return layout(head, body, (0, 1))


def verdict_table(rows: list[Summary]) -> list[str]:
    def rate(value: float, unit: str) -> str:
        return f"{value:,.0f} {unit}"

    head = ["cell", "old median", "new median", "median ratio", "min..max ratio", "verdict"]
    body = [[s.cell, rate(s.old, s.unit), rate(s.new, s.unit),
             "-" if s.ratio is None else f"{s.ratio:.3f}",
             "-" if s.low is None else f"{s.low:.2f}..{s.high:.2f}", s.verdict] for s in rows]
    return layout(head, body, (0, 5))


# ---- main --------------------------------------------------------------------------------------

def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("old", help="the baseline revision")
    parser.add_argument("new", help="the revision measured against it")
    parser.add_argument("--rounds", type=int, default=5, help="rounds (default 5)")
    parser.add_argument("--seconds", type=int, default=6,
                        help="length of each wrk run (default 6, as run.py)")
    parser.add_argument("--cells", default="all",
                        help="comma-separated: all (default), small, medium, listing, download, "
                             "tls, auth, or one connection count such as small-c10")
    parser.add_argument("--downloads", type=int, default=5,
                        help="100 MiB downloads per commit per round, their median is the "
                             "round's figure (default 5; run.py does 1)")
    parser.add_argument("--json", type=Path, help="also write every measurement here")
    args = parser.parse_args()
    if not shutil.which("wrk"):
        raise SystemExit("wrk is not installed (apt-get install wrk)")
    if args.rounds < 1 or args.seconds < 1 or args.downloads < 1:
        raise SystemExit("--rounds, --seconds and --downloads must be at least 1")
    cells = select_cells(pier_cells(), args.cells)

    def progress(text: str) -> None:
        print(text, file=sys.stderr, flush=True)

    began = dt.datetime.now().astimezone()
    load_before = os.getloadavg()
    sides: list[Side] = []
    results: list[Result] = []
    try:
        sides.append(add_worktree("old", args.old))
        sides.append(add_worktree("new", args.new))
        old, new = sides
        checks = check_sides(old, new)
        for line in checks:
            progress(line)
        with tempfile.TemporaryDirectory(prefix="pier-ab-") as tmp_name:
            tmp = Path(tmp_name)
            root = tmp / "tree"
            root.mkdir()
            run.make_tree(root)
            for side in sides:
                prepare(side, tmp)
            for rnd in range(args.rounds):
                order = [old, new] if rnd % 2 == 0 else [new, old]
                progress(f"round {rnd + 1}/{args.rounds}: {order[0].label} first "
                         f"(load average {os.getloadavg()[0]:.2f})")
                results += one_round(rnd, order, cells, root, tmp, args.seconds,
                                     args.downloads, progress)
    finally:
        for side in sides:
            remove_worktree(side)
    load_after = os.getloadavg()
    finished = dt.datetime.now().astimezone()
    rows = summarise(cells, results)
    during = [r.m.load_avg_1m for r in results]

    def triple(load: tuple[float, float, float]) -> str:
        return "/".join(f"{x:.2f}" for x in load)

    print(f"\n{began:%Y-%m-%d %H:%M}-{finished:%H:%M %Z}; old {args.old} = {old.commit}; "
          f"new {args.new} = {new.commit}")
    print(f"{args.rounds} rounds x {args.seconds} s per wrk cell (wrk -t2 -cN --latency), "
          f"{args.downloads} downloads per commit per round; first commit alternating; "
          f"{os.cpu_count()} cores; load average (1/5/15 min) {triple(load_before)} before, "
          f"{triple(load_after)} after, 1-min "
          f"{min(during, default=0):.2f}-{max(during, default=0):.2f} during")
    for line in checks:
        print(line)
    failed = [r for r in results if r.failed]
    for r in failed:
        print(f"failed: round {r.m.round + 1} {r.side} {r.m.cell} c{r.m.connections}: "
              f"{r.failed}")
    print()
    print("\n".join(detail_table(rows)))
    print()
    print("\n".join(verdict_table(rows)))
    if args.json:
        args.json.write_text(json.dumps({
            "started": began.isoformat(), "finished": finished.isoformat(),
            "old": [args.old, old.commit], "new": [args.new, new.commit],
            "rounds": args.rounds, "seconds": args.seconds, "downloads": args.downloads,
            "cells": [cell_label(c) for c in cells], "cpu_count": os.cpu_count(),
            "load_average_before": load_before, "load_average_after": load_after,
            "checks": checks, "summary": [asdict(s) for s in rows],
            "measurements": [{"side": r.side, "position": r.position, "failed": r.failed,
                              **asdict(r.m)} for r in results]}, indent=1))
    return 0


if __name__ == "__main__":
    sys.exit(main())
