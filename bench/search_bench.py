"""Issue 16's search cell: ``GET /?q=TEXT&format=json`` over a tree of 100,000 files (100
folders of 1,000, three levels deep; bench/media_data.py), the time to the first result and to
the end of the answer, and Pier's RSS rise; beside it ``find -iname`` on the same tree (the
floor: no server, no HTTP, no JSON) and copyparty's indexed search.

    python bench/run.py --cells search [--rounds 3]

Queries: a word in 1 of 500 names (200 results spread over the whole tree, so the answer ends
with the walk), a word in 1 of 20 names (5,000 matches: the 1,000-result cap ends it early,
``"truncated": true``) and a word in no name (the whole walk for nothing).

- **Pier**: one connection per search, the request written to a plain socket and the chunked
  answer read as it comes; "first result" is when the first entry (``{"name"``) has
  arrived, "complete" when the last chunk has. RSS is the server's VmRSS (/proc) just before
  the search, its peak sampled every 20 ms during it, and VmRSS after.
- **find**: ``find TREE -iname '*TEXT*'``, its first line and its end (killed after 1,000
  lines, as Pier stops there). find does not fold accents; for these words it needs not.
- **copyparty** (``-e2dsa``: it indexes the tree into SQLite when it starts, and searches the
  index: ``POST /?srch`` with ``{"q": "name like *TEXT*"}``). Its whole answer comes at once, so
  first result = complete; the time it took to index the tree is shown on its own.
"""

from __future__ import annotations

import json
import os
import re
import socket
import statistics
import subprocess
import tempfile
import time
from collections.abc import Callable
from dataclasses import asdict, dataclass
from pathlib import Path
from urllib.parse import quote, urlsplit

import copyparty_peer
import media_data
import run
from media_bench import text_table

CAP = 1000  # the result cap
QUERIES = ((media_data.RARE_WORD, "200 matches, spread"),
           (media_data.COMMON_WORD, "5,000 matches, capped at 1,000"),
           (media_data.MISSING_WORD, "no match: the whole walk"))
TIMEOUT = 60.0
INDEX_TIMEOUT = 600.0
TARGET_FIRST_S, TARGET_COMPLETE_S, TARGET_RSS_MIB = 0.5, 3.0, 50.0
PIER, FIND, COPYPARTY = "pier", "find", "copyparty"


@dataclass
class Search:
    server: str
    query: str
    round: int
    first_s: float | None  # None: no result came
    complete_s: float
    results: int
    expected: int
    truncated: bool | None
    rss_before_mib: float | None = None
    rss_peak_rise_mib: float | None = None
    rss_after_rise_mib: float | None = None


# ---- Pier: a streamed answer read from a plain socket ------------------------------------------

class Answer:
    """An HTTP/1.1 answer read from ``sock`` as it arrives; notes when ``marker`` is first
    seen in the body."""

    def __init__(self, sock: socket.socket, marker: bytes, began: float) -> None:
        self.reader = sock.makefile("rb")
        self.marker, self.began = marker, began
        self.body = bytearray()
        self.first_s: float | None = None

    def read(self) -> tuple[int, bytes]:
        status = int(self.reader.readline(65536).split()[1])
        chunked, length = False, -1
        while (line := self.reader.readline(65536)) not in (b"\r\n", b"\n", b""):
            name, _, value = line.partition(b":")
            if name.strip().lower() == b"transfer-encoding":
                chunked = b"chunked" in value.lower()
            elif name.strip().lower() == b"content-length":
                length = int(value)
        if chunked:
            while size := int(self.reader.readline(1024).split(b";")[0], 16):
                self._add(self.reader.read(size))
                self.reader.readline(16)
        else:
            self._add(self.reader.read(length) if length >= 0 else self.reader.read())
        return status, bytes(self.body)

    def _add(self, data: bytes) -> None:
        tail = len(self.body) - len(self.marker)
        self.body += data
        if self.first_s is None and self.marker in self.body[max(0, tail):]:
            self.first_s = time.perf_counter() - self.began


def parse_results(body: bytes) -> tuple[int, bool | None]:
    """(entries, truncated) of the JSON answer: ``{"path", "query", "entries": [...],
    "truncated"}`` (README, URL contract)."""
    found = json.loads(body)
    return len(found["entries"]), found.get("truncated")


def pier_search(server: run.Server, word: str) -> tuple[float | None, float, int, bool | None]:
    parts = urlsplit(server.url)
    request = (f"GET /?q={quote(word)}&format=json HTTP/1.1\r\nHost: {parts.netloc}\r\n"
               "Connection: close\r\n\r\n").encode()
    with socket.create_connection((parts.hostname, parts.port), timeout=TIMEOUT) as sock:
        began = time.perf_counter()
        sock.sendall(request)
        answer = Answer(sock, b'{"name"', began)  # an entry; the answer's head has no name
        status, body = answer.read()
        complete = time.perf_counter() - began
    if status != 200:
        raise RuntimeError(f"pier answered {status} to ?q={word}: {body[:200]!r}")
    results, truncated = parse_results(body)
    return answer.first_s, complete, results, truncated


def pier_cannot_search(server: run.Server, data: media_data.Dataset) -> str:
    """Why this Pier cannot be measured ("" when it can): a search in the first top folder (a
    tenth of the tree) must answer with a "truncated" field. Its first-use costs (imports) so
    stay out of the measured searches."""
    folder = sorted(p for p in data.tree.iterdir() if p.is_dir())[0]
    parts = urlsplit(server.url)
    request = (f"GET /{quote(folder.name)}/?q={media_data.MISSING_WORD}&format=json HTTP/1.1\r\n"
               f"Host: {parts.netloc}\r\nConnection: close\r\n\r\n").encode()
    with socket.create_connection((parts.hostname, parts.port), timeout=TIMEOUT) as sock:
        sock.sendall(request)
        status, body = Answer(sock, b"", 0.0).read()
    if status != 200 or b'"truncated"' not in body:
        return f"this Pier does not search yet (?q= answered {status} without \"truncated\")"
    return ""


def vm_rss_mib(pid: int) -> float | None:
    try:
        match = re.search(r"^VmRSS:\s+(\d+) kB", Path(f"/proc/{pid}/status").read_text(), re.M)
    except OSError:
        return None
    return int(match.group(1)) / 1024 if match else None


def measure_pier(server: run.Server, word: str, rnd: int, expected: int) -> Search:
    before = vm_rss_mib(server.proc.pid)
    with run.RssSampler([server.proc.pid], interval=0.02) as rss:
        first, complete, results, truncated = pier_search(server, word)
    after = vm_rss_mib(server.proc.pid)
    peak = rss.peak_mib
    return Search(PIER, word, rnd, first, complete, results, expected, truncated, before,
                  peak - before if peak is not None and before is not None else None,
                  after - before if after is not None and before is not None else None)


# ---- the peers ----------------------------------------------------------------------------------

def measure_find(tree: Path, word: str, rnd: int, expected: int) -> Search:
    began = time.perf_counter()
    proc = subprocess.Popen(["find", str(tree), "-iname", f"*{word}*"], stdout=subprocess.PIPE,
                            stderr=subprocess.DEVNULL)
    assert proc.stdout is not None
    first, results = None, 0
    for _line in proc.stdout:
        results += 1
        if first is None:
            first = time.perf_counter() - began
        if results == CAP:
            proc.kill()
            break
    proc.stdout.close()
    proc.wait(TIMEOUT)
    return Search(FIND, word, rnd, first, time.perf_counter() - began, results, expected,
                  results >= CAP)


def copyparty_search(server: run.Server, word: str) -> tuple[int, bool]:
    parts = urlsplit(server.url)
    body = json.dumps({"q": f"name like *{word}*", "n": CAP}).encode()
    with socket.create_connection((parts.hostname, parts.port), timeout=TIMEOUT) as sock:
        sock.sendall(f"POST /?srch HTTP/1.1\r\nHost: {parts.netloc}\r\nConnection: close\r\n"
                     f"Content-Type: application/json\r\nContent-Length: {len(body)}\r\n\r\n"
                     .encode() + body)
        status, answer = Answer(sock, b"", 0.0).read()
    if status != 200:
        raise RuntimeError(f"copyparty answered {status}: {answer[:200]!r}")
    found = json.loads(answer)
    return len(found["hits"]), bool(found["trunc"])


def start_copyparty(tree: Path, hist: Path, expected: int) -> tuple[run.Server, float]:
    """copyparty indexing ``tree``; ready when a search finds all ``expected`` rare names.
    (server, seconds from start to that)."""
    began = time.perf_counter()
    server = copyparty_peer.start(COPYPARTY, tree, hist, "-e2dsa")
    try:
        while time.perf_counter() - began < INDEX_TIMEOUT:
            try:
                if copyparty_search(server, media_data.RARE_WORD)[0] >= expected:
                    return server, time.perf_counter() - began
            except (RuntimeError, OSError, ValueError, KeyError):
                pass  # still indexing, or the 429 it gives to searches too close together
            time.sleep(0.5)  # polling the index with a deadline
    except BaseException:
        run.stop(server)
        raise
    run.stop(server)
    raise RuntimeError(f"copyparty had not indexed {tree} after {INDEX_TIMEOUT:.0f} s")


def measure_copyparty(server: run.Server, word: str, rnd: int, expected: int) -> Search:
    time.sleep(1.0)  # copyparty answers 429 to a search within 0.7 s of a slow one
    began = time.perf_counter()
    results, truncated = copyparty_search(server, word)
    took = time.perf_counter() - began
    return Search(COPYPARTY, word, rnd, took if results else None, took, results, expected,
                  truncated)


# ---- the cell -----------------------------------------------------------------------------------

def run_cells(rounds: int, seconds: int, generator: str, progress: Callable[[str], None]
              ) -> dict:
    data = media_data.prepare(progress)
    expected = {word: min(CAP, media_data.expected_matches(word)) for word, _ in QUERIES}
    notes = ["dufs is not installed here (it is not on PyPI, npm or Debian): no dufs rows"]
    searches: list[Search] = []
    index_s: float | None = None
    with tempfile.TemporaryDirectory(prefix="pier-bench-search-") as tmp_name:
        tmp = Path(tmp_name)
        (tmp / "config").mkdir()
        env = dict(os.environ, PIER_CONFIG_DIR=str(tmp / "config"))
        servers = {PIER: run.pier_server(PIER, data.tree, env)}
        try:
            if why_pier := pier_cannot_search(servers[PIER], data):
                notes.append(f"pier skipped: {why_pier}")
            if why := copyparty_peer.missing():
                notes.append(f"copyparty skipped: {why}")
            else:
                progress("search: copyparty indexes the tree (-e2dsa)")
                servers[COPYPARTY], index_s = start_copyparty(data.tree, tmp / "hist",
                                                              expected[media_data.RARE_WORD])
            rss_start = vm_rss_mib(servers[PIER].proc.pid)
            order = ([] if why_pier else [PIER]) + [FIND] + [COPYPARTY] * (COPYPARTY in servers)
            for rnd in range(rounds):
                progress(f"search round {rnd + 1}/{rounds} "
                         f"(load average {os.getloadavg()[0]:.2f})")
                shift = rnd % len(order)
                for word, _ in QUERIES:
                    for name in order[shift:] + order[:shift]:
                        if name == PIER:
                            one = measure_pier(servers[PIER], word, rnd, expected[word])
                        elif name == FIND:
                            one = measure_find(data.tree, word, rnd, expected[word])
                        else:
                            one = measure_copyparty(servers[COPYPARTY], word, rnd,
                                                    expected[word])
                        searches.append(one)
                        progress(f"  {name} {word!r}: first {_s(one.first_s)}, complete "
                                 f"{one.complete_s:.3f} s, {one.results} results")
            rss_end = vm_rss_mib(servers[PIER].proc.pid)
        finally:
            for server in servers.values():
                run.stop(server)
    return {"files": data.tree_files, "notes": notes, "searches": [asdict(s) for s in searches],
            "copyparty": copyparty_peer.version() if index_s is not None else None,
            "copyparty_index_s": index_s, "pier_rss_start_mib": rss_start,
            "pier_rss_end_mib": rss_end}


def _s(value: float | None) -> str:
    return "-" if value is None else f"{value:.3f} s"


# ---- what run.py prints -------------------------------------------------------------------------

def _median(values: list[float | None]) -> float | None:
    present = [v for v in values if v is not None]
    return statistics.median(present) if present else None


def _ratio(result: dict, word: str, peer: str, key: str) -> str:
    """Pier ÷ ``peer`` of ``key`` inside each round: median (min-max)."""
    by_round: dict[int, dict[str, float]] = {}
    for s in result["searches"]:
        if s["query"] == word and s[key]:
            by_round.setdefault(s["round"], {})[s["server"]] = s[key]
    ratios = [r[PIER] / r[peer] for r in by_round.values() if PIER in r and peer in r]
    if not ratios:
        return ""
    return f"{statistics.median(ratios):.2f}x ({min(ratios):.2f}-{max(ratios):.2f})"


def table_lines(result: dict, markdown: bool = False) -> list[str]:
    body = []
    for word, what in QUERIES:
        for name in (PIER, FIND, COPYPARTY):
            runs = [s for s in result["searches"] if (s["query"], s["server"]) == (word, name)]
            if not runs:
                continue
            rise = [s["rss_peak_rise_mib"] for s in runs if s["rss_peak_rise_mib"] is not None]
            body.append([
                f"{word!r} ({what})", name, _s(_median([s["first_s"] for s in runs])),
                _s(_median([s["complete_s"] for s in runs])),
                f"{max(s['complete_s'] for s in runs):.3f}",
                f"{statistics.median(s['results'] for s in runs):.0f}/{runs[0]['expected']}",
                {True: "yes", False: "no", None: "?"}[runs[-1]["truncated"]],
                f"{max(rise):.1f}" if rise else "",
                "" if name == PIER else _ratio(result, word, name, "first_s"),
                "" if name == PIER else _ratio(result, word, name, "complete_s")])
    lines = [f"note: {note}" for note in result["notes"]]
    if result["copyparty_index_s"] is not None:
        lines.append(f"copyparty {result['copyparty']} indexed the tree in "
                     f"{result['copyparty_index_s']:.1f} s before its first search")
    lines.append(f"a tree of {result['files']:,} files; median over rounds:")
    lines += text_table(["query", "by", "first result", "complete", "slowest", "results",
                         "truncated", "RSS rise MiB (max)", "pier ÷ this, first",
                         "pier ÷ this, complete"], body, markdown, left=2)
    if result["pier_rss_start_mib"] and result["pier_rss_end_mib"]:
        lines.append(f"Pier's VmRSS: {result['pier_rss_start_mib']:.1f} MiB before the first "
                     f"search, {result['pier_rss_end_mib']:.1f} MiB after the last")
    return lines


def check_targets(result: dict) -> list[run.Verdict]:
    pier = [s for s in result["searches"] if s["server"] == PIER]
    if not pier:
        return [run.Verdict("search", "first < 0.5 s, complete < 3 s", "not measured", None)]
    with_results = [s for s in pier if s["expected"]]
    firsts = [s["first_s"] for s in with_results]
    complete = [s["complete_s"] for s in pier]
    rises = [s["rss_peak_rise_mib"] for s in pier if s["rss_peak_rise_mib"] is not None]
    right = all(s["results"] == s["expected"] for s in pier)
    slowest_first = None if None in firsts else max(firsts)
    return [
        run.Verdict("search, 100,000 files", f"first result < {TARGET_FIRST_S} s",
                    f"slowest {_s(slowest_first)} over {len(firsts)} searches with results",
                    slowest_first is not None and slowest_first < TARGET_FIRST_S),
        run.Verdict("search, 100,000 files", f"complete < {TARGET_COMPLETE_S:g} s",
                    f"slowest {max(complete):.3f} s over {len(complete)} searches"
                    + ("" if right else "; WRONG result counts"),
                    max(complete) < TARGET_COMPLETE_S and right),
        run.Verdict("search, 100,000 files", f"server RSS rise < {TARGET_RSS_MIB:g} MiB",
                    f"max {max(rises):.1f} MiB (peak over VmRSS before each search)"
                    if rises else "not sampled", max(rises) < TARGET_RSS_MIB if rises else None),
    ]
