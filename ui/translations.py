"""The window's language: Qt translators for Pier's texts and for Qt's own (standard buttons,
file dialogs), chosen from the Language setting or else the system's locale.

Pier's catalogues are ``resources/translations/pier_<code>.qm``, built from the ``.ts`` sources
by ``scripts/translations``; ``pier_en.qm`` holds only English plural forms ("1 request",
"2 requests"), so it is installed under every language. Qt's are PySide6's ``qtbase_<code>.qm``.
"""

from __future__ import annotations

from importlib import resources
from pathlib import Path

from PySide6.QtCore import QCoreApplication, QLibraryInfo, QLocale, QTranslator

from app.i18n import QT_TRANSLATE_NOOP

TRANSLATED = ("zh_CN", "es", "de", "fr")  # complete catalogues besides English
# the Language menu: "" follows the system; the others are named in their own language
LANGUAGE_NAMES = (("", QT_TRANSLATE_NOOP("LanguageMenu", "System default")),
                  ("en", "English"), ("zh_CN", "简体中文"), ("es", "Español"),
                  ("de", "Deutsch"), ("fr", "Français"))
TRADITIONAL_CHINESE = ("zh_TW", "zh_HK", "zh_MO", "zh_Hant")  # not served Simplified Chinese


def catalogue_dir() -> Path:
    return Path(str(resources.files("resources") / "translations"))


def language_for(setting: str, system: QLocale) -> str:
    """The catalogue to use: the setting when one is chosen, else the first of the system's UI
    languages Pier has ("de-AT" gives "de", "zh-Hans-CN" gives "zh_CN"), else English."""
    if setting:
        return setting
    traditional = False  # "zh-Hant-TW", ..., then a bare "zh": still not Simplified Chinese
    for name in system.uiLanguages():
        code = name.replace("-", "_")
        if code.startswith("zh"):
            traditional = traditional or code.startswith(TRADITIONAL_CHINESE)
            if not traditional:
                return "zh_CN"
            continue
        language = code.split("_")[0]
        if language in ("en", *TRANSLATED):
            return language
    return "en"


def install_translators(app: QCoreApplication, setting: str,
                        system: QLocale | None = None) -> list[QTranslator]:
    """Install the translators for ``setting`` (a ``Settings.language``) on ``app``, before any
    window exists, and return them (``app.removeTranslator`` undoes it). A catalogue that will
    not load leaves its texts in English."""
    code = language_for(setting, QLocale.system() if system is None else system)
    if setting:  # a chosen language also formats numbers and dates
        QLocale.setDefault(QLocale(code))
    qt_dir = QLibraryInfo.path(QLibraryInfo.LibraryPath.TranslationsPath)
    catalogues = [(f"qtbase_{code}", qt_dir), ("pier_en", str(catalogue_dir()))]
    if code != "en":
        catalogues.append((f"pier_{code}", str(catalogue_dir())))
    installed = []
    for name, folder in catalogues:  # the last one installed is asked first
        translator = QTranslator(app)
        if translator.load(name, folder) and app.installTranslator(translator):
            installed.append(translator)
    return installed
