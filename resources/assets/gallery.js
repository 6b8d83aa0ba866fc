/* The viewer: a click on a picture, a video or a sound (in the list or the grid) opens it full
   screen, with previous/next (buttons, ← and →, a swipe), Escape to close, the name and the
   position ("3 / 120") and a download link. Pictures are shown whole (the file itself; HEIC,
   HEIF and TIFF as the server's JPEG rendition, file?preview) and the next one is fetched ahead;
   videos and sounds play inline (the browser asks for byte ranges); in a folder of music, the
   next sound starts when one ends. The items are the folder's media in the order and filter the
   page shows. A click with Ctrl/Cmd, Shift or Alt is not the viewer's: in the list the browser
   does what it does with a link (a new tab or window, a download), in the grid Ctrl/Cmd-click
   selects the tile and Shift-click a range (select.js). Middle clicks and pages without
   JavaScript open the file itself. */
"use strict";

(function () {
  const table = document.getElementById("listing");
  if (!table || !window.pierListing || typeof HTMLDialogElement !== "function") {
    return;
  }
  const MEDIA = new Set(["image", "video", "audio"]);
  const NEEDS_PREVIEW = /\.(heic|heif|tiff?)$/i; // pictures most browsers cannot decode
  const SWIPE_DISTANCE = 50; // CSS pixels a finger moves sideways to turn the page
  const view = { items: [], index: 0, opener: null, pushed: false, ahead: null, swipe: null };
  let parts = null; // the dialog and its pieces, made on first use

  // ---------------------------------------------------------------- items

  const element = window.pierListing.element; // app.js's: a tag with a class and text
  const { t } = window.pierText;

  function withParameter(href, name) {
    return href + (href.includes("?") ? "&" : "?") + name;
  }

  /** The pictures, videos and sounds the listing shows now, in its order. */
  function mediaItems() {
    return Array.from(table.tBodies[0].querySelectorAll("tr[data-mtime]"))
      .filter((row) => !row.hidden && MEDIA.has(row.classList[0]))
      .map((row) => {
        const link = row.querySelector("a");
        return { kind: row.classList[0], href: link.getAttribute("href"), name: link.textContent };
      });
  }

  function sourceOf(item) {
    const path = item.href.split("?")[0];
    return item.kind === "image" && NEEDS_PREVIEW.test(path) ? withParameter(path, "preview")
      : item.href;
  }

  /** The link that stands for `href` on the page as shown: its tile in the grid, else its row. */
  function linkFor(href) {
    const grid = document.getElementById("grid");
    const places = grid && !grid.hidden ? [grid, table.tBodies[0]] : [table.tBodies[0]];
    for (const place of places) {
      for (const link of place.querySelectorAll("a")) {
        if (link.getAttribute("href") === href) {
          return link;
        }
      }
    }
    return null;
  }

  // ---------------------------------------------------------------- the dialog

  function glyphButton(className, label) {
    const button = element("button", "gallery-button " + className);
    button.type = "button";
    button.setAttribute("aria-label", label);
    button.title = label;
    button.appendChild(element("span", "glyph", ""));
    button.lastChild.setAttribute("aria-hidden", "true");
    return button;
  }

  function build() {
    const dialog = element("dialog", "gallery");
    dialog.id = "gallery";
    dialog.setAttribute("role", "dialog"); // what <dialog> is anyway, said for older readers
    dialog.setAttribute("aria-labelledby", "gallery-name");
    const bar = element("div", "gallery-bar");
    const caption = element("p", "gallery-caption");
    const name = element("span", "gallery-name");
    name.id = "gallery-name";
    const position = element("span", "gallery-position");
    caption.append(name, position);
    const download = element("a", "gallery-download", t("Download"));
    download.setAttribute("download", "");
    const close = glyphButton("gallery-close", t("Close"));
    bar.append(caption, download, close);
    const stage = element("div", "gallery-stage");
    const previous = glyphButton("gallery-previous", t("Previous"));
    const next = glyphButton("gallery-next", t("Next"));
    dialog.append(stage, previous, next, bar);
    document.body.appendChild(dialog);

    previous.addEventListener("click", () => go(-1));
    next.addEventListener("click", () => go(1));
    close.addEventListener("click", closeViewer);
    // On the window, capturing: the viewer's keys come first, whatever has the focus (after the
    // last picture, "Next" is disabled and the focus falls back to the page's body).
    window.addEventListener("keydown", onKey, true);
    dialog.addEventListener("close", onClosed);
    stage.addEventListener("pointerdown", swipeStart);
    stage.addEventListener("pointerup", swipeEnd);
    stage.addEventListener("pointercancel", () => {
      view.swipe = null;
    });
    return { dialog, stage, name, position, download, previous, next, close };
  }

  function onKey(event) {
    if (!parts.dialog.open || event.ctrlKey || event.metaKey || event.altKey) {
      return;
    }
    if (event.key === "ArrowLeft" || event.key === "ArrowRight") {
      event.preventDefault(); // also when a video has the focus: the arrows turn the page
      go(event.key === "ArrowLeft" ? -1 : 1);
    } else if (event.key === "Escape") {
      event.preventDefault();
      closeViewer();
    }
    event.stopPropagation(); // the listing's keys (app.js, grid.js: Backspace, j, k, /) wait
  }

  function swipeStart(event) {
    const onControls = event.target.closest("video, audio");
    view.swipe = event.isPrimary && !onControls
      ? { id: event.pointerId, x: event.clientX, y: event.clientY } : null;
  }

  function swipeEnd(event) {
    const start = view.swipe;
    view.swipe = null;
    if (!start || event.pointerId !== start.id) {
      return;
    }
    const dx = event.clientX - start.x;
    const dy = event.clientY - start.y;
    if (Math.abs(dx) >= SWIPE_DISTANCE && Math.abs(dx) > 2 * Math.abs(dy)) {
      go(dx < 0 ? 1 : -1);
    }
  }

  // ---------------------------------------------------------------- showing an item

  function stopMedia() {
    for (const media of parts.stage.querySelectorAll("video, audio")) {
      media.pause();
      media.removeAttribute("src");
      media.load(); // ends the download too
    }
  }

  function cannotShow(item) {
    const box = element("div", "gallery-message");
    box.appendChild(element("p", "", t("This file cannot be shown in the browser.")));
    const link = element("a", "button", t("Download {name}", { name: item.name }));
    link.href = withParameter(item.href.split("?")[0], "download");
    box.appendChild(link);
    return box;
  }

  function picture(item) {
    const image = element("img", "gallery-image");
    image.alt = item.name;
    image.decoding = "async";
    image.draggable = false;
    image.addEventListener("error", () => image.replaceWith(cannotShow(item)));
    image.src = sourceOf(item);
    return image;
  }

  function video(item) {
    const player = element("video", "gallery-video");
    player.controls = true;
    player.autoplay = true;
    player.playsInline = true;
    player.preload = "metadata";
    player.addEventListener("error", () => {
      if (player.getAttribute("src")) {
        player.replaceWith(cannotShow(item));
      }
    });
    player.src = item.href;
    return player;
  }

  /** A sound: its name over the player; when it ends, the next sound in the folder plays. */
  function sound(item) {
    const box = element("figure", "gallery-sound");
    box.appendChild(element("span", "gallery-sound-icon", ""));
    box.appendChild(element("figcaption", "", item.name));
    const player = element("audio", "gallery-audio");
    player.controls = true;
    player.autoplay = true;
    player.preload = "auto";
    player.addEventListener("ended", playNextSound);
    player.addEventListener("error", () => {
      if (player.getAttribute("src")) {
        box.replaceWith(cannotShow(item));
      }
    });
    player.src = item.href;
    box.appendChild(player);
    return box;
  }

  function playNextSound() {
    const next = view.items.findIndex((item, index) => index > view.index &&
      item.kind === "audio");
    if (next >= 0) {
      show(next);
    }
  }

  /** Fetch the next picture now, so that it is there when the visitor turns the page. */
  function fetchAhead() {
    const next = view.items[view.index + 1];
    view.ahead = null;
    if (next && next.kind === "image") {
      const image = new Image();
      image.decoding = "async";
      image.src = sourceOf(next);
      view.ahead = image;
    }
  }

  function show(index) {
    const item = view.items[index];
    view.index = index;
    stopMedia();
    const maker = { image: picture, video: video, audio: sound }[item.kind];
    parts.stage.replaceChildren(maker(item));
    parts.stage.dataset.kind = item.kind;
    parts.name.textContent = item.name;
    parts.position.textContent = view.items.length > 1
      ? index + 1 + " / " + view.items.length : "";
    parts.download.href = withParameter(item.href.split("?")[0], "download");
    parts.download.setAttribute("aria-label", t("Download {name}", { name: item.name }));
    parts.previous.disabled = index === 0;
    parts.next.disabled = index === view.items.length - 1;
    parts.previous.hidden = parts.next.hidden = view.items.length < 2;
    keepFocusInside();
    fetchAhead();
  }

  /** A button that has just been disabled (Next on the last item) would drop the focus. */
  function keepFocusInside() {
    const focused = document.activeElement;
    if (focused === parts.previous || focused === parts.next) {
      if (focused.disabled) {
        (focused === parts.next ? parts.previous : parts.next).focus();
      }
      if (document.activeElement.disabled) {
        parts.close.focus();
      }
    }
  }

  function go(step) {
    const index = view.index + step;
    if (index >= 0 && index < view.items.length) {
      show(index);
    }
  }

  // ---------------------------------------------------------------- open and close

  function open(href, opener) {
    view.items = mediaItems();
    const index = view.items.findIndex((item) => item.href === href);
    if (index < 0) {
      return false;
    }
    parts = parts || build();
    view.opener = opener;
    document.documentElement.classList.add("gallery-open");
    parts.dialog.showModal();
    parts.close.focus();
    show(index);
    // Back (a phone's gesture or button) closes the viewer rather than leaving the folder.
    if (!view.pushed) {
      history.pushState({ pierGallery: true }, "");
      view.pushed = true;
    }
    return true;
  }

  /** Closing a modal dialog puts the focus back on its opener at once, and the "close" event
   * comes a task later: move the focus to the item the visitor got to right away. */
  function closeViewer() {
    parts.dialog.close();
    focusCurrentItem();
  }

  function focusCurrentItem() {
    const item = view.items[view.index];
    const target = (item && linkFor(item.href)) || view.opener;
    if (target && target.isConnected) {
      target.focus();
      target.scrollIntoView({ block: "nearest" });
    }
  }

  function onClosed() {
    stopMedia();
    parts.stage.replaceChildren();
    view.ahead = null;
    document.documentElement.classList.remove("gallery-open");
    focusCurrentItem(); // however it was closed
    if (view.pushed) {
      view.pushed = false;
      if (history.state && history.state.pierGallery) {
        history.back();
      }
    }
  }

  function onClick(event) {
    if (event.defaultPrevented || event.button !== 0 || event.ctrlKey || event.metaKey ||
        event.shiftKey || event.altKey || !(event.target instanceof Element)) {
      return;
    }
    const link = event.target.closest("#listing tbody a, #grid a");
    const holder = link ? link.closest("tr, li") : null;
    if (!holder || holder.querySelector("a") !== link) {
      return;
    }
    const kind = holder.dataset.kind || holder.classList[0];
    if (MEDIA.has(kind) && open(link.getAttribute("href"), link)) {
      event.preventDefault();
    }
  }

  window.addEventListener("popstate", () => {
    if (parts && parts.dialog.open && !(history.state && history.state.pierGallery)) {
      view.pushed = false;
      closeViewer();
    }
  });
  document.addEventListener("click", onClick);
})();
