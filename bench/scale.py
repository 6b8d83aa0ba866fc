"""Issue 21's cells: how Pier's cost grows with the size of the work, against its peers in the
same run. A thin driver: each group of cells lives in its own module (bench/scale_listing.py:
listings of 1,000 / 10,000 / 100,000 entries vs nginx and copyparty) with ``run_cells``,
``table_lines`` and ``check_targets``; this runs the chosen groups, prints the tables and the
verdicts and writes JSON + a markdown table.

    python bench/scale.py                       # every group, 3 rounds
    python bench/scale.py --only listing --rounds 5 --out bench/results/scale
    python bench/scale.py --pier-tree /tmp/old-pier     # the same cells with another Pier

Timings are the best of the rounds on each side alike; a busy machine makes every number
slower, so compare ratios taken in one run.
"""

from __future__ import annotations

import argparse
import datetime as dt
import json
import os
import sys
from pathlib import Path

BENCH = Path(__file__).resolve().parent
sys.path.insert(0, str(BENCH))

import run  # noqa: E402  (bench/ is not a package)
import scale_listing  # noqa: E402

GROUPS = {"listing": scale_listing}


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--only", action="append", choices=sorted(GROUPS),
                        help="run only this group (repeatable)")
    parser.add_argument("--rounds", type=int, default=3)
    parser.add_argument("--pier-tree", type=Path, default=None,
                        help="run Pier from this checkout (an older commit, to compare)")
    parser.add_argument("--out", type=Path, default=BENCH / "results" / "scale",
                        help="where scale-<time>.json and .md go")
    args = parser.parse_args(argv)
    chosen = args.only or list(GROUPS)
    stamp = dt.datetime.now(dt.UTC).strftime("%Y%m%dT%H%M%SZ")
    document: dict = {"when": stamp, "load_avg": os.getloadavg(), "groups": {}}
    markdown = [f"# bench/scale.py, {stamp} (load average {os.getloadavg()[0]:.1f})", ""]
    verdicts: list[run.Verdict] = []
    for name in chosen:
        group = GROUPS[name]
        result = group.run_cells(args.rounds, lambda line: print(line, flush=True),
                                 pier_tree=args.pier_tree)
        document["groups"][name] = result
        print("\n".join(group.table_lines(result)))
        markdown += [f"## {name}", "", *group.table_lines(result, markdown=True), ""]
        verdicts += group.check_targets(result)
    lines = [f"{'met' if v.met else 'MISSED' if v.met is False else '-':6} {v.cell}: "
             f"{v.measured} (target {v.target})" for v in verdicts]
    print("\n".join(lines))
    markdown += ["## targets", "", *(f"- {line}" for line in lines), ""]
    document["verdicts"] = [vars(v) for v in verdicts]
    args.out.mkdir(parents=True, exist_ok=True)
    (args.out / f"scale-{stamp}.json").write_text(json.dumps(document, indent=2) + "\n")
    (args.out / f"scale-{stamp}.md").write_text("\n".join(markdown))
    print(f"wrote {args.out}/scale-{stamp}.json and .md")
    return 0


if __name__ == "__main__":
    sys.exit(main())
