/* Easy-read pages: the "Read aloud" button and the easy-read scorer.
 *
 * Read aloud uses the browser's own speech (speechSynthesis); the button stays hidden on
 * devices without it. Nothing is fetched and nothing is sent.
 *
 * The easy-read scorer uses the same statements and the same scale as the standard scorer
 * (window.KIT_SCORING, window.KitScoring), and saves and exports answers in the same file
 * format, so a user group's answers sit beside trustees' and staff's without conversion.
 * Every piece of text goes on the page with textContent, never as HTML.
 */
(function () {
  "use strict";

  var STORAGE_KEY = "user-involvement-kit:easy-read-scorer";
  var el = window.KitDom.el;

  /** The answers in easy words, from the scale in scoring-data.js; the page's own list (#er-scale) explains them. */
  function choices(data) {
    return data.scale.concat([data.dont_know]).map(function (level) {
      return { value: level.value, key: level.value === null ? "dk" : String(level.value), label: level.easy };
    });
  }

  /* --- read aloud ----------------------------------------------------------------- */

  function readableText(root) {
    var parts = [];
    root.querySelectorAll("h1, h2, h3, li, dt, dd, p, legend").forEach(function (node) {
      if (node.closest(".er-top, .er-scorer__noscript, [aria-hidden='true']")) return;
      if (node.tagName === "P" && node.closest("li, dd")) return;
      if (node.tagName === "LEGEND" && !node.closest(".er-scorer")) return;
      var text = node.textContent.replace(/\s+/g, " ").trim();
      if (text) parts.push(/[.!?]$/.test(text) ? text : text + ".");
    });
    return parts.join(" ");
  }

  function setUpReadAloud() {
    var buttons = document.querySelectorAll(".er-read-aloud");
    if (!buttons.length) return;
    if (!("speechSynthesis" in window) || typeof window.SpeechSynthesisUtterance !== "function") return;
    var speech = window.speechSynthesis;
    var page = document.querySelector(".er-page") || document.body;
    buttons.forEach(function (button) {
      button.hidden = false;
      button.setAttribute("aria-pressed", "false");
      button.addEventListener("click", function () {
        if (speech.speaking || speech.pending) {
          speech.cancel();
          return;
        }
        var utterance = new window.SpeechSynthesisUtterance(readableText(page));
        utterance.lang = document.documentElement.lang || "en";
        utterance.rate = 0.9;
        var done = function () {
          button.textContent = "Read aloud";
          button.setAttribute("aria-pressed", "false");
        };
        utterance.onend = done;
        utterance.onerror = done;
        button.textContent = "Stop reading";
        button.setAttribute("aria-pressed", "true");
        speech.speak(utterance);
      });
    });
    window.addEventListener("pagehide", function () { speech.cancel(); });
  }

  /* --- the easy-read scorer ------------------------------------------------------------ */

  var canStore = window.KitDom.storageWorks;

  function symbol(index) {
    // The same pictures as the page's own explanation of the answers.
    var items = document.querySelectorAll("#er-scale li .er-picture");
    var source = items[index];
    var holder = el("span", { class: "er-choice__symbol", "aria-hidden": "true" });
    if (source) {
      var copy = source.cloneNode(true);
      copy.removeAttribute("role");
      copy.removeAttribute("aria-label");
      holder.appendChild(copy);
    }
    return holder;
  }

  function EasyScorer(root, data, core) {
    this.root = root;
    this.data = data;
    this.core = core;
    var role = root.getAttribute("data-role");
    this.role = role && data.roles.indexOf(role) !== -1 ? role : null;
    this.canStore = canStore();
    this.state = { role: this.role, set: "quick", answers: {}, notes: {} };
    this.restore();
    this.build();
    this.show();
    var self = this;
    // Answered in another tab or window: show those answers here, so neither overwrites the other.
    window.addEventListener("storage", function (event) {
      if (event.storageArea !== window.localStorage || (event.key !== STORAGE_KEY && event.key !== null)) return;
      self.state = { role: self.role, set: "quick", answers: {}, notes: {} };
      self.restore();
      self.show();
      self.say("Your answers were changed in another window. This page now shows them.");
    });
  }

  EasyScorer.prototype.restore = function () {
    if (!this.canStore) return;
    var raw = window.localStorage.getItem(STORAGE_KEY);
    if (!raw) return;
    try {
      var stored = JSON.parse(raw);
      var read = this.core.readObject({
        kind: this.core.FILE_KIND, format: this.core.FILE_FORMAT, version: stored.version,
        role: this.role, set: stored.set, answers: stored.answers, notes: {}, date: stored.saved,
      }, this.data);
      this.state = { role: this.role, set: read.set, answers: read.answers, notes: {} };
    } catch (e) {
      this.state = { role: this.role, set: "quick", answers: {}, notes: {} };
    }
  };

  EasyScorer.prototype.save = function () {
    if (!this.canStore) {
      this.say("This phone or computer cannot keep your answers. Save them to a file.");
      return;
    }
    try {
      window.localStorage.setItem(STORAGE_KEY, JSON.stringify({
        version: this.data.version, saved: new Date().toISOString(), role: this.state.role,
        set: this.state.set, answers: this.state.answers,
      }));
    } catch (e) {
      this.say("Your answers could not be kept here. Save them to a file.");
    }
  };

  EasyScorer.prototype.statements = function () {
    return this.core.statementsIn(this.data, this.state.set);
  };

  EasyScorer.prototype.build = function () {
    var self = this;
    var quick = this.core.statementsIn(this.data, "quick").length;
    var all = this.data.statements.length;
    this.root.textContent = "";

    var setChoice = el("fieldset", { class: "er-set" }, [el("legend", { text: "How many questions?" })]);
    [["quick", "Short list: " + quick + " questions"], ["full", "All " + all + " questions"]].forEach(function (pair) {
      var id = "er-set-" + pair[0];
      var input = el("input", { type: "radio", name: "er-set", id: id, value: pair[0] });
      input.addEventListener("change", function () {
        self.state.set = pair[0];
        self.save();
        self.show();
      });
      setChoice.appendChild(el("div", { class: "er-set__option" }, [input, el("label", { for: id, text: pair[1] })]));
    });

    this.questions = el("div", { class: "er-questions" });
    this.status = el("p", { class: "er-scorer__status", role: "status", "aria-live": "polite" });

    var exportButton = el("button", { type: "button", class: "md-button md-button--primary er-export", text: "Save my answers to a file" });
    exportButton.addEventListener("click", function () { self.exportFile(); });
    var clearButton = el("button", { type: "button", class: "md-button er-clear", text: "Clear my answers" });
    clearButton.addEventListener("click", function () {
      if (!window.confirm("Clear all your answers on this phone or computer?")) return;
      self.state.answers = {};
      try { window.localStorage.removeItem(STORAGE_KEY); } catch (e) { /* nothing kept */ }
      self.show();
      self.say("Your answers are cleared.");
    });

    this.root.appendChild(setChoice);
    this.root.appendChild(this.questions);
    this.root.appendChild(el("div", { class: "er-scorer__tools" }, [exportButton, " ", clearButton]));
    this.root.appendChild(this.status);
    this.codeBox = el("div", { class: "er-scorer__code", id: "er-answer-code" });
    this.root.appendChild(this.codeBox);
  };

  // The answers as a code to show or scan (answer-code.js), in easy words.
  EasyScorer.prototype.showCode = function () {
    var box = this.codeBox, api = window.KitAnswerCode;
    if (!box || !api) return;
    var state = this.state, answers = {};
    this.statements().forEach(function (s) {
      if (Object.prototype.hasOwnProperty.call(state.answers, s.id)) answers[s.id] = state.answers[s.id];
    });
    var body = el("div");
    box.textContent = "";
    box.appendChild(el("h2", { text: "Your answer code" }));
    box.appendChild(body);
    api.show(body, { set: state.set, role: state.role, answers: answers }, this.data, {
      label: "Your code: ",
      hint: "You can show this code to the person who collects the answers. The code has your answers. It does not have your name.",
      qr: "Your code as a picture. A phone can read it.",
      noQr: "There is no picture of the code here. Write the code down instead.",
    });
  };

  EasyScorer.prototype.show = function () {
    var self = this;
    var state = this.state, offered = choices(this.data);
    this.root.querySelectorAll("input[name='er-set']").forEach(function (input) {
      input.checked = input.value === state.set;
    });
    var list = this.statements();
    this.questions.textContent = "";
    list.forEach(function (statement, i) {
      var name = "er-q-" + statement.id;
      var answered = Object.prototype.hasOwnProperty.call(state.answers, statement.id);
      var fieldset = el("fieldset", { class: "er-question", "data-statement": statement.id }, [
        el("legend", {}, [
          el("span", { class: "er-question__number", text: "Question " + (i + 1) + " of " + list.length }),
          el("span", { class: "er-question__text", text: statement.easy_read || statement.text }),
        ]),
      ]);
      offered.forEach(function (choice, c) {
        var id = name + "-" + choice.key;
        var input = el("input", { type: "radio", name: name, id: id, value: choice.key, class: "er-choice__input" });
        input.checked = answered && state.answers[statement.id] === choice.value;
        input.addEventListener("change", function () {
          state.answers[statement.id] = choice.value;
          self.save();
          self.count();
        });
        fieldset.appendChild(el("div", { class: "er-choice er-choice--" + choice.key }, [
          input,
          el("label", { for: id }, [symbol(c), el("span", { class: "er-choice__words", text: (choice.value === null ? "" : choice.key + ". ") + choice.label })]),
        ]));
      });
      self.questions.appendChild(fieldset);
    });
    this.count();
  };

  EasyScorer.prototype.count = function () {
    var answers = this.state.answers;
    var list = this.statements();
    var done = list.filter(function (s) { return Object.prototype.hasOwnProperty.call(answers, s.id); }).length;
    this.say("You have answered " + done + " of " + list.length + " questions." +
             (this.canStore ? " Your answers are kept on this phone or computer." : ""));
    this.showCode();
  };

  EasyScorer.prototype.say = function (text) {
    this.status.textContent = text;
  };

  EasyScorer.prototype.exportFile = function () {
    var now = new Date();
    var state = { role: this.state.role, set: this.state.set, answers: {}, notes: {} };
    var ids = this.statements().map(function (s) { return s.id; });
    var answers = this.state.answers;
    ids.forEach(function (id) {
      if (Object.prototype.hasOwnProperty.call(answers, id)) state.answers[id] = answers[id];
    });
    var text = this.core.exportJSON(state, this.data, now);
    var name = "involvement-scores-easy-read-" + now.toISOString().slice(0, 10) + ".json";
    var url = URL.createObjectURL(new Blob([text], { type: "application/json" }));
    var link = el("a", { href: url, download: name, hidden: true });
    document.body.appendChild(link);
    link.click();
    link.remove();
    setTimeout(function () { URL.revokeObjectURL(url); }, 10000);
    this.say("Your answers are saved in a file called " + name + ".");
  };

  function setUpScorer() {
    var root = document.getElementById("er-scorer");
    if (!root || !window.KIT_SCORING || !window.KitScoring) return;
    new EasyScorer(root, window.KIT_SCORING, window.KitScoring);
  }

  function start() {
    setUpReadAloud();
    setUpScorer();
  }

  if (document.readyState === "loading") document.addEventListener("DOMContentLoaded", start);
  else start();
})();
