/* Runs in the page's head, before anything is shown (the one script that is not deferred), so
   that the first frame already looks as it will once the deferred scripts have run:
   - html.js: the page runs scripts, so the grid's toggle has its place in the toolbar at once
     (the toolbar does not move when grid.js takes it over);
   - html.grid-pending: the visitor chose the grid, so the list stays out of sight until grid.js
     has built the grid from it (no list first, then a jump to the grid).
   Without JavaScript none of this runs and the page is the list. */
"use strict";

document.documentElement.classList.add("js");
try {
  if (localStorage.getItem("pier-view") === "grid") {
    document.documentElement.classList.add("grid-pending");
    // grid.js has run by then (deferred scripts run first); should it have failed, the list shows
    document.addEventListener("DOMContentLoaded", () => {
      document.documentElement.classList.remove("grid-pending");
    });
  }
} catch (_) {
  // storage refused (private mode, a policy): the page starts as the list
}
