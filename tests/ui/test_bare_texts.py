"""No window text escapes translation: a ui/ module that hands a bare string literal (or a
module constant holding one) to a widget's text setter fails here, so a new tab cannot land in
English only. Texts go through ``self.tr(...)`` / ``translate(...)`` (docs/ARCHITECTURE.md,
"Translations: the window"); what is not language at all is listed in ALLOWED."""

from __future__ import annotations

import ast
import re
from pathlib import Path

import pytest

UI = Path(__file__).resolve().parents[2] / "ui"

# methods whose positional string arguments are shown to the user (or read out by a screen
# reader: setAccessibleName)
SETTERS = {
    "setText", "setWindowTitle", "addTab", "insertTab", "setTabText", "setToolTip",
    "setPlaceholderText", "setAccessibleName", "setAccessibleDescription", "setStatusTip",
    "setWhatsThis", "setTitle", "addRow", "addAction", "addMenu", "addItem", "addButton",
    "setLabelText", "setPlainText", "showMessage",
}
# widgets whose constructor takes the text they show
WIDGETS = {
    "QLabel", "QPushButton", "QCheckBox", "QRadioButton", "QAction", "QGroupBox", "QMenu",
    "QToolButton", "MutedLabel",
}
# static dialogs: every string argument is a caption, a message or a file filter
DIALOG_CLASSES = {"QMessageBox", "QFileDialog", "QInputDialog"}
# texts with letters that are not language: the same in every translation
ALLOWED = {
    "Pier",  # the product's name (window title)
    "ldaps://dc.example.org", "dc=example,dc=org",  # the directory's own syntax, as examples
    "staff=read\neditors=modify:/team",  # a group map example: its levels are keywords
}
TAG = re.compile(r"<[^>]*>")
LETTER = re.compile(r"[^\W\d_]")


def is_language(text: str) -> bool:
    """Has words in it, once markup is taken out ("", "—", "0", "<b>{}</b>" are format)."""
    return text not in ALLOWED and bool(LETTER.search(TAG.sub("", text)))


def module_strings(tree: ast.Module) -> dict[str, str]:
    """Module-level NAME = "text" and NAME = QT_TRANSLATE_NOOP(ctx, "text"): both must be
    translated where they are shown, so passing the name bare is as wrong as the literal."""
    found: dict[str, str] = {}
    for node in tree.body:
        if not (isinstance(node, ast.Assign) and len(node.targets) == 1
                and isinstance(node.targets[0], ast.Name)):
            continue
        value = node.value
        if (isinstance(value, ast.Call) and isinstance(value.func, ast.Name)
                and value.func.id == "QT_TRANSLATE_NOOP" and len(value.args) == 2):
            value = value.args[1]
        if isinstance(value, ast.Constant) and isinstance(value.value, str):
            found[node.targets[0].id] = value.value
    return found


def called_name(call: ast.Call) -> tuple[str | None, str | None]:
    """(the object's name or None, the function's name) of ``obj.name(...)`` / ``name(...)``."""
    func = call.func
    if isinstance(func, ast.Name):
        return None, func.id
    if isinstance(func, ast.Attribute):
        owner = func.value.id if isinstance(func.value, ast.Name) else None
        return owner, func.attr
    return None, None


def shown_text(argument: ast.expr, constants: dict[str, str]) -> str | None:
    """The untranslated text an argument shows, or None (a call such as self.tr, a variable)."""
    if isinstance(argument, ast.Constant) and isinstance(argument.value, str):
        return argument.value
    if isinstance(argument, ast.JoinedStr):  # an f-string: its own words are not translated
        return "{}".join(part.value for part in argument.values
                         if isinstance(part, ast.Constant) and isinstance(part.value, str))
    if isinstance(argument, ast.Name) and argument.id in constants:
        return constants[argument.id]
    return None


def bare_texts(source: str, filename: str = "<ui>") -> list[str]:
    """Every untranslated text handed to a text setter in ``source``, as "file:line: text"."""
    tree = ast.parse(source, filename)
    constants = module_strings(tree)
    found = []
    for call in ast.walk(tree):
        if not isinstance(call, ast.Call):
            continue
        owner, name = called_name(call)
        if not (name in SETTERS or name in WIDGETS or owner in DIALOG_CLASSES):
            continue
        arguments = [*call.args, *(k.value for k in call.keywords if k.arg == "text")]
        for argument in arguments:
            text = shown_text(argument, constants)
            if text is not None and is_language(text):
                found.append(f"{filename}:{call.lineno}: {name}({text!r})")
    return found


@pytest.mark.parametrize("path", sorted(UI.rglob("*.py")), ids=lambda p: p.name)
def test_ui_modules_translate_every_text_they_show(path: Path) -> None:
    found = bare_texts(path.read_text(encoding="utf-8"), str(path.relative_to(UI.parent)))
    assert not found, "wrap these in self.tr(...) / translate(...):\n" + "\n".join(found)


@pytest.mark.parametrize("snippet", [
    'label.setText("Saved.")',
    'box = QCheckBox("Use StartTLS")',
    'tabs.addTab(page, "Directory")',
    'edit.setPlaceholderText(f"{count} files")',
    'QMessageBox.warning(self, "Share text", str(err))',
    'QFileDialog.getOpenFileName(self, caption, "", "PEM certificates (*.pem)")',
    'form.addRow("Address:", edit)',
    'button = QPushButton(text="Save")',
    'NOTE = "Directory logins are off."\nMutedLabel(NOTE)',
    'NOTE = QT_TRANSLATE_NOOP("Tab", "Directory logins are off.")\nlabel.setText(NOTE)',
    "edit.setAccessibleName('Group map')",
])
def test_a_bare_text_is_caught(snippet: str) -> None:
    assert len(bare_texts(snippet)) == 1, snippet


@pytest.mark.parametrize("snippet", [
    'label.setText(self.tr("Saved."))',
    'label.setText(translate("DirectoryTab", "Saved."))',
    'NOTE = QT_TRANSLATE_NOOP("Tab", "Off.")\nlabel.setText(self.tr(NOTE))',
    'label.setText("")',
    'label.setText("—")',
    'form.addRow("", check)',
    'value = QLabel("0")',
    "label.setText(f\"<span style='color:{colour}'>●</span> <b>{text}</b>\")",
    'edit.setPlaceholderText("ldaps://dc.example.org")',
    'log.warning("could not start: %s", err)',  # a log line, not a dialog
    'edit.setText(path)',
])
def test_translated_and_format_only_texts_pass(snippet: str) -> None:
    assert bare_texts(snippet) == [], snippet
