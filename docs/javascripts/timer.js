/* A countdown for the screen during a session step (docs/timer.md): minutes in, large figures
   out. Native buttons and a labelled field, so keyboard and screen readers need nothing extra.
   The figures are a timer (aria-live off: a reader is not told every second); what changes
   (started, paused, time is up) goes to one polite status line. Time is counted from a
   deadline, not by adding up ticks, so a busy or sleeping laptop does not make the clock drift.
   Nothing is stored and nothing is sent. */
(function () {
  "use strict";

  var MAX_MINUTES = 240;

  function make(tag, attrs, text) {
    var node = document.createElement(tag);
    Object.keys(attrs || {}).forEach(function (name) { node.setAttribute(name, attrs[name]); });
    if (text) node.textContent = text;
    return node;
  }

  function figures(ms) {
    var total = Math.max(0, Math.ceil(ms / 1000));
    var minutes = Math.floor(total / 60);
    var seconds = total % 60;
    return minutes + ":" + (seconds < 10 ? "0" : "") + seconds;
  }

  function spoken(ms) {
    var total = Math.max(0, Math.ceil(ms / 1000));
    var minutes = Math.floor(total / 60);
    var seconds = total % 60;
    var parts = [];
    if (minutes) parts.push(minutes + (minutes === 1 ? " minute" : " minutes"));
    if (seconds || !minutes) parts.push(seconds + (seconds === 1 ? " second" : " seconds"));
    return parts.join(" ");
  }

  function setUp(box) {
    if (box.getAttribute("data-ready") === "true") return;
    box.setAttribute("data-ready", "true");
    box.textContent = "";

    var field = make("p", { class: "kit-timer__field" });
    var label = make("label", { for: "kit-timer-minutes" }, "Minutes for this step");
    var input = make("input", { id: "kit-timer-minutes", type: "number", inputmode: "numeric", min: "1",
                                max: String(MAX_MINUTES), step: "1", value: "10",
                                "aria-describedby": "kit-timer-error" });
    var error = make("p", { id: "kit-timer-error", class: "kit-timer__error" });
    field.appendChild(label);
    field.appendChild(input);

    var face = make("p", { class: "kit-timer__time", role: "timer", "aria-live": "off", "aria-atomic": "true" }, "10:00");
    var status = make("p", { class: "kit-timer__status", role: "status", "aria-live": "polite" });
    var buttons = make("p", { class: "kit-timer__buttons" });
    var start = make("button", { type: "button", class: "md-button md-button--primary" }, "Start");
    var reset = make("button", { type: "button", class: "md-button" }, "Reset");
    buttons.appendChild(start);
    buttons.appendChild(reset);
    var screen = null;
    if (document.fullscreenEnabled && box.requestFullscreen) {
      screen = make("button", { type: "button", class: "md-button" }, "Fill the screen");
      buttons.appendChild(screen);
    }
    [field, error, face, buttons, status].forEach(function (node) { box.appendChild(node); });

    var left = 10 * 60000;   // what the face shows while stopped
    var deadline = 0;        // while running: when time is up, by Date.now()
    var ticking = 0;

    function minutes() {
      var text = input.value.trim();
      var value = Number(text);
      if (!/^\d+$/.test(text) || value < 1 || value > MAX_MINUTES) {
        input.setAttribute("aria-invalid", "true");
        error.textContent = "Type a whole number of minutes, from 1 to " + MAX_MINUTES + ".";
        return 0;
      }
      input.removeAttribute("aria-invalid");
      error.textContent = "";
      return value;
    }

    function show(ms) {
      face.textContent = figures(ms);
      face.setAttribute("aria-label", spoken(ms) + " left");
    }

    function stop() {
      window.clearInterval(ticking);
      ticking = 0;
      start.textContent = left > 0 ? "Start" : "Start again";
    }

    function tick() {
      left = Math.max(0, deadline - Date.now());
      if (left > 0) { show(left); return; }
      stop();
      face.textContent = "Time is up";
      face.removeAttribute("aria-label");
      box.classList.add("kit-timer--done");
      status.textContent = "Time is up.";
    }

    start.addEventListener("click", function () {
      if (ticking) {
        stop();
        show(left);
        status.textContent = "Paused with " + spoken(left) + " left.";
        return;
      }
      if (left <= 0 || !box.getAttribute("data-started")) {
        var chosen = minutes();
        if (!chosen) { input.focus(); return; }
        left = chosen * 60000;
      }
      box.setAttribute("data-started", "true");
      box.classList.remove("kit-timer--done");
      deadline = Date.now() + left;
      show(left);
      start.textContent = "Pause";
      status.textContent = "Started: " + spoken(left) + " left.";
      ticking = window.setInterval(tick, 250);
    });

    reset.addEventListener("click", function () {
      stop();
      box.removeAttribute("data-started");
      box.classList.remove("kit-timer--done");
      var chosen = minutes();
      left = (chosen || 10) * 60000;
      start.textContent = "Start";
      show(left);
      status.textContent = chosen ? "Reset to " + spoken(left) + "." : "";
    });

    input.addEventListener("change", function () {
      if (ticking || box.getAttribute("data-started")) return;
      var chosen = minutes();
      if (chosen) { left = chosen * 60000; show(left); }
    });

    if (screen) {
      screen.addEventListener("click", function () {
        if (document.fullscreenElement) document.exitFullscreen();
        else box.requestFullscreen();
      });
      document.addEventListener("fullscreenchange", function () {
        screen.textContent = document.fullscreenElement === box ? "Leave full screen" : "Fill the screen";
      });
    }
    show(left);
  }

  function init() {
    Array.prototype.forEach.call(document.querySelectorAll("[data-kit-timer]"), setUp);
  }

  if (document.readyState === "loading") document.addEventListener("DOMContentLoaded", init);
  else init();
})();
