"""The listing's parts for texts (issue 15): the card with the text the window shares, shown
on top of every listing to everyone who may read it, and the "Send text" form on folders the
visitor may upload to. Both work without JavaScript; text-card.js adds Copy and dismiss,
forms.js paste. Every text is HTML-escaped (server.pages.display_text), line by line so that
line breaks and tabs stay."""

from __future__ import annotations

from server.page_i18n import PageLanguage
from server.pages import display_text
from server.text_board import SharedText


def escaped_text(text: str) -> str:
    """``text`` safe inside <pre>: escaped, unsafe characters shown as U+FFFD, except line
    breaks and tabs."""
    lines = text.replace("\r\n", "\n").split("\n")
    return "\n".join("\t".join(display_text(cell) for cell in line.split("\t"))
                     for line in lines)


def shared_card(shared: SharedText | None, lang: PageLanguage) -> str:
    if shared is None:
        return ""
    t = lang.gettext
    return (
        f'<section class="text-card" id="text-card" data-key="{shared.key}" '
        f'aria-labelledby="text-card-title"><div class="text-card-head">'
        f'<h2 id="text-card-title">{t("Shared text")}</h2><span class="text-card-actions">'
        f'<button type="button" class="button primary" id="text-copy" hidden>{t("Copy")}'
        f'</button><button type="button" class="button subtle" id="text-dismiss" hidden '
        f'aria-label="{t("Dismiss the shared text")}" title="{t("Dismiss")}">×</button>'
        f'</span></div>'
        f'<pre class="text-card-text" id="text-card-text" tabindex="0">'
        f'{escaped_text(shared.text)}</pre>'
        f'<p class="text-card-hint" id="text-copy-hint" role="status" hidden></p></section>\n'
    )


def send_text_form(action: str, lang: PageLanguage) -> str:
    """POST ``action`` as a form: ``text`` and the optional ``name`` (server/writes.py)."""
    t = lang.gettext
    optional = t("File name (optional)")
    return (
        f'<details class="text-send" id="text-send"><summary>{t("Send text")}</summary>'
        f'<form class="text-form" id="text-form" method="post" action="{action}">'
        f'<label for="text-input" class="text-label">{t("Text to save in this folder")}'
        f'</label><textarea name="text" id="text-input" rows="4" required '
        f'placeholder="{t("Type or paste a text")}"></textarea><div class="text-form-row">'
        f'<input type="text" name="name" id="text-name" maxlength="250" autocomplete="off" '
        f'placeholder="{optional}" aria-label="{optional}">'
        f'<button type="submit" class="button primary" id="text-send-button">{t("Send")}'
        f'</button>'
        f'<span class="form-error" id="text-error" role="alert"></span></div></form>'
        f'</details>\n'
    )
