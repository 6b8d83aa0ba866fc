/* Selecting rows and changing them: rename (F2), move to…, copy to…, delete (Del) and a .zip
   of the selection. Loaded only where the server says this account may change things here
   (data-can-modify on the listing, from the access policy); without JavaScript the page stays
   a plain listing.

   Changes go through the share's WebDAV methods (MOVE, COPY with Destination and Overwrite,
   DELETE), one request per item, so the server's checks are the only ones and each item's
   answer is shown on its own. The listing is fetched again afterwards (app.js's refresh). */
"use strict";

(function () {
  const table = document.getElementById("listing");
  if (!table || table.dataset.canModify !== "true") {
    return;
  }
  const listing = window.pierListing;
  const selected = new Set(); // hrefs (path only) of the selected rows
  let anchor = null; // the row a Shift-click extends from

  // ---------------------------------------------------------------- rows

  function entryRows() {
    return Array.from(table.tBodies[0].querySelectorAll("tr[data-mtime]"));
  }

  function rowHref(row) {
    return row.querySelector("a").getAttribute("href").split("?")[0];
  }

  function isDir(row) {
    return row.classList.contains("dir");
  }

  /** The entry's real name, from its href's last segment. */
  function nameOfHref(href) {
    const path = href.endsWith("/") ? href.slice(0, -1) : href;
    return decodeURIComponent(path.slice(path.lastIndexOf("/") + 1));
  }

  function folderHref() {
    return location.pathname.endsWith("/") ? location.pathname : location.pathname + "/";
  }

  function addCheckboxes() {
    for (const row of entryRows()) {
      const cell = row.cells[0];
      if (cell.querySelector("input.pick")) {
        continue;
      }
      const box = document.createElement("input");
      box.type = "checkbox";
      box.className = "pick";
      box.setAttribute("aria-label", "Select " + nameOfHref(rowHref(row)));
      box.checked = selected.has(rowHref(row));
      row.classList.toggle("selected", box.checked);
      cell.prepend(box);
    }
  }

  function setRow(row, on) {
    const href = rowHref(row);
    if (on) {
      selected.add(href);
    } else {
      selected.delete(href);
    }
    row.classList.toggle("selected", on);
    const box = row.cells[0].querySelector("input.pick");
    if (box) {
      box.checked = on;
    }
  }

  function onPick(event) {
    const box = event.target;
    if (!(box instanceof HTMLInputElement) || !box.classList.contains("pick")) {
      return;
    }
    const row = box.closest("tr");
    const rows = entryRows().filter((r) => !r.hidden);
    if (event.shiftKey && anchor && rows.includes(anchor)) {
      const [from, to] = [rows.indexOf(anchor), rows.indexOf(row)].sort((a, b) => a - b);
      for (const r of rows.slice(from, to + 1)) {
        setRow(r, box.checked);
      }
    } else {
      setRow(row, box.checked);
    }
    anchor = row;
    update();
  }

  function selectAll() {
    for (const row of entryRows()) {
      setRow(row, !row.hidden);
    }
    update();
  }

  function clearSelection() {
    for (const row of entryRows()) {
      setRow(row, false);
    }
    selected.clear();
    update();
  }

  /** The selected rows still in the listing, in the listing's order. */
  function chosen() {
    return entryRows().filter((row) => selected.has(rowHref(row)));
  }

  // ---------------------------------------------------------------- toolbar

  function button(label, id, title) {
    const b = document.createElement("button");
    b.type = "button";
    b.className = "button small";
    b.id = id;
    b.textContent = label;
    if (title) {
      b.title = title;
    }
    return b;
  }

  const bar = document.createElement("div");
  bar.className = "selection-bar";
  bar.id = "selection-bar";
  bar.setAttribute("role", "toolbar");
  bar.setAttribute("aria-label", "Selected items");
  bar.hidden = true;
  const count = document.createElement("span");
  count.className = "selection-count";
  count.setAttribute("aria-live", "polite");
  const renameButton = button("Rename", "select-rename", "Rename (F2)");
  const moveButton = button("Move to…", "select-move");
  const copyButton = button("Copy to…", "select-copy");
  const zipLink = document.createElement("a");
  zipLink.className = "button small";
  zipLink.id = "select-zip";
  zipLink.textContent = "Download as .zip";
  const deleteButton = button("Delete", "select-delete", "Delete (Del)");
  deleteButton.classList.add("danger");
  const clearButton = button("Clear", "select-clear", "Select nothing (Esc)");
  clearButton.classList.add("subtle");
  bar.append(count, renameButton, moveButton, copyButton, zipLink, deleteButton, clearButton);
  const report = document.createElement("ul");
  report.className = "selection-report";
  report.id = "selection-report";
  report.setAttribute("role", "alert");
  report.hidden = true;
  table.before(bar, report);

  function update() {
    const rows = chosen();
    bar.hidden = rows.length === 0;
    count.textContent = rows.length === 1 ? "1 selected" : rows.length + " selected";
    renameButton.disabled = rows.length !== 1;
    const query = rows.map((row) => "name=" + encodeURIComponent(nameOfHref(rowHref(row))));
    zipLink.href = "?format=zip&" + query.join("&");
  }

  // ---------------------------------------------------------------- WebDAV requests

  function absolute(href) {
    return location.origin + href;
  }

  /** One change: MOVE, COPY or DELETE of one item; "" when done, else why not. */
  async function change(method, href, destination) {
    const headers = {};
    if (destination) {
      headers.Destination = absolute(destination);
      headers.Overwrite = "F";
    }
    let response;
    try {
      response = await fetch(href, { method, headers, credentials: "same-origin" });
    } catch (_) {
      return "the server could not be reached";
    }
    if (response.ok) {
      return "";
    }
    return reason(response.status, await response.text().catch(() => ""));
  }

  function reason(status, body) {
    const known = {
      403: "not allowed",
      404: "not found (gone already?)",
      409: "the target folder does not exist",
      412: "an item of that name is already there",
      423: "locked by another program",
      507: "not enough space on the server",
    };
    const text = body.replace(/<[^>]*>/g, " ").replace(/\s+/g, " ").trim();
    const short = text && text.length <= 160 ? text : "";
    return (known[status] || "failed") + " (" + status + ")" + (short ? ": " + short : "");
  }

  /** Run one change per row, then show what failed, item by item, and refresh. */
  async function applyToEach(rows, verb, perform) {
    report.replaceChildren();
    report.hidden = true;
    const failures = [];
    for (const row of rows) {
      const href = rowHref(row);
      const problem = await perform(href, row);
      if (problem) {
        failures.push([nameOfHref(href), problem]);
      } else {
        selected.delete(href);
      }
    }
    for (const [name, problem] of failures) {
      const item = document.createElement("li");
      const strong = document.createElement("strong");
      strong.textContent = name;
      item.append(verb + " ", strong, ": " + problem);
      report.append(item);
    }
    report.hidden = failures.length === 0;
    if (listing && listing.refresh) {
      await listing.refresh();
    }
    addCheckboxes();
    update();
  }

  // ---------------------------------------------------------------- dialogs

  function dialog(id, title) {
    const box = document.createElement("dialog");
    box.className = "select-dialog";
    box.id = id;
    const form = document.createElement("form");
    form.method = "dialog";
    const heading = document.createElement("h2");
    heading.textContent = title;
    form.append(heading);
    box.append(form);
    document.body.append(box);
    box.addEventListener("close", () => box.remove());
    return { box, form };
  }

  function actions(form, okLabel, danger) {
    const row = document.createElement("div");
    row.className = "dialog-actions";
    const cancel = button("Cancel", "dialog-cancel");
    cancel.addEventListener("click", () => form.parentElement.close());
    const ok = document.createElement("button");
    ok.type = "submit";
    ok.className = "button primary" + (danger ? " danger" : "");
    ok.id = "dialog-ok";
    ok.textContent = okLabel;
    row.append(cancel, ok);
    form.append(row);
    return ok;
  }

  function rename() {
    const rows = chosen();
    if (rows.length !== 1) {
      return;
    }
    const row = rows[0];
    const old = nameOfHref(rowHref(row));
    const { box, form } = dialog("rename-dialog", "Rename");
    const input = document.createElement("input");
    input.type = "text";
    input.id = "rename-name";
    input.value = old;
    input.required = true;
    input.maxLength = 255;
    input.setAttribute("aria-label", "New name");
    input.autocomplete = "off";
    form.append(input);
    actions(form, "Rename");
    form.addEventListener("submit", (event) => {
      event.preventDefault();
      const name = input.value.trim();
      box.close();
      if (!name || name === old) {
        return;
      }
      const target = folderHref() + encodeURIComponent(name) + (isDir(row) ? "/" : "");
      applyToEach(rows, "Rename", (href) => change("MOVE", href, target));
    });
    box.showModal();
    const dot = old.lastIndexOf(".");
    input.setSelectionRange(0, dot > 0 && !isDir(row) ? dot : old.length);
  }

  /** Move to… / Copy to…: a folder picker that browses with the listing's JSON. */
  function moveOrCopy(method) {
    const rows = chosen();
    if (!rows.length) {
      return;
    }
    const verb = method === "MOVE" ? "Move" : "Copy";
    const what = rows.length === 1 ? "“" + nameOfHref(rowHref(rows[0])) + "”" :
      rows.length + " items";
    const { box, form } = dialog("folder-dialog", verb + " " + what + " to…");
    const where = document.createElement("p");
    where.className = "picker-path";
    where.id = "picker-path";
    const list = document.createElement("ul");
    list.className = "picker";
    list.id = "picker";
    const note = document.createElement("p");
    note.className = "form-error";
    note.setAttribute("role", "alert");
    form.append(where, list, note);
    const ok = actions(form, verb + " here");
    let current = folderHref();

    async function browse(href) {
      note.textContent = "";
      let document_;
      try {
        const response = await fetch(href + "?format=json", {
          headers: { Accept: "application/json" }, cache: "no-store",
        });
        if (!response.ok) {
          note.textContent = "This folder cannot be opened (" + response.status + ").";
          return;
        }
        document_ = await response.json();
      } catch (_) {
        note.textContent = "The server could not be reached.";
        return;
      }
      current = href;
      where.textContent = decodeURIComponent(href);
      const moving = new Set(rows.map(rowHref));
      const items = [];
      if (document_.parent !== null) {
        items.push(["..", href.replace(/[^/]+\/$/, ""), "Parent folder"]);
      }
      for (const entry of document_.entries) {
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
        open.title = title || "Open " + label;
        open.addEventListener("click", () => browse(url));
        item.append(open);
        return item;
      }));
      if (items.length === 0 || (items.length === 1 && document_.parent !== null)) {
        const empty = document.createElement("li");
        empty.className = "picker-empty";
        empty.textContent = "No folders in here.";
        list.append(empty);
      }
      ok.disabled = method === "MOVE" && href === folderHref();
    }

    form.addEventListener("submit", (event) => {
      event.preventDefault();
      const target = current;
      box.close();
      applyToEach(rows, verb, (href, row) => change(method, href,
        target + encodeURIComponent(nameOfHref(href)) + (isDir(row) ? "/" : "")));
    });
    box.showModal();
    browse(current);
  }

  function remove() {
    const rows = chosen();
    if (!rows.length) {
      return;
    }
    const title = rows.length === 1 ? "Delete this item?" : "Delete these " + rows.length +
      " items?";
    const { box, form } = dialog("delete-dialog", title);
    const list = document.createElement("ul");
    list.className = "doomed";
    list.id = "doomed";
    for (const row of rows) {
      const item = document.createElement("li");
      item.textContent = nameOfHref(rowHref(row)) + (isDir(row) ? "/ (and everything in it)" : "");
      list.append(item);
    }
    const hint = document.createElement("p");
    hint.className = "hint";
    hint.textContent = "They go to the trash of the computer that shares them.";
    form.append(list, hint);
    actions(form, "Delete", true);
    form.addEventListener("submit", (event) => {
      event.preventDefault();
      box.close();
      applyToEach(rows, "Delete", (href) => change("DELETE", href));
    });
    box.showModal();
  }

  // ---------------------------------------------------------------- keys and start

  function isTyping(target) {
    return target instanceof HTMLElement &&
      (target.isContentEditable || /^(INPUT|TEXTAREA|SELECT)$/.test(target.tagName)) &&
      !(target instanceof HTMLInputElement && target.classList.contains("pick"));
  }

  function onKey(event) {
    if (event.defaultPrevented || event.isComposing || isTyping(event.target) ||
        document.querySelector("dialog[open]")) {
      return;
    }
    if ((event.ctrlKey || event.metaKey) && event.key.toLowerCase() === "a") {
      event.preventDefault();
      selectAll();
    } else if (event.key === "F2" && chosen().length === 1) {
      event.preventDefault();
      rename();
    } else if (event.key === "Delete" && chosen().length) {
      event.preventDefault();
      remove();
    } else if (event.key === "Escape" && chosen().length) {
      clearSelection();
    }
  }

  table.addEventListener("click", onPick);
  renameButton.addEventListener("click", rename);
  moveButton.addEventListener("click", () => moveOrCopy("MOVE"));
  copyButton.addEventListener("click", () => moveOrCopy("COPY"));
  deleteButton.addEventListener("click", remove);
  clearButton.addEventListener("click", clearSelection);
  document.addEventListener("keydown", onKey);
  // rows come and go (a refresh after an upload, search results): give new ones a checkbox
  new MutationObserver(addCheckboxes).observe(table, { childList: true, subtree: true });
  table.classList.add("selectable");
  addCheckboxes();
  update();
})();
