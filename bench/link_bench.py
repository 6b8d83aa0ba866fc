"""Issue 18's cell: a download through a share link against the same download straight from
the share, in the same run on the same Pier.

    python bench/run.py --cells links [--rounds 4] [--seconds 6]

One Pier headless (anonymous, read-only) on a temporary share holding ``data/big.bin`` (1 GiB)
and ``data/small.bin`` (4 KiB), with its own ``PIER_CONFIG_DIR``; before it starts,
``pier link create`` makes a file link to each file and one folder link to ``data/``. Each
file is then fetched three ways: direct (``/data/NAME``), through its file link
(``/.well-known/pier/l/TOKEN/NAME``) and through the folder link (``.../l/TOKEN/NAME``).

- large: one connection, curl, MB/s; DOWNLOADS downloads per way and round, the round's figure
  their median (each link download counts: no download limit is set).
- small: keep-alive load (wrk, else bench/loadgen.py) with CONNECTIONS connections, req/s.

Within a round the order of the three ways rotates; link ÷ direct is taken inside the round,
the median over rounds is shown with the range. Target: >= 0.95x for every cell.
"""

from __future__ import annotations

import os
import statistics
import subprocess
import sys
import tempfile
from collections.abc import Callable
from dataclasses import asdict, dataclass
from pathlib import Path

import run

BIG_SIZE = 1024**3
SMALL_SIZE = 4096
CONNECTIONS = 4
DOWNLOADS = 3
TARGET = 0.95
WAYS = ("direct", "file link", "folder link")
CELLS = ("1 GiB download", f"4 KiB file, c{CONNECTIONS}")


@dataclass
class LinkMeasurement:
    cell: str
    way: str
    round: int
    rate: float  # MB/s (download) or req/s
    p99_ms: float
    errors: int
    load_avg_1m: float


def make_share(root: Path) -> Path:
    data = root / "data"
    data.mkdir(parents=True)
    block = os.urandom(1024 * 1024)
    with open(data / "big.bin", "wb") as out:
        for _ in range(BIG_SIZE // len(block)):
            out.write(block)
    (data / "small.bin").write_bytes(os.urandom(SMALL_SIZE))
    return data


def create_link(path: Path, env: dict[str, str]) -> str:
    """``pier link create PATH`` against the bench's config dir: the link's URL path."""
    done = subprocess.run([*run.PIER, "link", "create", str(path)], cwd=run.REPO, env=env,
                          capture_output=True, text=True, check=True, timeout=60)
    for line in done.stdout.splitlines():
        if line.startswith("Link: "):
            return line.removeprefix("Link: ").strip()
    raise RuntimeError(f"pier link create printed no link: {done.stdout!r}")


def paths_of(data: Path, env: dict[str, str]) -> dict[str, dict[str, str]]:
    """cell -> way -> URL path."""
    folder = create_link(data, env)
    out: dict[str, dict[str, str]] = {}
    for cell, name in zip(CELLS, ("big.bin", "small.bin"), strict=True):
        out[cell] = {"direct": f"/data/{name}",
                     "file link": f"{create_link(data / name, env)}/{name}",
                     "folder link": f"{folder}/{name}"}
    return out


def measure(cell: str, server: run.Server, path: str, rnd: int, seconds: int,
            generator: str) -> tuple[float, float, int]:
    if cell == CELLS[0]:
        took = [run.download_once(server, path) for _ in range(DOWNLOADS)]
        if any(size != BIG_SIZE for _, size in took):
            raise RuntimeError(f"{path}: short download")
        rates = [size / seconds_ / 1e6 for seconds_, size in took]
        return statistics.median(rates), max(s for s, _ in took) * 1000, 0
    result = run.drive(server, path, CONNECTIONS, seconds, generator)
    return result.ok_per_s, result.p99_ms, result.errors + result.non_2xx


def run_cells(rounds: int, seconds: int, generator: str, progress: Callable[[str], None]
              ) -> dict:
    with tempfile.TemporaryDirectory(prefix="pier-bench-links-") as tmp_name:
        tmp = Path(tmp_name)
        root, config = tmp / "share", tmp / "config"
        config.mkdir()
        data = make_share(root)
        env = dict(os.environ, PIER_CONFIG_DIR=str(config))
        paths = paths_of(data, env)
        server = run.pier_server("pier", root, env)
        try:
            for ways in paths.values():
                run.warm_up(server, [p for p in ways.values() if "small" in p])
            measured = []
            for rnd in range(rounds):
                progress(f"links round {rnd + 1}/{rounds} "
                         f"(load average {os.getloadavg()[0]:.2f})")
                shift = rnd % len(WAYS)
                order = WAYS[shift:] + WAYS[:shift]
                for cell, ways in paths.items():
                    for way in order:
                        rate, p99, errors = measure(cell, server, ways[way], rnd, seconds,
                                                    generator)
                        measured.append(LinkMeasurement(cell, way, rnd, rate, p99, errors,
                                                        os.getloadavg()[0]))
                    progress(f"  {cell}: " + ", ".join(
                        f"{m.way} {m.rate:,.0f}" for m in measured[-len(order):]))
        finally:
            run.stop(server)
    return summarise(measured, seconds, generator)


def _stats(values: list[float]) -> dict[str, float]:
    return {"median": statistics.median(values), "min": min(values), "max": max(values)}


def summarise(measured: list[LinkMeasurement], seconds: int, generator: str) -> dict:
    rows = []
    for cell in CELLS:
        direct = {m.round: m.rate for m in measured if m.cell == cell and m.way == "direct"}
        for way in WAYS:
            mine = [m for m in measured if m.cell == cell and m.way == way]
            ratios = [m.rate / direct[m.round] for m in mine if direct.get(m.round)]
            rows.append({"cell": cell, "way": way, "rate": _stats([m.rate for m in mine]),
                         "unit": "MB/s" if cell == CELLS[0] else "req/s",
                         "p99_ms": statistics.median(m.p99_ms for m in mine),
                         "errors": sum(m.errors for m in mine),
                         "ratio": _stats(ratios) if way != "direct" and ratios else None})
    return {"seconds": seconds, "connections": CONNECTIONS, "downloads": DOWNLOADS,
            "generator": "wrk" if generator == "wrk" else "bench/loadgen.py",
            "version": run._git("rev-parse", "--short", "HEAD"), "rows": rows,
            "measurements": [asdict(m) for m in measured]}


def table_lines(result: dict, markdown: bool = False) -> list[str]:
    head = ["cell", "way", "median", "min-max", "p99 ms", "errors", "link ÷ direct"]
    body = []
    for row in result["rows"]:
        rate, ratio = row["rate"], row["ratio"]
        body.append([row["cell"], row["way"], f"{rate['median']:,.0f} {row['unit']}",
                     f"{rate['min']:,.0f}-{rate['max']:,.0f}", f"{row['p99_ms']:.1f}",
                     str(row["errors"]),
                     f"{ratio['median']:.2f}x ({ratio['min']:.2f}-{ratio['max']:.2f})"
                     if ratio else ""])
    note = (f"Pier {result['version']}, anonymous; large: curl, {result['downloads']} "
            f"downloads per way and round (median); small: {result['generator']}, "
            f"{result['connections']} keep-alive connections, {result['seconds']} s")
    if markdown:
        return [note, "", "| " + " | ".join(head) + " |", "|" + "---|" * len(head),
                *("| " + " | ".join(cells) + " |" for cells in body)]
    widths = [max(len(x[i]) for x in [head, *body]) for i in range(len(head))]
    return [note, *("  ".join(c.ljust(w) if i < 2 else c.rjust(w)
                              for i, (c, w) in enumerate(zip(cells, widths, strict=True)))
                    for cells in [head, *body])]


def check_targets(result: dict) -> list[run.Verdict]:
    verdicts = []
    for row in result["rows"]:
        if row["ratio"] is None:
            continue
        ratio = row["ratio"]
        verdicts.append(run.Verdict(
            f"{row['cell']} through a {row['way']} vs direct", f">= {TARGET}x",
            f"{ratio['median']:.2f}x (rounds {ratio['min']:.2f}-{ratio['max']:.2f})",
            ratio["median"] >= TARGET))
    return verdicts


if __name__ == "__main__":
    sys.exit("run it as: python bench/run.py --cells links")
