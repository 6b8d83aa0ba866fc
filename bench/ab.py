"""A/B of two commits of Pier on bench/run.py's 1 KiB and listing cells, in the same run.

    python bench/ab.py OLD_REV NEW_REV [--rounds 7] [--seconds 6] [--connections 10]

Checks both revisions out as detached worktrees (/tmp/pier-ab-<hash>, removed at the end),
generates bench/run.py's tree once, and in every round starts Pier headless from each tree in
turn -- the same python, PYTHONPATH and cwd set to that tree so its own ``server`` package is the
one imported (checked before the run and again inside every server process), a fresh
PIER_CONFIG_DIR each start, ``serve DIR --port 0`` -- and drives it with wrk (``-t2 -cN -dS
--latency``) on /small.bin and /many/. The commit that goes first alternates round by round.
Prints, per cell, the old and new req/s medians, each round's new/old ratio and their median,
and p99; the load average before and after. Load only ever goes to 127.0.0.1.
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
from dataclasses import asdict, dataclass
from pathlib import Path

BENCH = Path(__file__).resolve().parent
REPO = BENCH.parent
sys.path.insert(0, str(BENCH))

import run  # noqa: E402  (bench/ is not a package: the tree, readiness, wrk and stop come from here)

CELLS = (("1 KiB file", run.SMALL), ("1,000-entry listing", run.LISTING))

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


def git(*argv: str, cwd: Path = REPO) -> str:
    return subprocess.run(["git", *argv], cwd=cwd, check=True, capture_output=True,
                          text=True).stdout.strip()


@dataclass
class Side:
    label: str  # "old" or "new"
    rev: str  # as given
    commit: str  # full hash
    tree: Path

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


@dataclass
class Result:
    round: int
    side: str
    cell: str
    position: int  # 0: this commit ran first in its round
    rate: float
    p50_ms: float
    p99_ms: float
    errors: int
    non_2xx: int
    load: float


def serve(side: Side, root: Path, tmp: Path, rnd: int) -> run.Server:
    config = tmp / f"config-{side.label}-{rnd}"
    config.mkdir()
    with open(tmp / f"stderr-{side.label}-{rnd}.log", "w") as log:  # a pipe could fill up
        proc = subprocess.Popen(
            [sys.executable, "-c", BOOT, str(side.tree), "serve", str(root), "--port", "0"],
            cwd=side.tree, env=side.env(config), stdout=subprocess.PIPE, stderr=log, text=True)
    try:
        url = run.wait_for_line(proc, r"^Serving .* at (\S+/)\s*$")
    except RuntimeError as err:
        run.stop(run.Server(side.label, "", proc))
        stderr = (tmp / f"stderr-{side.label}-{rnd}.log").read_text()[-500:]
        raise RuntimeError(f"{err}; stderr: {stderr}") from None
    if not url.startswith("http://127.0.0.1:"):
        run.stop(run.Server(side.label, url, proc))
        raise RuntimeError(f"{side.label} serves at {url}, not on 127.0.0.1")
    return run.Server(side.label, url, proc)


def one_round(rnd: int, order: list[Side], root: Path, tmp: Path, seconds: int,
              connections: list[int]) -> list[Result]:
    results = []
    for position, side in enumerate(order):
        server = serve(side, root, tmp, rnd)
        try:
            run.warm_up(server, [path for _name, path in CELLS])
            for name, path in CELLS:
                for conns in connections:
                    got = run.run_wrk(server.url.rstrip("/") + path, conns, seconds, [])
                    results.append(Result(rnd, side.label, f"{name}, c{conns}", position,
                                          got.ok_per_s, got.p50_ms, got.p99_ms, got.errors,
                                          got.non_2xx, os.getloadavg()[0]))
        finally:
            run.stop(server)
    return results


def table(results: list[Result], cells: list[str]) -> list[str]:
    head = ["cell", "old req/s", "new req/s", "new/old per round", "median", "range",
            "p99 old ms", "p99 new ms", "errors old/new"]
    body = []
    for cell in cells:
        mine = [r for r in results if r.cell == cell]
        by = {(r.round, r.side): r for r in mine}
        rounds = sorted({r.round for r in mine})
        ratios = [by[(n, "new")].rate / by[(n, "old")].rate for n in rounds
                  if (n, "old") in by and (n, "new") in by and by[(n, "old")].rate]
        old = [r for r in mine if r.side == "old"]
        new = [r for r in mine if r.side == "new"]

        def errs(rs: list[Result]) -> str:
            return str(sum(r.errors for r in rs)) + (
                f"+{sum(r.non_2xx for r in rs)}nx" if any(r.non_2xx for r in rs) else "")

        body.append([
            cell, f"{statistics.median(r.rate for r in old):,.0f}",
            f"{statistics.median(r.rate for r in new):,.0f}",
            " ".join(f"{x:.2f}" for x in ratios),
            f"{statistics.median(ratios):.3f}" if ratios else "-",
            f"{min(ratios):.2f}-{max(ratios):.2f}" if ratios else "-",
            f"{statistics.median(r.p99_ms for r in old):.2f}",
            f"{statistics.median(r.p99_ms for r in new):.2f}",
            f"{errs(old)}/{errs(new)}"])
    widths = [max(len(row[i]) for row in [head, *body]) for i in range(len(head))]
    return ["  ".join(c.ljust(w) if i in (0, 3) else c.rjust(w)
                      for i, (c, w) in enumerate(zip(row, widths, strict=True)))
            for row in [head, *body]]


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("old", help="the baseline revision")
    parser.add_argument("new", help="the revision measured against it")
    parser.add_argument("--rounds", type=int, default=7)
    parser.add_argument("--seconds", type=int, default=6, help="length of each wrk run")
    parser.add_argument("--connections", default="10",
                        help="comma-separated wrk connection counts (default 10; run.py: 10,100)")
    parser.add_argument("--json", type=Path, help="also write every measurement here")
    args = parser.parse_args()
    if not shutil.which("wrk"):
        raise SystemExit("wrk is not installed (apt-get install wrk)")
    connections = [int(c) for c in args.connections.split(",")]
    cells = [f"{name}, c{c}" for name, _path in CELLS for c in connections]

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
            for rnd in range(args.rounds):
                order = [old, new] if rnd % 2 == 0 else [new, old]
                progress(f"round {rnd + 1}/{args.rounds}: {order[0].label} first "
                         f"(load average {os.getloadavg()[0]:.2f})")
                got = one_round(rnd, order, root, tmp, args.seconds, connections)
                results += got
                progress("  " + "; ".join(f"{r.side} {r.cell} {r.rate:,.0f}" for r in got))
    finally:
        for side in sides:
            remove_worktree(side)
    load_after = os.getloadavg()
    print(f"\n{began:%Y-%m-%d %H:%M %Z}; old {args.old} = {old.commit}; "
          f"new {args.new} = {new.commit}")
    print(f"{args.rounds} rounds x {args.seconds} s per cell, wrk -t2 -c{args.connections}, "
          f"first commit alternating; {os.cpu_count()} cores; load average (1/5/15 min) "
          f"{'/'.join(f'{x:.2f}' for x in load_before)} before, "
          f"{'/'.join(f'{x:.2f}' for x in load_after)} after")
    for line in checks:
        print(line)
    print("\n".join(table(results, cells)))
    if args.json:
        args.json.write_text(json.dumps({
            "started": began.isoformat(), "old": [args.old, old.commit],
            "new": [args.new, new.commit], "rounds": args.rounds, "seconds": args.seconds,
            "connections": connections, "load_average_before": load_before,
            "load_average_after": load_after, "checks": checks,
            "measurements": [asdict(r) for r in results]}, indent=1))
    return 0


if __name__ == "__main__":
    sys.exit(main())
