/* The grid view: the listing's rows shown as tiles, pictures and videos with a thumbnail
   (file?thumb), folders and other files with their icon. The table stays the page's truth:
   sorting (its header stays above the grid), the filter and the refresh after an upload change
   the rows, and the grid follows them; the table's notes ("Nothing here matches") stay too. Chosen with the toolbar's #viewToggle and remembered in localStorage; without
   JavaScript the page is the list.

   Thumbnails are <img loading="lazy">: the browser fetches only those near the visible part of
   the page (Chromium: within about 1,250 px of it), so a folder of 2,000 photos asks for a few
   dozen, not 2,000. Each sits in a box of fixed size, so nothing moves when it arrives. */
"use strict";

(function () {
  const root = document.documentElement;
  const table = document.getElementById("listing");
  const toggle = document.getElementById("viewToggle");
  if (!table || !toggle) {
    root.classList.remove("grid-pending");
    return;
  }
  const STORAGE_KEY = "pier-view";
  const THUMB_KINDS = new Set(["image", "video"]);
  // Milliseconds before each new try of a thumbnail that did not come (a busy server answers
  // 503 with Retry-After, which an <img> cannot read); then the tile keeps its icon.
  const RETRY_DELAYS = [1500, 4000];
  const grid = document.createElement("ul");
  grid.className = "grid";
  grid.id = "grid";
  grid.setAttribute("aria-label", window.pierText.t("Files"));
  grid.hidden = true;
  table.after(grid);
  let tiles = new Map(); // href, size and date of a row -> its tile
  let observer = null;

  // ---------------------------------------------------------------- tiles

  function entryRows() {
    return Array.from(table.tBodies[0].querySelectorAll("tr[data-mtime]"));
  }

  function rowKind(row) {
    return row.classList[0] || "other";
  }

  function rowKey(row) {
    const link = row.querySelector("a");
    return link.getAttribute("href") + "\n" + row.dataset.size + "\n" + row.dataset.mtime;
  }

  /** `href` with one more query parameter: "a.jpg" -> "a.jpg?thumb". */
  function withParameter(href, name) {
    return href + (href.includes("?") ? "&" : "?") + name;
  }

  function thumbnail(href, tile) {
    const image = document.createElement("img");
    image.loading = "lazy"; // before src: the browser decides when to fetch it
    image.decoding = "async";
    image.width = 320;
    image.height = 320;
    image.alt = "";
    image.draggable = false;
    let tries = 0;
    image.addEventListener("load", () => tile.classList.add("has-thumb"));
    image.addEventListener("error", () => {
      if (tries >= RETRY_DELAYS.length) {
        tile.classList.add("no-thumb");
        return;
      }
      const source = image.getAttribute("src");
      window.setTimeout(() => {
        image.removeAttribute("src");
        image.src = source;
      }, RETRY_DELAYS[tries]);
      tries += 1;
    });
    image.src = withParameter(href, "thumb");
    return image;
  }

  function makeTile(row) {
    const link = row.querySelector("a");
    const kind = rowKind(row);
    const tile = document.createElement("li");
    tile.className = "tile " + kind;
    tile.dataset.kind = kind;
    const anchor = document.createElement("a");
    anchor.className = "tile-link";
    anchor.href = link.getAttribute("href");
    const box = document.createElement("span");
    box.className = "tile-thumb";
    if (THUMB_KINDS.has(kind)) {
      box.appendChild(thumbnail(link.getAttribute("href"), tile));
    }
    const name = document.createElement("span");
    name.className = "tile-name";
    name.textContent = kind === "dir" ? link.textContent.replace(/\/$/, "") : link.textContent;
    anchor.title = link.textContent;
    anchor.append(box, name);
    tile.appendChild(anchor);
    return tile;
  }

  /** Make the grid show the rows as they are now: same order, same ones hidden by the filter,
      tiles made only for new rows, and only the tiles out of place moved. */
  function sync() {
    const next = new Map();
    let previous = null;
    for (const row of entryRows()) {
      const key = rowKey(row);
      const tile = tiles.get(key) || next.get(key) || makeTile(row);
      next.set(key, tile);
      if (tile.hidden !== row.hidden) {
        tile.hidden = row.hidden;
      }
      tile.classList.toggle("fresh", row.classList.contains("fresh"));
      const anchor = tile.firstChild;
      const href = row.querySelector("a").getAttribute("href"); // a folder's carries the sort
      if (anchor.getAttribute("href") !== href) {
        anchor.setAttribute("href", href);
      }
      const expected = previous ? previous.nextSibling : grid.firstChild;
      if (tile !== expected) {
        grid.insertBefore(tile, expected);
      }
      previous = tile;
    }
    let extra = previous ? previous.nextSibling : grid.firstChild;
    while (extra) {
      const after = extra.nextSibling;
      extra.remove();
      extra = after;
    }
    tiles = next;
  }

  // ---------------------------------------------------------------- the view

  function storedView() {
    try {
      return localStorage.getItem(STORAGE_KEY);
    } catch (_) {
      return null;
    }
  }

  function storeView(view) {
    try {
      localStorage.setItem(STORAGE_KEY, view);
    } catch (_) {
      // private mode: the choice lasts for this page only
    }
  }

  function showGrid(on) {
    toggle.setAttribute("aria-pressed", String(on));
    root.classList.toggle("grid-view", on);
    if (on) {
      sync();
      observer = observer || new MutationObserver(sync);
      observer.observe(table, {
        subtree: true, childList: true, attributes: true, attributeFilter: ["hidden", "class"],
      });
    } else {
      if (observer) {
        observer.disconnect();
      }
    }
    grid.hidden = !on;
    root.classList.remove("grid-pending");
  }

  // ---------------------------------------------------------------- keyboard

  function visibleTiles() {
    return Array.from(grid.children).filter((tile) => !tile.hidden);
  }

  function columns() {
    return getComputedStyle(grid).gridTemplateColumns.split(" ").length || 1;
  }

  function moveFocus(step) {
    const shown = visibleTiles();
    if (!shown.length) {
      return;
    }
    const current = shown.findIndex((tile) => tile.contains(document.activeElement));
    let index = current < 0 ? (step > 0 ? 0 : shown.length - 1) : current + step;
    index = Math.max(0, Math.min(shown.length - 1, index));
    const link = shown[index].firstChild;
    link.focus();
    link.scrollIntoView({ block: "nearest" });
  }

  function isTyping(target) {
    return target instanceof HTMLInputElement || target instanceof HTMLTextAreaElement ||
      target instanceof HTMLSelectElement || target.isContentEditable;
  }

  /** In the grid, the listing's keys (app.js: j/k and the arrows) move between tiles; ← and →
      too, ↑ and ↓ by a row of tiles. Runs before app.js's handler, which then leaves them. */
  function onKey(event) {
    if (!root.classList.contains("grid-view") || event.defaultPrevented || event.ctrlKey ||
        event.metaKey || event.altKey || event.isComposing || !(event.target instanceof Element) ||
        event.target.closest("dialog")) {
      return;
    }
    if (event.target.id === "filter") {
      if (event.key === "ArrowDown") {
        event.preventDefault();
        moveFocus(1);
      }
      return;
    }
    if (isTyping(event.target)) {
      return;
    }
    const steps = { j: 1, k: -1, ArrowRight: 1, ArrowLeft: -1 };
    let step = steps[event.key];
    if (event.key === "ArrowDown" || event.key === "ArrowUp") {
      step = columns() * (event.key === "ArrowDown" ? 1 : -1);
    }
    if (step) {
      event.preventDefault();
      moveFocus(step);
    }
  }

  // ---------------------------------------------------------------- start

  toggle.hidden = false;
  toggle.addEventListener("click", () => {
    const on = toggle.getAttribute("aria-pressed") !== "true";
    storeView(on ? "grid" : "list");
    showGrid(on);
  });
  document.addEventListener("keydown", onKey, true);
  showGrid(storedView() === "grid");
})();
