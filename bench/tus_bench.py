"""Issue 15's resumable-upload cells: a 1 GiB tus upload against a plain PUT, the server's RSS
rise during it, and the bytes sent again after a connection cut at 90%.

    python bench/run.py --cells tus [--rounds 3]

A small tus 1.0.0 client on http.client (creation, PATCH, HEAD; no checksum), streaming every
body from the file with ``socket.sendfile`` -- the same sending code for PUT and PATCH, so the
comparison is of the server, and the client never holds more than the kernel's buffers.
"""

from __future__ import annotations

import base64
import hashlib
import http.client
import os
import shutil
import statistics
import tempfile
import time
from collections.abc import Callable
from dataclasses import asdict, dataclass
from pathlib import Path
from typing import IO
from urllib.parse import quote, urlsplit

import run

TUS = "/.well-known/pier/tus/"
SIZE = 1024**3  # the 1 GiB
CHUNK = 8 * 1024**2  # the 8 MiB chunks
CUT_AT = 0.9  # where the connection is closed mid-PATCH
TIMEOUT = 300.0
TARGET_RATIO, TARGET_RSS_MIB, TARGET_RESENT = 0.8, 30.0, CHUNK


class TusError(RuntimeError):
    pass


# ---- the client ---------------------------------------------------------------------------------

class Client:
    """One keep-alive HTTP/1.1 connection to the server."""

    def __init__(self, url: str) -> None:
        parts = urlsplit(url)
        self.conn = http.client.HTTPConnection(parts.hostname, parts.port, timeout=TIMEOUT)

    def close(self) -> None:
        self.conn.close()

    def request(self, method: str, path: str, headers: dict[str, str],
                source: IO[bytes] | None = None, offset: int = 0, count: int = 0
                ) -> http.client.HTTPResponse:
        """Send the headers, then ``count`` bytes of ``source`` from ``offset``; the answer."""
        self.send_head(method, path, {**headers, "Content-Length": str(count)})
        if count:
            self.send_body(source, offset, count)
        response = self.conn.getresponse()
        response.read()
        return response

    def send_head(self, method: str, path: str, headers: dict[str, str]) -> None:
        self.conn.putrequest(method, path, skip_accept_encoding=True)
        for name, value in headers.items():
            self.conn.putheader(name, value)
        self.conn.endheaders()

    def send_body(self, source: IO[bytes] | None, offset: int, count: int) -> int:
        assert source is not None and self.conn.sock is not None
        sent = self.conn.sock.sendfile(source, offset, count)
        if sent != count:
            raise TusError(f"sent {sent} of {count} bytes")
        return sent


def tus_headers(**extra: str) -> dict[str, str]:
    return {"Tus-Resumable": "1.0.0", **extra}


def tus_create(client: Client, name: str, length: int) -> str:
    """POST: a new upload of ``length`` bytes named ``name``; its path (from Location)."""
    meta = "filename " + base64.b64encode(name.encode()).decode()
    response = client.request("POST", TUS, tus_headers(**{"Upload-Length": str(length),
                                                          "Upload-Metadata": meta}))
    if response.status != 201:
        raise TusError(f"POST answered {response.status}")
    return urlsplit(response.getheader("Location", "")).path


def tus_patch(client: Client, path: str, source: IO[bytes], offset: int, count: int
              ) -> http.client.HTTPResponse:
    return client.request("PATCH", path, tus_headers(**{
        "Upload-Offset": str(offset), "Content-Type": "application/offset+octet-stream"}),
        source, offset, count)


def tus_head(client: Client, path: str) -> int:
    response = client.request("HEAD", path, tus_headers())
    if response.status != 200:
        raise TusError(f"HEAD answered {response.status}")
    return int(response.getheader("Upload-Offset", "-1"))


def tus_send(client: Client, path: str, source: IO[bytes], offset: int, length: int,
             chunk: int) -> str:
    """PATCH from ``offset`` to the end, ``chunk`` bytes a request; the finished file's URL."""
    file_url = ""
    while offset < length:
        response = tus_patch(client, path, source, offset, min(chunk, length - offset))
        if response.status != 204:
            raise TusError(f"PATCH at {offset} answered {response.status}")
        offset = int(response.getheader("Upload-Offset", "-1"))
        file_url = response.getheader("Pier-File-URL", "")
    return file_url


def tus_upload(url: str, source: IO[bytes], name: str, length: int, chunk: int) -> str:
    client = Client(url)
    try:
        path = tus_create(client, name, length)
        return tus_send(client, path, source, 0, length, chunk)
    finally:
        client.close()


def put_upload(url: str, source: IO[bytes], name: str, length: int) -> None:
    client = Client(url)
    try:
        response = client.request("PUT", "/" + quote(name), {
            "Content-Type": "application/octet-stream"}, source, 0, length)
    finally:
        client.close()
    if response.status not in (200, 201):
        raise TusError(f"PUT answered {response.status}")


def interrupted_upload(url: str, source: IO[bytes], name: str, length: int, chunk: int
                       ) -> dict[str, float]:
    """Upload chunk by chunk, close the connection in the middle of the PATCH holding the byte
    at CUT_AT, then resume from a new connection (a new client session knowing only the
    upload's URL): HEAD, PATCH from the offset it gives. Bytes re-sent: what the first session
    had sent minus where the second one could start."""
    cut = int(length * CUT_AT)
    first = Client(url)
    try:
        path = tus_create(first, name, length)
        offset = 0
        while offset + chunk <= cut:
            response = tus_patch(first, path, source, offset, chunk)
            if response.status != 204:
                raise TusError(f"PATCH at {offset} answered {response.status}")
            offset = int(response.getheader("Upload-Offset", "-1"))
        first.send_head("PATCH", path, tus_headers(**{
            "Upload-Offset": str(offset), "Content-Type": "application/offset+octet-stream",
            "Content-Length": str(min(chunk, length - offset))}))
        sent = offset + first.send_body(source, offset, cut - offset)
    finally:
        first.close()  # mid-PATCH: the server has the headers and part of the body
    began = time.perf_counter()
    second = Client(url)
    tries = 0
    refusals: list[str] = []
    try:
        while True:  # the server may still hold the cut request for a moment (423) or the
            tries += 1  # HEAD may come before it has recorded what arrived (409 on PATCH);
            try:  # a refusal may also close the connection while the chunk is being sent
                resumed = tus_head(second, path)
                response = tus_patch(second, path, source, resumed,
                                     min(chunk, length - resumed))
            except (ConnectionError, http.client.HTTPException) as err:
                refusals.append(type(err).__name__)
                second.close()
                second = Client(url)
            else:
                if response.status == 204:
                    break
                refusals.append(str(response.status))
                if response.status not in (409, 423):
                    raise TusError(f"resuming PATCH at {resumed} answered {response.status}")
            if tries > 100:
                raise TusError(f"could not resume: {refusals[-5:]}")
            time.sleep(0.05)
        tus_send(second, path, source, int(response.getheader("Upload-Offset", "-1")),
                 length, chunk)
    finally:
        second.close()
    return {"cut_at": cut, "sent_before_cut": sent, "resumed_at": resumed,
            "resent": sent - resumed, "resume_tries": tries, "refusals": refusals,
            "resume_seconds": time.perf_counter() - began}


# ---- the cells ----------------------------------------------------------------------------------

@dataclass
class TusRound:
    round: int
    first: str  # "tus" or "put": who went first this round
    tus_mb_s: float
    put_mb_s: float
    ratio: float
    tus_rss_rise_mib: float | None
    put_rss_rise_mib: float | None
    rss_before_mib: float | None
    resent_bytes: int
    resumed_at: int
    sent_before_cut: int
    resume_tries: int
    resume_refusals: list[str]
    resumed_file_exact: bool
    load_avg_1m: float


def rss_mib(server: run.Server) -> float | None:
    """The server's resident memory now, from /proc (VmRSS)."""
    try:
        for line in Path(f"/proc/{server.proc.pid}/status").read_text().splitlines():
            if line.startswith("VmRSS:"):
                return int(line.split()[1]) / 1024
    except OSError:
        pass
    return None


def timed_with_rss(server: run.Server, action: Callable[[], object]
                   ) -> tuple[float, float | None, float | None]:
    """(seconds, RSS rise in MiB over the RSS just before, that RSS) while ``action`` runs."""
    before = rss_mib(server)
    with run.RssSampler(server.pids(), interval=0.05) as sampler:
        began = time.perf_counter()
        action()
        took = time.perf_counter() - began
    peak = sampler.peak_mib
    rise = peak - before if peak is not None and before is not None else None
    return took, rise, before


def sha256(path: Path) -> str:
    digest = hashlib.sha256()
    with open(path, "rb") as f:
        while block := f.read(8 * 1024**2):
            digest.update(block)
    return digest.hexdigest()


def make_source(path: Path, size: int) -> None:
    with open(path, "wb") as out:
        for _ in range(size // 2**20):
            out.write(os.urandom(2**20))
        out.write(os.urandom(size % 2**20))
        out.flush()
        os.fsync(out.fileno())  # its writeback must not land on the first measured upload


def run_cells(rounds: int, seconds: int, generator: str, progress: Callable[[str], None],
              size: int = SIZE, chunk: int = CHUNK) -> dict:
    """Pier headless with --upload in a temporary share; ``rounds`` rounds of: tus and PUT of
    the same file (who goes first alternates), then the interrupted upload and its resume.
    (``seconds`` and ``generator``, run.py's load settings, do not apply: uploads are timed
    by their size.)"""
    with tempfile.TemporaryDirectory(prefix="pier-bench-tus-") as tmp_name:
        tmp = Path(tmp_name)
        share, config = tmp / "share", tmp / "config"
        share.mkdir()
        config.mkdir()
        source_path = tmp / "source.bin"
        progress(f"tus cells: writing the {size / 2**20:,.0f} MiB source file")
        make_source(source_path, size)
        source_sha = sha256(source_path)
        env = dict(os.environ, PIER_CONFIG_DIR=str(config))
        server = run.pier_server("pier --upload", share, env, "--upload")
        out: list[TusRound] = []
        try:
            with open(source_path, "rb") as source:
                # warm-up: first-use costs (imports, the tus store) stay out of the rounds
                tus_upload(server.url, source, "warm-tus.bin", 2 * chunk, chunk)
                put_upload(server.url, source, "warm-put.bin", 2 * chunk)
                for leftover in share.iterdir():
                    leftover.unlink()
                for rnd in range(rounds):
                    out.append(one_round(rnd, server, share, source, size, chunk, source_sha,
                                         progress))
        finally:
            run.stop(server)
            shutil.rmtree(share, ignore_errors=True)
    return summarise(out, size, chunk)


def one_round(rnd: int, server: run.Server, share: Path, source: IO[bytes], size: int,
              chunk: int, source_sha: str, progress: Callable[[str], None]) -> TusRound:
    progress(f"tus round {rnd + 1} (load average {os.getloadavg()[0]:.2f})")
    order = ("tus", "put") if rnd % 2 == 0 else ("put", "tus")
    measured: dict[str, tuple[float, float | None, float | None]] = {}
    for kind in order:
        name = f"{kind}-r{rnd}.bin"
        if kind == "tus":
            def action(name: str = name) -> object:
                return tus_upload(server.url, source, name, size, chunk)
        else:
            def action(name: str = name) -> object:
                put_upload(server.url, source, name, size)
                return None
        measured[kind] = timed_with_rss(server, action)
        stored = share / name
        if not stored.is_file() or stored.stat().st_size != size:
            raise TusError(f"{kind} upload did not leave a {size}-byte {name}")
        stored.unlink()
        took, rise, _ = measured[kind]
        progress(f"  {kind}: {size / took / 1e6:,.0f} MB/s, RSS rise "
                 + (f"{rise:.1f} MiB" if rise is not None else "?"))
    name = f"resumed-r{rnd}.bin"
    cut = interrupted_upload(server.url, source, name, size, chunk)
    stored = share / name
    exact = stored.is_file() and sha256(stored) == source_sha
    if stored.exists():
        stored.unlink()
    progress(f"  cut at {cut['sent_before_cut']:,} bytes sent, resumed at "
             f"{cut['resumed_at']:,}: {cut['resent']:,} bytes re-sent, "
             f"{'byte-exact' if exact else 'NOT byte-exact'}; resumed on try "
             f"{cut['resume_tries']}" + (f" (before: {cut['refusals']})" if cut["refusals"]
                                          else ""))
    tus_rate, put_rate = size / measured["tus"][0] / 1e6, size / measured["put"][0] / 1e6
    return TusRound(rnd, order[0], tus_rate, put_rate, tus_rate / put_rate,
                    measured["tus"][1], measured["put"][1], measured["tus"][2],
                    int(cut["resent"]), int(cut["resumed_at"]), int(cut["sent_before_cut"]),
                    int(cut["resume_tries"]), list(cut["refusals"]), exact, os.getloadavg()[0])


def summarise(rounds: list[TusRound], size: int, chunk: int) -> dict:
    def stats(values: list[float]) -> dict[str, float]:
        return {"median": statistics.median(values), "min": min(values), "max": max(values)}

    tus_rss = [r.tus_rss_rise_mib for r in rounds if r.tus_rss_rise_mib is not None]
    put_rss = [r.put_rss_rise_mib for r in rounds if r.put_rss_rise_mib is not None]
    return {
        "size": size, "chunk": chunk, "checksums": False,
        "tus_mb_s": stats([r.tus_mb_s for r in rounds]),
        "put_mb_s": stats([r.put_mb_s for r in rounds]),
        "ratio": stats([r.ratio for r in rounds]),
        "tus_rss_rise_mib": stats(tus_rss) if tus_rss else None,
        "put_rss_rise_mib": stats(put_rss) if put_rss else None,
        "resent_bytes": stats([float(r.resent_bytes) for r in rounds]),
        "all_exact": all(r.resumed_file_exact for r in rounds),
        "rounds": [asdict(r) for r in rounds],
    }


# ---- what run.py prints -------------------------------------------------------------------------

def table_lines(result: dict, markdown: bool = False) -> list[str]:
    size, chunk = result["size"], result["chunk"]

    def row(label: str, key: str, fmt: Callable[[float], str]) -> list[str]:
        s = result[key]
        if s is None:
            return [label, "-", "-", "-"]
        each = ", ".join(fmt(r[key]) for r in result["rounds"] if r[key] is not None)
        return [label, fmt(s["median"]), f"{fmt(s['min'])} - {fmt(s['max'])}", each]

    def mb(value: float) -> str:
        return f"{value:,.0f} MB/s"

    def mib(value: float) -> str:
        return f"{value:.1f} MiB"

    body = [
        row(f"tus upload, {chunk // 2**20} MiB chunks", "tus_mb_s", mb),
        row("PUT upload", "put_mb_s", mb),
        row("tus / PUT", "ratio", lambda v: f"{v:.2f}x"),
        row("server RSS rise during tus", "tus_rss_rise_mib", mib),
        row("server RSS rise during PUT", "put_rss_rise_mib", mib),
    ]
    resent = result["resent_bytes"]
    body.append(["bytes re-sent after a cut at 90%", mib(resent["median"] / 2**20),
                 f"{mib(resent['min'] / 2**20)} - {mib(resent['max'] / 2**20)}",
                 ", ".join(f"{r['resent_bytes']:,}" for r in result["rounds"])])
    body.append(["resumed file byte-exact (sha256)",
                 "yes" if result["all_exact"] else "NO", "",
                 ", ".join("yes" if r["resumed_file_exact"] else "no"
                           for r in result["rounds"])])
    head = [f"{size / 2**30:g} GiB upload", "median", "min - max", "each round"]
    if markdown:
        lines = ["| " + " | ".join(head) + " |", "|" + "---|" * len(head)]
        return lines + ["| " + " | ".join(cells) + " |" for cells in body]
    widths = [max(len(x[i]) for x in [head, *body]) for i in range(len(head))]
    return ["  ".join(c.ljust(w) if i in (0, 3) else c.rjust(w)
                      for i, (c, w) in enumerate(zip(cells, widths, strict=True)))
            for cells in [head, *body]]


def check_targets(result: dict) -> list[run.Verdict]:
    ratio, rss, resent = result["ratio"], result["tus_rss_rise_mib"], result["resent_bytes"]
    verdicts = [run.Verdict(
        "1 GiB tus vs PUT", f">= {TARGET_RATIO}x a plain PUT",
        f"{ratio['median']:.2f}x (rounds {ratio['min']:.2f}-{ratio['max']:.2f})",
        ratio["median"] >= TARGET_RATIO)]
    if rss is None:
        verdicts.append(run.Verdict("memory flat", f"server RSS rise < {TARGET_RSS_MIB:g} MiB",
                                    "RSS not sampled (psutil missing)", None))
    else:
        verdicts.append(run.Verdict(
            "memory flat", f"server RSS rise < {TARGET_RSS_MIB:g} MiB during the tus upload",
            f"max {rss['max']:.1f} MiB (median {rss['median']:.1f})",
            rss["max"] < TARGET_RSS_MIB))
    verdicts.append(run.Verdict(
        "resume after a cut at 90%", f"bytes re-sent <= one chunk ({CHUNK // 2**20} MiB)",
        f"max {resent['max']:,.0f} bytes; resumed file "
        + ("byte-exact" if result["all_exact"] else "NOT byte-exact"),
        resent["max"] <= TARGET_RESENT and result["all_exact"]))
    return verdicts

