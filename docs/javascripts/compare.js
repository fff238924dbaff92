/* The compare viewpoints page: load people's exported files or type in paper sheets,
 * then see each role's averages, the spread and the disagreement, area by area and
 * statement by statement, with the biggest gaps first.
 *
 * Everything stays in this browser (localStorage); nothing is sent anywhere. Every piece
 * of text from a file or a person goes on the page with textContent or as a form value,
 * never as HTML. The helpers at the top (window.KitCompareUI) are shared with progress.js.
 * Needs window.KIT_SCORING, window.KitScoring (scoring-core.js) and window.KitCompare
 * (compare-core.js).
 */
(function () {
  "use strict";

  var COMPARE_KEY = "user-involvement-kit:compare";
  var dom = window.KitDom, el = dom.el, svg = dom.svg, append = dom.append;
  var CELL_VALUES = ["0", "1", "2", "?"];
  var COLOURS = ["#0b5394", "#b45309", "#137a4b", "#9b2c7a", "#4b5563", "#6d28d9", "#a61b1b"];
  var uid = 0;

  /* --- shared helpers ----------------------------------------------------------- */

  function has(object, key) {
    return object !== null && object !== undefined && Object.prototype.hasOwnProperty.call(object, key);
  }

  function nextId(prefix) {
    uid += 1;
    return prefix + "-" + uid;
  }

  var storageWorks = window.KitDom.storageWorks;

  function loadStored(key) {
    try {
      var raw = window.localStorage.getItem(key);
      return raw ? JSON.parse(raw) : null;
    } catch (e) {
      return null;
    }
  }

  function saveStored(key, value) {
    try {
      window.localStorage.setItem(key, JSON.stringify(value));
      return true;
    } catch (e) {
      return false;
    }
  }

  /* Shown (and kept up to date) after each save: whether this browser kept what is on the page.
     `ok` false: the browser refused it, most likely because its storage is full. */
  function storageWarning(root, ok, lost) {
    var box = root.querySelector(".kit-storage-warning");
    if (ok) { if (box) box.remove(); return; }
    if (box) return;
    box = el("div", { class: "kit-storage-warning kit-compare__warning", role: "alert" }, [
      el("strong", { text: "Not kept: " }),
      "what is on this page could not be kept in this browser (its storage may be full), so " + lost +
        " will be lost when you leave or reload. Keep the files, or print the page, before you go."]);
    root.insertBefore(box, root.firstChild);
  }

  function forget(key) {
    try {
      window.localStorage.removeItem(key);
    } catch (e) { /* nothing kept */ }
  }

  /** The kit's threshold, kept inside the range the kit allows (scoring-data.js `limits`). */
  function threshold(data) {
    var t = data && data.threshold;
    var range = data && data.limits && data.limits.threshold || [2, 20];
    if (typeof t !== "number" || !isFinite(t)) return 3;
    return Math.min(range[1], Math.max(range[0], Math.floor(t)));
  }

  /** A score for people: one decimal place, or a dash for none. */
  function show(core, value) {
    var text = core.displayScore(value);
    return text === null ? "–" : text;
  }

  function plural(count, one, many) {
    return count + " " + (count === 1 ? one : many);
  }

  function quoted(text) {
    return "\u201c" + text + "\u201d";
  }

  /** statement id -> area id for the set that covers everyone (full if anyone used it). */
  function statementAreasFor(core, data, people) {
    var full = people.some(function (p) { return p.set === "full"; });
    return core.statementAreas(data, full ? "full" : "quick");
  }

  /** Check one person's stored answers again against this kit; null if they no longer fit. */
  function revive(core, data, stored) {
    if (!stored || typeof stored !== "object") return null;
    try {
      var read = core.readObject({
        kind: core.FILE_KIND, format: core.FILE_FORMAT, version: stored.version || data.version,
        role: stored.role === undefined ? null : stored.role, set: stored.set || "quick",
        answers: stored.answers || {}, notes: stored.notes || {}, date: stored.date || null, id: stored.id || null,
      }, data, { lenient: true });
      return { source: String(stored.source || "A file"), version: data.version, date: read.date,
               role: read.role, set: read.set, answers: read.answers, notes: read.notes, id: read.id };
    } catch (e) {
      return null;
    }
  }

  /**
   * Read the files a person chose. Calls back with {people: [...], problems: [text]}:
   * each good file becomes one person; each bad one gives a message naming the file.
   */
  function readFiles(core, data, files, done) {
    var list = Array.prototype.slice.call(files || []);
    var people = [], problems = [];
    var left = list.length;
    if (!left) { done({ people: people, problems: problems }); return; }
    var results = new Array(list.length);
    list.forEach(function (file, index) {
      var reader = new FileReader();
      reader.onload = function () {
        try {
          var read = core.readFile(String(reader.result), data);
          results[index] = { person: { source: file.name, version: data.version, date: read.date, role: read.role,
                                       set: read.set, answers: read.answers, notes: read.notes, id: read.id } };
        } catch (e) {
          results[index] = { problem: quoted(file.name) + " was not added: " + (e && e.message ? e.message : "it could not be read.") };
        }
        finish();
      };
      reader.onerror = function () {
        results[index] = { problem: quoted(file.name) + " was not added: the browser could not open it." };
        finish();
      };
      reader.readAsText(file);
    });
    function finish() {
      left -= 1;
      if (left) return;
      results.forEach(function (r) {
        if (r.person) people.push(r.person);
        else problems.push(r.problem);
      });
      done({ people: people, problems: problems });
    }
  }

  /**
   * Add newly read people to a list, one person once: a file whose response id (or, for a
   * file from before ids, whose whole content) is already there is refused, naming both
   * files. Returns {added, problems}.
   */
  function addOnce(core, people, incoming) {
    var seen = new Map();
    people.forEach(function (p) { seen.set(core.identity(p), p.source); });
    var added = 0, problems = [];
    incoming.forEach(function (person) {
      var key = core.identity(person);
      if (seen.has(key)) {
        var first = seen.get(key);
        problems.push(quoted(person.source) + " was not added: it holds the same answers as " + quoted(first) +
          (first === person.source ? " (already loaded)" : "") + ", and each person counts once.");
        return;
      }
      seen.set(key, person.source);
      people.push(person);
      added += 1;
    });
    return { added: added, problems: problems };
  }

  /** The people typed into the entry grid who have at least one answer. */
  function gridPeople(core, data, grid) {
    if (!grid || !Array.isArray(grid.rows)) return [];
    var ids = core.statementsIn(data, grid.set === "full" ? "full" : "quick").map(function (s) { return s.id; });
    var out = [];
    grid.rows.forEach(function (row, index) {
      var answers = {};
      var any = false;
      ids.forEach(function (id) {
        var cell = row.cells && row.cells[id];
        if (cell === "0" || cell === "1" || cell === "2") { answers[id] = Number(cell); any = true; }
        else if (cell === "?") { answers[id] = null; any = true; }
      });
      if (!any) return;
      var role = data.roles.indexOf(row.role) !== -1 ? row.role : null;
      out.push({ source: "Typed in, person " + (index + 1), role: role, set: grid.set === "full" ? "full" : "quick",
                 answers: answers, notes: {} });
    });
    return out;
  }

  /** Everyone kept on the compare page: loaded files, then typed-in rows. */
  function keptComparison(core, data) {
    var stored = loadStored(COMPARE_KEY) || {};
    var files = (Array.isArray(stored.people) ? stored.people : []).map(function (p) { return revive(core, data, p); })
      .filter(Boolean);
    return files.concat(gridPeople(core, data, stored.grid));
  }

  /**
   * A horizontal bar chart on a 0 to 2 scale: for each row, one bar per series.
   * rows: [{label, values: [number|null]}], series: [name], scale: the levels of scoring-data.js.
   * The SVG is role="img" with a title and a description giving every figure, so it reads the
   * same as the table.
   */
  function barChart(core, options) {
    var rows = options.rows, series = options.series;
    // Drawn to the width it is shown at (between 280 and 600 units), so text stays readable on a phone.
    var width = Math.round(Math.max(280, Math.min(600, options.width || 600)));
    var narrow = width < 480;
    var left = 4, right = 40, scaleWidth = width - left - right;
    var bar = 16, gap = 4, titleHeight = 22, after = 14, top = 34;
    var wrapped = rows.map(function (row) { return wrap(row.label, Math.floor(width / 9.3), 3); });
    var height = top + rows.length * (series.length * (bar + gap) + after) +
      wrapped.reduce(function (total, lines) { return total + lines.length * titleHeight; }, 0);
    var titleId = nextId("kit-chart-title"), descId = nextId("kit-chart-desc");
    // A withheld figure gets no bar and says why, in the words scoring-data.js gives.
    var tooFew = options.tooFew || "";
    function held(row, i) { return !!(row.withheld && row.withheld[i]); }
    var description = rows.map(function (row) {
      return row.label + ": " + series.map(function (name, i) {
        if (held(row, i)) return name + " " + tooFew;
        return name + " " + (row.values[i] === null || row.values[i] === undefined ? "no score" : show(core, row.values[i]));
      }).join(", ");
    }).join(". ") + ".";
    var chart = svg("svg", { viewBox: "0 0 " + width + " " + height, role: "img", class: "kit-chart",
                             "aria-labelledby": titleId + " " + descId, width: "100%" }, [
      svg("title", { id: titleId, text: options.title }),
      svg("desc", { id: descId, text: (options.summary ? options.summary + " " : "") + description }),
    ]);
    [0, 1, 2].forEach(function (tick) {
      var x = left + (scaleWidth * tick) / 2;
      chart.appendChild(svg("line", { x1: x, x2: x, y1: 22, y2: height - 6, class: "kit-chart__grid" }));
      chart.appendChild(svg("text", { x: x, y: 16, class: "kit-chart__tick",
                                      "text-anchor": tick === 0 ? "start" : tick === 2 ? "end" : "middle",
                                      text: narrow ? String(tick) : tick + " " + options.scale[tick].short }));
    });
    var y = top;
    rows.forEach(function (row, r) {
      wrapped[r].forEach(function (line) {
        chart.appendChild(svg("text", { x: left, y: y + 16, class: "kit-chart__label", text: line }));
        y += titleHeight;
      });
      series.forEach(function (name, i) {
        var value = row.values[i];
        var colour = COLOURS[i % COLOURS.length];
        if (held(row, i)) {
          chart.appendChild(svg("text", { x: left + 4, y: y + bar - 4, class: "kit-chart__value", text: name + ": " + tooFew }));
        } else if (value === null || value === undefined) {
          chart.appendChild(svg("text", { x: left + 4, y: y + bar - 4, class: "kit-chart__value", text: name + ": no score" }));
        } else {
          var w = Math.max(2, (scaleWidth * value) / 2);
          chart.appendChild(svg("rect", { x: left, y: y, width: w, height: bar, fill: colour, rx: 2 }));
          chart.appendChild(svg("text", { x: left + w + 5, y: y + bar - 4, class: "kit-chart__value",
                                          text: show(core, value) }));
        }
        y += bar + gap;
      });
      y += after;
    });
    var legend = el("ul", { class: "kit-chart__legend" }, series.map(function (name, i) {
      return el("li", {}, [el("span", { class: "kit-chart__swatch", style: "background:" + COLOURS[i % COLOURS.length],
                                        "aria-hidden": "true" }), name]);
    }));
    return el("figure", { class: "kit-chart__figure" }, [
      el("figcaption", { text: options.title }),
      legend,
      chart,
    ]);
  }

  /** For each group in order, whether the row's figure for it is withheld. */
  function withheldOf(row, groups) {
    return groups.map(function (g) { return !!(row.withheld && row.withheld.indexOf(g) !== -1); });
  }

  /** Break a label into lines of about `size` characters, at most `most` lines. */
  function wrap(text, size, most) {
    var lines = [], line = "";
    String(text).split(/\s+/).forEach(function (word) {
      if (line && (line + " " + word).length > size) { lines.push(line); line = word; }
      else line = line ? line + " " + word : word;
    });
    if (line) lines.push(line);
    if (lines.length > most) {
      lines = lines.slice(0, most);
      lines[most - 1] = lines[most - 1].replace(/\s*\S*$/, "") + "\u2026";
    }
    return lines.length ? lines : [""];
  }

  /** A table in a box that scrolls sideways on its own on a narrow screen. */
  function scrollBox(table, label) {
    return el("div", { class: "kit-compare__scroll", role: "region", tabindex: "0", "aria-label": label }, [table]);
  }

  function download(name, type, text) {
    // A CSV starts with a byte order mark, or Excel reads it in the old Windows code page (£, é break).
    if (/^text\/csv/.test(type) && text.charAt(0) !== "\ufeff") text = "\ufeff" + text;
    var blob = new Blob([text], { type: type });
    var url = URL.createObjectURL(blob);
    var link = el("a", { href: url, download: name, hidden: true });
    document.body.appendChild(link);
    link.click();
    setTimeout(function () {
      URL.revokeObjectURL(url);
      link.remove();
    }, 1000);
  }

  /** A question asked on the page itself (no pop-up), with a yes and a no button. */
  function confirmPanel(idPrefix, question, yesText, noText, onYes, back) {
    var panel = el("div", { class: "kit-compare__confirm", id: idPrefix + "-confirm", hidden: true,
                            role: "group", "aria-labelledby": idPrefix + "-question" }, [
      el("p", { id: idPrefix + "-question", text: question }),
    ]);
    var yes = el("button", { type: "button", class: "md-button md-button--primary", id: idPrefix + "-yes", text: yesText });
    var no = el("button", { type: "button", class: "md-button", id: idPrefix + "-no", text: noText });
    yes.addEventListener("click", function () { panel.hidden = true; onYes(); if (back) back.focus(); });
    no.addEventListener("click", function () { panel.hidden = true; if (back) back.focus(); });
    append(panel, [yes, " ", no]);
    // Escape answers no, as it would close a dialog.
    panel.addEventListener("keydown", function (event) {
      if (event.key === "Escape") { event.preventDefault(); no.click(); }
    });
    panel.ask = function () { panel.hidden = false; no.focus(); };
    return panel;
  }

  /* Another tab or window changed what `owner` keeps under `key`: say so, and keep nothing
     from this page (owner.stale) until it is reloaded, so neither tab silently overwrites the other. */
  function watchOtherTabs(owner, key) {
    window.addEventListener("storage", function (event) {
      if (event.storageArea !== window.localStorage || (event.key !== key && event.key !== null)) return;
      owner.stale = true;
      if (owner.root.querySelector(".kit-other-tab")) return;
      var reload = el("button", { type: "button", class: "md-button", text: "Reload this page to see them" });
      reload.addEventListener("click", function () { window.location.reload(); });
      owner.root.insertBefore(el("div", { class: "kit-other-tab kit-storage-warning", role: "alert" }, [
        el("p", { text: "What this page keeps was changed in another tab or window of this browser. " +
                        "Changes made here from now on are not kept, so that neither page overwrites the other." }),
        el("p", {}, [reload])]), owner.root.firstChild);
    });
  }

  window.KitCompareUI = {
    has: has, el: el, svg: svg, nextId: nextId, storageWorks: storageWorks, loadStored: loadStored,
    saveStored: saveStored, forget: forget, threshold: threshold, show: show, plural: plural, quoted: quoted,
    statementAreasFor: statementAreasFor, revive: revive, readFiles: readFiles, addOnce: addOnce, gridPeople: gridPeople,
    keptComparison: keptComparison, barChart: barChart, withheldOf: withheldOf, scrollBox: scrollBox, download: download,
    confirmPanel: confirmPanel, storageWarning: storageWarning, watchOtherTabs: watchOtherTabs, COMPARE_KEY: COMPARE_KEY,
  };

  /* --- the compare page ----------------------------------------------------------- */

  function Page(root, data, core, maths) {
    this.root = root;
    this.data = data;
    this.core = core;
    this.maths = maths;
    this.threshold = threshold(data);
    this.canStore = storageWorks();
    this.people = [];
    this.grid = { set: "quick", rows: [{ role: "", cells: {} }] };
    this.restore();
    this.build();
    watchOtherTabs(this, COMPARE_KEY);
    this.renderFiles();
    this.renderGrid();
    this.renderResults();
  }

  Page.prototype.restore = function () {
    var stored = loadStored(COMPARE_KEY);
    if (!stored) return;
    var core = this.core, data = this.data;
    this.people = (Array.isArray(stored.people) ? stored.people : []).map(function (p) { return revive(core, data, p); })
      .filter(Boolean);
    if (stored.grid && Array.isArray(stored.grid.rows)) {
      this.grid = {
        set: stored.grid.set === "full" ? "full" : "quick",
        rows: stored.grid.rows.filter(function (r) { return r && typeof r === "object"; }).map(function (r) {
          var cells = {};
          Object.keys(r.cells || {}).forEach(function (id) {
            if (CELL_VALUES.indexOf(r.cells[id]) !== -1) cells[id] = r.cells[id];
          });
          return { role: data.roles.indexOf(r.role) !== -1 ? r.role : "", cells: cells };
        }),
      };
      if (!this.grid.rows.length) this.grid.rows.push({ role: "", cells: {} });
    }
  };

  Page.prototype.save = function () {
    if (!this.canStore || this.stale) return;
    var ok = saveStored(COMPARE_KEY, { saved: new Date().toISOString(), people: this.people, grid: this.grid });
    storageWarning(this.root, ok, "the files, codes and typed-in rows");
  };

  Page.prototype.responses = function () {
    return this.people.concat(gridPeople(this.core, this.data, this.grid));
  };

  Page.prototype.say = function (text) {
    this.status.textContent = "";
    var status = this.status;
    // A fresh text node each time, so screen readers announce a repeated message too.
    setTimeout(function () { status.textContent = text; }, 50);
  };

  Page.prototype.showProblems = function (problems, codes) {
    this.error.textContent = "";
    if (!problems.length) {
      this.error.hidden = true;
      return;
    }
    append(this.error, [
      el("p", { class: "kit-compare__error-title", text: codes ? (problems.length === 1 ? "A code was not added" : "Some codes were not added")
        : problems.length === 1 ? "A file was not added" : "Some files were not added" }),
      el("ul", {}, problems.map(function (text) { return el("li", { text: text }); })),
      el("p", { text: codes ? "Everything loaded before is still here, and each code that was not added is still in the box to correct."
        : "Everything loaded before is still here. Check that each file is one exported from the scoring page of this kit." }),
    ]);
    this.error.hidden = false;
  };

  Page.prototype.build = function () {
    var self = this;
    this.root.textContent = "";

    this.status = el("p", { class: "kit-compare__status", role: "status", "aria-live": "polite", id: "kit-compare-status" });
    this.error = el("div", { class: "kit-compare__error", id: "kit-compare-error", role: "alert", hidden: true, tabindex: "-1" });

    // Files.
    this.fileInput = el("input", { type: "file", id: "kit-compare-files", multiple: true, accept: ".json,application/json" });
    this.fileInput.addEventListener("change", function () {
      var files = self.fileInput.files;
      readFiles(self.core, self.data, files, function (result) {
        var once = addOnce(self.core, self.people, result.people);
        var added = once.added;
        var problems = result.problems.concat(once.problems);
        self.fileInput.value = "";
        self.save();
        self.showProblems(problems);
        self.renderFiles();
        self.renderResults();
        self.say(added ? plural(added, "file", "files") + " added. " + self.summaryText() :
          "No files were added. " + self.summaryText());
        if (problems.length) self.error.focus();
      });
    });
    this.filesList = el("div", { id: "kit-compare-file-list" });
    var filesSection = el("section", { class: "kit-compare__files", "aria-labelledby": "kit-compare-files-heading" }, [
      el("h2", { id: "kit-compare-files-heading", text: "Load exported files" }),
      el("p", { text: "Ask each person to use Export answers on the scoring page and send you the file. " +
                      "You can choose several files at once." }),
      el("p", { class: "kit-compare__file-pick" }, [
        el("label", { for: "kit-compare-files", text: "Files of answers (JSON)" }), " ", this.fileInput,
      ]),
      this.filesList,
    ]);

    var codesSection = this.buildCodes();

    // Entry grid.
    var setField = el("fieldset", { class: "kit-compare__set" }, [el("legend", { text: "Statements on the paper sheets" })]);
    ["quick", "full"].forEach(function (set) {
      var id = "kit-grid-set-" + set;
      var input = el("input", { type: "radio", name: "kit-grid-set", id: id, value: set });
      input.checked = self.grid.set === set;
      input.addEventListener("change", function () {
        if (!input.checked) return;
        self.grid.set = set;
        self.save();
        self.renderGrid();
        self.renderResults();
      });
      append(setField, [el("span", { class: "kit-compare__option" }, [
        input, el("label", { for: id, text: self.data.sets[set] })])]);
    });
    this.gridBox = el("div", { id: "kit-grid-box" });
    this.keyList = el("ol", { class: "kit-compare__key", id: "kit-grid-key" });
    var addRow = el("button", { type: "button", class: "md-button", id: "kit-grid-add", text: "Add a person" });
    addRow.addEventListener("click", function () { self.addRow(); });
    var gridSection = el("section", { class: "kit-compare__grid", "aria-labelledby": "kit-grid-heading" }, [
      el("h2", { id: "kit-grid-heading", text: "Type in paper sheets" }),
      el("p", { id: "kit-grid-help", text: "One row for each person. Choose their role, then type 0, 1 or 2 for each statement, " +
        "or ? for don't know; the cursor moves on by itself. Leave a box empty if the person left it blank. " +
        "Use the arrow keys to move about, Backspace to empty a box, and Enter to start a new row." }),
      setField,
      this.gridBox,
      el("p", {}, [addRow]),
      el("details", { class: "kit-compare__key-wrap" }, [
        el("summary", { text: "What each numbered statement says" }),
        this.keyList,
      ]),
    ]);

    // Clearing and printing.
    var clear = el("button", { type: "button", class: "md-button", id: "kit-compare-clear", text: "Clear everything" });
    var confirm = confirmPanel("kit-compare-clear", "Clear every file and every typed-in row from this page and this browser? " +
      "This cannot be undone.", "Yes, clear everything", "No, keep them", function () { self.clearAll(); }, clear);
    clear.addEventListener("click", function () { confirm.ask(); });
    var print = el("button", { type: "button", class: "md-button md-button--primary", id: "kit-compare-print",
                               text: "Print the summary" });
    print.addEventListener("click", function () { window.print(); });
    var tools = el("div", { class: "kit-compare__tools" }, [el("p", {}, [print, " ", clear]), confirm]);

    this.results = el("section", { class: "kit-compare__results", id: "kit-compare-results",
                                   "aria-labelledby": "kit-compare-results-heading" });

    append(this.root, [filesSection, codesSection, gridSection, this.error, this.status, tools, this.results]);
    if (!this.canStore) {
      append(this.root, [el("p", { class: "kit-compare__warning", text: "This browser is not letting the page keep the answers, " +
        "so they will be lost when you leave." })]);
    }
    this.root.setAttribute("data-ready", "true");
  };

  /* Answer codes typed in (answer-code.js), one per line, beside files and the grid. A line
     that cannot be read stays in the box with a message naming it; lines added leave it. */
  Page.prototype.buildCodes = function () {
    var self = this;
    var box = el("textarea", { id: "kit-compare-codes", rows: "4", spellcheck: "false", autocomplete: "off",
                               autocapitalize: "characters", "aria-describedby": "kit-compare-codes-help" });
    var add = el("button", { type: "button", class: "md-button", id: "kit-compare-codes-add", text: "Add these codes" });
    add.addEventListener("click", function () { self.addCodes(box); });
    return el("section", { class: "kit-compare__codes", "aria-labelledby": "kit-compare-codes-heading" }, [
      el("h2", { id: "kit-compare-codes-heading", text: "Type in answer codes" }),
      el("p", { id: "kit-compare-codes-help", text: "Each scorer shows an answer code under its results. Type or paste " +
        "one code on each line; capitals, spaces and hyphens do not matter. A code that cannot be read stays here " +
        "so you can correct it." }),
      el("p", {}, [el("label", { for: "kit-compare-codes", text: "Answer codes, one on each line" })]),
      box, el("p", {}, [add]),
    ]);
  };

  Page.prototype.addCodes = function (box) {
    var self = this, api = window.KitAnswerCode;
    var problems = [], kept = [], added = 0;
    // Each person once: a code whose response id is already here (from a file or a code) is refused.
    var seen = new Map();
    this.people.forEach(function (p) { seen.set(self.core.identity(p), quoted(p.source)); });
    box.value.split(/\r?\n/).forEach(function (line, index) {
      if (!line.trim()) return;
      var name = "Line " + (index + 1);
      if (!api) { problems.push(name + " was not added: the page could not load its code reader."); kept.push(line); return; }
      var read;
      try {
        read = api.decode(line, self.data);
      } catch (e) {
        problems.push(name + " was not added: " + (e && e.reason ? e.message : "it could not be read") + ".");
        kept.push(line);
        return;
      }
      var code = api.encode(read, self.data);
      var person = { source: "Answer code " + api.group(code), version: read.version, date: null, role: read.role,
                     set: read.set, answers: read.answers, notes: {}, id: read.id };
      var key = self.core.identity(person);
      if (seen.has(key)) {
        problems.push(name + " was not added: it holds the same answers as " + seen.get(key) +
          ", and each person counts once.");
        kept.push(line);
        return;
      }
      seen.set(key, "line " + (index + 1) + " (" + api.group(code) + ")");
      self.people.push(person);
      added += 1;
    });
    box.value = kept.join("\n");
    this.save();
    this.showProblems(problems, true);
    this.renderFiles();
    this.renderResults();
    this.say(added ? plural(added, "code", "codes") + " added. " + this.summaryText() : "No codes were added. " + this.summaryText());
    if (problems.length) this.error.focus();
  };

  Page.prototype.summaryText = function () {
    var n = this.responses().length;
    return plural(n, "person is", "people are") + " in the comparison.";
  };

  Page.prototype.renderFiles = function () {
    var self = this;
    this.filesList.textContent = "";
    if (!this.people.length) {
      this.filesList.appendChild(el("p", { class: "kit-compare__empty", text: "No files loaded yet." }));
      return;
    }
    var noRole = this.maths.NO_ROLE;
    var roleNames = this.people.map(function (p) { return p.role || noRole; });
    var table = el("table", { class: "kit-compare__table", id: "kit-compare-files-table" }, [
      el("caption", { text: plural(this.people.length, "file", "files") + " loaded" }),
      el("thead", {}, [el("tr", {}, ["File", "Role", "Statements", "Answers", "Remove"].map(function (h) {
        return el("th", { scope: "col", text: h });
      }))]),
    ]);
    var body = el("tbody");
    this.people.forEach(function (person, index) {
      var count = Object.keys(person.answers).length;
      var remove = el("button", { type: "button", class: "kit-compare__remove", text: "Remove",
                                  "aria-label": "Remove " + person.source + " (file " + (index + 1) + ")" });
      remove.addEventListener("click", function () {
        self.people.splice(index, 1);
        self.save();
        self.renderFiles();
        self.renderResults();
        self.say(quoted(person.source) + " removed. " + self.summaryText());
        var next = self.filesList.querySelector("button") || self.fileInput;
        next.focus();
      });
      body.appendChild(el("tr", {}, [
        el("th", { scope: "row", text: person.source }),
        el("td", { text: roleNames[index] }),
        el("td", { text: self.data.sets[person.set] || person.set }),
        el("td", { text: String(count) }),
        el("td", {}, [remove]),
      ]));
    });
    table.appendChild(body);
    this.filesList.appendChild(scrollBox(table, "Files loaded"));
  };

  /* --- the entry grid --------------------------------------------------------------- */

  Page.prototype.gridStatements = function () {
    return this.core.statementsIn(this.data, this.grid.set);
  };

  Page.prototype.cellId = function (row, statementId) {
    return "kit-grid-" + row + "-" + statementId;
  };

  Page.prototype.renderGrid = function (focusId) {
    var self = this;
    var statements = this.gridStatements();
    var areas = new Map(this.data.areas.map(function (a) { return [a.id, a]; }));
    this.gridBox.textContent = "";
    var head = el("tr", {}, [el("th", { scope: "col", text: "Person" }), el("th", { scope: "col", text: "Role" })]);
    statements.forEach(function (s, i) {
      head.appendChild(el("th", { scope: "col", class: "kit-grid__num", title: s.text, text: String(i + 1) }));
    });
    head.appendChild(el("th", { scope: "col", text: "Remove" }));
    var body = el("tbody");
    this.grid.rows.forEach(function (row, r) {
      var roleId = "kit-grid-role-" + r;
      var select = el("select", { id: roleId, class: "kit-grid__role", "aria-label": "Person " + (r + 1) + ", role" });
      select.appendChild(el("option", { value: "", text: "Choose a role" }));
      self.data.roles.forEach(function (role) {
        var option = el("option", { value: role, text: role });
        if (row.role === role) option.selected = true;
        select.appendChild(option);
      });
      select.addEventListener("change", function () {
        row.role = select.value;
        self.save();
        self.renderResults();
      });
      var tr = el("tr", {}, [el("th", { scope: "row", text: String(r + 1) }), el("td", {}, [select])]);
      statements.forEach(function (s, c) {
        var area = areas.get(s.area);
        var input = el("input", {
          type: "text", id: self.cellId(r, s.id), class: "kit-grid__cell", maxlength: "1", size: "1",
          autocomplete: "off", spellcheck: "false",
          "aria-label": "Person " + (r + 1) + ", statement " + (c + 1) + (area ? " (" + area.title + ")" : ""),
          "data-row": r, "data-col": c,
        });
        input.value = has(row.cells, s.id) ? row.cells[s.id] : "";
        input.addEventListener("keydown", function (event) { self.cellKey(event, input, r, c, s.id); });
        input.addEventListener("input", function () {
          var value = input.value.slice(-1).toLowerCase();
          if (value === "d") value = "?";
          // Phone keyboards often send no usable key name, so an answer typed there arrives here.
          var ok = CELL_VALUES.indexOf(value) !== -1;
          self.setCell(r, s.id, ok ? value : "");
          input.value = has(row.cells, s.id) ? row.cells[s.id] : "";
          if (ok && !self.focusCell(r, c + 1)) self.focusCell(r + 1, 0);
        });
        tr.appendChild(el("td", {}, [input]));
      });
      var remove = el("button", { type: "button", class: "kit-compare__remove", text: "Remove",
                                  "aria-label": "Remove person " + (r + 1) });
      remove.addEventListener("click", function () { self.removeRow(r); });
      tr.appendChild(el("td", {}, [remove]));
      body.appendChild(tr);
    });
    var table = el("table", { class: "kit-compare__table kit-grid", id: "kit-grid" }, [
      el("caption", { text: "Answers typed in from paper sheets (" + this.data.sets[this.grid.set] + ")" }),
      el("thead", {}, [head]), body,
    ]);
    this.gridBox.appendChild(scrollBox(table, "Entry grid"));
    this.keyList.textContent = "";
    statements.forEach(function (s) {
      var area = areas.get(s.area);
      self.keyList.appendChild(el("li", { text: s.text + (area ? " (" + area.title + ")" : "") }));
    });
    if (focusId) {
      var target = document.getElementById(focusId);
      if (target) target.focus();
    }
  };

  Page.prototype.setCell = function (r, id, value) {
    var row = this.grid.rows[r];
    if (!row) return;
    if (value) row.cells[id] = value;
    else delete row.cells[id];
    this.save();
    this.scheduleResults();
  };

  Page.prototype.focusCell = function (r, c) {
    var statements = this.gridStatements();
    if (r < 0 || r >= this.grid.rows.length || c < 0 || c >= statements.length) return false;
    var cell = document.getElementById(this.cellId(r, statements[c].id));
    if (!cell) return false;
    cell.focus();
    cell.select();
    return true;
  };

  Page.prototype.cellKey = function (event, input, r, c, id) {
    if (event.ctrlKey || event.metaKey || event.altKey) return;
    var key = event.key;
    var count = this.gridStatements().length;
    var value = key === "d" || key === "D" ? "?" : key;
    if (CELL_VALUES.indexOf(value) !== -1) {
      event.preventDefault();
      input.value = value;
      this.setCell(r, id, value);
      if (!this.focusCell(r, c + 1)) this.focusCell(r + 1, 0);
    } else if (key === "Backspace" || key === "Delete") {
      event.preventDefault();
      if (input.value) {
        input.value = "";
        this.setCell(r, id, "");
      } else if (key === "Backspace") {
        this.focusCell(r, c - 1);
      }
    } else if (key === "ArrowRight") {
      event.preventDefault();
      if (!this.focusCell(r, c + 1)) this.focusCell(r + 1, 0);
    } else if (key === "ArrowLeft") {
      event.preventDefault();
      if (!this.focusCell(r, c - 1)) this.focusCell(r - 1, count - 1);
    } else if (key === "ArrowDown") {
      event.preventDefault();
      this.focusCell(r + 1, c);
    } else if (key === "ArrowUp") {
      event.preventDefault();
      this.focusCell(r - 1, c);
    } else if (key === "Home") {
      event.preventDefault();
      this.focusCell(r, 0);
    } else if (key === "End") {
      event.preventDefault();
      this.focusCell(r, count - 1);
    } else if (key === "Enter") {
      event.preventDefault();
      this.addRow();
    } else if (key.length === 1) {
      event.preventDefault(); // Only 0, 1, 2 and ? mean anything in a box.
    }
  };

  Page.prototype.addRow = function () {
    this.grid.rows.push({ role: "", cells: {} });
    this.save();
    var r = this.grid.rows.length - 1;
    this.renderGrid("kit-grid-role-" + r);
    this.say("Row for person " + (r + 1) + " added. Choose their role, then type their answers.");
  };

  Page.prototype.removeRow = function (r) {
    this.grid.rows.splice(r, 1);
    if (!this.grid.rows.length) this.grid.rows.push({ role: "", cells: {} });
    this.save();
    var focus = "kit-grid-role-" + Math.min(r, this.grid.rows.length - 1);
    this.renderGrid(focus);
    this.renderResults();
    this.say("Person " + (r + 1) + " removed. " + this.summaryText());
  };

  Page.prototype.clearAll = function () {
    this.people = [];
    this.grid = { set: this.grid.set, rows: [{ role: "", cells: {} }] };
    forget(COMPARE_KEY);
    this.showProblems([]);
    this.renderFiles();
    this.renderGrid();
    this.renderResults();
    this.say("Everything has been cleared from this page and this browser.");
  };

  Page.prototype.scheduleResults = function () {
    var self = this;
    clearTimeout(this.timer);
    this.timer = setTimeout(function () { self.renderResults(); }, 150);
  };

  /* --- results ------------------------------------------------------------------------ */

  Page.prototype.renderResults = function () {
    clearTimeout(this.timer);
    var core = this.core, data = this.data;
    var responses = this.responses();
    // The statements shown follow the sets of the people shown: someone left out of every
    // group changes nothing on the page, not even which statements are listed.
    var shownPeople = [];
    this.maths.groupsOf(responses, data.roles, this.threshold).shown.forEach(function (g) {
      shownPeople.push.apply(shownPeople, g.members);
    });
    var statementAreas = statementAreasFor(core, data, shownPeople);
    var c = this.maths.compare(responses, statementAreas, { roles: data.roles, threshold: this.threshold });
    var areas = new Map(data.areas.map(function (a) { return [a.id, a]; }));
    var statements = new Map(data.statements.map(function (s) { return [s.id, s]; }));
    var results = this.results;
    results.textContent = "";
    results.setAttribute("data-people", String(c.people));
    results.setAttribute("data-shown", c.shown ? "true" : "false");
    append(results, [
      el("h2", { id: "kit-compare-results-heading", text: "How each role sees the organisation" }),
      el("p", { id: "kit-compare-count", text: plural(c.people, "person", "people") + " in this comparison. " +
        data.scale_sentence }),
    ]);
    var rule = "Roles with fewer than " + c.threshold + " people are not shown on their own, so that no one's answers " +
      "can be picked out; their answers are counted together under \u201c" + this.maths.OTHERS + "\u201d. " +
      "A figure that rests on fewer than " + c.threshold + " answers, or that could be set against another to work out " +
      "someone's answers, is held back: it says \u201c" + data.too_few + "\u201d.";
    if (!c.shown) {
      append(results, [el("p", { class: "kit-compare__merge", id: "kit-compare-merge", text: c.people ?
        "Fewer than " + c.threshold + " people have taken part, so nothing is shown yet: with so few, anyone could be picked out." :
        "Load some files or type in some paper sheets to see the comparison here." })]);
      if (c.people) append(results, [el("p", { class: "kit-compare__rule", text: rule })]);
      return;
    }
    var mergeText = rule;
    if (c.merged.length) {
      var inOthers = c.groups.indexOf(this.maths.OTHERS) !== -1;
      mergeText += " " + (inOthers ? "Counted under " + this.maths.OTHERS + " here: " : "Too few to show even together: ") +
        c.merged.join(", ") + ".";
    }
    if (c.hidden) {
      mergeText += " " + plural(c.hidden, "person is", "people are") + " not shown at all, because even together they are fewer than " +
        c.threshold + ".";
    }
    append(results, [
      el("p", { class: "kit-compare__merge", id: "kit-compare-merge", text: mergeText }),
      el("ul", { class: "kit-compare__groups", id: "kit-compare-groups", "aria-label": "Groups shown" },
         c.groups.map(function (g) { return el("li", { text: g + ": " + plural(c.sizes[g], "person", "people") }); })),
      el("p", { class: "kit-compare__explain", text: "Spread shows how far apart everyone's answers are: 0 means everyone gave the same answer. " +
        "Disagreement is the gap between the highest and lowest role average: the bigger it is, the more the roles see things differently." }),
    ]);
    var self = this;
    var groupNames = c.groups;
    var one = groupNames.length === 1;

    // Areas.
    append(results, [el("h3", { id: "kit-compare-areas-heading", text: "Areas" })]);
    if (one) {
      append(results, [el("p", { text: "Only one group can be shown, so there is nothing to set it against yet. " +
        "The averages and spread are still below." })]);
    }
    var areaRows = c.areas.map(function (row) {
      return { label: (areas.get(row.id) || { title: row.id }).title, values: groupNames.map(function (g) { return row.means[g]; }),
               withheld: withheldOf(row, groupNames) };
    });
    var chartWidth = results.clientWidth;
    results.appendChild(barChart(core, {
      width: chartWidth,
      title: "Average score of each group, by area" + (one ? "" : ", biggest gaps first"),
      summary: "Scores run from 0 to 2.",
      scale: data.scale, tooFew: data.too_few,
      rows: areaRows, series: groupNames,
    }));
    results.appendChild(this.table("kit-compare-areas", "Areas" + (one ? "" : ", where roles disagree most first"), "Area",
      c.areas, groupNames, c.sizes, function (row) {
        var area = areas.get(row.id);
        return area ? [area.title, el("span", { class: "kit-compare__kind", text: " (" + area.label + ")" })] : [row.id];
      }));

    // Statements.
    append(results, [el("h3", { id: "kit-compare-statements-heading", text: "Statements" })]);
    var top = c.statements.filter(function (row) { return row.disagreement !== null && row.disagreement > 0; }).slice(0, 5);
    if (top.length) {
      results.appendChild(barChart(core, {
        width: chartWidth,
        title: "The " + (top.length === 1 ? "statement" : top.length + " statements") + " where roles disagree most",
        summary: "Scores run from 0 to 2.",
        scale: data.scale, tooFew: data.too_few,
        rows: top.map(function (row) {
          return { label: (statements.get(row.id) || { text: row.id }).text, values: groupNames.map(function (g) { return row.means[g]; }),
                   withheld: withheldOf(row, groupNames) };
        }),
        series: groupNames,
      }));
    }
    results.appendChild(this.table("kit-compare-statements", "Statements" + (one ? "" : ", where roles disagree most first"),
      "Statement", c.statements, groupNames, c.sizes, function (row) {
        var s = statements.get(row.id);
        if (!s) return [row.id];
        var area = areas.get(s.area);
        return [s.text, el("span", { class: "kit-compare__kind", text: " (" + (area ? area.title : s.area) + ")" })];
      }));

    // Notes.
    if (c.notes.length) {
      append(results, [
        el("h3", { id: "kit-compare-notes-heading", text: "In their own words: people using services and carers" }),
        el("p", { text: "What people using services and carers wrote, as they wrote it." }),
        el("ul", { class: "kit-compare__notes", id: "kit-compare-notes" }, c.notes.map(function (n) {
          var s = statements.get(n.id);
          return el("li", {}, [
            el("p", { class: "kit-compare__note-on", text: "On " + quoted(s ? s.text : n.id) + ":" }),
            el("blockquote", { class: "kit-compare__note", text: n.note }),
          ]);
        })),
      ]);
    }
    self.lastComparison = c;
  };

  Page.prototype.table = function (id, caption, first, rows, groups, sizes, label) {
    var core = this.core, tooFew = this.data.too_few;
    var head = el("tr", {}, [el("th", { scope: "col", text: first })]);
    groups.forEach(function (g) { head.appendChild(el("th", { scope: "col", text: g + " (" + sizes[g] + ")" })); });
    head.appendChild(el("th", { scope: "col", text: "Spread" }));
    head.appendChild(el("th", { scope: "col", text: "Disagreement" }));
    var body = el("tbody");
    rows.forEach(function (row) {
      var tr = el("tr", { "data-id": row.id }, [el("th", { scope: "row" }, label(row))]);
      groups.forEach(function (g) {
        var held = row.withheld && row.withheld.indexOf(g) !== -1;
        tr.appendChild(el("td", { class: "kit-compare__num" + (held ? " kit-compare__withheld" : ""),
                                  text: held ? tooFew : show(core, row.means[g]) }));
      });
      tr.appendChild(el("td", { class: "kit-compare__num", text: show(core, row.spread) }));
      var big = row.disagreement !== null && row.disagreement >= 1;
      tr.appendChild(el("td", { class: "kit-compare__num" + (big ? " kit-compare__big" : ""),
                                text: show(core, row.disagreement) + (big ? " (large gap)" : "") }));
      body.appendChild(tr);
    });
    var table = el("table", { class: "kit-compare__table", id: id }, [el("caption", { text: caption }), el("thead", {}, [head]), body]);
    return scrollBox(table, caption);
  };

  /** Draw again when the column changes width a good deal (a phone turned, a window resized). */
  function redrawOnResize(box, draw) {
    var last = box.clientWidth;
    var timer = null;
    window.addEventListener("resize", function () {
      clearTimeout(timer);
      timer = setTimeout(function () {
        var now = box.clientWidth;
        if (Math.abs(now - last) < 40) return;
        last = now;
        draw();
      }, 250);
    });
  }
  window.KitCompareUI.redrawOnResize = redrawOnResize;

  function init() {
    var root = document.getElementById("kit-compare");
    if (!root || root.getAttribute("data-ready") === "true") return;
    var data = window.KIT_SCORING, core = window.KitScoring, maths = window.KitCompare;
    if (!data || !core || !maths) {
      root.textContent = "This page could not start: a file it needs did not load. Try reloading the page.";
      return;
    }
    var page = new Page(root, data, core, maths);
    redrawOnResize(root, function () { page.renderResults(); });
  }

  if (document.readyState === "loading") document.addEventListener("DOMContentLoaded", init);
  else init();
})();
