/* Pier's listing page, made better: instant filter and sort, keyboard navigation, exact sizes
   and times on hover, and the refresh of the rows after a change. The page works without this
   file. It runs first of the deferred scripts and hands the others window.pierListing; the
   uploads (uploads.js, transfer.js, drop.js), New folder and Send text (forms.js) and the shared
   text's card (text-card.js) load only where the page has them. Names only ever reach the page
   through textContent, never as markup. */
"use strict";

(function () {
  const table = document.getElementById("listing");
  if (!table) {
    return;
  }
  const { t, tn, number, localSize } = window.pierText;
  const filter = document.getElementById("filter");
  const count = document.getElementById("count");
  const collator = new Intl.Collator(undefined, { numeric: true, sensitivity: "base" });
  const FIRST_ORDER = { name: "asc", size: "desc", date: "desc" };
  const state = { sort: "name", order: "asc", summary: count ? count.textContent : "" };

  // ---------------------------------------------------------------- rows

  function tbody() {
    return table.tBodies[0];
  }

  /** Folder and file rows: the ones with data-mtime (not "..", "empty" or "no match"). A file
      row's class is its kind ("text", "image", ...), a folder row's is "dir". */
  function entryRows() {
    return Array.from(tbody().querySelectorAll("tr[data-mtime]"));
  }

  function isDir(row) {
    return row.classList.contains("dir");
  }

  /** The row's one link: the name in its first cell (none in "empty" and "no match"). */
  function rowLink(row) {
    return row.querySelector("a");
  }

  function rowName(row) {
    const text = rowLink(row).textContent;
    return isDir(row) ? text.replace(/\/$/, "") : text;
  }

  function rowNumber(row, key) {
    const value = parseFloat(row.dataset[key]);
    return Number.isFinite(value) ? value : -Infinity;
  }

  /** The rows a person can move through: "..", then the entries the filter shows. */
  function navigableRows() {
    return Array.from(tbody().rows).filter((row) => !row.hidden && rowLink(row));
  }

  // ---------------------------------------------------------------- sort

  function compareNames(a, b) {
    const nameA = rowName(a);
    const nameB = rowName(b);
    return collator.compare(nameA, nameB) || (nameA < nameB ? -1 : nameA > nameB ? 1 : 0);
  }

  /** The server's order: folders first; ties on size or date broken by name, ascending. */
  function compareRows(a, b, sort, order) {
    const dirA = isDir(a);
    if (dirA !== isDir(b)) {
      return dirA ? -1 : 1;
    }
    const byName = compareNames(a, b);
    if (sort === "name") {
      return order === "desc" ? -byName : byName;
    }
    const key = sort === "size" ? "size" : "mtime";
    const valueA = rowNumber(a, key);
    const valueB = rowNumber(b, key);
    if (valueA !== valueB) {
      return (valueA < valueB ? -1 : 1) * (order === "desc" ? -1 : 1);
    }
    return byName;
  }

  function sortRows(sort, order) {
    state.sort = sort;
    state.order = order;
    const rows = entryRows().sort((a, b) => compareRows(a, b, sort, order));
    const body = tbody();
    const after = body.querySelector("tr.up");
    let anchor = after ? after.nextSibling : body.firstChild;
    for (const row of rows) {
      body.insertBefore(row, anchor);
      anchor = row.nextSibling;
    }
    markHeaders();
    keepSortInLinks();
  }

  function markHeaders() {
    for (const cell of table.tHead.rows[0].cells) {
      const key = cell.classList[0];
      const link = cell.querySelector("a");
      if (!(key in FIRST_ORDER) || !link) {
        continue; // a column that does not sort (a search result's folder)
      }
      const active = key === state.sort;
      const oldArrow = link.querySelector(".arrow");
      if (oldArrow) {
        oldArrow.remove();
      }
      cell.classList.toggle("active", active);
      if (active) {
        cell.setAttribute("aria-sort", state.order === "asc" ? "ascending" : "descending");
        const arrow = document.createElement("span");
        arrow.className = "arrow";
        arrow.setAttribute("aria-hidden", "true");
        arrow.textContent = state.order === "asc" ? "▲" : "▼";
        link.appendChild(arrow);
      } else {
        cell.removeAttribute("aria-sort");
      }
      const next = active ? (state.order === "asc" ? "desc" : "asc") : FIRST_ORDER[key];
      link.setAttribute("href", "?" + addressWith(key, next, true));
    }
  }

  /** This page's query with `sort` and `order` set (a search's q is kept); without them for
      name/asc, unless `always`. */
  function addressWith(sort, order, always) {
    const params = new URLSearchParams(location.search);
    params.delete("sort");
    params.delete("order");
    if (always || sort !== "name" || order !== "asc") {
      params.set("sort", sort);
      params.set("order", order);
    }
    return params.toString();
  }

  /** Folder links and the address carry the order, so it survives navigation and reloads; the
      address keeps its other parameters (a search's q). */
  function keepSortInLinks() {
    const isDefault = state.sort === "name" && state.order === "asc";
    const query = isDefault ? "" : "?sort=" + state.sort + "&order=" + state.order;
    const links = document.querySelectorAll(".crumbs a, #listing tr.dir a, #listing tr.up a");
    for (const link of links) {
      link.search = query;
    }
    const search = addressWith(state.sort, state.order, false);
    history.replaceState(history.state, "", location.pathname + (search ? "?" + search : ""));
  }

  function setUpSorting() {
    const params = new URLSearchParams(location.search);
    const sort = params.get("sort");
    const order = params.get("order");
    state.sort = sort in FIRST_ORDER ? sort : "name";
    state.order = order === "desc" ? "desc" : "asc";
    table.tHead.addEventListener("click", (event) => {
      const link = event.target.closest("th a");
      if (!link || event.ctrlKey || event.metaKey || event.shiftKey) {
        return;
      }
      event.preventDefault();
      const chosen = new URLSearchParams(link.search);
      sortRows(chosen.get("sort"), chosen.get("order"));
    });
  }

  // ---------------------------------------------------------------- filter

  function noMatchRow() {
    let row = tbody().querySelector("tr.no-match");
    if (!row) {
      row = document.createElement("tr");
      row.className = "no-match";
      const cell = document.createElement("td");
      cell.colSpan = 3;
      row.appendChild(cell);
      tbody().appendChild(row);
    }
    return row;
  }

  const foldedNames = new WeakMap();  // read once: 100,000 links read at each key cost more

  function foldedName(row) {
    if (!foldedNames.has(row)) {
      foldedNames.set(row, rowName(row).toLocaleLowerCase());
    }
    return foldedNames.get(row);
  }

  function applyFilter() {
    const words = filter.value.trim().toLocaleLowerCase();
    const rows = entryRows();
    let shown = 0;
    for (const row of rows) {
      const match = !words || foldedName(row).includes(words);
      if (row.hidden === match) { row.hidden = !match; }  // only the changed rows get laid out
      shown += match ? 1 : 0;
    }
    const empty = noMatchRow();
    empty.hidden = !(words && shown === 0);
    empty.cells[0].textContent = t("Nothing here matches “{text}”.", { text: filter.value.trim() });
    if (count) {
      count.textContent = words ?
        t("{shown} of {total} shown", { shown: number(shown), total: number(rows.length) }) :
        state.summary;
    }
  }

  function setUpFilter() {
    filter.closest(".filter-box").hidden = false;
    filter.addEventListener("input", applyFilter);
  }

  // ---------------------------------------------------------------- keyboard

  function move(step) {
    const rows = navigableRows();
    if (!rows.length) {
      return;
    }
    const current = rows.findIndex((row) => row.contains(document.activeElement));
    let index = current + step;
    if (current < 0) {
      index = step > 0 ? 0 : rows.length - 1;
    }
    const link = rowLink(rows[Math.max(0, Math.min(rows.length - 1, index))]);
    link.focus();
    link.scrollIntoView({ block: "nearest" });
  }

  function goUp() {
    const up = tbody().querySelector("tr.up a");
    if (up) {
      location.href = up.href;
    }
  }

  function openFirstMatch() {
    const first = navigableRows().find((row) => !row.classList.contains("up"));
    if (first) {
      rowLink(first).click();
    }
  }

  function onFilterKey(event) {
    if (event.key === "ArrowDown") {
      event.preventDefault();
      const first = navigableRows().find((row) => !row.classList.contains("up"));
      if (first) {
        rowLink(first).focus();
      }
    } else if (event.key === "Enter") {
      event.preventDefault();
      openFirstMatch();
    } else if (event.key === "Escape") {
      filter.value = "";
      applyFilter();
      filter.blur();
    }
  }

  function isTyping(target) {
    return target instanceof HTMLInputElement || target instanceof HTMLTextAreaElement ||
      target instanceof HTMLSelectElement || target.isContentEditable;
  }

  const KEYS = {
    j: () => move(1),
    ArrowDown: () => move(1),
    k: () => move(-1),
    ArrowUp: () => move(-1),
    Backspace: goUp,
    "/": () => {
      filter.focus();
      filter.select();
    },
    Escape: () => {
      if (filter.value) {
        filter.value = "";
        applyFilter();
      }
    },
  };

  function onKey(event) {
    if (event.defaultPrevented || event.ctrlKey || event.metaKey || event.isComposing) {
      return;
    }
    if (event.target === filter) {
      onFilterKey(event);
      return;
    }
    if (isTyping(event.target)) {
      return;
    }
    if (event.altKey) {
      if (event.key === "ArrowUp") {
        event.preventDefault();
        goUp();
      }
      return;
    }
    const action = KEYS[event.key];
    if (action) {
      event.preventDefault();
      action();
    }
  }

  // ---------------------------------------------------------------- sizes, errors

  /** humanSize in the page's language ("1,2 Mo"): what the page shows. */
  function shownSize(size) {
    return localSize(humanSize(size));
  }

  /** Sizes as everywhere in Pier (server/units.py): decimal units, at most three significant
      digits, halves rounded up: "532 B", "1.2 kB", "14.0 MB", "150 MB". */
  function humanSize(size) {
    if (size < 1000) {
      return size + " B";
    }
    const units = ["kB", "MB", "GB", "TB", "PB", "EB"];
    let divisor = 1;
    for (const unit of units) {
      divisor *= 1000;
      const whole = Math.round(size / divisor);
      if (whole < 1000 || unit === "EB") {
        const tenths = Math.round((size * 10) / divisor);
        return (tenths < 1000 ? (tenths / 10).toFixed(1) : String(whole)) + " " + unit;
      }
    }
    return size + " B";
  }

  const STATUS_WORDS = {
    400: t("Refused"),
    401: t("Please log in again"),
    403: t("Not allowed"),
    404: t("Folder not found"),
    405: t("Not allowed"),
    409: t("Name conflict"),
    413: t("Too large"),
    415: t("Refused"),
    429: t("Too many attempts"),
    503: t("Server busy"),
    507: t("Disk full"),
  };

  /** The reason of a JSON error answer: its "message" (the reason in the page's language,
      present when the browser asked for one) before its English "error"; "" for none. */
  function errorReason(bodyText) {
    try {
      const answer = JSON.parse(bodyText);
      return answer.message || answer.error || "";
    } catch (_) {
      return "";
    }
  }

  /** "Too large: The upload is larger than this share accepts." from a JSON error answer. */
  function errorMessage(status, bodyText) {
    const detail = errorReason(bodyText);
    const word = STATUS_WORDS[status] || t("Error {status}", { status });
    return detail ? word + ": " + detail : word + ".";
  }

  function element(tag, className, text) {
    const node = document.createElement(tag);
    if (className) {
      node.className = className;
    }
    if (text !== undefined) {
      node.textContent = text;
    }
    return node;
  }

  // ---------------------------------------------------------------- exact values on hover

  function twoDigits(number) {
    return String(number).padStart(2, "0");
  }

  /** "1,234,567 bytes", from the digits of data-size (BigInt: no rounding through a float). */
  function sizeTitle(row) {
    const size = row.dataset.size || "";
    return /^\d+$/.test(size) ?
      tn("{n} byte", "{n} bytes", Number(size), { n: number(BigInt(size)) }) : "";
  }

  /** The exact time in the visitor's time zone, for a date written in the page's language. */
  function localDateTitle(mtime) {
    return new Intl.DateTimeFormat(window.pierText.lang, {
      dateStyle: "medium", timeStyle: "long",
    }).format(new Date(mtime * 1000));
  }

  /** "2026-11-25 09:45:30 +01:00": the minute the cell shows (the server's local time) with the
      seconds and the server's UTC offset, both worked out from data-mtime (epoch seconds). */
  function dateTitle(row, shown) {
    const parts = /^(\d+)-(\d\d)-(\d\d) (\d\d):(\d\d)$/.exec(shown);
    const mtime = Number(row.dataset.mtime);
    if (!row.dataset.mtime || !Number.isSafeInteger(mtime)) {
      return "";
    }
    if (!parts) {
      return localDateTitle(mtime);
    }
    const wallClock = new Date(0); // the local time read as if it were UTC
    wallClock.setUTCFullYear(Number(parts[1]), Number(parts[2]) - 1, Number(parts[3]));
    wallClock.setUTCHours(Number(parts[4]), Number(parts[5]));
    const minute = Math.floor(mtime / 60) * 60;
    const offset = Math.round((wallClock.getTime() / 1000 - minute) / 60); // minutes east of UTC
    const hours = Math.floor(Math.abs(offset) / 60);
    return shown + ":" + twoDigits(mtime - minute) + " " + (offset < 0 ? "-" : "+") +
      twoDigits(hours) + ":" + twoDigits(Math.abs(offset) % 60);
  }

  /** The size and date cells get their title when the pointer first reaches them: the page
      carries the numbers once, in data-size and data-mtime, rather than a title per cell. */
  function addTitle(event) {
    const cell = event.target.closest("td");
    const row = cell ? cell.parentElement : null;
    if (!row || cell.title || !row.hasAttribute("data-mtime")) {
      return;
    }
    if (cell.cellIndex === 1 && !isDir(row)) {
      cell.title = sizeTitle(row);
    } else if (cell.cellIndex === 2) {
      cell.title = dateTitle(row, cell.textContent.trim());
    }
  }

  // ---------------------------------------------------------------- listing refresh

  /** Fetch this folder's page again and swap in its rows: same markup as a reload, but the
      uploads panel, filter and focus stay. `fresh` names are highlighted briefly. */
  async function refreshListing(fresh) {
    let response;
    try {
      response = await fetch(location.pathname + location.search, {
        headers: { Accept: "text/html" },
        cache: "no-store",
      });
    } catch (_) {
      return;
    }
    if (!response.ok) {
      return;
    }
    const page = new DOMParser().parseFromString(await response.text(), "text/html");
    const rows = page.querySelector("#listing tbody");
    if (!rows) {
      return;
    }
    tbody().replaceWith(document.adoptNode(rows));
    const newCount = page.getElementById("count");
    state.summary = newCount ? newCount.textContent : state.summary;
    if (filter) {
      applyFilter();
    }
    markFresh(fresh || []);
  }

  function markFresh(names) {
    const wanted = new Set(names);
    for (const row of entryRows()) {
      if (wanted.has(rowName(row))) {
        row.classList.add("fresh");
      }
    }
  }

  // ---------------------------------------------------------------- start

  setUpSorting();
  table.addEventListener("mouseover", addTitle);
  if (filter) {
    setUpFilter();
  }
  document.addEventListener("keydown", onKey);
  const keys = document.getElementById("keys");
  if (keys) {
    keys.hidden = false;
  }
  // For the page's other scripts: search.js sorts the results once they have all arrived,
  // gallery.js and uploads.js make their elements as the listing does, select.js, changes.js,
  // forms.js and uploads.js refresh the rows after a change.
  window.pierListing = Object.freeze({
    sort: () => sortRows(state.sort, state.order), element, refresh: refreshListing,
    humanSize: shownSize, errorMessage, isTyping,
  });
})();
