"""Take docs/links-tab.png: the window's Links tab with a few links (one used up, one revoked,
one made "by pier link" with downloads counted) and the QR code of the selected one, while a
real share runs on the local network.

Run under a display, e.g.:
    xvfb-run -a -s "-screen 0 1400x900x24" python docs/make_links_screenshot.py

Uses a throw-away config dir.
"""

from __future__ import annotations

import asyncio
import sys
from pathlib import Path

from window_session import run_in_window, throwaway_config  # docs/, a sibling

DOCS = Path(__file__).resolve().parent
OUT = DOCS / "links-tab.png"


def make_share(root: Path) -> None:
    for name, size in {"Holiday 2026/beach.jpg": 240_000, "Holiday 2026/sunset.jpg": 310_000,
                       "report.pdf": 120_000, "Homework/.keep": 0, "song.mp3": 900_000}.items():
        path = root / name
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_bytes(b"\0" * size)


async def scenario(window, share: Path) -> None:
    from app.controller import ServerState
    from app.link_service import NewLink
    from app.settings import SCOPE_LAN
    from server.links import LinkStore

    window.show()
    panel = window.share_panel
    panel.first_run.answered.emit(SCOPE_LAN)
    panel.set_folder(str(share))
    panel.set_scope(SCOPE_LAN)
    panel.port_spin.setValue(8000)
    await window.request_start()
    if window.controller.state is not ServerState.RUNNING:  # 8000 taken: let Pier pick one
        panel.port_spin.setValue(0)
        await window.request_start()
    tab = window.monitor_tabs.links_tab
    service = tab._service
    service.create(NewLink(str(share / "report.pdf"), expiry="7d", downloads=5, pin="4821"))
    used = service.create(NewLink(str(share / "song.mp3"), expiry="1d", downloads=1))
    gone = service.create(NewLink(str(share / "Holiday 2026" / "sunset.jpg"), expiry="1h"))
    service.revoke(gone.id)
    service.create(NewLink(str(share / "Homework"), expiry="7d", upload=True))
    cli = LinkStore(service.store.path)  # as `pier link create` and the running share would
    cli.load()
    made = cli.create(str(share / "Holiday 2026"), "folder")
    for address in ("192.168.1.23", "192.168.1.23", "192.168.1.40"):
        cli.count_download(made.token, address)
    cli.count_download(used.token, "192.168.1.31")
    cli.flush()
    await asyncio.sleep(2.5)  # the tab's refresh timer picks them up
    window.monitor_tabs.setCurrentWidget(tab)
    tab.select(made.id)
    await asyncio.sleep(0.5)
    window.grab().save(str(OUT))
    print(f"saved {OUT}")
    await window.request_quit()


def main() -> int:
    with throwaway_config() as tmp:
        share = tmp / "Shared"
        make_share(share)
        run_in_window(lambda window: scenario(window, share), size=(1360, 820))
    return 0


if __name__ == "__main__":
    sys.exit(main())
