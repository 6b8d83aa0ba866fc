/* Selecting entries, in the list (a checkbox per row) and in the grid (a checkbox per tile),
   and the selection's toolbar (#selection-bar): the count and "Download as .zip" for everyone
   who may read the folder; changes.js, loaded only where the server says this account may
   change things here (data-can-modify, from the access policy), adds Rename, Move to…, Copy
   to… and Delete. Without JavaScript the page stays a plain listing.

   The selection is a set of the entries' paths, so it survives switching between the list and
   the grid and a refresh of the rows. Shift-click on a checkbox selects a range (in the order
   shown, filter applied); in the grid a Ctrl/Cmd-click on a tile selects it and a Shift-click a
   range. Ctrl+A selects what is shown, Esc nothing, Space the focused entry. */
"use strict";

(function () {
  const table = document.getElementById("listing");
  // a search's results come from many folders, and ?format=zip&name= names one folder's entries
  if (!table || table.classList.contains("search-results") || !table.tBodies[0]) {
    return;
  }
  const listing = window.pierListing;
  const { t, tn } = window.pierText;
  const selected = new Set(); // hrefs (path only) of the selected entries
  let anchor = null; // the href a Shift-click extends from
  const listeners = []; // changes.js's, told the chosen rows after every change of selection

  // ---------------------------------------------------------------- entries

  function entryRows() {
    return Array.from(table.tBodies[0].querySelectorAll("tr[data-mtime]"));
  }

  function hrefOf(holder) {
    return holder.querySelector("a").getAttribute("href").split("?")[0];
  }

  function isDir(row) {
    return row.classList.contains("dir");
  }

  /** The entry's href's last segment as the server wrote it: the name's exact bytes,
      percent-encoded (what a move's destination is made of, even for a name that is not
      UTF-8). */
  function segmentOf(href) {
    const path = href.endsWith("/") ? href.slice(0, -1) : href;
    return path.slice(path.lastIndexOf("/") + 1);
  }

  /** The entry's real name, from its href's last segment. */
  function nameOf(href) {
    return shownPath(segmentOf(href));
  }

  /** A percent-encoded path as text; bytes that are not UTF-8 (a name kept as bytes on the
      server's disk) shown as U+FFFD instead of stopping the script. */
  function shownPath(encoded) {
    try {
      return decodeURIComponent(encoded);
    } catch (_) {
      const bytes = [];
      for (const part of encoded.match(/%[0-9A-Fa-f]{2}|[^%]+|%/g) || []) {
        if (part.length === 3 && part[0] === "%") {
          bytes.push(parseInt(part.slice(1), 16));
        } else {
          bytes.push(...new TextEncoder().encode(part));
        }
      }
      return new TextDecoder().decode(new Uint8Array(bytes)); // U+FFFD where not UTF-8
    }
  }

  function folderHref() {
    return location.pathname.endsWith("/") ? location.pathname : location.pathname + "/";
  }

  function grid() {
    return document.getElementById("grid"); // grid.js's tiles, when it has run
  }

  function tiles() {
    const tiles_ = grid();
    return tiles_ ? Array.from(tiles_.children).filter((tile) => tile.querySelector("a")) : [];
  }

  function checkbox(href) {
    const box = document.createElement("input");
    box.type = "checkbox";
    box.className = "pick";
    box.setAttribute("aria-label", t("Select {name}", { name: nameOf(href) }));
    return box;
  }

  /** Give every row and tile its checkbox and show the selection on them. Changes the page only
      where it differs, so the observers watching the rows are not woken for nothing. */
  function paint() {
    for (const row of entryRows()) {
      const href = hrefOf(row);
      let box = row.cells[0].querySelector("input.pick");
      if (!box) {
        box = checkbox(href);
        row.cells[0].prepend(box);
      }
      mark(row, box, selected.has(href));
    }
    for (const tile of tiles()) {
      const href = hrefOf(tile);
      let box = tile.querySelector("input.pick");
      if (!box) {
        box = checkbox(href);
        tile.append(box); // beside the tile's link, never inside it
      }
      mark(tile, box, selected.has(href));
    }
    const tiles_ = grid();
    if (tiles_) {
      tiles_.classList.toggle("selecting", selected.size > 0);
    }
  }

  function mark(holder, box, on) {
    if (box.checked !== on) {
      box.checked = on;
    }
    if (holder.classList.contains("selected") !== on) {
      holder.classList.toggle("selected", on);
    }
  }

  /** The selected rows still in the listing, in the listing's order. */
  function chosen() {
    return entryRows().filter((row) => selected.has(hrefOf(row)));
  }

  function shownHrefs() {
    return entryRows().filter((row) => !row.hidden).map(hrefOf);
  }

  function choose(href, on) {
    if (on) {
      selected.add(href);
    } else {
      selected.delete(href);
    }
  }

  /** One entry picked (a checkbox, a Ctrl-click, Space) or, with `range`, everything shown from
      the last one picked to this one set as this one now is. */
  function pick(href, on, range) {
    const shown = shownHrefs();
    if (range && anchor && shown.includes(anchor) && shown.includes(href)) {
      const [from, to] = [shown.indexOf(anchor), shown.indexOf(href)].sort((a, b) => a - b);
      for (const each of shown.slice(from, to + 1)) {
        choose(each, on);
      }
    } else {
      choose(href, on);
    }
    anchor = href;
    update();
  }

  function selectAll() {
    selected.clear();
    for (const href of shownHrefs()) {
      selected.add(href);
    }
    update();
  }

  function clearSelection() {
    selected.clear();
    update();
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
  bar.setAttribute("aria-label", t("Selected items"));
  bar.hidden = true;
  const count = document.createElement("span");
  count.className = "selection-count";
  const zipLink = document.createElement("a");
  zipLink.className = "button small";
  zipLink.id = "select-zip";
  zipLink.textContent = t("Download as .zip");
  const clearButton = button(t("Clear"), "select-clear", t("Select nothing (Esc)"));
  clearButton.classList.add("subtle");
  bar.append(count, zipLink, clearButton);
  // the count for screen readers: always in the page (a live region that appears with its text
  // is often not read), said once the selection settles
  const status = document.createElement("span");
  status.className = "visually-hidden";
  status.id = "selection-status";
  status.setAttribute("role", "status");
  status.setAttribute("aria-live", "polite");
  const report = document.createElement("ul");
  report.className = "selection-report";
  report.id = "selection-report";
  report.setAttribute("role", "alert");
  report.hidden = true;
  table.before(bar, status, report);

  function countText(n) {
    return tn("{n} selected", "{n} selected", n);
  }

  function update() {
    const rows = chosen();
    paint();
    bar.hidden = rows.length === 0;
    count.textContent = countText(rows.length);
    const said = rows.length ? countText(rows.length) :
      status.textContent ? t("Nothing selected") : "";
    if (status.textContent !== said) {
      status.textContent = said;
    }
    const query = rows.map((row) => "name=" + encodeURIComponent(nameOf(hrefOf(row))));
    zipLink.href = "?format=zip&" + query.join("&");
    for (const listener of listeners) {
      listener(rows);
    }
  }

  /** Show what failed, item by item: [[verb, name, why], ...]; none hides the report. */
  function showFailures(failures) {
    report.replaceChildren();
    for (const [verb, name, problem] of failures) {
      const item = document.createElement("li");
      const strong = document.createElement("strong");
      strong.textContent = name;
      const [before, after] = t("{verb} {name}: {problem}", { verb, problem }).split("{name}");
      item.append(before, strong, after === undefined ? "" : after);
      report.append(item);
    }
    report.hidden = failures.length === 0;
  }

  /** After changes: fetch the rows again (app.js) and show the selection on the new ones. */
  async function refresh() {
    if (listing && listing.refresh) {
      await listing.refresh();
    }
    update();
  }

  // ---------------------------------------------------------------- clicks and keys

  function onBoxClick(event) {
    const box = event.target;
    if (!(box instanceof HTMLInputElement) || !box.classList.contains("pick")) {
      return;
    }
    const holder = box.closest("tr, li");
    if (holder) {
      pick(hrefOf(holder), box.checked, event.shiftKey);
    }
  }

  /** In the grid, Ctrl/Cmd-click picks a tile and Shift-click a range, as in a file manager,
      instead of opening the file in a new tab or window (a middle click still does). */
  function onTileClick(event) {
    if (event.button !== 0 || !(event.ctrlKey || event.metaKey || event.shiftKey) ||
        !(event.target instanceof Element)) {
      return;
    }
    const link = event.target.closest("#grid a.tile-link");
    if (!link) {
      return;
    }
    event.preventDefault();
    const href = hrefOf(link.parentElement);
    pick(href, event.shiftKey ? true : !selected.has(href), event.shiftKey);
  }

  function isTyping(target) {
    return target instanceof HTMLElement &&
      (target.isContentEditable || /^(INPUT|TEXTAREA|SELECT)$/.test(target.tagName)) &&
      !(target instanceof HTMLInputElement && target.classList.contains("pick"));
  }

  /** Space on a focused row's or tile's link picks it (Shift+Space: a range). */
  function focusedEntry(target) {
    const link = target instanceof Element ? target.closest("#listing tbody a, #grid a") : null;
    const holder = link ? link.closest("tr[data-mtime], li.tile") : null;
    return holder && holder.querySelector("a") === link ? holder : null;
  }

  function onKey(event) {
    if (event.isComposing || isTyping(event.target) || document.querySelector("dialog[open]")) {
      return;
    }
    if (event.key === "Escape" && selected.size) {
      clearSelection(); // app.js takes Esc too (it empties the filter): both apply
      return;
    }
    if (event.defaultPrevented) {
      return;
    }
    const entry = event.key === " " ? focusedEntry(event.target) : null;
    if ((event.ctrlKey || event.metaKey) && event.key.toLowerCase() === "a") {
      event.preventDefault();
      selectAll();
    } else if (entry) {
      event.preventDefault();
      const href = hrefOf(entry);
      pick(href, event.shiftKey || !selected.has(href), event.shiftKey);
    }
  }

  // ---------------------------------------------------------------- start

  document.addEventListener("click", onBoxClick);
  document.addEventListener("click", onTileClick, true); // before gallery.js and the link
  document.addEventListener("keydown", onKey);
  clearButton.addEventListener("click", clearSelection);
  // rows come and go (a refresh after an upload or a change), tiles with them
  new MutationObserver(paint).observe(table, { childList: true, subtree: true });
  const tiles_ = grid();
  if (tiles_) {
    new MutationObserver(paint).observe(tiles_, { childList: true });
  }
  table.classList.add("selectable");
  update();

  // For changes.js (only where this account may change things).
  window.pierSelection = Object.freeze({
    chosen, hrefOf, segmentOf, nameOf, shownPath, isDir, folderHref, button, bar, zipLink,
    showFailures, refresh, update,
    forget: (href) => selected.delete(href),
    onChange: (listener) => listeners.push(listener),
  });
})();
