"""The office directory's settings for the window (Users… → Directory): read, save, turn off
and test them, each off the GUI thread. The file and its rules are server.directory_config,
shared with `pier directory`; shares started afterwards use what is saved."""

from __future__ import annotations

import asyncio
from dataclasses import dataclass, replace
from pathlib import Path

from app.i18n import translate
from server.directory_config import (
    DirectoryConfigError,
    DirectorySettings,
    load_settings,
    parse_group_map,
    remove_settings,
    save_settings,
)
from server.directory_source import DirectoryDown
from server.users import User, UserStore


@dataclass(frozen=True, slots=True)
class DirectoryForm:
    """What the Directory tab's fields hold, as typed."""

    url: str
    base_dn: str
    bind_dn: str = ""
    bind_password: str = ""  # empty: keep the saved one (when the bind DN is unchanged)
    user_filter: str = ""
    group_filter: str = ""
    group_map: str = ""  # one GROUP=LEVEL[:FOLDER] per line
    ca_file: str = ""  # a PEM file to trust; empty: keep the saved CA, if any
    starttls: bool = False
    forget_ca: bool = False  # trust the system's CAs again


class DirectoryService:
    """Reads and writes ``directory_file`` (``PierPaths.directory_file``); ``users`` is asked
    whether a tested name is a local account (which wins)."""

    def __init__(self, directory_file: Path, users: UserStore) -> None:
        self.path = directory_file
        self._users = users

    async def load(self) -> DirectorySettings | None:
        """The saved settings, None when directory logins are off (DirectoryConfigError)."""
        return await asyncio.to_thread(load_settings, self.path)

    async def save(self, form: DirectoryForm) -> DirectorySettings:
        """Validate and write the form; DirectoryConfigError with a sentence when it is not
        usable."""
        def work() -> DirectorySettings:
            settings = self._settings_of(form)
            save_settings(self.path, settings)
            return settings.validated()

        return await asyncio.to_thread(work)

    async def turn_off(self) -> bool:
        return await asyncio.to_thread(remove_settings, self.path)

    async def test(self, form: DirectoryForm, name: str, password: str) -> str:
        """Ask the directory about a login with the form's settings (saved or not): the rights
        it maps to, or why not; DirectoryConfigError for settings that are not usable."""
        return await asyncio.to_thread(self._test, form, name, password)

    def _test(self, form: DirectoryForm, name: str, password: str) -> str:
        settings = self._settings_of(form).validated()
        self._users.reload_if_changed()
        if self._users.get(name) is not None:
            return translate("DirectoryService", "{name} is a Pier account, which wins over "
                             "the directory: the directory is not asked for this name."
                             ).format(name=name)
        from server.directory import DirectoryClient  # ldap3 only when a directory is used

        try:
            verdict = DirectoryClient(settings).log_in(name, password)
        except DirectoryDown as err:  # the reason stays English, like every server/ text
            return translate("DirectoryService", "The directory cannot be asked: {error}."
                             ).format(error=err)
        groups = ", ".join(verdict.groups) or translate("DirectoryService", "none")
        if verdict.user is None:
            return translate("DirectoryService", "{name} cannot log in: {reason} (groups: "
                             "{groups}).").format(name=name, reason=verdict.reason,
                                                  groups=groups)
        return translate("DirectoryService", "{name} may log in: {rights} (groups: {groups})."
                         ).format(name=name, rights=rights_text(verdict.user), groups=groups)

    def _settings_of(self, form: DirectoryForm) -> DirectorySettings:
        saved = load_settings(self.path)
        password = form.bind_password
        if not password and saved is not None and saved.bind_dn == form.bind_dn.strip():
            password = saved.bind_password
        ca_pem = "" if form.forget_ca else (saved.ca_pem if saved is not None else "")
        if form.ca_file.strip():
            ca_pem = _read_ca(Path(form.ca_file.strip()).expanduser())
        lines = [line.strip() for line in form.group_map.splitlines() if line.strip()]
        base = DirectorySettings(
            url=form.url, base_dn=form.base_dn, bind_dn=form.bind_dn, bind_password=password,
            group_map=tuple(parse_group_map(line) for line in lines), ca_pem=ca_pem,
            starttls=form.starttls)
        return replace(base, user_filter=form.user_filter.strip() or base.user_filter,
                       group_filter=form.group_filter.strip() or base.group_filter)


def rights_text(user: User) -> str:
    """E.g. "download · upload · change in /team" for a directory principal."""
    rights = ((translate("DirectoryService", "download"), user.can_read),
              (translate("DirectoryService", "upload"), user.can_upload),
              (translate("DirectoryService", "change"), user.can_modify),
              (translate("DirectoryService", "statistics"), user.admin))
    parts = " · ".join(right for right, on in rights if on)
    if user.folders:
        return translate("DirectoryService", "{rights} in {folders}").format(
            rights=parts, folders=", ".join(user.folders))
    return translate("DirectoryService", "{rights} in the whole share").format(rights=parts)


def _read_ca(path: Path) -> str:
    try:
        return path.read_text(encoding="ascii")
    except (OSError, UnicodeDecodeError) as err:
        raise DirectoryConfigError(translate("DirectoryService", "Cannot read the CA file "
                                             "{path}: {error}.").format(path=path, error=err)
                                   ) from None
