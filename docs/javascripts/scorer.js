/* The in-browser scorer: pick a role and a set, rate each statement, see the results.
 *
 * Everything stays in this browser: answers are kept in localStorage and leave only as a
 * file the person downloads. Every piece of text is put on the page with textContent or
 * as a form value, never as HTML, so a note like <img onerror=...> stays plain text.
 * Needs window.KIT_SCORING (assets/kit/scoring-data.js) and window.KitScoring (scoring-core.js).
 */
(function () {
  "use strict";

  var STORAGE_KEY = "user-involvement-kit:scorer";
  var dom = window.KitDom, el = dom.el, svg = dom.svg, append = dom.append;
  var SCRIPT = document.currentScript;
  // The site root, worked out from this script's own address (javascripts/scorer.js),
  // so links to area pages work on a web server and in a copy opened from disk.
  var SITE_ROOT = SCRIPT ? new URL("../", SCRIPT.src) : new URL("../", document.baseURI);

  function has(object, key) {
    return Object.prototype.hasOwnProperty.call(object, key);
  }

  function emptyState() {
    return { role: null, set: "quick", answers: {}, notes: {} };
  }

  /* --- storage ---------------------------------------------------------------- */

  var storageWorks = window.KitDom.storageWorks;

  function init() {
    var root = document.getElementById("kit-scorer");
    if (!root || root.getAttribute("data-ready") === "true") return;
    var data = window.KIT_SCORING;
    var core = window.KitScoring;
    if (!data || !core) {
      root.textContent = "The scorer could not start: a file it needs did not load. Try reloading the page, " +
        "or use the paper sheets below.";
      return;
    }
    root.setAttribute("data-ready", "true");
    root.textContent = "";
    new Scorer(root, data, core);
  }

  function Scorer(root, data, core) {
    this.root = root;
    this.data = data;
    this.core = core;
    this.canStore = storageWorks();
    this.state = emptyState();
    this.controls = {};
    this.build();
    this.restore();
    this.showState();
    this.renderResults();
    var self = this;
    // Another tab or window of this scorer saved (or something cleared the answers): say so,
    // and keep nothing from this page until the person chooses whose answers to keep.
    window.addEventListener("storage", function (event) {
      if (event.storageArea === window.localStorage && (event.key === STORAGE_KEY || event.key === null)) self.otherTab();
    });
  }

  Scorer.prototype.otherTab = function () {
    this.stale = true;
    this.controls.elsewhere.hidden = false;
    this.showSaved();
  };

  Scorer.prototype.settleOtherTab = function (useTheirs) {
    this.stale = false;
    this.controls.elsewhere.hidden = true;
    if (useTheirs) {
      this.state = emptyState();
      this.savedAt = null;
      this.restore();
      this.showState();
      this.renderResults();
      this.say("This page now shows the answers kept by the other tab or window.");
    } else {
      this.save();
      this.say("The answers on this page are kept; the other tab's or window's answers were replaced.");
    }
  };

  Scorer.prototype.restore = function () {
    if (!this.canStore) {
      this.say("This browser is not letting the page keep your answers. Export them to a file before you leave.", true);
      return;
    }
    var raw = window.localStorage.getItem(STORAGE_KEY);
    if (!raw) return;
    try {
      var stored = JSON.parse(raw);
      var read = this.core.readObject({
        kind: this.core.FILE_KIND, format: this.core.FILE_FORMAT, version: stored.version,
        role: stored.role, set: stored.set, answers: stored.answers, notes: stored.notes, date: stored.saved,
        id: stored.id || null,
      }, this.data, { lenient: true });
      this.state = { role: read.role, set: read.set, answers: read.answers, notes: read.notes, id: read.id };
      this.savedAt = stored.saved || null;
      if (read.renamed.length || read.removed.length) {
        this.showChanges(read, "The answers kept in this browser came from version " + read.version + " of the kit.");
        this.save();
      }
    } catch (e) {
      this.say("The answers kept in this browser could not be read (" + (e.message || "unknown problem") +
               "). They will be replaced when you answer again.", true);
    }
  };

  Scorer.prototype.save = function () {
    if (!this.canStore) return;
    if (this.stale) {
      this.showSaved();
      return;
    }
    var now = new Date();
    var record = {
      version: this.data.version, saved: now.toISOString(), role: this.state.role, set: this.state.set,
      answers: this.state.answers, notes: this.state.notes, id: this.state.id || null,
    };
    try {
      window.localStorage.setItem(STORAGE_KEY, JSON.stringify(record));
      this.savedAt = record.saved;
      this.showSaved();
    } catch (e) {
      this.say("Your latest change could not be kept in this browser (it may be full). Export your answers now.", true);
    }
  };

  Scorer.prototype.showSaved = function () {
    var text;
    if (!this.canStore) text = "Not kept in this browser: export your answers to keep them.";
    else if (this.stale) text = "Not kept yet: choose above whose answers to keep.";
    else if (!this.savedAt) text = "Nothing saved yet. Each answer is kept in this browser as soon as you give it.";
    else text = "Kept in this browser at " + new Date(this.savedAt).toLocaleTimeString([], { hour: "2-digit", minute: "2-digit" }) + ".";
    this.controls.saved.textContent = text;
  };

  /* --- messages ------------------------------------------------------------------ */

  Scorer.prototype.say = function (message, isError) {
    var status = this.controls.status, error = this.controls.error;
    if (isError) {
      status.textContent = "";
      error.textContent = "";
      append(error, [el("strong", { text: "Sorry: " }), message]);
      error.classList.add("kit-scorer__error--shown");
    } else {
      error.textContent = "";
      error.classList.remove("kit-scorer__error--shown");
      status.textContent = message;
    }
  };

  Scorer.prototype.showChanges = function (read, lead) {
    var box = this.controls.changes;
    box.textContent = "";
    var byId = new Map(this.data.statements.map(function (s) { return [s.id, s]; }));
    var items = [];
    read.renamed.forEach(function (r) {
      items.push(el("li", { text: "'" + r.from + "' is now '" + byId.get(r.to).text + "'; your answer was moved to it." }));
    });
    read.removed.forEach(function (id) {
      items.push(el("li", { text: "'" + id + "' is no longer in the kit; its answer and note were left out." }));
    });
    append(box, [
      el("h3", { text: "Some statements have changed" }),
      el("p", { text: lead + " This page is version " + this.data.version + ". These changes were made:" }),
      el("ul", {}, items),
    ]);
    box.hidden = false;
  };

  /* --- building the page ----------------------------------------------------------- */

  Scorer.prototype.build = function () {
    var self = this, data = this.data, c = this.controls;
    c.status = el("div", { id: "kit-scorer-status", class: "kit-scorer__status", role: "status", "aria-live": "polite" });
    c.error = el("div", { id: "kit-scorer-error", class: "kit-scorer__error", role: "alert" });
    c.changes = el("div", { class: "kit-scorer__changes", hidden: true, tabindex: "-1" });
    var load = el("button", { type: "button", class: "md-button", id: "kit-scorer-elsewhere-load",
                              text: "Show the answers from the other tab" });
    load.addEventListener("click", function () { self.settleOtherTab(true); });
    var keep = el("button", { type: "button", class: "md-button", id: "kit-scorer-elsewhere-keep",
                              text: "Keep the answers on this page" });
    keep.addEventListener("click", function () { self.settleOtherTab(false); });
    c.elsewhere = el("div", { id: "kit-scorer-elsewhere", class: "kit-scorer__elsewhere", role: "alert", hidden: true }, [
      el("p", { text: "Your answers were changed in another tab or window of this browser. Nothing on this page " +
                      "will be kept until you choose which answers to keep." }),
      el("p", {}, [load, " ", keep])]);

    // Role
    var roleFieldset = el("fieldset", { class: "kit-scorer__choice" }, [
      el("legend", { text: "Your role" }),
      el("p", { class: "kit-scorer__hint", id: "kit-role-hint", text: "The one closest to how you know the organisation. We never ask for your name." }),
    ]);
    c.roles = data.roles.map(function (role, i) {
      var input = el("input", { type: "radio", name: "kit-role", id: "kit-role-" + i, value: role, "aria-describedby": "kit-role-hint" });
      input.addEventListener("change", function () { self.state.role = role; self.changed(); });
      roleFieldset.appendChild(el("div", { class: "kit-scorer__option" }, [input, el("label", { for: "kit-role-" + i, text: role })]));
      return input;
    });

    // Set
    var quickCount = this.core.statementsIn(data, "quick").length;
    var setFieldset = el("fieldset", { class: "kit-scorer__choice" }, [el("legend", { text: "Which statements" })]);
    c.sets = {};
    [["quick", data.sets.quick + ": " + quickCount + " statements, about 15 minutes"],
     ["full", data.sets.full + ": all " + data.statements.length + " statements, about an hour"]].forEach(function (pair) {
      var input = el("input", { type: "radio", name: "kit-set", id: "kit-set-" + pair[0], value: pair[0] });
      input.addEventListener("change", function () { self.state.set = pair[0]; self.changed(); self.showSet(); });
      c.sets[pair[0]] = input;
      setFieldset.appendChild(el("div", { class: "kit-scorer__option" }, [input, el("label", { for: "kit-set-" + pair[0], text: pair[1] })]));
    });

    // Statements, grouped by area
    c.statements = {};
    c.areaSections = {};
    var form = el("div", { class: "kit-scorer__statements" }, [el("h2", { id: "kit-statements", text: "The statements" }),
      el("p", { text: "For each statement choose the description closest to how things are now, or '" +
                      data.dont_know.short + "'. " + data.scale_meanings })]);
    var number = 0;
    data.areas.forEach(function (area) {
      var own = data.statements.filter(function (s) { return s.area === area.id; });
      if (!own.length) return;
      var section = el("section", { class: "kit-scorer__area", "aria-labelledby": "kit-area-" + area.id }, [
        el("h3", { id: "kit-area-" + area.id }, [
          area.title, " ", el("span", { class: "kit-scorer__kind", text: "(" + area.label + ")" })]),
        el("p", { class: "kit-scorer__area-link" }, [
          el("a", { href: new URL(area.url, SITE_ROOT).href, text: "Read about " + area.title.charAt(0).toLowerCase() + area.title.slice(1) })]),
      ]);
      c.areaSections[area.id] = section;
      own.forEach(function (s) {
        number += 1;
        section.appendChild(self.statementFieldset(s, number));
      });
      form.appendChild(section);
    });

    // Keeping, exporting, importing, clearing
    c.saved = el("p", { class: "kit-scorer__saved" });
    var exportJson = el("button", { type: "button", class: "md-button", text: "Export answers (JSON)" });
    exportJson.addEventListener("click", function () { self.exportFile("json"); });
    var exportCsv = el("button", { type: "button", class: "md-button", text: "Export for a spreadsheet (CSV)" });
    exportCsv.addEventListener("click", function () { self.exportFile("csv"); });
    c.importInput = el("input", { type: "file", id: "kit-import", accept: ".json,application/json", "aria-describedby": "kit-import-hint" });
    c.importInput.addEventListener("change", function () { self.importFile(); });
    var clear = el("button", { type: "button", class: "md-button kit-scorer__clear", text: "Clear my answers" });
    c.clearButton = clear;
    var confirmYes = el("button", { type: "button", class: "md-button md-button--primary", text: "Yes, clear my answers" });
    var confirmNo = el("button", { type: "button", class: "md-button", text: "Cancel" });
    c.confirm = el("div", { class: "kit-scorer__confirm", hidden: true, role: "group", "aria-labelledby": "kit-confirm-q" }, [
      el("p", { id: "kit-confirm-q", tabindex: "-1", text: "Clear every answer and note kept in this browser? This cannot be undone. Export them first if you want a copy." }),
      confirmYes, " ", confirmNo]);
    clear.addEventListener("click", function () {
      c.confirm.hidden = false;
      clear.setAttribute("aria-expanded", "true");
      c.confirm.querySelector("p").focus();
    });
    confirmNo.addEventListener("click", function () {
      c.confirm.hidden = true;
      clear.setAttribute("aria-expanded", "false");
      clear.focus();
      self.say("Nothing was cleared.");
    });
    confirmYes.addEventListener("click", function () { self.clearAll(); });
    // Escape answers no, as it would close a dialog.
    c.confirm.addEventListener("keydown", function (event) {
      if (event.key === "Escape") { event.preventDefault(); confirmNo.click(); }
    });
    clear.setAttribute("aria-expanded", "false");

    var tools = el("section", { class: "kit-scorer__tools", "aria-labelledby": "kit-tools" }, [
      el("h2", { id: "kit-tools", text: "Keep, share or clear your answers" }),
      c.saved,
      el("p", { class: "kit-scorer__reminder" }, [el("strong", { text: "Export your answers to keep them. " }),
        "They are kept only in this browser on this device, and nothing you enter is sent anywhere. " +
        "Some browsers delete what a site has stored after about a week without a visit."]),
      el("div", { class: "kit-scorer__buttons" }, [exportJson, " ", exportCsv]),
      el("div", { class: "kit-scorer__import" }, [
        el("label", { for: "kit-import", text: "Import answers from a JSON file exported here" }),
        el("p", { id: "kit-import-hint", class: "kit-scorer__hint", text: "The file's answers replace the ones on this page. If the file cannot be used, your answers stay as they are." }),
        c.importInput]),
      el("div", { class: "kit-scorer__buttons" }, [clear]),
      c.confirm,
      // Messages sit beside the buttons that cause them, where the person is looking.
      el("div", { class: "kit-scorer__messages" }, [c.status, c.error]), c.changes,
    ]);

    // Results
    c.results = el("div", { class: "kit-scorer__results-body" });
    var print = el("button", { type: "button", class: "md-button", text: "Print the results" });
    print.addEventListener("click", function () { window.print(); });
    var results = el("section", { class: "kit-scorer__results", id: "kit-results", "aria-labelledby": "kit-results-heading" }, [
      el("h2", { id: "kit-results-heading", text: "Your results" }), c.results,
      el("p", { class: "kit-scorer__print" }, [print])]);

    append(this.root, [c.elsewhere, el("div", { class: "kit-scorer__form" }, [roleFieldset, setFieldset, form]), tools, results]);
  };

  Scorer.prototype.statementFieldset = function (s, number) {
    var self = this;
    var fieldset = el("fieldset", { class: "kit-statement", id: "kit-st-" + s.id, "data-statement": s.id }, [
      el("legend", {}, [el("span", { class: "kit-statement__number", text: number + ". " }), s.text])]);
    var numberSpan = fieldset.querySelector(".kit-statement__number");
    var inputs = {};
    var options = el("div", { class: "kit-statement__options" });
    [0, 1, 2, "dk"].forEach(function (value) {
      var id = "kit-" + s.id + "-" + value;
      var input = el("input", { type: "radio", name: "kit-answer-" + s.id, id: id, value: String(value) });
      input.addEventListener("change", function () {
        self.state.answers[s.id] = value === "dk" ? null : value;
        self.changed();
      });
      inputs[value] = input;
      var label = value === "dk"
        ? el("label", { for: id }, [el("span", { class: "kit-statement__level", text: self.data.dont_know.short })])
        : el("label", { for: id }, [
            el("span", { class: "kit-statement__level", text: value + " · " + self.data.scale[value].short + ": " }),
            el("span", { class: "kit-statement__descriptor", text: s.levels[value] })]);
      options.appendChild(el("div", { class: "kit-scorer__option kit-statement__option" }, [input, label]));
    });
    var noteId = "kit-note-" + s.id;
    var note = el("textarea", { id: noteId, rows: "2", maxlength: String(this.core.MAX_NOTE_CHARS), class: "kit-statement__note" });
    note.addEventListener("input", function () {
      if (note.value) self.state.notes[s.id] = note.value;
      else delete self.state.notes[s.id];
      self.changed();
    });
    append(fieldset, [options, el("div", { class: "kit-statement__note-wrap" }, [
      el("label", { for: noteId, text: "Note (optional): what makes you say that?" }), note])]);
    this.controls.statements[s.id] = { fieldset: fieldset, inputs: inputs, note: note, statement: s, number: numberSpan };
    return fieldset;
  };

  /* --- showing the state --------------------------------------------------------- */

  Scorer.prototype.showState = function () {
    var c = this.controls, state = this.state;
    c.roles.forEach(function (input) { input.checked = input.value === state.role; });
    Object.keys(c.sets).forEach(function (set) { c.sets[set].checked = set === state.set; });
    Object.keys(c.statements).forEach(function (id) {
      var row = c.statements[id];
      var present = has(state.answers, id);
      var value = present ? (state.answers[id] === null ? "dk" : state.answers[id]) : undefined;
      Object.keys(row.inputs).forEach(function (key) { row.inputs[key].checked = present && String(value) === key; });
      row.note.value = has(state.notes, id) ? state.notes[id] : "";
    });
    this.showSet();
    this.showSaved();
  };

  Scorer.prototype.showSet = function () {
    var c = this.controls, quick = this.state.set === "quick";
    var shownAreas = {}, number = 0;
    // Numbered within the set, as on the paper sheets.
    var data = this.data;
    var ordered = [];
    data.areas.forEach(function (area) {
      data.statements.forEach(function (s) { if (s.area === area.id) ordered.push(s); });
    });
    ordered.forEach(function (s) {
      var row = c.statements[s.id];
      var shown = !quick || s.quick;
      row.fieldset.hidden = !shown;
      if (shown) {
        shownAreas[s.area] = true;
        number += 1;
        row.number.textContent = number + ". ";
      }
    });
    Object.keys(c.areaSections).forEach(function (area) { c.areaSections[area].hidden = !shownAreas[area]; });
  };

  Scorer.prototype.changed = function () {
    this.save();
    this.renderResults();
  };

  /* --- results ---------------------------------------------------------------------- */

  Scorer.prototype.renderResults = function () {
    var core = this.core, data = this.data, state = this.state, box = this.controls.results;
    var rows = core.results(data, state.set, state.answers);
    var inSet = core.statementsIn(data, state.set);
    var answered = inSet.filter(function (s) { return has(state.answers, s.id); }).length;
    box.textContent = "";

    var facts = [
      "Role: " + (state.role || "not chosen"),
      "Set: " + data.sets[state.set],
      "Kit version " + data.version,
      "Date: " + new Date().toLocaleDateString("en-GB", { day: "numeric", month: "long", year: "numeric" }),
    ];
    append(box, [
      el("p", { class: "kit-scorer__facts", text: facts.join(" · ") }),
      el("p", { class: "kit-scorer__progress", id: "kit-progress",
                text: "You have answered " + answered + " of " + inSet.length + " statements." }),
    ]);
    if (!rows.some(function (r) { return r.score !== null; })) {
      box.appendChild(el("p", { class: "kit-scorer__empty", text: "No scores yet: answer a statement with 0, 1 or 2 to see your results here." }));
    }
    box.appendChild(this.chart(rows));
    box.appendChild(this.table(rows));

    var strong = core.strengths(rows, 3), start = core.whereToStart(rows, 3);
    box.appendChild(el("h3", { text: "Strengths" }));
    box.appendChild(el("p", { class: "kit-scorer__hint", text: "Areas scoring 1.5 or more, highest first: build on these." }));
    box.appendChild(strong.length
      ? el("ul", { class: "kit-scorer__strengths" }, strong.map(function (r) {
          return el("li", {}, [el("strong", { text: r.area.title }), " (" + r.area.label.toLowerCase() + "): " + core.displayScore(r.score) + " out of 2"]);
        }))
      : el("p", { text: "No area scores 1.5 or more yet." }));
    box.appendChild(el("h3", { text: "Where to start" }));
    box.appendChild(el("p", { class: "kit-scorer__hint", text: "The three lowest-scoring areas, lowest first. Talk about these together before choosing one to work on." }));
    box.appendChild(start.length
      ? el("ol", { class: "kit-scorer__start" }, start.map(function (r) {
          return el("li", {}, [el("a", { href: new URL(r.area.url, SITE_ROOT).href, text: r.area.title }),
            " (" + r.area.label.toLowerCase() + "): " + core.displayScore(r.score) + " out of 2. Its page has ideas to try and questions to discuss."]);
        }))
      : el("p", { text: this.nothingToStart(rows, answered) }));

    box.appendChild(this.answerCode());
    box.appendChild(this.answerList(inSet));
  };

  // Why "Where to start" lists no area: nothing answered, only don't-knows, or everything at 2.
  Scorer.prototype.nothingToStart = function (rows, answered) {
    if (!answered) return "The lowest-scoring areas will be listed here once you have answered some statements.";
    if (!rows.some(function (r) { return r.score !== null; })) {
      return "You answered '" + this.data.dont_know.short + "' to every statement, so no area has a score yet. " +
        "Ask someone who knows that part of the organisation, or answer with 0, 1 or 2 where you can.";
    }
    return "Every area you scored is at 2, the highest level: there is no low area to start from. " +
      "Check with others, especially people who use services, that they see it the same way.";
  };

  // The answers as a code to type or scan (answer-code.js), for handing over without a file.
  Scorer.prototype.answerCode = function () {
    var state = this.state;
    var section = el("div", { class: "kit-scorer__code", id: "kit-answer-code" }, [el("h3", { text: "Your answer code" })]);
    var body = el("div");
    section.appendChild(body);
    // The code carries the response id, so it is made here if this answer set has none yet;
    // it is kept with the answers (nothing is written to the browser before there are any).
    if (!state.id) {
      state.id = this.core.newResponseId();
      if (Object.keys(state.answers).length || Object.keys(state.notes).length) this.save();
    }
    if (window.KitAnswerCode) {
      window.KitAnswerCode.show(body, { set: state.set, role: state.role, answers: state.answers, id: state.id }, this.data);
    } else {
      body.appendChild(el("p", { text: "The answer code could not be made: a file it needs did not load. Export your answers instead." }));
    }
    return section;
  };

  Scorer.prototype.chart = function (rows) {
    // Each area's name sits above its bar, so the chart stays narrow enough to read on a phone.
    var core = this.core;
    var barMax = 330, rowHeight = 46, top = 6, width = 400;
    var axis = top + rows.length * rowHeight;
    var height = axis + 24;
    var scored = rows.filter(function (r) { return r.score !== null; });
    var data = this.data;
    var description = "Bar chart of the score for each area, " + data.scale_range + ". " +
      (scored.length ? scored.map(function (r) {
        return r.area.title + ": " + core.displayScore(r.score);
      }).join("; ") + "." : "No area has a score yet.") + " The same figures are in the table below.";
    var chart = svg("svg", { class: "kit-scorer__chart", role: "img", viewBox: "0 0 " + width + " " + height,
                             "aria-labelledby": "kit-chart-title kit-chart-desc", focusable: "false" }, [
      svg("title", { id: "kit-chart-title", text: "Score per area" }),
      svg("desc", { id: "kit-chart-desc", text: description }),
    ]);
    [0, 1, 2].forEach(function (tick) {
      var x = 1 + tick * barMax / 2;
      chart.appendChild(svg("line", { x1: x, x2: x, y1: top, y2: axis, class: "kit-chart__grid" }));
      chart.appendChild(svg("text", { x: x, y: axis + 18, "text-anchor": tick === 0 ? "start" : "middle",
                                      class: "kit-chart__tick", text: String(tick) }));
    });
    rows.forEach(function (r, i) {
      var y = top + i * rowHeight;
      chart.appendChild(svg("text", { x: 6, y: y + 15, class: "kit-chart__label", text: r.area.title }));
      if (r.score === null) {
        chart.appendChild(svg("text", { x: 6, y: y + 36, class: "kit-chart__none", text: "no score" }));
        return;
      }
      var w = Math.max(r.score * barMax / 2, 2);
      chart.appendChild(svg("rect", { x: 1, y: y + 21, width: w, height: 18,
                                      class: "kit-chart__bar kit-chart__bar--" + r.area.kind }));
      chart.appendChild(svg("text", { x: w + 7, y: y + 35, class: "kit-chart__value", text: core.displayScore(r.score) }));
    });
    return el("figure", { class: "kit-scorer__figure" }, [chart, el("figcaption", {
      text: "Scale: " + data.scale.map(function (level) { return level.value + " " + level.word; }).join(", ") +
        ". Enablers in blue, barriers in purple; each bar is named above it." })]);
  };

  Scorer.prototype.table = function (rows) {
    var core = this.core, dontKnow = this.data.dont_know;
    var body = el("tbody", {}, rows.map(function (r) {
      return el("tr", {}, [
        el("th", { scope: "row" }, [el("a", { href: new URL(r.area.url, SITE_ROOT).href, text: r.area.title })]),
        el("td", { text: r.area.label }),
        el("td", { class: "kit-scorer__num", text: r.score === null ? "No score" : core.displayScore(r.score) }),
        el("td", { class: "kit-scorer__num", text: r.answered + " of " + r.statements }),
        el("td", { class: "kit-scorer__num", text: String(r.dontKnow) }),
      ]);
    }));
    return el("div", { class: "kit-scorer__table-wrap" }, [el("table", { class: "kit-scorer__table", id: "kit-results-table" }, [
      el("caption", { text: "Score per area, from 0 to 2 (the mean of the statements answered; '" + dontKnow.word +
                             "' is left out)" }),
      el("thead", {}, [el("tr", {}, ["Area", "Kind", "Score", "Answered", dontKnow.short].map(function (h) {
        return el("th", { scope: "col", text: h });
      }))]),
      body])]);
  };

  Scorer.prototype.answerList = function (inSet) {
    var state = this.state, data = this.data;
    var items = inSet.filter(function (s) { return has(state.answers, s.id) || has(state.notes, s.id); }).map(function (s) {
      var present = has(state.answers, s.id), value = present ? state.answers[s.id] : undefined;
      var answer = !present ? "Not answered" : value === null ? data.dont_know.short
        : value + " (" + data.scale[value].word + "): " + s.levels[value];
      var children = [el("span", { class: "kit-answers__statement", text: s.text }), el("br"),
                      el("span", { class: "kit-answers__answer", text: "Answer: " + answer })];
      if (has(state.notes, s.id)) {
        children.push(el("br"));
        children.push(el("span", { class: "kit-answers__note", text: "Note: " + state.notes[s.id] }));
      }
      return el("li", { "data-statement": s.id }, children);
    });
    var section = el("div", { class: "kit-answers" }, [el("h3", { text: "Your answers and notes" })]);
    section.appendChild(items.length ? el("ul", {}, items) : el("p", { text: "None yet." }));
    return section;
  };

  /* --- files ------------------------------------------------------------------------ */

  Scorer.prototype.exportFile = function (kind) {
    var now = new Date();
    var stamp = now.toISOString().slice(0, 10);
    // One id per answer set, made at its first export or answer code and kept until the answers are cleared.
    if (!this.state.id) { this.state.id = this.core.newResponseId(); this.save(); }
    var text = kind === "csv" ? this.core.exportCSV(this.state, this.data, now) : this.core.exportJSON(this.state, this.data, now);
    var name = "involvement-scores-" + stamp + "." + kind;
    var type = kind === "csv" ? "text/csv;charset=utf-8" : "application/json";
    var blob = new Blob([kind === "csv" ? "\ufeff" + text : text], { type: type });
    var url = URL.createObjectURL(blob);
    var link = el("a", { href: url, download: name, hidden: true });
    document.body.appendChild(link);
    link.click();
    link.remove();
    setTimeout(function () { URL.revokeObjectURL(url); }, 10000);
    this.say("Downloaded " + name + ". It is saved wherever your browser puts downloads.");
  };

  Scorer.prototype.importFile = function () {
    var self = this, input = this.controls.importInput;
    var file = input.files && input.files[0];
    if (!file) return;
    if (file.size > 1000000) {
      input.value = "";
      this.say("That file is too large to be a file of answers from the kit. Your answers have not changed.", true);
      return;
    }
    file.text().then(function (text) {
      var read;
      try {
        read = self.core.readFile(text, self.data);
      } catch (e) {
        var message = e instanceof self.core.ImportProblem ? e.message : "The file could not be read.";
        self.say(message + " Your answers have not changed.", true);
        return;
      }
      self.state = { role: read.role, set: read.set, answers: read.answers, notes: read.notes, id: read.id };
      self.controls.changes.hidden = true;
      self.save();
      self.showState();
      self.renderResults();
      var count = Object.keys(read.answers).length;
      self.say("Imported " + count + (count === 1 ? " answer" : " answers") + " from " + file.name + ".");
      if (read.renamed.length || read.removed.length) {
        self.showChanges(read, "The file came from version " + read.version + " of the kit.");
        self.controls.changes.focus();
      }
    }, function () {
      self.say("The file could not be opened. Your answers have not changed.", true);
    }).then(function () { input.value = ""; });
  };

  Scorer.prototype.clearAll = function () {
    this.state = emptyState();
    if (this.canStore) {
      try { window.localStorage.removeItem(STORAGE_KEY); } catch (e) { /* nothing kept to remove */ }
    }
    this.savedAt = null;
    this.controls.confirm.hidden = true;
    this.controls.clearButton.setAttribute("aria-expanded", "false");
    this.controls.changes.hidden = true;
    this.showState();
    this.renderResults();
    this.controls.clearButton.focus();
    this.say("All answers and notes were cleared from this browser.");
  };

  window.KitDom.onPage(init);
})();
