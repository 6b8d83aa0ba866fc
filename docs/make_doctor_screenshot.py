"""Take docs/connection-doctor.png: "Phone can't connect?" opened beside the addresses of a
real share on the local network, on a computer whose firewall (firewalld or ufw, really running)
does not let the port in, waiting for the phone's request, with a Wi-Fi code shown.

Run under a display with a firewall on, e.g.:
    xvfb-run -a -s "-screen 0 1280x800x24" python docs/make_doctor_screenshot.py [LANGUAGE]
LANGUAGE is one of app.settings.LANGUAGES (English by default; another language saves
docs/doctor-LANGUAGE.png, e.g. doctor-zh_CN.png, and needs a CJK font for Chinese).

Uses a throw-away config dir.
"""

from __future__ import annotations

import asyncio
import sys
from pathlib import Path

from window_session import run_in_window, throwaway_config  # docs/, a sibling

DOCS = Path(__file__).resolve().parent


def output(language: str) -> Path:
    return DOCS / (f"doctor-{language}.png" if language not in ("", "en")
                   else "connection-doctor.png")


async def scenario(window, share: Path, out: Path) -> None:
    from app.controller import ServerState
    from app.settings import SCOPE_LAN

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
    panel.address_box.doctor_button.click()
    dialog = window.doctor.dialog
    assert dialog is not None
    for _ in range(100):  # the checks run off the GUI thread
        if dialog.findings_layout.count() > 1:
            break
        await asyncio.sleep(0.1)
    wifi = dialog.wifi_box
    wifi.ssid_edit.setText("Home; 5 GHz")
    wifi.password_edit.setText("not a real password")
    wifi.show_code()
    await asyncio.sleep(1.5)
    dialog.grab().save(str(out))
    print(f"saved {out}")
    dialog.close()
    await window.request_quit()


def main() -> int:
    language = sys.argv[1] if len(sys.argv) > 1 else ""
    with throwaway_config() as tmp:
        share = tmp / "Shared"
        share.mkdir()
        run_in_window(lambda window: scenario(window, share, output(language)),
                      size=(1280, 800), language=language)
    return 0


if __name__ == "__main__":
    sys.exit(main())
