/* Drag and drop onto the page of a folder the visitor may upload to: files and whole folders
   (walked, their paths kept: "trip/day1/a.jpg") go to the uploads' queue (uploads.js,
   window.pierUploads). #drop-zone shows while files are dragged over the page. */
"use strict";

(function () {
  const dropZone = document.getElementById("drop-zone");
  const uploads = window.pierUploads;
  if (!dropZone || !uploads) {
    return;
  }

  function carriesFiles(event) {
    return event.dataTransfer && Array.from(event.dataTransfer.types).includes("Files");
  }

  /** The zone shows while files are over the page (enter and leave come in pairs, one per
      element crossed); a drop hands them to the queue. */
  function setUpDrop() {
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
      droppedFiles(event.dataTransfer).then(uploads.enqueue);
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

  setUpDrop();
})();
