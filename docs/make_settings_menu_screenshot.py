"""Take docs/settings-menu.png: the window's Settings menu open, with "Start Pier when I log in"
on (written to a throw-away folder, not your desktop's autostart folder).

Run under a display with ImageMagick's `import`, e.g.:
    xvfb-run -a -s "-screen 0 1280x800x24" python docs/make_settings_menu_screenshot.py [LANGUAGE]
LANGUAGE (one of app.settings.LANGUAGES; English by default) saves settings-menu-LANGUAGE.png.
"""

from __future__ import annotations

import asyncio
import subprocess
import sys
from pathlib import Path

from window_session import run_in_window, throwaway_config  # docs/, a sibling

DOCS = Path(__file__).resolve().parent


async def scenario(window, out: Path) -> None:
    from app.settings import SCOPE_LAN

    window.share_panel.first_run.answered.emit(SCOPE_LAN)
    window.move(0, 0)
    window.show()
    await asyncio.sleep(0.5)
    window.desktop_actions.login_action.trigger()
    bar = window.menuBar()
    bar.setActiveAction(window.menus.settings.menuAction())
    await asyncio.sleep(0.8)
    menu = window.menus.settings.geometry()
    right = menu.right() + 40
    bottom = menu.bottom() + 30
    subprocess.run(["import", "-window", "root", "-crop", f"{right}x{bottom}+0+0", "+repage",
                    str(out)], check=True)
    print(f"saved {out}")
    window.menus.settings.close()
    await window.request_quit()


def main() -> int:
    language = sys.argv[1] if len(sys.argv) > 1 else ""
    out = DOCS / (f"settings-menu-{language}.png" if language not in ("", "en")
                  else "settings-menu.png")
    with throwaway_config():
        run_in_window(lambda window: scenario(window, out), size=(1100, 700), language=language)
    return 0


if __name__ == "__main__":
    sys.exit(main())
