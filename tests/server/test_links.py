"""LinkStore: links in links.toml, their states on an injected clock, counts, revocation, a
damaged file, and two stores (the CLI and a running share) on one file."""

from __future__ import annotations

import base64
import logging
import stat
import threading
import tomllib
from pathlib import Path

import pytest

from server.clock import ManualClock
from server.errors import InvalidLinkError, LinkStoreError, UnknownLinkError
from server.link_model import ID_ALPHABET, LINK_PREFIX
from server.links import FLUSH_INTERVAL, REFRESH_INTERVAL, LinkStore, item_kind
from server.paths import PierPaths


@pytest.fixture
def store(links_file: Path, clock: ManualClock) -> LinkStore:
    made = LinkStore(links_file, clock=clock)
    made.load()
    return made


@pytest.fixture
def item(tmp_path: Path) -> Path:
    path = tmp_path / "share" / "report.pdf"
    path.parent.mkdir()
    path.write_bytes(b"%PDF")
    return path


def on_disk(path: Path) -> dict:
    return tomllib.loads(path.read_text(encoding="utf-8"))["links"]


def test_the_links_file_lives_in_the_config_folder(tmp_path: Path) -> None:
    assert PierPaths.under(tmp_path).links_file == tmp_path / "links.toml"


def test_a_link_is_stored_privately_and_read_back_by_another_store(store, links_file, item,
                                                                    clock):
    link = store.create(item, "file", expires=clock.time() + 3600, downloads_allowed=3)
    assert stat.S_IMODE(links_file.stat().st_mode) == 0o600
    again = LinkStore(links_file, clock=clock)
    again.load()
    assert again.find(link.token) == link
    assert again.get(link.id.upper()) == link  # ids are typed by people
    assert link.path == str(item) and link.kind == "file" and link.created == clock.time()
    assert link.url_path == LINK_PREFIX + link.token
    record = on_disk(links_file)[link.id]
    assert record["path"] == str(item) and record["downloads_allowed"] == 3


def test_tokens_are_unique_random_and_at_least_128_bits(store, item):
    links = [store.create(item, "file") for _ in range(40)]
    tokens = {link.token for link in links}
    assert len(tokens) == 40 and len({link.id for link in links}) == 40
    for link in links:
        assert len(base64.urlsafe_b64decode(link.token + "=")) * 8 >= 128
        assert set(link.id) <= set(ID_ALPHABET)
    assert "token=" not in repr(links[0]) and links[0].token not in repr(links[0])


def test_expiry_follows_the_clock(store, item, clock):
    link = store.create(item, "file", expires=clock.time() + 3600)
    assert store.state(link) == "active"
    clock.advance(3599)
    assert store.state(link) == "active"
    clock.advance(1)
    assert store.state(link) == "expired"
    assert store.find(link.token).state(clock.time()) == "expired"  # found, to answer 410
    with pytest.raises(InvalidLinkError, match="already passed"):
        store.create(item, "file", expires=clock.time())


def test_the_download_limit_counts_at_once(store, item):
    link = store.create(item, "file", downloads_allowed=2)
    first = store.count_download(link.token, "192.0.2.7")
    assert first.downloads == 1 and store.state(first) == "active"
    second = store.count_download(link.token, "2001:db8::5")
    assert second.downloads == 2 and store.state(second) == "used up"
    assert second.last_used_by == "2001:db8::5"
    assert store.count_download("no-such-token", "192.0.2.7") is None
    with pytest.raises(InvalidLinkError):
        store.create(item, "file", downloads_allowed=0)


def test_revoke_by_id_token_or_url_is_seen_by_the_other_store(store, links_file, item, clock):
    cli = LinkStore(links_file, clock=clock)
    links = [store.create(item, "file") for _ in range(3)]
    cli.load()
    assert cli.revoke(links[0].id.upper()).revoked
    assert cli.revoke(links[1].token).revoked
    assert cli.revoke(f"http://192.0.2.1:8000{links[2].url_path}/report.pdf").revoked
    clock.advance(REFRESH_INTERVAL)
    assert [store.state(store.find(link.token)) for link in links] == ["revoked"] * 3
    with pytest.raises(UnknownLinkError):
        cli.revoke("zzzzzz")


def test_the_pin_is_stored_only_as_a_salted_hash(store, links_file, tmp_path):
    folder = tmp_path / "drop"
    folder.mkdir()
    one = store.create(folder, "folder", pin="4711-kettle", upload=True)
    two = store.create(folder, "folder", pin="4711-kettle")
    text = links_file.read_text(encoding="utf-8")
    assert "4711" not in text and "kettle" not in text
    assert one.pin_hash.startswith("$scrypt$") and one.pin_hash != two.pin_hash
    assert one.pin_hash not in repr(one)
    assert store.check_pin(one, "4711-kettle", "192.0.2.7").outcome == "ok"
    with pytest.raises(InvalidLinkError, match="Only a folder"):
        store.create(tmp_path / "drop", "file", upload=True)
    with pytest.raises(InvalidLinkError, match="4 to 64"):
        store.create(folder, "folder", pin="123")


def test_a_path_must_be_absolute_and_storable(store, tmp_path):
    with pytest.raises(InvalidLinkError, match="not absolute"):
        store.create("share/report.pdf", "file")
    with pytest.raises(InvalidLinkError, match="not valid text"):
        store.create(str(tmp_path) + "/bad\udcff.txt", "file")
    with pytest.raises(InvalidLinkError, match="no file or folder"):
        item_kind(tmp_path / "missing")
    assert item_kind(tmp_path) == "folder"


def test_a_file_that_is_not_toml_is_reported_and_never_overwritten(store, links_file, item,
                                                                   clock, caplog):
    link = store.create(item, "file")
    links_file.write_text("[links\nbroken", encoding="utf-8")
    clock.advance(REFRESH_INTERVAL)
    with caplog.at_level(logging.WARNING, logger="pier.links"):
        assert store.find(link.token) == link  # the links read before stay in force
    assert "is damaged" in caplog.text
    with pytest.raises(LinkStoreError, match=r"damaged.*Pier has not changed it"):
        store.create(item, "file")
    with pytest.raises(LinkStoreError, match="damaged"):
        LinkStore(links_file, clock=clock).load()
    assert links_file.read_text(encoding="utf-8") == "[links\nbroken"


def test_a_damaged_entry_is_not_served_but_kept(store, links_file, item, clock):
    good = store.create(item, "file")
    bad = store.create(item, "file")
    text = links_file.read_text(encoding="utf-8")
    links_file.write_text(text.replace(f'token = "{bad.token}"', "token = 42"), encoding="utf-8")
    other = LinkStore(links_file, clock=clock)
    other.load()
    assert other.find(good.token) == good and other.find(bad.token) is None
    assert any(bad.id in problem for problem in other.problems)
    newer = other.create(item, "file")
    kept = on_disk(links_file)
    assert kept[bad.id]["token"] == 42 and {good.id, newer.id} <= set(kept)
    with pytest.raises(LinkStoreError, match="damaged"):
        other.revoke(bad.id)


def test_two_stores_on_one_file_lose_neither_links_nor_counts(links_file, item, clock):
    server, cli = LinkStore(links_file, clock=clock), LinkStore(links_file, clock=clock)
    server.load()
    cli.load()
    shared = server.create(item, "file", downloads_allowed=100)
    made_by_cli = cli.create(item, "file")  # cli had not seen ``shared``: it re-reads first
    server.count_download(shared.token, "192.0.2.7")  # within a second of a write: in memory
    server.count_download(shared.token, "192.0.2.8")
    cli.revoke(made_by_cli.id)
    clock.advance(REFRESH_INTERVAL)
    cli.find(shared.token)
    cli.count_download(shared.token, "192.0.2.9")  # a second later: written at once
    assert on_disk(links_file)[shared.id]["downloads"] == 1
    server.close()  # adds its two to the file's one
    cli.close()
    records = on_disk(links_file)
    assert records[shared.id]["downloads"] == 3
    assert records[made_by_cli.id]["revoked"] is True
    assert records[shared.id]["last_used_by"] == "192.0.2.9"


def test_counts_are_written_at_most_once_per_interval(store, links_file, item, clock):
    link = store.create(item, "file")
    clock.advance(FLUSH_INTERVAL)
    store.count_download(link.token, "192.0.2.7")
    assert on_disk(links_file)[link.id]["downloads"] == 1
    store.count_download(link.token, "192.0.2.7")
    store.count_download(link.token, "192.0.2.7")
    assert on_disk(links_file)[link.id]["downloads"] == 1
    assert store.find(link.token).downloads == 3  # the limit sees them at once
    store.flush_if_due()
    assert on_disk(links_file)[link.id]["downloads"] == 1
    clock.advance(FLUSH_INTERVAL)
    store.flush_if_due()
    assert on_disk(links_file)[link.id]["downloads"] == 3


def test_a_lookup_writes_due_counts_on_a_thread_of_its_own(store, links_file, item, clock):
    link = store.create(item, "file")
    store.count_download(link.token, "192.0.2.7", wait=False)  # within a second of create
    clock.advance(FLUSH_INTERVAL)
    store.find(link.token)  # the serve thread's path: never waits on the file
    store.close()  # joins the writer
    assert on_disk(links_file)[link.id]["downloads"] == 1


def test_a_change_by_another_store_is_seen_within_the_refresh_interval(store, links_file, item,
                                                                     clock):
    cli = LinkStore(links_file, clock=clock)
    cli.load()
    link = cli.create(item, "file")
    assert store.find(link.token) is None  # looked at the file less than a second ago
    clock.advance(REFRESH_INTERVAL)
    assert store.find(link.token) == link
    cli.revoke(link.id)
    assert store.state(store.find(link.token)) == "active"
    clock.advance(REFRESH_INTERVAL)
    assert store.state(store.find(link.token)) == "revoked"


@pytest.mark.fast_path_only(
    "forced fallbacks on Linux have neither fcntl.flock nor Windows' msvcrt.locking: nothing "
    "locks the file between processes")
def test_concurrent_writers_keep_every_link(links_file, item, clock):
    stores = [LinkStore(links_file, clock=clock) for _ in range(2)]
    made: list[str] = []
    start = threading.Barrier(2)

    def make_links(store: LinkStore) -> None:
        start.wait(10)
        made.extend(store.create(item, "file").id for _ in range(10))

    threads = [threading.Thread(target=make_links, args=(store,)) for store in stores]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join(30)
    assert sorted(on_disk(links_file)) == sorted(made) and len(made) == 20
