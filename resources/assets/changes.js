/* Changing the selected entries: Rename (F2), Move to…, Copy to… and Delete (Del), in the
   selection's toolbar that select.js makes. Loaded only where the server says this account may
   change things here (data-can-modify on the listing, from the access policy).

   Changes go through the share's WebDAV methods (MOVE and COPY with Destination, DELETE), one
   request per item, so the server's checks are the only ones and each item's answer is shown on
   its own. A move, copy or rename first asks with `Overwrite: F`; the names the server answers
   412 for (already there) are listed in one "Replace?" dialog, and only those the visitor keeps
   checked are sent again with `Overwrite: T` (the server may still refuse: 403, 409). The
   listing is fetched again afterwards (app.js's refresh). Dialogs are modal, keep the focus
   inside while open (Tab wraps), and Esc cancels them. */
"use strict";

(function () {
  const table = document.getElementById("listing");
  const selection = window.pierSelection;
  if (!table || table.dataset.canModify !== "true" || !selection) {
    return;
  }
  const { chosen, hrefOf, segmentOf, nameOf, shownPath, isDir, folderHref, button } = selection;
  const { t, tn } = window.pierText;

  // ---------------------------------------------------------------- toolbar

  const renameButton = button(t("Rename"), "select-rename", t("Rename (F2)"));
  const moveButton = button(t("Move to…"), "select-move");
  const copyButton = button(t("Copy to…"), "select-copy");
  const deleteButton = button(t("Delete"), "select-delete", t("Delete (Del)"));
  deleteButton.classList.add("danger");
  selection.zipLink.before(renameButton, moveButton, copyButton);
  selection.zipLink.after(deleteButton);
  selection.onChange((rows) => {
    renameButton.disabled = rows.length !== 1;
  });
  selection.update();

  // ---------------------------------------------------------------- WebDAV requests

  /** One change: MOVE, COPY or DELETE of one item; {ok, status, problem, destination}. */
  async function change(method, href, destination, overwrite) {
    const headers = {};
    if (destination) {
      headers.Destination = location.origin + destination;
      headers.Overwrite = overwrite ? "T" : "F";
    }
    let response;
    try {
      response = await fetch(href, { method, headers, credentials: "same-origin" });
    } catch (_) {
      return { ok: false, status: 0, problem: t("the server could not be reached"),
        destination };
    }
    if (response.ok) {
      return { ok: true, status: response.status, problem: "", destination };
    }
    const body = await response.text().catch(() => "");
    const problem = reason(response.status, body, overwrite);
    return { ok: false, status: response.status, problem, destination };
  }

  function reason(status, body, overwrite) {
    const known = {
      403: overwrite ? t("not allowed to replace what is there") : t("not allowed"),
      404: t("not found (gone already?)"),
      409: overwrite ? t("what is there cannot be replaced") :
        t("the target folder does not exist"),
      412: overwrite ? t("it changed meanwhile; try again") :
        t("an item of that name is already there"),
      423: t("locked by another program"),
      507: t("not enough space on the server"),
    };
    // Pier's error pages say why in their .detail; other bodies are shown when short
    const page = new DOMParser().parseFromString(body, "text/html");
    const detail = page.querySelector(".detail");
    const text = (detail || page.body || page.documentElement).textContent.replace(/\s+/g, " ")
      .trim();
    const short = text && text.length <= 160 ? text : "";
    return (known[status] || t("failed")) + " (" + status + ")" + (short ? ": " + short : "");
  }

  /** Run one change per row with `perform(href, dir, overwrite)`; names already at the
      destination (412, when `where` names it) are offered for replacing in one dialog; then
      show what failed, item by item, and refresh. Skipped items leave the selection. */
  async function applyToEach(rows, verb, perform, where) {
    selection.showFailures([]);
    const failures = [];
    const clashes = [];
    for (const row of rows) {
      const item = { href: hrefOf(row), dir: isDir(row) };
      const outcome = await perform(item.href, item.dir, false);
      if (outcome.ok) {
        selection.forget(item.href);
      } else if (outcome.status === 412 && where) {
        item.taken = nameOf(outcome.destination); // a rename's new name
        clashes.push(item);
      } else {
        failures.push([verb, nameOf(item.href), outcome.problem]);
      }
    }
    if (clashes.length) {
      await selection.refresh(); // the page shows what went while the dialog asks
      const replace = await askReplace(clashes, where);
      for (const item of clashes) {
        const outcome = replace.has(item.href) ? await perform(item.href, item.dir, true) :
          { ok: true };
        if (outcome.ok) {
          selection.forget(item.href);
        } else {
          failures.push([verb, nameOf(item.href), outcome.problem]);
        }
      }
    }
    selection.showFailures(failures);
    await selection.refresh();
  }

  // ---------------------------------------------------------------- dialogs

  const FOCUSABLE = "button:not([disabled]), input:not([disabled]), a[href], [tabindex='0']";

  /** Tab and Shift+Tab wrap around inside the dialog: the page behind is inert, and the focus
      should not leave for the browser's own controls either. */
  function keepFocusIn(box, event) {
    if (event.key !== "Tab") {
      return;
    }
    const stops = Array.from(box.querySelectorAll(FOCUSABLE))
      .filter((element) => element.getClientRects().length > 0);
    if (!stops.length) {
      return;
    }
    const first = stops[0];
    const last = stops[stops.length - 1];
    if (event.shiftKey && (document.activeElement === first || !box.contains(document.activeElement))) {
      event.preventDefault();
      last.focus();
    } else if (!event.shiftKey && document.activeElement === last) {
      event.preventDefault();
      first.focus();
    }
  }

  function dialog(id, title) {
    const box = document.createElement("dialog");
    box.className = "select-dialog";
    box.id = id;
    box.setAttribute("aria-labelledby", id + "-title");
    const form = document.createElement("form");
    form.method = "dialog";
    const heading = document.createElement("h2");
    heading.id = id + "-title";
    heading.textContent = title;
    form.append(heading);
    box.append(form);
    document.body.append(box);
    const before = document.activeElement;
    box.addEventListener("keydown", (event) => {
      if (event.key === "Escape") {
        // closed here: the page's own Esc (app.js empties the filter) would cancel the dialog's
        event.preventDefault();
        event.stopPropagation();
        box.close();
      } else {
        keepFocusIn(box, event);
      }
    });
    box.addEventListener("close", () => {
      box.remove();
      const back = before instanceof HTMLElement && before.isConnected && !before.disabled ?
        before : document.querySelector("#selection-bar:not([hidden]) button, #listing a");
      if (back) {
        back.focus();
      }
    });
    return { box, form };
  }

  function actions(form, okLabel, danger, cancelLabel) {
    const row = document.createElement("div");
    row.className = "dialog-actions";
    const cancel = button(cancelLabel || t("Cancel"), "dialog-cancel");
    cancel.classList.remove("small"); // as big as the answer beside it
    cancel.addEventListener("click", () => form.parentElement.close());
    const ok = document.createElement("button");
    ok.type = "submit";
    ok.className = "button primary" + (danger ? " danger" : "");
    ok.id = "dialog-ok";
    ok.textContent = okLabel;
    row.append(cancel, ok);
    form.append(row);
    return { ok, cancel };
  }

  function hint(text) {
    const note = document.createElement("p");
    note.className = "hint";
    note.textContent = text;
    return note;
  }

  /** "Replace?": the names already at the destination, each with a checkbox (all checked: replace
      all; none: skip all). Resolves to the hrefs to send again with Overwrite: T; Skip or Esc
      resolve to none. */
  function askReplace(clashes, where) {
    const one = clashes.length === 1;
    const title = one ? t("Replace “{name}”?", { name: clashes[0].taken }) :
      tn("Replace {n} item?", "Replace {n} items?", clashes.length);
    const { box, form } = dialog("replace-dialog", title);
    const intro = document.createElement("p");
    intro.className = "replace-intro";
    intro.textContent = one ? t("An item of this name is already in {folder}.", { folder: where }) :
      t("Items of these names are already in {folder}.", { folder: where });
    const list = document.createElement("ul");
    list.className = "clashes";
    list.id = "clashes";
    const boxes = clashes.map((item) => {
      const entry = document.createElement("li");
      const label = document.createElement("label");
      const check = document.createElement("input");
      check.type = "checkbox";
      check.checked = true;
      check.value = item.href;
      label.append(check, " " + item.taken +
        (item.dir ? "/ " + t("(the folder there is replaced whole, not merged)") : ""));
      entry.append(label);
      list.append(entry);
      return check;
    });
    list.hidden = one && !clashes[0].dir;
    if (one) {
      boxes[0].hidden = true; // one question, answered by the buttons
    }
    form.append(intro, list,
      hint(t("What is replaced goes to the trash of the computer that shares it.")));
    const { ok, cancel } = actions(form, t("Replace"), true, one ? t("Skip") : t("Skip all"));
    const label = () => {
      const n = boxes.filter((check) => check.checked).length;
      ok.textContent = one ? t("Replace") : n === clashes.length ? t("Replace all") :
        t("Replace {n}", { n });
      ok.disabled = n === 0;
    };
    list.addEventListener("change", label);
    label();
    return new Promise((resolve) => {
      let answer = new Set();
      form.addEventListener("submit", (event) => {
        event.preventDefault();
        answer = new Set(boxes.filter((check) => check.checked).map((check) => check.value));
        box.close();
      });
      box.addEventListener("close", () => resolve(answer));
      box.showModal();
      cancel.focus(); // Enter right away changes nothing
    });
  }

  function rename() {
    const rows = chosen();
    if (rows.length !== 1) {
      return;
    }
    const row = rows[0];
    const old = nameOf(hrefOf(row));
    const { box, form } = dialog("rename-dialog", t("Rename"));
    const input = document.createElement("input");
    input.type = "text";
    input.id = "rename-name";
    input.value = old;
    input.required = true;
    input.maxLength = 255;
    input.setAttribute("aria-label", t("New name"));
    input.autocomplete = "off";
    form.append(input);
    actions(form, t("Rename"));
    form.addEventListener("submit", (event) => {
      event.preventDefault();
      const name = input.value.trim();
      box.close();
      if (!name || name === old) {
        return;
      }
      const target = folderHref() + encodeURIComponent(name) + (isDir(row) ? "/" : "");
      applyToEach(rows, t("Rename"), (href, dir, overwrite) =>
        change("MOVE", href, target, overwrite), shownPath(folderHref()));
    });
    box.showModal();
    input.focus();
    const dot = old.lastIndexOf(".");
    input.setSelectionRange(0, dot > 0 && !isDir(row) ? dot : old.length);
  }

  /** Move to… / Copy to…: a folder picker that browses with the listing's JSON. */
  function moveOrCopy(method) {
    const rows = chosen();
    if (!rows.length) {
      return;
    }
    const moving = method === "MOVE";
    const verb = moving ? t("Move") : t("Copy");
    const what = rows.length === 1 ? "“" + nameOf(hrefOf(rows[0])) + "”" :
      tn("{n} item", "{n} items", rows.length);
    const { box, form } = dialog("folder-dialog", moving ? t("Move {what} to…", { what }) :
      t("Copy {what} to…", { what }));
    const where = document.createElement("p");
    where.className = "picker-path";
    where.id = "picker-path";
    const list = document.createElement("ul");
    list.className = "picker";
    list.id = "picker";
    list.setAttribute("aria-label", t("Folders"));
    const note = document.createElement("p");
    note.className = "form-error";
    note.setAttribute("role", "alert");
    form.append(where, list, note);
    const { ok } = actions(form, moving ? t("Move here") : t("Copy here"));
    let current = folderHref();

    async function browse(href) {
      note.textContent = "";
      let answer;
      try {
        const response = await fetch(href + "?format=json", {
          headers: { Accept: "application/json" }, cache: "no-store",
        });
        if (!response.ok) {
          note.textContent = t("This folder cannot be opened ({status}).",
            { status: response.status });
          return;
        }
        answer = await response.json();
      } catch (_) {
        note.textContent = t("The server could not be reached.");
        return;
      }
      current = href;
      where.textContent = shownPath(href);
      const moving = new Set(rows.map(hrefOf));
      const items = [];
      if (answer.parent !== null) {
        items.push(["..", href.replace(/[^/]+\/$/, ""), t("Parent folder")]);
      }
      for (const entry of answer.entries) {
        if (entry.type === "dir" && !moving.has(entry.url)) {
          items.push([entry.name, entry.url, ""]);
        }
      }
      list.replaceChildren(...items.map(([label, url, title]) => {
        const item = document.createElement("li");
        const open = document.createElement("button");
        open.type = "button";
        open.className = "picker-folder";
        open.textContent = label === ".." ? "⬑ .." : label + "/";
        open.title = title || t("Open {name}", { name: label });
        open.addEventListener("click", () => browse(url));
        item.append(open);
        return item;
      }));
      if (items.length === 0 || (items.length === 1 && answer.parent !== null)) {
        const empty = document.createElement("li");
        empty.className = "picker-empty";
        empty.textContent = t("No folders in here.");
        list.append(empty);
      }
      ok.disabled = method === "MOVE" && href === folderHref();
    }

    form.addEventListener("submit", (event) => {
      event.preventDefault();
      const target = current;
      box.close();
      applyToEach(rows, verb, (href, dir, overwrite) => change(method, href,
        target + segmentOf(href) + (dir ? "/" : ""), overwrite),
        shownPath(target));
    });
    box.showModal();
    browse(current);
  }

  function remove() {
    const rows = chosen();
    if (!rows.length) {
      return;
    }
    const title = rows.length === 1 ? t("Delete this item?") :
      tn("Delete these {n} items?", "Delete these {n} items?", rows.length);
    const { box, form } = dialog("delete-dialog", title);
    const list = document.createElement("ul");
    list.className = "doomed";
    list.id = "doomed";
    for (const row of rows) {
      const item = document.createElement("li");
      item.textContent = nameOf(hrefOf(row)) +
        (isDir(row) ? "/ " + t("(and everything in it)") : "");
      list.append(item);
    }
    form.append(list, hint(t("They go to the trash of the computer that shares them.")));
    const { cancel } = actions(form, t("Delete"), true);
    form.addEventListener("submit", (event) => {
      event.preventDefault();
      box.close();
      applyToEach(rows, t("Delete"), (href) => change("DELETE", href));
    });
    box.showModal();
    cancel.focus(); // Enter right away deletes nothing
  }

  // ---------------------------------------------------------------- keys and start

  function isTyping(target) {
    return target instanceof HTMLElement &&
      (target.isContentEditable || /^(INPUT|TEXTAREA|SELECT)$/.test(target.tagName)) &&
      !(target instanceof HTMLInputElement && target.classList.contains("pick"));
  }

  function onKey(event) {
    if (event.defaultPrevented || event.isComposing || isTyping(event.target) ||
        event.ctrlKey || event.metaKey || event.altKey || document.querySelector("dialog[open]")) {
      return;
    }
    if (event.key === "F2" && chosen().length === 1) {
      event.preventDefault();
      rename();
    } else if (event.key === "Delete" && chosen().length) {
      event.preventDefault();
      remove();
    }
  }

  renameButton.addEventListener("click", rename);
  moveButton.addEventListener("click", () => moveOrCopy("MOVE"));
  copyButton.addEventListener("click", () => moveOrCopy("COPY"));
  deleteButton.addEventListener("click", remove);
  document.addEventListener("keydown", onKey);
})();
