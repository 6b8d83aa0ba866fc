"""Take docs/share-panel-changes.png: the share panel with a login, visitors who may look and
download, uploads and "Allow changes" on, and the line under Start saying who may change what.

Run under a display, e.g.:
    xvfb-run -a -s "-screen 0 1280x800x24" python docs/make_share_panel_changes_screenshot.py

Uses a throw-away config dir (one account is made there so that the login may be on).
"""

from __future__ import annotations

import asyncio
import sys
from pathlib import Path

from window_session import run_in_window, throwaway_config  # docs/, a sibling

DOCS = Path(__file__).resolve().parent
OUT = DOCS / "share-panel-changes.png"


async def scenario(window, share: Path) -> None:
    from ui.share_panel import ANONYMOUS_READ

    window.show()
    await window.accounts.add("alice", "correct horse battery staple", can_upload=True,
                              can_modify=True)
    panel = window.share_panel
    panel.first_run.answered.emit("local")  # the first-run question, answered
    panel.set_folder(str(share))
    panel.login_check.setChecked(True)
    panel.anonymous_combo.setCurrentIndex(panel.anonymous_combo.findData(ANONYMOUS_READ))
    panel.upload_check.setChecked(True)
    panel.changes_check.setChecked(True)
    await asyncio.sleep(0.5)
    panel.grab().save(str(OUT))
    print(f"saved {OUT}")
    await window.request_quit()


def main() -> int:
    with throwaway_config() as tmp:
        share = tmp / "Shared"
        share.mkdir()
        run_in_window(lambda window: scenario(window, share), size=(1280, 800))
    return 0


if __name__ == "__main__":
    sys.exit(main())
