/* Pier's listing page, made better: instant filter and sort, keyboard navigation, uploads with
   progress (button, drag-and-drop of files and folders) and new folders. The page works without
   this file. Names only ever reach the page through textContent, never as markup. */
"use strict";

(function () {
  const table = document.getElementById("listing");
  if (!table) {
    return;
  }
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

  function applyFilter() {
    const words = filter.value.trim().toLocaleLowerCase();
    const rows = entryRows();
    let shown = 0;
    for (const row of rows) {
      const match = !words || rowName(row).toLocaleLowerCase().includes(words);
      row.hidden = !match;
      shown += match ? 1 : 0;
    }
    const empty = noMatchRow();
    empty.hidden = !(words && shown === 0);
    empty.cells[0].textContent = "Nothing here matches “" + filter.value.trim() + "”.";
    if (count) {
      count.textContent = words ? shown + " of " + rows.length + " shown" : state.summary;
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
    400: "Refused",
    401: "Please log in again",
    403: "Not allowed",
    404: "Folder not found",
    405: "Not allowed",
    409: "Name conflict",
    413: "Too large",
    415: "Refused",
    429: "Too many attempts",
    503: "Server busy",
    507: "Disk full",
  };

  /** "Too large: The upload is larger than this share accepts." from a JSON error answer. */
  function errorMessage(status, bodyText) {
    let detail = "";
    try {
      detail = JSON.parse(bodyText).error || "";
    } catch (_) {
      detail = "";
    }
    const word = STATUS_WORDS[status] || "Error " + status;
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

  /** "1,234,567 bytes", from the digits of data-size (no rounding through a float). */
  function sizeTitle(row) {
    const size = row.dataset.size || "";
    return /^\d+$/.test(size) ? size.replace(/\B(?=(\d{3})+$)/g, ",") + " bytes" : "";
  }

  /** "2026-11-25 09:45:30 +01:00": the minute the cell shows (the server's local time) with the
      seconds and the server's UTC offset, both worked out from data-mtime (epoch seconds). */
  function dateTitle(row, shown) {
    const parts = /^(\d+)-(\d\d)-(\d\d) (\d\d):(\d\d)$/.exec(shown);
    const mtime = Number(row.dataset.mtime);
    if (!parts || !row.dataset.mtime || !Number.isSafeInteger(mtime)) {
      return "";
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

  // ---------------------------------------------------------------- uploads

  /* Uploads go by tus (the resumable-upload protocol, /.well-known/pier/tus/) through the
     vendored tus-js-client (tus.min.js, loaded before this file): a dropped connection or a
     restarted server is retried with back-off and goes on from the last byte the server has;
     a paused upload goes on where it stopped; after a reload, picking the same file again
     resumes it (tus-js-client keeps each upload's URL in localStorage under a fingerprint of
     the target folder, the file's path, size and date). Only where the server offers no tus
     endpoint (404 or 405 to the creation) does the page send a multipart POST instead. */

  const MAX_PARALLEL = 3;
  const TUS_ENDPOINT = "/.well-known/pier/tus/";
  const CHUNK_SIZE = 8 * 1024 * 1024;
  // milliseconds before each new try after a network error; back to the start once bytes move
  const RETRY_DELAYS = [0, 1000, 2000, 4000, 8000, 15000, 30000, 30000, 60000, 60000, 60000,
    60000, 60000, 60000, 60000, 60000, 60000, 60000];

  function tusAvailable() {
    return typeof window.tus === "object" && window.tus.isSupported;
  }

  /** The folder this page lists, as the share path tus's "folder" metadata wants. */
  function currentFolder() {
    try {
      return decodeURIComponent(location.pathname);
    } catch (_) {
      return location.pathname;
    }
  }

  /** The path a Pier-File-URL names, relative to this folder ("a (1).txt", "trip/day1/a.txt"),
      or "" when it is not under it. */
  function relativeToFolder(fileUrl) {
    let path;
    try {
      path = decodeURIComponent(new URL(fileUrl, location.href).pathname);
    } catch (_) {
      return "";
    }
    const folder = currentFolder();
    return path.startsWith(folder) ? path.slice(folder.length) : "";
  }

  /** The answer's status and body of a tus-js-client error (0 and "" when none came). */
  function tusAnswer(error) {
    const response = error && error.originalResponse;
    return response ? [response.getStatus(), response.getBody() || ""] : [0, ""];
  }

  /** Retry what a network error, a restart or a busy upload stopped; not the server's "no". */
  function worthRetrying(error) {
    const status = tusAnswer(error)[0];
    return status === 0 || status >= 500 || status === 409 || status === 423;
  }

  function percentOf(part, whole) {
    return whole ? Math.floor((Math.min(part, whole) * 100) / whole) : 100;
  }

  // ---------------------------------------------------------------- keeping the screen on

  /** While uploads run, a Screen Wake Lock keeps the phone from sleeping (browsers offer one
      on HTTPS and localhost); without one the page asks the person to keep the screen on. */
  function makeWakeLock(note, panel) {
    const wake = { wanted: false, lock: null, asking: false };

    function show() {
      const held = wake.lock !== null && !wake.lock.released;
      note.hidden = !wake.wanted || held;
      panel.dataset.wakeLock = held ? "held" : wake.wanted ? "missing" : "";
    }

    async function take() {
      if (!("wakeLock" in navigator) || wake.asking || document.visibilityState !== "visible") {
        show();
        return;
      }
      wake.asking = true;
      try {
        const lock = await navigator.wakeLock.request("screen");
        if (wake.wanted) {
          wake.lock = lock;
          lock.addEventListener("release", show);
        } else {
          lock.release();
        }
      } catch (_) {
        wake.lock = null;
      }
      wake.asking = false;
      show();
    }

    document.addEventListener("visibilitychange", () => {
      // a lock ends when the page is hidden; take it again when the page is back
      if (wake.wanted && (wake.lock === null || wake.lock.released)) {
        take();
      }
    });

    return function want(wanted) {
      if (wanted === wake.wanted) {
        return;
      }
      wake.wanted = wanted;
      if (wanted) {
        take();
      } else if (wake.lock !== null) {
        wake.lock.release().catch(() => {});
        wake.lock = null;
      }
      show();
    };
  }

  // ---------------------------------------------------------------- the uploads panel

  function setUpUploads(form) {
    const input = document.getElementById("file-input");
    const button = document.getElementById("upload-button");
    const panel = document.getElementById("transfers");
    const dropZone = document.getElementById("drop-zone");
    const queue = [];
    const uploads = { running: 0, unfinished: 0, paused: 0, stored: [], failed: 0, done: 0,
      tus: tusAvailable() };

    form.hidden = true;
    button.hidden = false;
    button.addEventListener("click", () => input.click());
    input.addEventListener("change", () => {
      const picked = Array.from(input.files, (file) => ({ file: file, path: file.name }));
      input.value = "";
      enqueue(picked);
    });

    const head = element("div", "transfers-head");
    const headText = element("span", "transfers-title");
    const closeButton = element("button", "button small", "Clear");
    closeButton.type = "button";
    closeButton.hidden = true;
    closeButton.addEventListener("click", clearFinished);
    head.append(headText, closeButton);
    const awake = element("p", "transfers-note", "Keep the screen on until the upload ends");
    awake.setAttribute("role", "status");
    awake.hidden = true;
    const list = element("ul", "transfer-list");
    panel.append(head, awake, list);
    const wantWakeLock = makeWakeLock(awake, panel);

    function updateHead() {
      const total = list.children.length;
      let text = uploads.done + " of " + total + " uploaded";
      if (uploads.failed) {
        text += ", " + uploads.failed + " not";
      }
      const active = uploads.unfinished - uploads.paused;
      if (active > 0) {
        text = "Uploading: " + text;
      } else if (uploads.paused > 0) {
        text = "Paused: " + text;
      }
      headText.textContent = text;
      closeButton.hidden = uploads.unfinished > 0;
      wantWakeLock(active > 0);
    }

    function clearFinished() {
      for (const item of Array.from(list.children)) {
        if (item.classList.contains("finished")) {
          item.remove();
        }
      }
      uploads.done = 0;
      uploads.failed = 0;
      panel.hidden = list.children.length === 0;
      updateHead();
    }

    function actionButton(className, text, label) {
      const node = element("button", "transfer-action " + className, text);
      node.type = "button";
      node.setAttribute("aria-label", label);
      return node;
    }

    function makeTransfer(item) {
      const row = element("li", "transfer waiting");
      const line = element("div", "transfer-line");
      const name = element("span", "transfer-name", item.path);
      name.title = item.path;
      const note = element("span", "transfer-note");
      note.hidden = true;
      const status = element("span", "transfer-status", "Waiting · " + humanSize(item.file.size));
      const pause = actionButton("transfer-pause", "Pause", "Pause the upload of " + item.path);
      pause.hidden = true;
      const cancel = actionButton("transfer-cancel", "Cancel", "Cancel the upload of " +
        item.path);
      const bar = element("progress", "transfer-bar");
      bar.max = 100;
      bar.value = 0;
      bar.setAttribute("aria-label", "Upload of " + item.path);
      bar.setAttribute("aria-valuemin", "0");
      bar.setAttribute("aria-valuemax", "100");
      bar.setAttribute("aria-valuenow", "0");
      line.append(name, note, status, pause, cancel);
      row.append(line, bar);
      list.appendChild(row);
      const transfer = { item: item, row: row, note: note, status: status, bar: bar,
        pause: pause, cancel: cancel, xhr: null, tus: null, paused: false, finished: false,
        fileUrl: "", started: 0, sampleTime: 0, sampleLoaded: 0, speed: 0, sent: 0 };
      pause.addEventListener("click", () => (transfer.paused ? resume : pauseTransfer)(transfer));
      cancel.addEventListener("click", () => cancelTransfer(transfer));
      return transfer;
    }

    function enqueue(items) {
      if (!items.length) {
        return;
      }
      panel.hidden = false;
      for (const item of items) {
        queue.push(makeTransfer(item));
        uploads.unfinished += 1;
      }
      updateHead();
      pump();
    }

    function pump() {
      while (uploads.running < MAX_PARALLEL && queue.length) {
        const transfer = queue.shift();
        if (!transfer.finished) {
          start(transfer);
        }
      }
    }

    function start(transfer) {
      transfer.started = transfer.sampleTime = performance.now();
      uploads.running += 1;
      transfer.row.classList.replace("waiting", "sending");
      if (uploads.tus) {
        startTus(transfer);
      } else {
        startMultipart(transfer);
      }
    }

    // -------------------------------------------------------------- by tus

    function startTus(transfer) {
      const item = transfer.item;
      const folder = currentFolder();
      const upload = new window.tus.Upload(item.file, {
        endpoint: TUS_ENDPOINT,
        chunkSize: CHUNK_SIZE,
        retryDelays: RETRY_DELAYS,
        metadata: { filename: item.path, folder: folder },
        headers: { Accept: "application/json" },
        storeFingerprintForResuming: true,
        removeFingerprintOnSuccess: true,
        // the same file picked again for the same place resumes; not the same name elsewhere
        fingerprint: (file) => Promise.resolve(["pier", location.host, folder, item.path,
          file.size, file.lastModified].join("\n")),
        onProgress: (sent) => {
          transfer.sent = sent;
          showProgress(transfer, sent);
        },
        onAfterResponse: (request, response) => {
          const fileUrl = response.getHeader("Pier-File-URL");
          if (fileUrl) {
            transfer.fileUrl = fileUrl;
          }
          if (request.getMethod() === "HEAD" && response.getStatus() === 200) {
            resumedAt(transfer, Number(response.getHeader("Upload-Offset")));
          }
        },
        onShouldRetry: (error, attempt, options) => {
          if (!worthRetrying(error)) {
            return false;
          }
          if (!transfer.finished && !transfer.paused) { // not a cancel's DELETE, retried too
            const seconds = Math.round(options.retryDelays[attempt] / 1000);
            transfer.status.textContent = "Connection lost · " + (seconds > 0 ?
              "trying again in " + seconds + " s" : "trying again");
          }
          return true;
        },
        onSuccess: () => succeedTus(transfer),
        onError: (error) => failTus(transfer, error),
      });
      transfer.tus = upload;
      transfer.pause.hidden = false;
      upload.findPreviousUploads().then((previous) => {
        if (previous.length) {
          upload.resumeFromPreviousUpload(previous[0]);
        }
      }, () => {}).then(() => {
        if (!transfer.finished && !transfer.paused) {
          upload.start();
        }
      });
    }

    /** The server has `offset` bytes of an upload started before (a reload, a retry). */
    function resumedAt(transfer, offset) {
      const size = transfer.item.file.size;
      if (!Number.isFinite(offset) || offset <= 0 || offset >= size) {
        return;
      }
      transfer.note.textContent = "Resuming from " + percentOf(offset, size) + "%";
      transfer.note.hidden = false;
      transfer.sampleLoaded = transfer.sent = offset;
      transfer.sampleTime = performance.now();
      transfer.speed = 0;
      showProgress(transfer, offset);
    }

    function pauseTransfer(transfer) {
      if (transfer.finished || transfer.paused || !transfer.tus) {
        return;
      }
      transfer.paused = true;
      transfer.tus.abort(false); // the server keeps what it has
      uploads.running -= 1;
      uploads.paused += 1;
      transfer.row.classList.replace("sending", "paused");
      setPauseButton(transfer, "Resume");
      const size = transfer.item.file.size;
      transfer.status.textContent = "Paused at " + percentOf(transfer.sent, size) + "% · " +
        humanSize(Math.min(transfer.sent, size)) + " of " + humanSize(size);
      updateHead();
      pump();
    }

    function resume(transfer) {
      if (transfer.finished || !transfer.paused) {
        return;
      }
      transfer.paused = false; // asked for by the person: starts now, whatever else runs
      uploads.running += 1;
      uploads.paused -= 1;
      transfer.row.classList.replace("paused", "sending");
      setPauseButton(transfer, "Pause");
      transfer.status.textContent = "Resuming…";
      transfer.speed = 0;
      transfer.sampleTime = performance.now();
      transfer.sampleLoaded = transfer.sent;
      updateHead();
      transfer.tus.start(); // asks the server where it stopped (HEAD), then goes on from there
    }

    function setPauseButton(transfer, word) {
      transfer.pause.textContent = word;
      transfer.pause.setAttribute("aria-label", word + " the upload of " + transfer.item.path);
    }

    function succeedTus(transfer) {
      const relative = transfer.fileUrl ? relativeToFolder(transfer.fileUrl) : "";
      succeed(transfer, [relative || transfer.item.path]);
    }

    function failTus(transfer, error) {
      const [status, body] = tusAnswer(error);
      const creating = error.originalRequest && error.originalRequest.getMethod() === "POST";
      if (creating && (status === 404 || status === 405)) {
        uploads.tus = false; // no tus here (turned off): send this and the rest as before
        transfer.tus = null;
        transfer.pause.hidden = true;
        startMultipart(transfer);
        return;
      }
      finish(transfer, "failed", status ? errorMessage(status, body) :
        "The connection broke and did not come back: pick the file again to go on.");
    }

    // -------------------------------------------------------------- by multipart POST

    function startMultipart(transfer) {
      const xhr = new XMLHttpRequest();
      transfer.xhr = xhr;
      xhr.open("POST", location.pathname);
      xhr.setRequestHeader("Accept", "application/json");
      xhr.upload.addEventListener("progress", (event) => showProgress(transfer, event.loaded));
      xhr.addEventListener("load", () => {
        if (xhr.status === 201) {
          let names = [];
          try {
            names = JSON.parse(xhr.responseText).files.map((file) => file.name);
          } catch (_) {
            names = [transfer.item.path];
          }
          succeed(transfer, names);
        } else {
          finish(transfer, "failed", errorMessage(xhr.status, xhr.responseText));
        }
      });
      xhr.addEventListener("error", () => finish(transfer, "failed",
        "The connection broke: the file may be larger than this share accepts, " +
        "or the server stopped."));
      xhr.addEventListener("abort", () => finish(transfer, "cancelled", "Cancelled"));
      const body = new FormData();
      body.append("file", transfer.item.file, transfer.item.path);
      xhr.send(body);
    }

    // -------------------------------------------------------------- progress and the end

    function showProgress(transfer, loaded) {
      if (transfer.finished || transfer.paused) {
        return;
      }
      const size = transfer.item.file.size;
      const now = performance.now();
      if (now - transfer.sampleTime >= 400) {
        transfer.speed = ((loaded - transfer.sampleLoaded) * 1000) / (now - transfer.sampleTime);
        transfer.sampleTime = now;
        transfer.sampleLoaded = loaded;
      }
      const percent = size ? (Math.min(loaded, size) * 100) / size : 100;
      transfer.bar.value = percent;
      transfer.bar.setAttribute("aria-valuenow", String(Math.floor(percent)));
      let text = Math.floor(percent) + "% · " + humanSize(Math.min(loaded, size)) + " of " +
        humanSize(size);
      if (transfer.speed > 0) {
        text += " · " + humanSize(Math.round(transfer.speed)) + "/s";
      }
      transfer.status.textContent = text;
    }

    /** `names`: where the server put the file, relative to this folder. */
    function succeed(transfer, names) {
      uploads.stored.push(...names.map((name) => name.split("/")[0]));
      const seconds = (performance.now() - transfer.started) / 1000;
      const size = transfer.item.file.size;
      let text = "Done · " + humanSize(size);
      if (seconds > 0.5 && !transfer.note.textContent) {
        text += " · " + humanSize(Math.round(size / seconds)) + "/s";
      }
      const final = names[0];
      if (final && final !== transfer.item.path) {
        text += " · saved as " + final;
      }
      uploads.done += 1;
      finish(transfer, "done", text);
    }

    function cancelTransfer(transfer) {
      if (transfer.tus) {
        // the server forgets the upload and its bytes (DELETE), and so does localStorage
        transfer.tus.abort(true).catch(() => {});
        finish(transfer, "cancelled", "Cancelled");
      } else if (transfer.xhr) {
        transfer.xhr.abort();
      } else {
        finish(transfer, "cancelled", "Cancelled");
      }
    }

    function finish(transfer, outcome, text) {
      if (transfer.finished) {
        return;
      }
      transfer.finished = true;
      if (transfer.paused) {
        uploads.paused -= 1;
      } else if (transfer.xhr || transfer.tus) {
        uploads.running -= 1;
      }
      if (outcome === "failed") {
        uploads.failed += 1;
      }
      uploads.unfinished -= 1;
      transfer.row.classList.remove("waiting", "sending", "paused");
      transfer.row.classList.add("finished", outcome);
      transfer.status.textContent = text;
      transfer.status.setAttribute("role", outcome === "failed" ? "alert" : "status");
      if (outcome === "done") {
        transfer.bar.value = 100;
        transfer.bar.setAttribute("aria-valuenow", "100");
      }
      transfer.pause.remove();
      transfer.cancel.remove();
      updateHead();
      pump();
      if (uploads.unfinished === 0 && uploads.stored.length) {
        const fresh = uploads.stored.splice(0);
        refreshListing(fresh);
      }
    }

    window.addEventListener("beforeunload", (event) => {
      // a paused upload is not lost: picking the file again after the reload resumes it
      if (uploads.unfinished - uploads.paused > 0) {
        event.preventDefault();
        event.returnValue = "";
      }
    });

    setUpDrop(dropZone, enqueue);
    return enqueue;
  }

  // ---------------------------------------------------------------- drag and drop

  function carriesFiles(event) {
    return event.dataTransfer && Array.from(event.dataTransfer.types).includes("Files");
  }

  function setUpDrop(dropZone, enqueue) {
    let depth = 0;
    document.addEventListener("dragenter", (event) => {
      if (carriesFiles(event)) {
        event.preventDefault();
        depth += 1;
        dropZone.hidden = false;
      }
    });
    document.addEventListener("dragover", (event) => {
      if (carriesFiles(event)) {
        event.preventDefault();
        event.dataTransfer.dropEffect = "copy";
      }
    });
    document.addEventListener("dragleave", (event) => {
      if (carriesFiles(event)) {
        depth = Math.max(0, depth - 1);
        dropZone.hidden = depth > 0 ? dropZone.hidden : true;
      }
    });
    document.addEventListener("drop", (event) => {
      if (!carriesFiles(event)) {
        return;
      }
      event.preventDefault();
      depth = 0;
      dropZone.hidden = true;
      droppedFiles(event.dataTransfer).then(enqueue);
    });
  }

  /** Every file dropped, folders walked: [{file, path: "trip/day1/a.jpg"}]. The entries must be
      taken while the drop event runs; they are read afterwards. */
  function droppedFiles(data) {
    const entries = [];
    const loose = [];
    for (const item of Array.from(data.items || [])) {
      if (item.kind !== "file") {
        continue;
      }
      const entry = item.webkitGetAsEntry ? item.webkitGetAsEntry() : null;
      const file = entry ? null : item.getAsFile();
      if (entry) {
        entries.push(entry);
      } else if (file) {
        loose.push({ file: file, path: file.name });
      }
    }
    if (!data.items || !data.items.length) {
      loose.push(...Array.from(data.files, (file) => ({ file: file, path: file.name })));
    }
    return Promise.all(entries.map(walkEntry))
      .then((lists) => loose.concat(...lists))
      .catch(() => loose);
  }

  function walkEntry(entry) {
    if (entry.isFile) {
      return new Promise((resolve) => {
        entry.file(
          (file) => resolve([{ file: file, path: entry.fullPath.replace(/^\/+/, "") }]),
          () => resolve([]),
        );
      });
    }
    if (entry.isDirectory) {
      return readFolder(entry.createReader())
        .then((children) => Promise.all(children.map(walkEntry)))
        .then((lists) => [].concat(...lists));
    }
    return Promise.resolve([]);
  }

  /** readEntries answers in batches (100 at a time in Chromium) until an empty one. */
  function readFolder(reader) {
    return new Promise((resolve) => {
      const all = [];
      const next = () => {
        reader.readEntries((batch) => {
          if (!batch.length) {
            resolve(all);
            return;
          }
          all.push(...batch);
          next();
        }, () => resolve(all));
      };
      next();
    });
  }

  // ---------------------------------------------------------------- new folder

  function setUpNewFolder() {
    const button = document.getElementById("mkdir-button");
    const form = document.getElementById("mkdir-form");
    const input = document.getElementById("mkdir-name");
    const error = document.getElementById("mkdir-error");
    const cancel = document.getElementById("mkdir-cancel");
    button.hidden = false;

    function close() {
      form.hidden = true;
      input.value = "";
      error.textContent = "";
    }

    button.addEventListener("click", () => {
      form.hidden = false;
      input.focus();
    });
    cancel.addEventListener("click", close);
    input.addEventListener("keydown", (event) => {
      if (event.key === "Escape") {
        close();
      }
    });
    form.addEventListener("submit", async (event) => {
      event.preventDefault();
      const name = input.value.trim();
      if (!name) {
        return;
      }
      error.textContent = "";
      try {
        const response = await fetch(location.pathname + "?mkdir=" + encodeURIComponent(name), {
          method: "POST",
          headers: { Accept: "application/json" },
        });
        const text = await response.text();
        if (response.status !== 201) {
          error.textContent = errorMessage(response.status, text);
          return;
        }
        close();
        await refreshListing([JSON.parse(text).files[0].name]);
      } catch (_) {
        error.textContent = "The server could not be reached.";
      }
    });
  }

  // ---------------------------------------------------------------- texts

  /* "Send text" posts a form with `text` (and `name`) to this folder: the server saves it as
     a .txt file and shows it in Pier's window. Pasting (Ctrl+V) outside a field puts a text
     into that box, or uploads pasted files (an image) like picked ones. */
  function setUpSendText(enqueue) {
    const box = document.getElementById("text-send");
    const form = document.getElementById("text-form");
    if (!box || !form) {
      return;
    }
    const input = document.getElementById("text-input");
    const name = document.getElementById("text-name");
    const error = document.getElementById("text-error");
    const send = document.getElementById("text-send-button");
    form.addEventListener("submit", async (event) => {
      event.preventDefault();
      if (!input.value) {
        return;
      }
      error.textContent = "";
      send.disabled = true;
      try {
        const response = await fetch(location.pathname + "?format=json", {
          method: "POST",
          headers: { Accept: "application/json" },
          body: new URLSearchParams({ text: input.value, name: name.value }),
        });
        const text = await response.text();
        if (response.status !== 201) {
          error.textContent = errorMessage(response.status, text);
          return;
        }
        const saved = JSON.parse(text).files[0].name;
        input.value = "";
        name.value = "";
        error.textContent = "Sent · saved as " + saved;
        await refreshListing([saved]);
      } catch (_) {
        error.textContent = "The server could not be reached.";
      } finally {
        send.disabled = false;
      }
    });
    document.addEventListener("paste", (event) => {
      if (isTyping(event.target) || !event.clipboardData) {
        return;
      }
      const files = Array.from(event.clipboardData.files || []);
      if (files.length && enqueue) {
        event.preventDefault();
        enqueue(files.map((file) => ({ file: file, path: file.name || "pasted" })));
        return;
      }
      const text = event.clipboardData.getData("text/plain");
      if (text) {
        event.preventDefault();
        box.open = true;
        input.value = text;
        input.focus();
      }
    });
  }

  /* The text Pier's window shares: Copy (the Clipboard API needs HTTPS or localhost; on plain
     HTTP the text is selected for the visitor to copy, with a hint), and a dismiss button
     remembered for this text only. The text itself is escaped by the server. */
  const DISMISSED_KEY = "pier-text-dismissed";

  function setUpSharedText() {
    const card = document.getElementById("text-card");
    if (!card) {
      return;
    }
    const updated = card.dataset.key || "";
    let dismissed = null;
    try {
      dismissed = localStorage.getItem(DISMISSED_KEY);
    } catch (_) {
      dismissed = null;
    }
    if (dismissed === updated) {
      card.hidden = true;
      return;
    }
    const text = document.getElementById("text-card-text");
    const copy = document.getElementById("text-copy");
    const close = document.getElementById("text-dismiss");
    const hint = document.getElementById("text-copy-hint");
    copy.hidden = false;
    close.hidden = false;
    const clipboard = window.isSecureContext && navigator.clipboard;

    function selectText() {
      const range = document.createRange();
      range.selectNodeContents(text);
      const selection = window.getSelection();
      selection.removeAllRanges();
      selection.addRange(range);
    }

    copy.addEventListener("click", async () => {
      if (clipboard) {
        try {
          await navigator.clipboard.writeText(text.textContent);
          copy.textContent = "Copied";
          return;
        } catch (_) {
          // fall through: select it for the visitor
        }
      }
      selectText();
      text.focus();
      hint.textContent = "The text is selected: press Ctrl+C (⌘C), or long-press and Copy. " +
        "Copying with the button needs an HTTPS connection.";
      hint.hidden = false;
    });
    close.addEventListener("click", () => {
      card.hidden = true;
      try {
        localStorage.setItem(DISMISSED_KEY, updated);
      } catch (_) {
        // private mode: dismissed for this page only
      }
    });
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
  const uploadForm = document.getElementById("upload-form");
  if (uploadForm) {
    setUpSendText(setUpUploads(uploadForm));
    setUpNewFolder();
  }
  setUpSharedText();
  // For the page's other scripts: search.js sorts the results once they have all arrived,
  // gallery.js makes its elements as the listing does.
  window.pierListing = Object.freeze({
    sort: () => sortRows(state.sort, state.order), element, refresh: refreshListing,
  });
})();
