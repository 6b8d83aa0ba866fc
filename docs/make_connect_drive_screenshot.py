"""Take docs/connect-drive.png: "Connect as a drive…" opened beside the addresses of a real
share on the local network (HTTPS, login required), on its Windows tab, after Copy.

Run under a display, e.g.:
    xvfb-run -a -s "-screen 0 1280x800x24" python docs/make_connect_drive_screenshot.py

Uses a throw-away config dir (one account is made there so that the login may be on).
"""

from __future__ import annotations

import asyncio
import sys
from pathlib import Path

from window_session import run_in_window, throwaway_config  # docs/, a sibling

DOCS = Path(__file__).resolve().parent
OUT = DOCS / "connect-drive.png"


async def scenario(window, share: Path) -> None:
    from PySide6.QtWidgets import QPushButton

    from app.controller import ServerState
    from app.settings import SCOPE_LAN

    window.show()
    await window.accounts.add("alice", "correct horse battery staple", can_upload=True)
    panel = window.share_panel
    panel.first_run.answered.emit(SCOPE_LAN)  # the first-run question, answered
    panel.set_folder(str(share))
    panel.set_scope(SCOPE_LAN)
    panel.port_spin.setValue(8443)
    panel.login_check.setChecked(True)
    panel.https_check.setChecked(True)
    await window.request_start()
    if window.controller.state is not ServerState.RUNNING:  # 8443 taken: let Pier pick one
        panel.port_spin.setValue(0)
        await window.request_start()
    panel.address_box.drive_button.click()
    dialog = window.connect_drive.dialog
    assert dialog is not None
    dialog.tabs.setCurrentIndex(0)  # Windows
    copy = dialog.findChild(QPushButton, "windowsDriveCopy0")
    if copy is not None:
        copy.click()
    await asyncio.sleep(0.5)
    dialog.grab().save(str(OUT))
    print(f"saved {OUT}")
    dialog.close()
    await window.request_quit()


def main() -> int:
    with throwaway_config() as tmp:
        share = tmp / "Shared"
        share.mkdir()
        run_in_window(lambda window: scenario(window, share), size=(1280, 800))
    return 0


if __name__ == "__main__":
    sys.exit(main())
