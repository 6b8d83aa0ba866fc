/* Search below the current folder, on the page's side. On a listing, when the filter box matches
   nothing here, it offers to search the subfolders (folder/?q=TEXT; Enter follows the offer).
   On the results page (table.search-results), the server sends results as it finds them, in
   the order of its walk: once they have all arrived, they are sorted like a listing (app.js's
   sort, folders first, in the order the address asks for). */
"use strict";

(function () {
  const table = document.getElementById("listing");
  const { t } = window.pierText;
  if (!table) {
    return;
  }

  // ---------------------------------------------------------------- results page

  function sortResults() {
    if (window.pierListing) {
      window.pierListing.sort();
    }
    table.classList.add("sorted");
  }

  /** Run `done` once the server has sent its last result. This script is deferred, so it
      normally runs after the whole answer has been parsed, marker (#search-done) included; if
      it runs earlier it waits for the marker, and if the answer ended without one (the
      connection was cut) it sorts what came. */
  function whenComplete(done) {
    if (document.getElementById("search-done") || document.readyState !== "loading") {
      done();
      return;
    }
    let finished = false;
    const finish = () => {
      if (!finished) {
        finished = true;
        watcher.disconnect();
        done();
      }
    };
    const watcher = new MutationObserver(() => {
      if (document.getElementById("search-done")) {
        finish();
      }
    });
    watcher.observe(document.documentElement, { childList: true, subtree: true });
    document.addEventListener("DOMContentLoaded", finish);
  }

  // ---------------------------------------------------------------- offer in a listing

  function searchHref(words) {
    const params = new URLSearchParams();
    const current = new URLSearchParams(location.search);
    params.set("q", words);
    for (const key of ["sort", "order"]) {
      if (current.has(key)) {
        params.set(key, current.get(key));
      }
    }
    return location.pathname + "?" + params.toString();
  }

  function offeredLink() {
    return table.querySelector("tr.no-match:not([hidden]) a.search-offer");
  }

  /** app.js has just written "Nothing here matches …" in the no-match row: add the offer. */
  function offer(filter) {
    const row = table.tBodies[0].querySelector("tr.no-match");
    const words = filter.value.trim();
    if (!row || row.hidden || !words || offeredLink()) {
      return;
    }
    const link = document.createElement("a");
    link.className = "button search-offer";
    link.href = searchHref(words);
    link.textContent = t("Search subfolders for “{words}”", { words });
    row.cells[0].append(document.createElement("br"), link);
  }

  function setUpOffer() {
    const filter = document.getElementById("filter");
    if (!filter) {
      return;
    }
    filter.addEventListener("input", () => offer(filter));
    filter.addEventListener("keydown", (event) => {
      const link = offeredLink();
      if (event.key === "Enter" && link) {
        event.preventDefault(); // app.js would open the first match: there is none
        location.href = link.href;
      }
    });
  }

  if (table.classList.contains("search-results")) {
    whenComplete(sortResults);
  } else {
    setUpOffer();
  }
})();
