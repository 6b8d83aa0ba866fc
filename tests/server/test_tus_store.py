"""server/tus_store.py: records of resumable uploads, their persistence, caps, locks and expiry
on a ManualClock."""

from __future__ import annotations

import json
import re
from pathlib import Path

import pytest

from server.clock import ManualClock
from server.tus_store import (
    EXPIRY_S,
    SWEEP_EVERY_S,
    TooManyUploads,
    TusStore,
    TusUpload,
    UploadBusy,
    upload_key,
)


def _add(store: TusStore, owner: str | None = "ann", **changes: object) -> tuple[str, TusUpload]:
    values: dict[str, object] = dict(owner=owner, quota=owner or "anonymous@127.0.0.1",
                                     folder_url="/in/", folder_path="/srv/share/in", name="a.bin",
                                     partial=".pier-tus-" + "0" * 32 + ".part", length=10,
                                     metadata="filename YS5iaW4=")
    values.update(changes)
    return store.add(**values)  # type: ignore[arg-type]


@pytest.fixture
def clock() -> ManualClock:
    return ManualClock()


@pytest.fixture
def removed() -> list[TusUpload]:
    return []


def _store(folder: Path | None, clock: ManualClock, removed: list[TusUpload],
           **options: int) -> TusStore:
    return TusStore(folder, clock=clock, remove_partial=removed.append, **options)


def test_an_upload_is_found_by_its_id_only(clock, removed):
    store = _store(None, clock, removed)
    upload_id, upload = _add(store)
    assert re.fullmatch(r"[A-Za-z0-9_-]{32}", upload_id)  # 192 random bits
    assert store.get(upload_id) is upload
    assert upload.key == upload_key(upload_id) != upload_id
    for wrong in ("", upload_id[:-1], upload_id + "A", upload_id.upper(), "../" + upload_id,
                  upload.key):
        assert store.get(wrong) is None
    assert len({_add(store, owner=None)[0] for _ in range(20)}) == 20


def test_records_survive_a_new_store_and_never_hold_the_id(tmp_path, clock, removed):
    state = tmp_path / "tus"
    store = _store(state, clock, removed)
    upload_id, upload = _add(store)
    upload.offset = 7
    store.save(upload)
    files = list(state.iterdir())
    assert [f.name for f in files] == [upload.key + ".json"]
    assert upload_id not in files[0].read_text(encoding="utf-8")
    again = _store(state, clock, removed).get(upload_id)
    assert again is not None and (again.offset, again.owner, again.name) == (7, "ann", "a.bin")


def test_damaged_records_are_set_aside(tmp_path, clock, removed):
    state = tmp_path / "tus"
    store = _store(state, clock, removed)
    upload_id, upload = _add(store)
    good = state / (upload.key + ".json")
    record = json.loads(good.read_text(encoding="utf-8"))
    (state / ("f" * 64 + ".json")).write_text("{not json", encoding="utf-8")
    record["offset"] = record["length"] + 1  # past the end: not a record we wrote
    (state / ("e" * 64 + ".json")).write_text(json.dumps(record), encoding="utf-8")
    again = _store(state, clock, removed)
    assert again.get(upload_id) is not None
    assert sorted(p.name for p in state.iterdir()) == sorted(
        [good.name, "f" * 64 + ".json.bad", "e" * 64 + ".json.bad"])


def test_unfinished_uploads_are_capped_per_owner(clock, removed):
    store = _store(None, clock, removed, per_owner=2)
    _add(store)
    _, second = _add(store)
    with pytest.raises(TooManyUploads):
        _add(store)
    with pytest.raises(TooManyUploads):
        store.check_room("ann")
    store.check_room("bob")  # another account has its own count
    _add(store, owner="bob")
    second.file_url = "/in/a.bin"  # finished ones do not count
    store.save(second)
    _add(store)


def test_the_store_as_a_whole_is_capped(clock, removed):
    store = _store(None, clock, removed, total=3)
    for owner in ("a", "b", "c"):
        _add(store, owner=owner)
    with pytest.raises(TooManyUploads):
        _add(store, owner="d")


def test_one_request_at_a_time_holds_an_upload(clock, removed):
    store = _store(None, clock, removed)
    _, upload = _add(store)
    _, other = _add(store)
    with store.hold(upload):
        with pytest.raises(UploadBusy), store.hold(upload):
            pass
        with store.hold(other):
            pass
    with store.hold(upload):
        pass
    store.forget(upload)
    with pytest.raises(LookupError), store.hold(upload):
        pass


def test_uploads_expire_a_day_after_their_last_bytes(tmp_path, clock, removed):
    state = tmp_path / "tus"
    store = _store(state, clock, removed)
    quiet_id, quiet = _add(store)
    busy_id, busy = _add(store)
    clock.advance(EXPIRY_S - 60)
    busy.offset = 5
    store.save(busy)  # bytes arrived: a new day
    assert quiet.expires == pytest.approx(clock.time() + 60)
    clock.advance(61)
    assert store.get(quiet_id) is None and store.get(busy_id) is busy
    assert store.sweep() == 1
    assert removed == [quiet]  # its partial file goes with it
    assert sorted(p.name for p in state.iterdir()) == [busy.key + ".json"]


def test_finished_uploads_expire_without_touching_the_file(clock, removed):
    store = _store(None, clock, removed)
    _, upload = _add(store)
    upload.offset, upload.file_url = 10, "/in/a.bin"
    store.save(upload)
    clock.advance(EXPIRY_S + 1)
    assert store.sweep() == 1 and removed == []


def test_sweeps_happen_at_start_and_now_and_then(tmp_path, clock, removed):
    state = tmp_path / "tus"
    store = _store(state, clock, removed, expiry=100)
    upload_id, _ = _add(store)
    clock.advance(101)
    store.maybe_sweep()  # an expired upload is not answered, but not swept before its time
    assert removed == [] and store.get(upload_id) is None
    clock.advance(SWEEP_EVERY_S)
    store.maybe_sweep()
    assert len(removed) == 1
    upload_id, _ = _add(store)
    clock.advance(101)
    _store(state, clock, removed, expiry=100)  # a new engine sweeps what expired while it was down
    assert len(removed) == 2 and list(state.iterdir()) == []


def test_a_sweep_leaves_an_upload_a_request_holds(clock, removed):
    store = _store(None, clock, removed)
    _, upload = _add(store)
    clock.advance(EXPIRY_S + 1)
    with store.hold(upload):
        assert store.sweep() == 0
    assert store.sweep() == 1


def test_without_a_usable_state_folder_records_stay_in_memory(tmp_path, clock, removed):
    blocker = tmp_path / "not-a-folder"
    blocker.write_text("x", encoding="utf-8")
    store = _store(blocker / "tus", clock, removed)
    upload_id, _ = _add(store)
    assert store.get(upload_id) is not None and blocker.read_text(encoding="utf-8") == "x"
