// The hand-in page of collect mode: keeps "Closes in ..." current and, once the deadline has
// passed, says so and turns the forms off (the server refuses hand-ins then anyway).
(function () {
  "use strict";
  const line = document.querySelector(".deadline[data-until]");
  if (!line) return;
  const until = Number(line.dataset.until) * 1000;
  const left = line.querySelector(".left");

  function closesIn(ms) {
    const minutes = Math.floor(ms / 60000);
    const days = Math.floor(minutes / 1440);
    const hours = Math.floor(minutes / 60) % 24;
    const mins = minutes % 60;
    if (days) return days + (days === 1 ? " day " : " days ") + hours + " h";
    if (minutes >= 60) return Math.floor(minutes / 60) + " h " + mins + " min";
    return mins ? mins + " min" : "less than a minute";
  }

  function closeForms() {
    line.textContent = "Hand-ins closed at " + line.dataset.closesAt + ".";
    line.classList.add("closed");
    document.querySelectorAll("form.hand-in, form.replace").forEach(function (form) {
      form.querySelectorAll("input, button").forEach(function (el) { el.disabled = true; });
    });
  }

  function tick() {
    const ms = until - Date.now();
    if (ms <= 0) {
      closeForms();
      return;
    }
    if (left) left.textContent = closesIn(ms);
    setTimeout(tick, Math.min(30000, ms));
  }
  tick();
})();
