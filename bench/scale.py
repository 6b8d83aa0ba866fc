"""Issue 21: how Pier's cost grows with the size of the work, against peers in the same run.

    python bench/scale.py                      # every cell
    python bench/scale.py --cells zip --rounds 3 --json out.json

Each cell is a module of its own with the interface of bench/run.py's GROUPS:
``run_cells(rounds, seconds, generator, progress) -> dict``, ``table_lines(result, markdown)``
and ``check_targets(result) -> list[run.Verdict]``. Add a cell by adding a module and a line to
CELLS. Prints each cell's table and targets; writes everything (with the machine and the load
average) to bench/results/scale-<time>.json, or --json FILE; ``--markdown`` prints the tables
as Markdown (for docs/benchmarks.md).
"""

from __future__ import annotations

import argparse
import datetime as dt
import importlib
import json
import os
import shutil
import sys
from collections.abc import Callable
from dataclasses import asdict
from pathlib import Path

import run

# --cells name -> (module, heading)
CELLS: dict[str, tuple[str, str]] = {
    "zip": ("zip_bench", "zip of a folder of 10,000 and of 100,000 small files"),
}


def run_cell(name: str, rounds: int, progress: Callable[[str], None]) -> dict | str:
    """One cell's result; a note (str) when it could not run."""
    module = importlib.import_module(CELLS[name][0])
    generator = "wrk" if shutil.which("wrk") else "python"
    try:
        return module.run_cells(rounds, 6, generator, progress)
    except run.CellSkipped as why:
        return f"skipped: {why}"
    except (RuntimeError, OSError) as err:
        progress(f"{name}: failed: {err}")
        return f"failed: {err}"


def cell_report(name: str, result: dict | str, markdown: bool) -> tuple[list[str], list[dict]]:
    """The lines printed for one cell and its verdicts (as dicts, for the JSON)."""
    lines = ["", f"{CELLS[name][1]}:"]
    if not isinstance(result, dict):
        return [*lines, result], []
    module = importlib.import_module(CELLS[name][0])
    verdicts = module.check_targets(result)
    return ([*lines, *module.table_lines(result, markdown), "", "targets (issue 21):",
             *run.verdict_lines(verdicts, markdown)], [asdict(v) for v in verdicts])


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--cells", default="all", help=f"comma-separated: all, {', '.join(CELLS)}")
    parser.add_argument("--rounds", type=int, default=3)
    parser.add_argument("--json", type=Path, help="write the JSON here instead of bench/results/")
    parser.add_argument("--markdown", action="store_true", help="print Markdown tables")
    args = parser.parse_args()
    asked = [c.strip() for c in args.cells.split(",") if c.strip()]
    chosen = list(CELLS) if asked in ([], ["all"]) else asked
    if unknown := [c for c in chosen if c not in CELLS]:
        parser.error(f"unknown cells {unknown}; --cells takes all, {', '.join(CELLS)}")

    def progress(text: str) -> None:
        print(text, file=sys.stderr, flush=True)

    began = dt.datetime.now().astimezone()
    load_before = os.getloadavg()
    report: dict[str, object] = {"started": began.isoformat(), "rounds": args.rounds,
                                 "machine": run.machine(), "load_average_before": load_before}
    results = {name: run_cell(name, args.rounds, progress) for name in chosen}
    load_after = os.getloadavg()
    print(f"\n{began:%Y-%m-%d %H:%M %Z}; {args.rounds} round(s); {os.cpu_count()} cores; load "
          f"average {load_before[0]:.2f} before, {load_after[0]:.2f} after")
    for name, result in results.items():
        lines, verdicts = cell_report(name, result, args.markdown)
        print("\n".join(lines))
        report[name], report[f"{name}_targets"] = result, verdicts
    report["load_average_after"] = load_after
    report["finished"] = dt.datetime.now().astimezone().isoformat()
    out = args.json or run.RESULTS / f"scale-{began:%Y%m%d-%H%M%S}.json"
    out.parent.mkdir(parents=True, exist_ok=True)
    out.write_text(json.dumps(report, indent=1))
    print(f"\nwrote {out}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
