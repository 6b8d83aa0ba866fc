/* The small forms of a folder the visitor may upload to: "New folder" (POST ?mkdir=NAME) and
   "Send text", which posts a form with `text` (and `name`) to this folder: the server saves it
   as a .txt file and shows it in Pier's window. Pasting (Ctrl+V) outside a field puts a text
   into that box, or uploads pasted files (an image) like picked ones (uploads.js). Both forms
   work without this file; it is loaded only where the page may upload. */
"use strict";

(function () {
  const listing = window.pierListing;
  if (!listing) {
    return;
  }
  const { t } = window.pierText;
  const UNREACHABLE = t("The server could not be reached.");

  /** POST to this folder asking for JSON; the name the server gave the new entry, or throws
      the message to show (a refusal, or the server out of reach). */
  async function postHere(query, body) {
    let response;
    let text;
    try {
      response = await fetch(location.pathname + query, {
        method: "POST",
        headers: { Accept: "application/json" },
        body: body,
      });
      text = await response.text();
    } catch (_) {
      throw new Error(UNREACHABLE);
    }
    if (response.status !== 201) {
      throw new Error(listing.errorMessage(response.status, text));
    }
    try {
      return JSON.parse(text).files[0].name;
    } catch (_) {
      throw new Error(UNREACHABLE);
    }
  }

  // ---------------------------------------------------------------- new folder

  function setUpNewFolder() {
    const button = document.getElementById("mkdir-button");
    const form = document.getElementById("mkdir-form");
    const input = document.getElementById("mkdir-name");
    const error = document.getElementById("mkdir-error");
    if (!button || !form) {
      return;
    }
    button.hidden = false;

    function close() {
      form.hidden = true;
      input.value = "";
      error.textContent = "";
    }

    async function create(event) {
      event.preventDefault();
      const name = input.value.trim();
      if (!name) {
        return;
      }
      error.textContent = "";
      let made;
      try {
        made = await postHere("?mkdir=" + encodeURIComponent(name));
      } catch (failure) {
        error.textContent = failure.message;
        return;
      }
      close();
      await listing.refresh([made]);
    }

    button.addEventListener("click", () => {
      form.hidden = false;
      input.focus();
    });
    document.getElementById("mkdir-cancel").addEventListener("click", close);
    input.addEventListener("keydown", (event) => {
      if (event.key === "Escape") {
        close();
      }
    });
    form.addEventListener("submit", create);
  }

  // ---------------------------------------------------------------- send text

  function setUpSendText() {
    const form = document.getElementById("text-form");
    if (!document.getElementById("text-send") || !form) {
      return;
    }
    const input = document.getElementById("text-input");
    const name = document.getElementById("text-name");
    const error = document.getElementById("text-error");
    const send = document.getElementById("text-send-button");

    async function sendText(event) {
      event.preventDefault();
      if (!input.value) {
        return;
      }
      error.textContent = "";
      send.disabled = true;
      try {
        const body = new URLSearchParams({ text: input.value, name: name.value });
        const saved = await postHere("?format=json", body);
        input.value = "";
        name.value = "";
        error.textContent = t("Sent · saved as {name}", { name: saved });
        await listing.refresh([saved]);
      } catch (failure) {
        error.textContent = failure.message;
      } finally {
        send.disabled = false;
      }
    }

    form.addEventListener("submit", sendText);
    document.addEventListener("paste", onPaste);
  }

  /** Pasted files are uploaded; a pasted text opens "Send text" with it. */
  function onPaste(event) {
    if (listing.isTyping(event.target) || !event.clipboardData) {
      return;
    }
    const files = Array.from(event.clipboardData.files || []);
    const uploads = window.pierUploads;
    if (files.length && uploads) {
      event.preventDefault();
      uploads.enqueue(files.map((file) => ({ file: file, path: file.name || "pasted" })));
      return;
    }
    const text = event.clipboardData.getData("text/plain");
    if (text) {
      event.preventDefault();
      document.getElementById("text-send").open = true;
      const input = document.getElementById("text-input");
      input.value = text;
      input.focus();
    }
  }

  setUpNewFolder();
  setUpSendText();
})();
