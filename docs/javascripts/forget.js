/* "Forget everything this kit keeps in this browser": one button, on the privacy page and at
   the foot of each scoring page (a <div data-kit-forget> placeholder), that removes every key
   the kit stores: the scorer, compare, progress, easy-read scorer and checklists. It asks on the
   page first, then reloads, so no open page keeps (and saves again) what was forgotten. */
(function () {
  "use strict";

  // Every key the kit's scripts use starts with one of these (scorer.js, compare.js, progress.js,
  // easy-read.js, checklist.js, and dom.js's probe).
  var PREFIXES = ["user-involvement-kit:", "kit:"];
  var DONE_FLAG = "kit:forgotten";

  function kitKeys(storage) {
    var keys = [];
    for (var i = 0; i < storage.length; i++) {
      var key = storage.key(i);
      if (PREFIXES.some(function (p) { return key.indexOf(p) === 0; })) keys.push(key);
    }
    return keys;
  }

  function forgetAll() {
    [window.localStorage, window.sessionStorage].forEach(function (storage) {
      kitKeys(storage).forEach(function (key) { storage.removeItem(key); });
    });
  }

  function make(tag, attrs, text) {
    var node = document.createElement(tag);
    Object.keys(attrs || {}).forEach(function (name) { node.setAttribute(name, attrs[name]); });
    if (text) node.textContent = text;
    return node;
  }

  function setUp(box, index) {
    if (box.getAttribute("data-ready") === "true") return;
    box.setAttribute("data-ready", "true");
    box.textContent = "";
    var id = "kit-forget-" + index;
    // data-kit-forget="easy" on easy-read pages: the same button, in easy words around it.
    var easy = box.getAttribute("data-kit-forget") === "easy";
    var status = make("p", { class: "kit-forget__status", role: "status", "aria-live": "polite", id: id + "-status" });
    var button = make("button", { type: "button", class: "md-button", id: id, "aria-expanded": "false" },
                      "Forget everything this kit keeps in this browser");
    var question = make("p", { id: id + "-question", tabindex: "-1" }, easy
      ? "Take all your answers and ticks out of this browser? You cannot get them back."
      : "Remove every answer, note, loaded file, round, action plan and tick this kit keeps in this browser, on every " +
        "page of the kit? This cannot be undone: export or print anything you want to keep first.");
    var yes = make("button", { type: "button", class: "md-button md-button--primary", id: id + "-yes" }, "Yes, forget everything");
    var no = make("button", { type: "button", class: "md-button", id: id + "-no" }, "No, keep it");
    var panel = make("div", { class: "kit-forget__confirm", role: "group", "aria-labelledby": id + "-question" });
    panel.hidden = true;
    panel.appendChild(question);
    panel.appendChild(yes);
    panel.appendChild(document.createTextNode(" "));
    panel.appendChild(no);
    button.addEventListener("click", function () {
      panel.hidden = false;
      button.setAttribute("aria-expanded", "true");
      question.focus();
    });
    no.addEventListener("click", function () {
      panel.hidden = true;
      button.setAttribute("aria-expanded", "false");
      button.focus();
      status.textContent = "Nothing was forgotten.";
    });
    // Escape answers no, as it would close a dialog.
    panel.addEventListener("keydown", function (event) {
      if (event.key === "Escape") { event.preventDefault(); no.click(); }
    });
    yes.addEventListener("click", function () {
      try {
        forgetAll();
        window.sessionStorage.setItem(DONE_FLAG, "1");
      } catch (e) {
        status.textContent = "This browser would not let the page remove what it keeps. Clear this site's data in the browser's settings.";
        return;
      }
      window.location.reload();
    });
    box.appendChild(make("p", {}, easy
      ? "Other people who use this computer can see your answers. You can take them away when you finish."
      : "On a shared computer, anyone using this browser can read what the kit keeps here. " +
        "When you have finished, you can remove all of it."));
    box.appendChild(make("p", {})).appendChild(button);
    box.appendChild(panel);
    box.appendChild(status);
    var done = false;
    try {
      done = window.sessionStorage.getItem(DONE_FLAG) === "1";
    } catch (e) { /* storage blocked: nothing to report */ }
    if (done) {
      status.textContent = "Done. This browser now keeps nothing from this kit.";
      if (index === document.querySelectorAll("[data-kit-forget]").length - 1) {
        try { window.sessionStorage.removeItem(DONE_FLAG); } catch (e) { /* nothing kept */ }
      }
    }
  }

  function init() {
    Array.prototype.forEach.call(document.querySelectorAll("[data-kit-forget]"), setUp);
  }

  window.KitForget = { forgetAll: forgetAll, kitKeys: kitKeys };
  if (document.readyState === "loading") document.addEventListener("DOMContentLoaded", init);
  else init();
  if (window.document$ && typeof window.document$.subscribe === "function") window.document$.subscribe(init);
})();
