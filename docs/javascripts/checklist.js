// Ticks on a checklist, kept in this browser only (localStorage), with a visible clear.
(function () {
  "use strict";

  function init() {
    document.querySelectorAll("[data-kit-checklist]").forEach(setUp);
  }

  function setUp(form) {
    if (form.dataset.kitReady) return;
    form.dataset.kitReady = "1";
    var key = "kit:checklist:" + form.dataset.kitChecklist;
    var boxes = Array.prototype.slice.call(form.querySelectorAll("input[type=checkbox]"));
    var status = form.querySelector("[role=status]");

    function show() {
      var saved = read(key);
      boxes.forEach(function (box) { box.checked = saved.indexOf(box.name) !== -1; });
    }
    show();
    boxes.forEach(function (box) {
      box.addEventListener("change", function () {
        if (!write(key, boxes.filter(function (b) { return b.checked; }).map(function (b) { return b.name; }))) {
          status.textContent = "Your ticks could not be kept in this browser (its storage may be full or blocked). " +
            "Print the checklist to keep them.";
        }
      });
    });
    // Ticked in another tab or window: show the same ticks here, so neither overwrites the other.
    window.addEventListener("storage", function (event) {
      if (event.storageArea !== window.localStorage || (event.key !== key && event.key !== null)) return;
      show();
      status.textContent = "Your ticks were changed in another tab or window; this page now shows them.";
    });

    // Clearing cannot be undone, so the page asks first, on the page itself (no pop-up).
    var clear = form.querySelector("[data-kit-clear]");
    var el = window.KitDom.el;
    var no = el("button", { type: "button", class: "md-button", text: "Cancel" });
    var yes = el("button", { type: "button", class: "md-button md-button--primary", text: "Yes, clear my ticks" });
    var ask = el("div", { class: "kit-checklist__confirm kit-screen-only", hidden: true, role: "group",
                          "aria-labelledby": key + ":question" }, [
      el("p", { id: key + ":question", text: "Clear every tick on this checklist in this browser? This cannot be undone." }),
      yes, " ", no]);
    clear.parentNode.parentNode.insertBefore(ask, clear.parentNode.nextSibling);
    function close(said) {
      ask.hidden = true;
      if (said) status.textContent = said;
      clear.focus();
    }
    clear.addEventListener("click", function () { ask.hidden = false; no.focus(); });
    no.addEventListener("click", function () { close("Nothing was cleared."); });
    ask.addEventListener("keydown", function (event) {
      if (event.key === "Escape") { event.preventDefault(); close("Nothing was cleared."); }
    });
    yes.addEventListener("click", function () {
      boxes.forEach(function (b) { b.checked = false; });
      try { localStorage.removeItem(key); } catch (e) { /* storage blocked: nothing was kept */ }
      close("Your ticks are cleared.");
    });
    form.querySelector("[data-kit-print]").addEventListener("click", function () { window.print(); });
  }

  function read(key) {
    try {
      var value = JSON.parse(localStorage.getItem(key) || "[]");
      return Array.isArray(value) ? value : [];
    } catch (e) {
      return [];
    }
  }

  function write(key, names) {
    try {
      localStorage.setItem(key, JSON.stringify(names));
      return true;
    } catch (e) {
      return false;
    }
  }

  window.KitDom.onPage(init);
})();
