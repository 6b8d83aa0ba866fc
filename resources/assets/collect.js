// The hand-in page of collect mode (server/collect_page.py). Without this script the forms post
// as they are and the page comes back; with it a hand-in shows its progress and its refusal
// ("Hand-ins closed at ...") in place, and "Closes in ..." stays current until the deadline,
// when the forms are turned off (the server refuses hand-ins then anyway).
(function () {
  "use strict";
  const { t, tn } = window.pierText;

  function report(form, text) {
    let line = form.querySelector(".report");
    if (!line) {
      line = document.createElement("p");
      line.className = "report";
      line.setAttribute("role", "alert");
      form.appendChild(line);
    }
    line.textContent = text;
  }

  function send(form, event) {
    event.preventDefault();
    const controls = form.querySelectorAll("input, button");
    let bar = form.querySelector("progress");
    if (!bar) {
      bar = document.createElement("progress");
      bar.max = 1;
      form.appendChild(bar);
    }
    bar.value = 0;
    const xhr = new XMLHttpRequest();
    const data = new FormData(form);  // before the inputs are turned off
    controls.forEach(function (el) { el.disabled = true; });
    function done(text) {
      controls.forEach(function (el) { el.disabled = false; });
      bar.remove();
      report(form, text);
    }
    xhr.open("POST", form.action + (form.action.indexOf("?") < 0 ? "?" : "&") + "format=json");
    xhr.upload.onprogress = function (e) {
      if (e.lengthComputable) bar.value = e.loaded / e.total;
    };
    xhr.onload = function () {
      if (xhr.status === 201) {
        location.reload();
        return;
      }
      let reason = t("The hand-in was refused ({status}).", { status: xhr.status });
      try {  // "message": the reason in the page's language; "error": its English
        const answer = JSON.parse(xhr.responseText);
        reason = answer.message || answer.error || reason;
      } catch (e) { /* a page */ }
      done(reason);
    };
    xhr.onerror = function () { done(t("The connection was lost; please try again.")); };
    xhr.send(data);
  }

  document.querySelectorAll("form.hand-in, form.replace").forEach(function (form) {
    form.addEventListener("submit", function (event) { send(form, event); });
  });

  const line = document.querySelector(".deadline[data-until]");
  if (!line) return;
  const until = Number(line.dataset.until) * 1000;
  const left = line.querySelector(".left");

  function closesIn(ms) {
    const minutes = Math.floor(ms / 60000);
    const days = Math.floor(minutes / 1440);
    const hours = Math.floor(minutes / 60) % 24;
    const mins = minutes % 60;
    // the same texts as server/collect_page.py's closes_in, from the same catalogue
    if (days) {
      return tn("%(days)s day %(hours)s h", "%(days)s days %(hours)s h", days)
        .replace("%(days)s", days).replace("%(hours)s", hours);
    }
    if (minutes >= 60) {
      return t("%(hours)s h %(minutes)s min").replace("%(hours)s", Math.floor(minutes / 60))
        .replace("%(minutes)s", mins);
    }
    return mins ? t("%(minutes)s min").replace("%(minutes)s", mins) : t("less than a minute");
  }

  function closeForms() {
    line.textContent = t("Hand-ins closed at %(time)s.").replace("%(time)s", line.dataset.closesAt);
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
