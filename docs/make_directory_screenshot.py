"""Take docs/users-directory.png: Users… → Directory, filled in for a real OpenLDAP server
(tests/slapd.py starts one in a temporary folder) after a successful Test.

Run from the repository's root under a display, with slapd and ldap-utils installed:
    xvfb-run -a -s "-screen 0 1280x900x24" python docs/make_directory_screenshot.py [LANGUAGE]
LANGUAGE (one of app.settings.LANGUAGES; English by default) saves users-directory-LANGUAGE.png.
"""

from __future__ import annotations

import asyncio
import sys
from pathlib import Path

from window_session import run_in_window, throwaway_config  # docs/, a sibling

DOCS = Path(__file__).resolve().parent
sys.path.insert(0, str(DOCS.parent))  # tests.slapd


async def scenario(window, slapd, ca_file: Path, out: Path) -> None:
    from tests.slapd import SUFFIX, USERS

    window.show()
    dialog = window.open_users_dialog()
    await window.last_task
    tab = dialog.directory_tab
    await tab.last_task
    dialog.tabs.setCurrentWidget(tab)
    tab.base_dn_edit.setText(SUFFIX)
    tab.group_map_edit.setPlainText("staff=read\neditors=modify:/team\nit=admin")
    tab.ca_edit.setText(str(ca_file))
    tab.url_edit.setText(slapd.ldaps_url)  # the test must reach the real one
    tab.test_name_edit.setText("alice")
    tab.test_password_edit.setText(USERS["alice"])
    await tab.test_login()
    # how an office would fill it in (the test above reached the real, local slapd)
    tab.url_edit.setText("ldaps://dc.office.lan")
    tab.bind_dn_edit.setText(f"cn=pier,ou=services,{SUFFIX}")
    tab.bind_password_edit.setText("service-account-secret")
    tab.ca_edit.setText("/home/admin/office-ca.pem")
    await asyncio.sleep(0.3)
    dialog.grab().save(str(out))
    print(f"saved {out}")
    dialog.close()
    await window.request_quit()


def main() -> int:
    from tests.slapd import start_slapd, stop_slapd

    language = sys.argv[1] if len(sys.argv) > 1 else ""
    out = DOCS / (f"users-directory-{language}.png" if language not in ("", "en")
                  else "users-directory.png")
    with throwaway_config() as tmp:
        slapd = start_slapd(tmp / "slapd")
        try:
            ca_file = tmp / "office-ca.pem"
            ca_file.write_text(slapd.ca_pem)
            run_in_window(lambda window: scenario(window, slapd, ca_file, out),
                          size=(1100, 700), language=language)
        finally:
            stop_slapd(slapd)
    return 0


if __name__ == "__main__":
    sys.exit(main())
