/* The text Pier's window shares, as a card on top of the listing (server/listing_text.py), for
   everyone who may read the folder: Copy (the Clipboard API needs HTTPS or localhost; on plain
   HTTP the text is selected for the visitor to copy, with a hint), and a dismiss button
   remembered for this text only. The text itself is escaped by the server. Loaded only on pages
   that carry the card. */
"use strict";

(function () {
  const card = document.getElementById("text-card");
  const { t } = window.pierText;
  if (!card) {
    return;
  }
  const DISMISSED_KEY = "pier-text-dismissed";
  const updated = card.dataset.key || "";
  const text = document.getElementById("text-card-text");
  const copy = document.getElementById("text-copy");
  const close = document.getElementById("text-dismiss");
  const hint = document.getElementById("text-copy-hint");

  function dismissedKey() {
    try {
      return localStorage.getItem(DISMISSED_KEY);
    } catch (_) {
      return null;
    }
  }

  function selectText() {
    const range = document.createRange();
    range.selectNodeContents(text);
    const selection = window.getSelection();
    selection.removeAllRanges();
    selection.addRange(range);
  }

  async function copyText() {
    if (window.isSecureContext && navigator.clipboard) {
      try {
        await navigator.clipboard.writeText(text.textContent);
        copy.textContent = t("Copied");
        return;
      } catch (_) {
        // fall through: select it for the visitor
      }
    }
    selectText();
    text.focus();
    hint.textContent = t("The text is selected: press Ctrl+C (⌘C), or long-press and Copy. Copying with the button needs an HTTPS connection.");
    hint.hidden = false;
  }

  function dismiss() {
    card.hidden = true;
    try {
      localStorage.setItem(DISMISSED_KEY, updated);
    } catch (_) {
      // private mode: dismissed for this page only
    }
  }

  if (dismissedKey() === updated) {
    card.hidden = true;
    return;
  }
  copy.hidden = false;
  close.hidden = false;
  copy.addEventListener("click", copyText);
  close.addEventListener("click", dismiss);
})();
