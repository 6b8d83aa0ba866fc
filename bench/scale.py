"""How Pier's cost grows with the work (issue 21): one command, one table, one JSON file.

    python bench/scale.py [--cells all|conns|conns.tls|...] [--rounds 3] [--seconds 5]

A thin driver: each group of cells lives in its own module (bench/scale_<group>.py) as a dict
``CELLS`` of name -> function(tmp folder, settings, progress) returning rows (plain dicts:
cell, size, server, value, unit, and ratio/target/met where the cell has a target). Cells with
bench/run.py's group interface (``run_cells``, ``table_lines``, ``check_targets``; e.g.
bench/zip_bench.py) are listed in RUN_STYLE and print their own table and targets. This file
picks the cells, runs each in its own temporary folder, prints the table and writes
bench/results/scale-<date>-<time>.json.
"""

from __future__ import annotations

import argparse
import datetime as dt
import importlib
import json
import os
import shutil
import sys
import tempfile
from collections.abc import Callable
from dataclasses import asdict
from pathlib import Path
from typing import Any

BENCH = Path(__file__).resolve().parent
sys.path.insert(0, str(BENCH))
if __name__ == "__main__":  # the cell modules' `import scale` is then this module
    sys.modules.setdefault("scale", sys.modules[__name__])

import run  # noqa: E402  (bench/ is not a package)

GROUPS = ("conns",)  # bench/scale_<group>.py
# cells with bench/run.py's group interface: name -> (module, heading, how to run it)
RunCells = Callable[[Any, argparse.Namespace, Callable[[str], None]], dict[str, Any]]
RUN_STYLE: dict[str, tuple[str, str, RunCells]] = {
    "zip": ("zip_bench", "zips of folders of 1,000 / 10,000 / 100,000 small files",
            lambda module, args, progress: module.run_cells(
                args.rounds, args.seconds, "wrk" if shutil.which("wrk") else "python", progress)),
    "listing": ("scale_listing", "listings of 1,000 / 10,000 / 100,000 entries",
                lambda module, args, progress: module.run_cells(
                    args.rounds, progress, pier_tree=args.pier_tree)),
}
REPORTS: dict[str, Any] = {}  # what run-style cells measured, for the JSON


def cells(groups: tuple[str, ...] = GROUPS) -> dict[str, Callable[..., list[dict[str, Any]]]]:
    """Every cell as "group.name" (or a RUN_STYLE name) -> function."""
    found = {name: run_style(name, *spec) for name, spec in RUN_STYLE.items()}
    for group in groups:
        module = importlib.import_module(f"scale_{group}")
        found.update({f"{group}.{name}": cell for name, cell in module.CELLS.items()})
    return found


def run_style(name: str, module_name: str, heading: str,
              run_cells: RunCells) -> Callable[..., list[dict[str, Any]]]:
    """A run.py-style cell as a scale cell: it prints its own table and targets, returns no
    rows, and leaves its result and verdicts in REPORTS."""
    def cell(_tmp: Path, args: argparse.Namespace,
             progress: Callable[[str], None]) -> list[dict[str, Any]]:
        module = importlib.import_module(module_name)
        try:
            result = run_cells(module, args, progress)
        except run.CellSkipped as why:
            progress(f"{name}: skipped: {why}")
            return []
        verdicts = module.check_targets(result)
        print("\n".join(["", f"{heading}:", *module.table_lines(result, False), "",
                         "targets (issue 21):", *run.verdict_lines(verdicts, False)]))
        REPORTS[name] = {"result": result, "targets": [asdict(v) for v in verdicts]}
        return []
    return cell


def chosen(spec: str, available: dict[str, Any]) -> list[str]:
    if spec == "all":
        return list(available)
    names = []
    for part in spec.split(","):
        matching = [n for n in available if n == part or n.startswith(part + ".")]
        if not matching:
            raise SystemExit(f"no cell {part!r}; cells: {', '.join(available)}")
        names += matching
    return names


def table_lines(rows: list[dict[str, Any]]) -> list[str]:
    lines = ["| cell | size | server | value | p99 | RSS or CPU | ratio | target |",
             "|---|---|---|---|---|---|---|---|"]
    for row in rows:
        ratio = f"{row['ratio']:.2f}x {row.get('peer', '')}" if "ratio" in row else ""
        target = f"{row['target']}: {'met' if row.get('met') else 'NOT met'}" \
            if "target" in row else ""
        p99 = f"{row['p99_ms']:.1f} ms" if "p99_ms" in row else ""
        rss = f"{row['rss_mib']:.0f} MiB" if row.get("rss_mib") else ""
        if "server_cpu_us_per_conn" in row:  # where RSS says little, what one connection costs
            rss = f"{row['server_cpu_us_per_conn']:.0f} us CPU/conn"
        lines.append(f"| {row['cell']} | {row['size']} | {row['server']} | "
                     f"{row['value']:,.0f} {row['unit']} | {p99} | {rss} | {ratio} | {target} |")
    return lines


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--cells", default="all")
    parser.add_argument("--rounds", type=int, default=3)
    parser.add_argument("--seconds", type=int, default=5)
    parser.add_argument("--json", type=Path)
    parser.add_argument("--pier-tree", type=Path, default=None,
                        help="run Pier from this checkout (listing cells: an older commit)")
    args = parser.parse_args()
    available = cells()
    rows: list[dict[str, Any]] = []
    for name in chosen(args.cells, available):
        print(f"{name} (load average {os.getloadavg()[0]:.2f})", flush=True)
        with tempfile.TemporaryDirectory(prefix="pier-scale-") as tmp:
            rows += available[name](Path(tmp), args, lambda text: print(text, flush=True))
    print("\n".join(table_lines(rows)))
    out = args.json or run.RESULTS / f"scale-{dt.datetime.now():%Y%m%d-%H%M%S}.json"
    out.parent.mkdir(parents=True, exist_ok=True)
    out.write_text(json.dumps({"machine": run.machine(), "load_avg": os.getloadavg(),
                               "rows": rows, **REPORTS}, indent=2, default=str))
    print(f"written to {out}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
