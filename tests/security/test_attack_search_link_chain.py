"""A search that meets a long chain of links (link -> link -> ... -> file, all inside the share,
as any local user of the folder can make). A matching link is shown with its target's kind and
size, which access._link_target finds with os.path.realpath: CPython's realpath recurses once
per link, so a chain of ~1,000 links raises RecursionError. That escapes the walk: the answer,
already streaming, stops in the middle (no "truncated", no closing bracket) and every later
search whose text matches a link of that folder dies the same way.

Since then links are followed within bounds (portable_folders.link_destination: the kernel's 40
links, or 40 links and 4,096 names by name): a longer chain is a broken link, left out of
searches and listings and Not found when asked for."""

from __future__ import annotations

import json
import os
from pathlib import Path

CHAIN = 1200  # links; CPython's default recursion limit is 1,000 frames


def chain_of_links(folder: Path, length: int) -> None:
    folder.mkdir()
    for i in range(length):
        os.symlink(f"c{i + 1}", folder / f"c{i}")
    (folder / f"c{length}").write_text("end\n", encoding="utf-8")
    os.symlink("c0", folder / "chained report.txt")


def test_a_long_chain_of_links_does_not_break_the_search(server_factory, share: Path):
    chain_of_links(share / "chain", CHAIN)
    (share / "chain report summary.txt").write_text("x\n", encoding="utf-8")
    running = server_factory(share)
    response, body = running.get("/?q=report&format=json", headers={"Connection": "close"})
    assert response.status == 200
    document = json.loads(body)  # a complete answer: the walk did not die half-way
    paths = [entry["path"] for entry in document["entries"]]
    assert "chain report summary.txt" in paths


def test_a_long_chain_of_links_is_a_broken_link_in_the_listing(server_factory, share: Path):
    chain_of_links(share / "chain", CHAIN)
    running = server_factory(share)
    response, body = running.get("/chain/?format=json", headers={"Connection": "close"})
    assert response.status == 200
    names = {entry["name"] for entry in json.loads(body)["entries"]}
    assert "c1199" in names and f"c{CHAIN}" in names  # a short chain still leads somewhere
    assert "chained report.txt" not in names and "c0" not in names
    response, _ = running.get("/chain/chained%20report.txt", headers={"Connection": "close"})
    assert response.status == 404
    response, body = running.get("/chain/c1199", headers={"Connection": "close"})
    assert response.status == 200 and body == b"end\n"
