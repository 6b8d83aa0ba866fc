/* The uploads panel (#transfers) of a folder the visitor may upload to: the Upload button picks
   files, which (like dropped ones, drop.js, and pasted ones, forms.js, through
   window.pierUploads.enqueue) wait in a queue and go three at a time, each one a row with its
   progress, speed, Pause/Resume and Cancel. transfer.js sends each file (by tus, else a
   multipart POST); this file only shows what it tells. While uploads run, the screen is kept on.
   Once every upload has ended, the listing's rows are refreshed. Without this file the page's
   plain upload form works. */
"use strict";

(function () {
  const listing = window.pierListing;
  const { t, number } = window.pierText;
  const form = document.getElementById("upload-form");
  if (!listing || !window.pierTransfer || !form) {
    return;
  }
  const MAX_PARALLEL = 3;
  const element = listing.element;
  const humanSize = listing.humanSize;
  const queue = [];
  const uploads = { running: 0, unfinished: 0, paused: 0, stored: [], failed: 0, done: 0 };
  const panel = document.getElementById("transfers");
  const parts = {}; // the panel's head, its title, Clear, the screen note and the list
  let wantWakeLock = () => {};

  function percentOf(part, whole) {
    return whole ? Math.floor((Math.min(part, whole) * 100) / whole) : 100;
  }

  // ---------------------------------------------------------------- keeping the screen on

  /** While uploads run, a Screen Wake Lock keeps the phone from sleeping (browsers offer one
      on HTTPS and localhost); without one the page asks the person to keep the screen on.
      Answers want(wanted). */
  function makeWakeLock(note) {
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

  // ---------------------------------------------------------------- the panel's head

  function buildPanel() {
    parts.head = element("div", "transfers-head");
    parts.title = element("span", "transfers-title");
    parts.clear = element("button", "button small", t("Clear"));
    parts.clear.type = "button";
    parts.clear.hidden = true;
    parts.clear.addEventListener("click", clearFinished);
    parts.head.append(parts.title, parts.clear);
    parts.awake = element("p", "transfers-note",
      t("Keep the screen on until the upload ends"));
    parts.awake.setAttribute("role", "status");
    parts.awake.hidden = true;
    parts.list = element("ul", "transfer-list");
    panel.append(parts.head, parts.awake, parts.list);
    wantWakeLock = makeWakeLock(parts.awake);
  }

  function updateHead() {
    const counts = { done: number(uploads.done), total: number(parts.list.children.length),
      failed: number(uploads.failed) };
    let text = uploads.failed ? t("{done} of {total} uploaded, {failed} not", counts) :
      t("{done} of {total} uploaded", counts);
    const active = uploads.unfinished - uploads.paused;
    if (active > 0) {
      text = t("Uploading: {progress}", { progress: text });
    } else if (uploads.paused > 0) {
      text = t("Paused: {progress}", { progress: text });
    }
    parts.title.textContent = text;
    parts.clear.hidden = uploads.unfinished > 0;
    wantWakeLock(active > 0);
  }

  function clearFinished() {
    for (const item of Array.from(parts.list.children)) {
      if (item.classList.contains("finished")) {
        item.remove();
      }
    }
    uploads.done = 0;
    uploads.failed = 0;
    panel.hidden = parts.list.children.length === 0;
    updateHead();
  }

  // ---------------------------------------------------------------- one row

  function actionButton(className, text, label) {
    const node = element("button", "transfer-action " + className, text);
    node.type = "button";
    node.setAttribute("aria-label", label);
    return node;
  }

  function progressBar(path) {
    const bar = element("progress", "transfer-bar");
    bar.max = 100;
    bar.value = 0;
    bar.setAttribute("aria-label", t("Upload of {path}", { path }));
    bar.setAttribute("aria-valuemin", "0");
    bar.setAttribute("aria-valuemax", "100");
    bar.setAttribute("aria-valuenow", "0");
    return bar;
  }

  /** A row of the panel for `item` ({file, path}); `transfer` holds its parts and its state. */
  function makeTransfer(item) {
    const transfer = { item: item, row: element("li", "transfer waiting"),
      note: element("span", "transfer-note"), bar: progressBar(item.path),
      status: element("span", "transfer-status",
        t("Waiting · {size}", { size: humanSize(item.file.size) })),
      pause: actionButton("transfer-pause", t("Pause"),
        t("Pause the upload of {path}", { path: item.path })),
      cancel: actionButton("transfer-cancel", t("Cancel"),
        t("Cancel the upload of {path}", { path: item.path })),
      sender: null, pausable: false, paused: false, finished: false, started: 0,
      sampleTime: 0, sampleLoaded: 0, speed: 0, sent: 0 };
    const line = element("div", "transfer-line");
    const name = element("span", "transfer-name", item.path);
    name.title = item.path;
    transfer.note.hidden = true;
    transfer.pause.hidden = true;
    line.append(name, transfer.note, transfer.status, transfer.pause, transfer.cancel);
    transfer.row.append(line, transfer.bar);
    parts.list.appendChild(transfer.row);
    transfer.pause.addEventListener("click",
      () => (transfer.paused ? resume : pauseTransfer)(transfer));
    transfer.cancel.addEventListener("click", () => cancelTransfer(transfer));
    return transfer;
  }

  // ---------------------------------------------------------------- the queue

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
    transfer.sender = window.pierTransfer.send(transfer.item, hooksOf(transfer));
  }

  /** What transfer.js tells about `transfer`, shown on its row. */
  function hooksOf(transfer) {
    return {
      progress: (sent) => {
        transfer.sent = sent;
        showProgress(transfer, sent);
      },
      resumedAt: (offset) => resumedAt(transfer, offset),
      retrying: (seconds) => {
        if (!transfer.finished && !transfer.paused) { // not a cancel's DELETE, retried too
          transfer.status.textContent = seconds > 0 ?
            t("Connection lost · trying again in {seconds} s", { seconds }) :
            t("Connection lost · trying again");
        }
      },
      pausable: (pausable) => {
        transfer.pausable = pausable;
        transfer.pause.hidden = !pausable;
      },
      succeeded: (names) => succeed(transfer, names),
      failed: (message) => finish(transfer, "failed", message),
      cancelled: () => finish(transfer, "cancelled", t("Cancelled")),
    };
  }

  // ---------------------------------------------------------------- pause, resume, cancel

  function pauseTransfer(transfer) {
    if (transfer.finished || transfer.paused || !transfer.pausable) {
      return;
    }
    transfer.paused = true;
    transfer.sender.pause();
    uploads.running -= 1;
    uploads.paused += 1;
    transfer.row.classList.replace("sending", "paused");
    setPauseButton(transfer, t("Resume"), t("Resume the upload of {path}",
      { path: transfer.item.path }));
    const size = transfer.item.file.size;
    transfer.status.textContent = t("Paused at {percent}% · {sent} of {size}", {
      percent: percentOf(transfer.sent, size), sent: humanSize(Math.min(transfer.sent, size)),
      size: humanSize(size) });
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
    setPauseButton(transfer, t("Pause"), t("Pause the upload of {path}",
      { path: transfer.item.path }));
    transfer.status.textContent = t("Resuming…");
    transfer.speed = 0;
    transfer.sampleTime = performance.now();
    transfer.sampleLoaded = transfer.sent;
    updateHead();
    transfer.sender.resume();
  }

  function setPauseButton(transfer, word, label) {
    transfer.pause.textContent = word;
    transfer.pause.setAttribute("aria-label", label);
  }

  function cancelTransfer(transfer) {
    if (transfer.sender) {
      transfer.sender.cancel();
    }
    finish(transfer, "cancelled", t("Cancelled"));
  }

  // ---------------------------------------------------------------- progress and the end

  /** The server has `offset` bytes of an upload started before (a reload, a retry). */
  function resumedAt(transfer, offset) {
    transfer.note.textContent = t("Resuming from {percent}%",
      { percent: percentOf(offset, transfer.item.file.size) });
    transfer.note.hidden = false;
    transfer.sampleLoaded = transfer.sent = offset;
    transfer.sampleTime = performance.now();
    transfer.speed = 0;
    showProgress(transfer, offset);
  }

  /** Bytes per second, sampled every 400 ms or more. */
  function sampleSpeed(transfer, loaded) {
    const now = performance.now();
    if (now - transfer.sampleTime >= 400) {
      transfer.speed = ((loaded - transfer.sampleLoaded) * 1000) / (now - transfer.sampleTime);
      transfer.sampleTime = now;
      transfer.sampleLoaded = loaded;
    }
  }

  function showProgress(transfer, loaded) {
    if (transfer.finished || transfer.paused) {
      return;
    }
    const size = transfer.item.file.size;
    sampleSpeed(transfer, loaded);
    const percent = size ? (Math.min(loaded, size) * 100) / size : 100;
    transfer.bar.value = percent;
    transfer.bar.setAttribute("aria-valuenow", String(Math.floor(percent)));
    let text = t("{percent}% · {sent} of {size}", { percent: Math.floor(percent),
      sent: humanSize(Math.min(loaded, size)), size: humanSize(size) });
    if (transfer.speed > 0) {
      text += " · " + t("{size}/s", { size: humanSize(Math.round(transfer.speed)) });
    }
    transfer.status.textContent = text;
  }

  /** `names`: where the server put the file, relative to this folder. */
  function succeed(transfer, names) {
    uploads.stored.push(...names.map((name) => name.split("/")[0]));
    const seconds = (performance.now() - transfer.started) / 1000;
    const size = transfer.item.file.size;
    let text = t("Done · {size}", { size: humanSize(size) });
    if (seconds > 0.5 && !transfer.note.textContent) {
      text += " · " + t("{size}/s", { size: humanSize(Math.round(size / seconds)) });
    }
    const final = names[0];
    if (final && final !== transfer.item.path) {
      text += " · " + t("saved as {name}", { name: final });
    }
    uploads.done += 1;
    finish(transfer, "done", text);
  }

  function count(transfer, outcome) {
    if (transfer.paused) {
      uploads.paused -= 1;
    } else if (transfer.sender) {
      uploads.running -= 1;
    }
    if (outcome === "failed") {
      uploads.failed += 1;
    }
    uploads.unfinished -= 1;
  }

  function showOutcome(transfer, outcome, text) {
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
  }

  function finish(transfer, outcome, text) {
    if (transfer.finished) {
      return;
    }
    transfer.finished = true;
    count(transfer, outcome);
    showOutcome(transfer, outcome, text);
    updateHead();
    pump();
    if (uploads.unfinished === 0 && uploads.stored.length) {
      listing.refresh(uploads.stored.splice(0));
    }
  }

  // ---------------------------------------------------------------- start

  function setUp() {
    const input = document.getElementById("file-input");
    const button = document.getElementById("upload-button");
    form.hidden = true;
    button.hidden = false;
    button.addEventListener("click", () => input.click());
    input.addEventListener("change", () => {
      const picked = Array.from(input.files, (file) => ({ file: file, path: file.name }));
      input.value = "";
      enqueue(picked);
    });
    buildPanel();
    window.addEventListener("beforeunload", (event) => {
      // a paused upload is not lost: picking the file again after the reload resumes it
      if (uploads.unfinished - uploads.paused > 0) {
        event.preventDefault();
        event.returnValue = "";
      }
    });
  }

  setUp();
  // drop.js and forms.js (pasted files) add to the queue
  window.pierUploads = Object.freeze({ enqueue });
})();
