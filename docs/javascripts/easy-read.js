/* Easy-read pages: read aloud (a speaker button on each point, and the whole page), and the
 * easy-read scorer, one question at a time.
 *
 * Read aloud uses the browser's own speech (speechSynthesis); the buttons stay hidden on
 * devices without it. Nothing is fetched and nothing is sent.
 *
 * The easy-read scorer asks scoring-data's easy questions (easy_statements), each in its
 * statement's area, on the same scale as the standard scorer (window.KIT_SCORING,
 * window.KitScoring). A statement that asked two things at once is two easy questions; the
 * file it saves holds the statements' answers (statementAnswers: the lower half, as
 * scoring/easy.py does, both checked against tests/vectors/easy.json), in the standard
 * scorer's format, so a user group's answers sit beside trustees' and staff's.
 * Every piece of text goes on the page with textContent, never as HTML.
 */
(function () {
  "use strict";

  var STORAGE_KEY = "user-involvement-kit:easy-read-scorer";
  var el = window.KitDom.el;
  var svg = window.KitDom.svg;
  // Material Design Icons "volume-high" (Apache 2.0), drawn here so the button needs no fetch.
  var SPEAKER = "M14,3.23V5.29C16.89,6.15 19,8.83 19,12C19,15.17 16.89,17.84 14,18.7V20.77C18,19.86 21,16.28 " +
                "21,12C21,7.72 18,4.14 14,3.23M16.5,12C16.5,10.23 15.5,8.71 14,7.97V16C15.5,15.29 16.5,13.76 " +
                "16.5,12M3,9V15H7L12,20V4L7,9H3Z";
  var LISTEN = "Listen";
  var STOP = "Stop";

  function has(object, key) {
    return Object.prototype.hasOwnProperty.call(object, key);
  }

  /* --- read aloud ----------------------------------------------------------------- */

  // What a listener should never hear: the heading's link symbol, pictures (the words say
  // the same), buttons, form fields, and anything hidden from sight or from screen readers.
  var UNSPOKEN = ".headerlink, .er-picture, .er-choice__symbol, button, input, textarea, select, script, " +
                 "style, .md-tooltip, [aria-hidden='true'], [hidden], .er-top, .er-scorer__noscript";
  var BLOCKS = /^(H[1-6]|P|LI|DT|DD|LEGEND|LABEL|DIV|SECTION|FIELDSET|UL|OL|DL|TR|TD|TH|FIGCAPTION)$/;

  function unspoken(node) {
    if (node.matches(UNSPOKEN)) return true;
    if (typeof node.checkVisibility === "function" && !node.checkVisibility()) return true;
    var style = window.getComputedStyle(node);
    return style.display === "none" || style.visibility === "hidden";
  }

  /** The words a sighted reader sees in `root`, a full stop after each block. */
  function speakable(root) {
    var parts = [];
    var current = "";
    function flush() {
      var text = current.replace(/\s+/g, " ").trim();
      if (text) parts.push(/[.!?:]$/.test(text) ? text : text + ".");
      current = "";
    }
    function walk(node) {
      if (node.nodeType === 3) {
        current += node.nodeValue;
        return;
      }
      if (node.nodeType !== 1 || unspoken(node)) return;
      var block = BLOCKS.test(node.tagName);
      if (block) flush();
      Array.prototype.forEach.call(node.childNodes, walk);
      if (block) flush();
    }
    walk(root);
    flush();
    return parts.join(" ");
  }

  var voice = { speaking: null, node: null };

  function canSpeak() {
    return "speechSynthesis" in window && typeof window.SpeechSynthesisUtterance === "function";
  }

  function resetButton(button) {
    if (!button) return;
    button.setAttribute("aria-pressed", "false");
    var words = button.querySelector(".er-speak__words");
    if (words) words.textContent = button.getAttribute("data-idle") || LISTEN;
    else button.textContent = button.getAttribute("data-idle") || LISTEN;
  }

  function stopSpeaking() {
    if (!canSpeak()) return;
    window.speechSynthesis.cancel();
    resetButton(voice.speaking);
    if (voice.node) voice.node.classList.remove("er-speaking");
    voice.speaking = voice.node = null;
  }

  /** Speak `text` (and mark `node` while it is read); the same button pressed again stops it,
   * another button starts afresh. */
  function toggleSpeech(button, text, node) {
    var wasThis = voice.speaking === button;
    stopSpeaking();
    if (wasThis || !text) return;
    var utterance = new window.SpeechSynthesisUtterance(text);
    utterance.lang = document.documentElement.lang || "en";
    utterance.rate = 0.9;
    var done = function () {
      if (voice.speaking === button) stopSpeaking();
    };
    utterance.onend = done;
    utterance.onerror = done;
    voice.speaking = button;
    voice.node = node || null;
    if (voice.node) voice.node.classList.add("er-speaking");
    button.setAttribute("aria-pressed", "true");
    var words = button.querySelector(".er-speak__words");
    if (words) words.textContent = STOP;
    else button.textContent = STOP;
    window.speechSynthesis.speak(utterance);
  }

  /** A speaker button that reads `target` (an element, or a function giving one) aloud. */
  function speakerButton(target, name) {
    var button = el("button", { type: "button", class: "er-speak", "aria-pressed": "false",
                                "data-idle": LISTEN, "aria-label": name });
    var icon = svg("svg", { viewBox: "0 0 24 24", "aria-hidden": "true", focusable: "false", class: "er-speak__icon" },
                   [svg("path", { d: SPEAKER })]);
    button.appendChild(icon);
    button.appendChild(el("span", { class: "er-speak__words", text: LISTEN }));
    button.addEventListener("click", function () {
      var node = typeof target === "function" ? target() : target;
      toggleSpeech(button, node ? speakable(node) : "", node);
    });
    return button;
  }

  function setUpReadAloud() {
    if (!canSpeak()) return;
    var page = document.querySelector(".er-page") || document.body;
    document.querySelectorAll(".er-read-aloud").forEach(function (button) {
      button.hidden = false;
      button.setAttribute("aria-pressed", "false");
      button.setAttribute("data-idle", button.textContent.trim() || "Read aloud");
      button.addEventListener("click", function () { toggleSpeech(button, speakable(page)); });
    });
    // One speaker button for each point, at the end of its words.
    page.querySelectorAll(".er-points li").forEach(function (point, i) {
      if (point.querySelector(".er-speak")) return;
      var holder = el("span", { class: "er-speak__holder" });
      holder.appendChild(speakerButton(point, LISTEN + ": point " + (i + 1)));
      point.appendChild(holder);
    });
    window.addEventListener("pagehide", stopSpeaking);
  }

  /* --- the easy-read scorer ------------------------------------------------------------ */

  var canStore = window.KitDom.storageWorks;

  /** The questions in easy words: scoring-data's easy_statements when the build gives them,
   * else made from the statements' easy_read sentences and the scale's easy words. */
  function easyStatements(data) {
    if (Array.isArray(data.easy_statements) && data.easy_statements.length) return data.easy_statements;
    var levels = data.scale.map(function (level) { return level.easy; });
    return data.statements.filter(function (s) { return s.easy_read; }).map(function (s) {
      return { id: s.id, statement: s.id, area: s.area, text: s.easy_read, levels: levels, picture: "", alt: "",
               quick: s.quick };
    });
  }

  /** The statements' answers from the easy questions' answers. `parts` maps each statement to
   * its easy question ids. A split statement holds at a level only where both halves do, so it
   * takes the lower half; a half left unanswered or "don't know" says nothing; with no half
   * answered, the statement is "don't know" if a half said so, and absent otherwise. */
  function statementAnswers(parts, answers) {
    var out = {};
    Object.keys(parts).forEach(function (statement) {
      var given = parts[statement].filter(function (id) { return has(answers, id); })
        .map(function (id) { return answers[id]; });
      var known = given.filter(function (v) { return v !== null; });
      if (known.length) out[statement] = Math.min.apply(null, known);
      else if (given.length) out[statement] = null;
    });
    return out;
  }

  function statementOf(question) {
    return question.statement || question.id;
  }

  /** The answer pictures the page's own explanation of the answers uses. */
  function symbol(index) {
    var items = document.querySelectorAll("#er-scale li .er-picture");
    var source = items[index];
    var holder = el("span", { class: "er-choice__symbol", "aria-hidden": "true" });
    if (source) {
      var copy = source.cloneNode(true);
      copy.removeAttribute("role");
      copy.removeAttribute("aria-label");
      copy.removeAttribute("alt");
      holder.appendChild(copy);
    }
    return holder;
  }

  function EasyScorer(root, data, core) {
    this.root = root;
    this.data = data;
    this.core = core;
    this.easy = easyStatements(data);
    var role = root.getAttribute("data-role");
    this.role = role && data.roles.indexOf(role) !== -1 ? role : null;
    this.canStore = canStore();
    this.consent = document.getElementById("er-consent");
    if (this.consent) this.consent.remove();
    this.state = this.fresh();
    this.restore();
    this.status = el("p", { class: "er-scorer__status", role: "status", "aria-live": "polite" });
    this.screen = el("div", { class: "er-scorer__screen" });
    root.textContent = "";
    root.appendChild(this.screen);
    root.appendChild(this.status);
    this.show(false);
    if (!this.canStore) this.say("This phone or computer cannot keep your answers. Print them or save them to a file at the end.");
    var self = this;
    // Answered in another tab or window: show those answers here, so neither overwrites the other.
    window.addEventListener("storage", function (event) {
      if (event.storageArea !== window.localStorage || (event.key !== STORAGE_KEY && event.key !== null)) return;
      self.state = self.fresh();
      self.restore();
      self.show(false);
      self.say("Your answers were changed in another window. This page now shows them.");
    });
  }

  EasyScorer.prototype.fresh = function () {
    return { role: this.role, set: "quick", answers: {}, notes: {}, step: "consent", id: null };
  };

  /** The response id of this answer set, as the standard scorer's (scoring-core.js): made the
   * first time a file or code needs it, kept with the answers, new once they are cleared. */
  EasyScorer.prototype.responseId = function () {
    if (!this.state.id) {
      this.state.id = this.core.newResponseId();
      if (Object.keys(this.state.answers).length || Object.keys(this.state.notes).length) this.save();
    }
    return this.state.id;
  };

  /** Answers kept on this device, by easy question; anything this kit no longer asks is dropped. */
  EasyScorer.prototype.restore = function () {
    if (!this.canStore) return;
    var raw;
    try { raw = window.localStorage.getItem(STORAGE_KEY); } catch (e) { return; }
    if (!raw) return;
    var known = {}, halves = {};
    this.easy.forEach(function (q) {
      known[q.id] = true;
      (halves[statementOf(q)] = halves[statementOf(q)] || []).push(q.id);
    });
    try {
      var stored = JSON.parse(raw);
      var state = this.fresh();
      if (stored.set === "quick" || stored.set === "full") state.set = stored.set;
      Object.keys(stored.answers || {}).forEach(function (id) {
        var value = stored.answers[id];
        if (value !== null && value !== 0 && value !== 1 && value !== 2) return;
        // Kept before a statement was split in two: its answer goes to both halves.
        var ids = has(known, id) ? [id] : halves[id] || [];
        ids.forEach(function (easyId) { state.answers[easyId] = value; });
      });
      Object.keys(stored.notes || {}).forEach(function (id) {
        var note = stored.notes[id];
        if (has(known, id) && typeof note === "string" && note) state.notes[id] = note.slice(0, 4000);
      });
      if (this.core.isResponseId(stored.id)) state.id = stored.id;
      var step = stored.step;
      if (step === "end" || (typeof step === "number" && step >= 0)) state.step = step;
      this.state = state;
    } catch (e) {
      this.state = this.fresh();
    }
  };

  EasyScorer.prototype.save = function () {
    if (!this.canStore) return;
    try {
      window.localStorage.setItem(STORAGE_KEY, JSON.stringify({
        version: this.data.version, saved: new Date().toISOString(),
        set: this.state.set, answers: this.state.answers, notes: this.state.notes, step: this.state.step,
        id: this.state.id || null,
      }));
    } catch (e) {
      this.say("This phone or computer could not keep your answers. Save them to a file.");
    }
  };

  /** What the standard scorer's file holds: the statements' answers and notes, for this set. */
  EasyScorer.prototype.statementState = function () {
    var parts = {}, notes = {}, state = this.state;
    this.questions().forEach(function (q) {
      var statement = statementOf(q);
      (parts[statement] = parts[statement] || []).push(q.id);
      if (state.notes[q.id]) notes[statement] = notes[statement] ? notes[statement] + "\n" + state.notes[q.id] : state.notes[q.id];
    });
    return { role: state.role, set: state.set, answers: statementAnswers(parts, state.answers), notes: notes,
             id: state.id || null };
  };

  EasyScorer.prototype.questions = function () {
    var set = this.state.set;
    return this.easy.filter(function (q) { return set === "full" || q.quick; });
  };

  EasyScorer.prototype.answered = function () {
    var answers = this.state.answers;
    return this.questions().filter(function (q) { return has(answers, q.id); }).length;
  };

  EasyScorer.prototype.go = function (step) {
    this.state.step = step;
    this.save();
    this.say("");
    this.show(true);
  };

  EasyScorer.prototype.say = function (text) {
    this.status.textContent = text;
  };

  /** Draw the current step; with `focus`, move the keyboard to its heading (a new screen). */
  EasyScorer.prototype.show = function (focus) {
    stopSpeaking();
    var step = this.state.step;
    var count = this.questions().length;
    if (typeof step === "number" && (step < 0 || step >= count)) step = this.state.step = count ? 0 : "consent";
    this.screen.textContent = "";
    this.root.classList.toggle("er-scorer--end", step === "end");
    var heading;
    if (step === "consent") heading = this.showConsent();
    else if (step === "end") heading = this.showEnd();
    else heading = this.showQuestion(step);
    if (focus && heading) {
      heading.setAttribute("tabindex", "-1");
      heading.focus();
      heading.scrollIntoView({ block: "start" });
    }
  };

  function button(text, classes, onClick) {
    var b = el("button", { type: "button", class: "md-button " + (classes || ""), text: text });
    b.addEventListener("click", onClick);
    return b;
  }

  EasyScorer.prototype.showConsent = function () {
    var self = this;
    var heading = el("h2", { class: "er-step__heading", id: "er-step-heading", text: "Before you start" });
    this.screen.appendChild(heading);
    if (this.consent) {
      this.consent.hidden = false;
      this.screen.appendChild(this.consent);
    }
    var quick = this.easy.filter(function (q) { return q.quick; }).length;
    var setChoice = el("fieldset", { class: "er-set" }, [el("legend", { text: "How many questions?" })]);
    [["quick", "Short list: " + quick + " questions"], ["full", "All " + this.easy.length + " questions"]].forEach(function (pair) {
      var id = "er-set-" + pair[0];
      var input = el("input", { type: "radio", name: "er-set", id: id, value: pair[0] });
      input.checked = self.state.set === pair[0];
      input.addEventListener("change", function () {
        self.state.set = pair[0];
        self.save();
      });
      setChoice.appendChild(el("div", { class: "er-set__option" }, [input, el("label", { for: id, text: pair[1] })]));
    });
    this.screen.appendChild(setChoice);
    var started = this.answered() > 0;
    this.screen.appendChild(el("div", { class: "er-steps" }, [
      button(started ? "Go on with the questions" : "Start the questions", "md-button--primary er-start",
             function () { self.go(0); }),
    ]));
    this.screen.appendChild(this.openFileControl());
    return heading;
  };

  EasyScorer.prototype.picture = function (question) {
    if (!question.picture) return null;
    return el("img", { class: "er-question__picture", src: this.pictureUrl(question.picture), alt: question.alt || "",
                       width: "96", height: "96" });
  };

  EasyScorer.prototype.pictureUrl = function (url) {
    // Pictures are site-relative; this page sits one folder down.
    if (/^([a-z]+:|\/)/i.test(url)) return url;
    var base = this.root.getAttribute("data-site-root") || "../";
    return base + url;
  };

  EasyScorer.prototype.showQuestion = function (index) {
    var self = this;
    var list = this.questions();
    var question = list[index];
    var state = this.state;
    var name = "er-q-" + question.id;
    var progress = el("p", { class: "er-progress", id: "er-step-heading" },
                      ["Question " + (index + 1) + " of " + list.length]);
    var bar = el("progress", { class: "er-progress__bar", max: String(list.length), value: String(index + 1),
                               "aria-hidden": "true" });
    var legend = el("legend", { class: "er-question__text", text: question.text });
    var fieldset = el("fieldset", { class: "er-question", "data-statement": question.id }, [legend]);
    var picture = this.picture(question);
    var offered = question.levels.map(function (words, value) { return { value: value, key: String(value), label: words }; })
      .concat([{ value: null, key: "dk", label: this.data.dont_know.easy }]);
    var choices = el("div", { class: "er-choices" });
    offered.forEach(function (choice, c) {
      var id = name + "-" + choice.key;
      var input = el("input", { type: "radio", name: name, id: id, value: choice.key, class: "er-choice__input" });
      input.checked = has(state.answers, question.id) && state.answers[question.id] === choice.value;
      input.addEventListener("change", function () {
        state.answers[question.id] = choice.value;
        self.save();
      });
      choices.appendChild(el("div", { class: "er-choice er-choice--" + choice.key }, [
        input,
        el("label", { for: id }, [symbol(c), el("span", { class: "er-choice__words", text: choice.label })]),
      ]));
    });
    fieldset.appendChild(choices);
    var speak = speakerButton(function () { return fieldset; }, LISTEN + ": the question and the answers");
    speak.classList.add("er-speak--question");
    var noteId = "er-note-" + question.id;
    var note = el("textarea", { id: noteId, class: "er-note__box", rows: "3", maxlength: "4000" });
    note.value = state.notes[question.id] || "";
    note.addEventListener("input", function () {
      if (note.value) state.notes[question.id] = note.value;
      else delete state.notes[question.id];
      self.save();
    });
    var notes = el("div", { class: "er-note" }, [
      el("label", { for: noteId, text: "Anything else you want to say? You do not have to write anything." }),
      note,
    ]);
    var last = index === list.length - 1;
    var moves = el("div", { class: "er-steps" }, [
      button("Back", "er-back", function () { self.go(index === 0 ? "consent" : index - 1); }),
      button(last ? "Next: see your answers" : "Next", "md-button--primary er-next",
             function () { self.go(last ? "end" : index + 1); }),
    ]);
    // The speaker sits beside "Question 3 of 12", so the answers and Next stay near the top.
    this.screen.appendChild(el("div", { class: "er-progress__row" }, [progress, speak]));
    this.screen.appendChild(bar);
    if (picture) this.screen.appendChild(picture);
    this.screen.appendChild(fieldset);
    this.screen.appendChild(notes);
    this.screen.appendChild(moves);
    if (!canSpeak()) speak.hidden = true;
    return progress;
  };

  EasyScorer.prototype.answerWords = function (question) {
    if (!has(this.state.answers, question.id)) return { words: "You did not answer", index: -1 };
    var value = this.state.answers[question.id];
    if (value === null) return { words: this.data.dont_know.easy, index: 3 };
    return { words: question.levels[value], index: value };
  };

  EasyScorer.prototype.showEnd = function () {
    var self = this;
    var list = this.questions();
    var heading = el("h2", { class: "er-step__heading", id: "er-step-heading", text: "Your answers" });
    this.screen.appendChild(heading);
    this.screen.appendChild(el("p", { class: "er-end__count",
      text: "You answered " + this.answered() + " of " + list.length + " questions." }));
    var items = el("ol", { class: "er-answers" });
    list.forEach(function (question, i) {
      var answer = self.answerWords(question);
      var item = el("li", { class: "er-answer" }, [
        self.picture(question),
        el("p", { class: "er-answer__question", text: question.text }),
        el("p", { class: "er-answer__given" }, [
          answer.index >= 0 ? symbol(answer.index) : null,
          el("span", { text: answer.words }),
        ]),
        self.state.notes[question.id] ? el("p", { class: "er-answer__note", text: "You said: " + self.state.notes[question.id] }) : null,
        button("Change this answer", "er-change", function () { self.go(i); }),
      ]);
      items.appendChild(item);
    });
    this.screen.appendChild(items);

    var code = this.answerCode();
    if (code) this.screen.appendChild(code);

    var saveLine = el("p", { class: "er-end__file-line",
      text: "A file is another way to give your answers to someone. It goes where this phone or computer keeps downloads." });
    this.screen.appendChild(el("h3", { text: "Print or save your answers" }));
    this.screen.appendChild(el("div", { class: "er-steps er-end__tools" }, [
      button("Print my answers", "md-button--primary er-print", function () { window.print(); }),
      button("Save my answers to a file", "er-export", function () { self.exportFile(); }),
    ]));
    this.screen.appendChild(saveLine);
    this.screen.appendChild(this.openFileControl());
    this.screen.appendChild(el("div", { class: "er-steps" }, [
      button("Back to the questions", "er-back", function () { self.go(list.length ? list.length - 1 : "consent"); }),
    ]));
    this.screen.appendChild(this.clearControl());
    return heading;
  };

  // answer-code.js's words for its code and QR picture, in easy words.
  var CODE_WORDS = {
    label: "Your code: ",
    hint: "You can show this code to the person who collects the answers. The code has your answers. " +
          "It does not have your name.",
    qr: "Your code as a picture. A phone can read it.",
    noQr: "There is no picture of the code here. Write the code down instead.",
  };

  /** The answer code and its QR picture (answer-code.js draws them, when the page has it):
   * the way to hand answers over without a file. Without the script, nothing of it shows. */
  EasyScorer.prototype.answerCode = function () {
    var coder = window.KitAnswerCode;
    if (!coder || (typeof coder.show !== "function" && typeof coder.encode !== "function")) return null;
    this.responseId();
    var shared = this.statementState();
    var payload = { role: shared.role, set: shared.set, answers: shared.answers, id: shared.id };
    var box = el("section", { class: "er-code er-scorer__code", id: "er-answer-code", "aria-labelledby": "er-code-heading" }, [
      el("h3", { id: "er-code-heading", text: "Give your answers to someone" }),
    ]);
    var body = el("div", { class: "er-code__body" });
    box.appendChild(body);
    if (typeof coder.show === "function") {
      coder.show(body, payload, this.data, CODE_WORDS);
      return box;
    }
    var code;
    try {
      code = coder.encode(payload, this.data);
    } catch (e) {
      return null;
    }
    if (!code) return null;
    body.appendChild(el("p", { class: "er-code__text" }, [CODE_WORDS.label, el("code", { text: String(code) })]));
    body.appendChild(el("p", { text: CODE_WORDS.hint }));
    return box;
  };

  EasyScorer.prototype.clearControl = function () {
    var self = this;
    var holder = el("div", { class: "er-clear" });
    var ask = button("Clear my answers", "er-clear__ask", function () {
      holder.textContent = "";
      holder.appendChild(el("p", { class: "er-clear__question", text: "Do you want to clear all your answers on this phone or computer?" }));
      var yes = button("Yes, clear them", "er-clear__yes", function () {
        self.state = self.fresh();
        try { window.localStorage.removeItem(STORAGE_KEY); } catch (e) { /* nothing kept */ }
        self.go("consent");
        self.say("Your answers are cleared.");
      });
      var no = button("No, keep them", "md-button--primary er-clear__no", function () {
        holder.replaceWith(self.clearControl());
        self.root.querySelector(".er-clear__ask").focus();
      });
      holder.appendChild(el("div", { class: "er-steps" }, [no, yes]));
      // Escape answers no, as it would close a dialog.
      holder.addEventListener("keydown", function (event) {
        if (event.key === "Escape") { event.preventDefault(); no.click(); }
      });
      no.focus();
    });
    holder.appendChild(ask);
    return holder;
  };

  /** Open a file of answers saved before; a wrong file changes nothing. */
  EasyScorer.prototype.openFileControl = function () {
    var self = this;
    var input = el("input", { type: "file", id: "er-open-file", accept: ".json,application/json", class: "er-open__input" });
    input.addEventListener("change", function () {
      var file = input.files && input.files[0];
      if (!file) return;
      file.text().then(function (text) {
        input.value = "";
        var read;
        try {
          read = self.core.readFile(text, self.data);
        } catch (e) {
          self.say("This file could not be opened. " + (e && e.message ? e.message : "") +
                   " Your answers here have not changed.");
          return;
        }
        // Each statement's answer goes to each of its easy questions (so saving again gives the same file).
        var state = { role: self.role, set: read.set, answers: {}, notes: {}, step: "end", id: read.id || null };
        var noted = {};
        self.easy.forEach(function (q) {
          var statement = statementOf(q);
          if (has(read.answers, statement)) state.answers[q.id] = read.answers[statement];
          if (read.notes[statement] && !has(noted, statement)) {
            state.notes[q.id] = read.notes[statement];
            noted[statement] = true;
          }
        });
        self.state = state;
        self.go("end");
        self.say("Your answers from the file are open.");
      });
    });
    // The input comes first so its focus can draw the ring on the label beside it (easy-read.css).
    return el("div", { class: "er-open" }, [
      input,
      el("label", { for: "er-open-file", class: "er-open__label md-button", text: "Open a file of your answers" }),
    ]);
  };

  EasyScorer.prototype.exportFile = function () {
    var now = new Date();
    this.responseId();
    var state = this.statementState();
    var text = this.core.exportJSON(state, this.data, now);
    var name = "involvement-scores-easy-read-" + now.toISOString().slice(0, 10) + ".json";
    var url = URL.createObjectURL(new Blob([text], { type: "application/json" }));
    var link = el("a", { href: url, download: name, hidden: true });
    document.body.appendChild(link);
    link.click();
    link.remove();
    setTimeout(function () { URL.revokeObjectURL(url); }, 10000);
    this.say("Your answers are saved in a file called " + name + ". Look for it in your downloads.");
  };

  function setUpScorer() {
    var root = document.getElementById("er-scorer");
    if (!root || !window.KIT_SCORING || !window.KitScoring) return;
    new EasyScorer(root, window.KIT_SCORING, window.KitScoring);
  }

  function start() {
    setUpScorer();
    setUpReadAloud();
  }

  window.KitEasyRead = { speakable: speakable, easyStatements: easyStatements, statementAnswers: statementAnswers };

  if (document.readyState === "loading") document.addEventListener("DOMContentLoaded", start);
  else start();
})();
