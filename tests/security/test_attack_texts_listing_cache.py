"""A text the window shares is rendered into every listing, and every listing goes into the
listing cache (256 entries, whatever their size). Escaping grows the text (``"`` becomes
``&quot;``, six bytes), so one reader asking for a few dozen folders or sort orders makes the
cache hold the shared text dozens of times over: a 1 MiB text of quotes held ~1.6 GiB after
300 GETs (/tmp/pt3/cache_amp.py). The cache must stay small however large the shared text:
bounded in bytes, or the card kept out of the cached body."""

from __future__ import annotations

from pathlib import Path

SHARED = '"' * (512 * 1024)  # half the text limit: ~3 MiB once escaped
LISTINGS = 24  # 12 folders x 2 orders: ~72 MiB of listings with the card inside
BUDGET = 32 * 1024 * 1024  # what the share may keep in memory: a page of ~3 MiB fits


def test_a_large_shared_text_does_not_multiply_in_the_listing_cache(server_factory,
                                                                    share: Path):
    for i in range(LISTINGS // 2):
        (share / f"d{i}").mkdir()
    running = server_factory(share, cache_bytes=BUDGET)
    running.engine.texts.share(SHARED)
    conn = running.connection()
    try:
        for i in range(LISTINGS // 2):
            for order in ("asc", "desc"):
                conn.request("GET", f"/d{i}/?sort=name&order={order}")
                response = conn.getresponse()
                body = response.read()
                assert response.status == 200 and b"&quot;" * 1000 in body  # the card is there
    finally:
        conn.close()
    use = running.engine.cache_use()
    assert use is not None and use.limit == BUDGET
    assert 0 < use.used <= BUDGET  # pages were kept, and no more than the budget
