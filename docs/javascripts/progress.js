/* The progress page: a baseline round and a later round side by side, an action plan,
 * and a "you said, we did" summary for reporting back to the group.
 *
 * Kept in this browser only (localStorage). Text from files and people goes on the page
 * with textContent or as form values, never as HTML. Uses the helpers compare.js shares
 * (window.KitCompareUI) and the arithmetic in compare-core.js (window.KitCompare).
 */
(function () {
  "use strict";

  var PROGRESS_KEY = "user-involvement-kit:progress";
  var ROUNDS = [
    { key: "baseline", title: "Baseline round", example: "spring 2026" },
    { key: "later", title: "Later round", example: "spring 2027" },
  ];

  function emptyRound() {
    return { label: "", people: [] };
  }

  function Page(root, data, core, maths, ui) {
    this.root = root;
    this.data = data;
    this.core = core;
    this.maths = maths;
    this.ui = ui;
    this.threshold = ui.threshold(data);
    this.canStore = ui.storageWorks();
    this.rounds = { baseline: emptyRound(), later: emptyRound() };
    this.plan = [];
    this.restore();
    this.build();
    ui.watchOtherTabs(this, PROGRESS_KEY);
    this.renderRounds();
    this.renderResults();
    this.renderPlan();
    this.renderYouSaid();
  }

  Page.prototype.restore = function () {
    var stored = this.ui.loadStored(PROGRESS_KEY);
    if (!stored) return;
    var self = this;
    ROUNDS.forEach(function (r) {
      var round = stored.rounds && stored.rounds[r.key];
      if (!round) return;
      self.rounds[r.key] = {
        label: typeof round.label === "string" ? round.label.slice(0, 100) : "",
        people: (Array.isArray(round.people) ? round.people : []).map(function (p) {
          return self.ui.revive(self.core, self.data, p);
        }).filter(Boolean),
      };
    });
    this.plan = (Array.isArray(stored.plan) ? stored.plan : []).filter(function (a) { return a && typeof a === "object"; })
      .map(function (a) {
        return { what: String(a.what || ""), who: String(a.who || ""), when: String(a.when || "") };
      });
  };

  Page.prototype.save = function () {
    if (!this.canStore || this.stale) return;
    var ok = this.ui.saveStored(PROGRESS_KEY, { saved: new Date().toISOString(), rounds: this.rounds, plan: this.plan });
    this.ui.storageWarning(this.root, ok, "the rounds and the action plan");
  };

  Page.prototype.say = function (text) {
    var status = this.status;
    status.textContent = "";
    setTimeout(function () { status.textContent = text; }, 50);
  };

  Page.prototype.showProblems = function (problems) {
    var el = this.ui.el;
    this.error.textContent = "";
    if (!problems.length) {
      this.error.hidden = true;
      return;
    }
    this.error.appendChild(el("p", { class: "kit-compare__error-title",
                                     text: problems.length === 1 ? "A file was not added" : "Some files were not added" }));
    this.error.appendChild(el("ul", {}, problems.map(function (t) { return el("li", { text: t }); })));
    this.error.appendChild(el("p", { text: "Everything added before is still here." }));
    this.error.hidden = false;
  };

  Page.prototype.roundName = function (key) {
    var round = this.rounds[key];
    var base = key === "baseline" ? "Baseline" : "Later";
    return round.label ? base + " (" + round.label + ")" : base;
  };

  Page.prototype.build = function () {
    var self = this, ui = this.ui, el = ui.el;
    this.root.textContent = "";
    this.status = el("p", { class: "kit-compare__status", role: "status", "aria-live": "polite", id: "kit-progress-status" });
    this.error = el("div", { class: "kit-compare__error", id: "kit-progress-error", role: "alert", hidden: true, tabindex: "-1" });
    this.roundBoxes = {};

    var rounds = el("div", { class: "kit-progress__rounds" });
    ROUNDS.forEach(function (r) {
      var prefix = "kit-round-" + r.key;
      var label = el("input", { type: "text", id: prefix + "-label", class: "kit-progress__text", maxlength: "100",
                                autocomplete: "off" });
      label.value = self.rounds[r.key].label;
      label.addEventListener("input", function () {
        self.rounds[r.key].label = label.value;
        self.save();
        self.scheduleResults();
      });
      var files = el("input", { type: "file", id: prefix + "-files", multiple: true, accept: ".json,application/json" });
      files.addEventListener("change", function () {
        ui.readFiles(self.core, self.data, files.files, function (result) {
          var once = ui.addOnce(self.core, self.rounds[r.key].people, result.people);
          var problems = result.problems.concat(once.problems);
          var added = once.added;
          files.value = "";
          self.save();
          self.showProblems(problems);
          self.renderAll();
          self.say(ui.plural(added, "file", "files") + " added to the " + r.title.toLowerCase() + ".");
          if (problems.length) self.error.focus();
        });
      });
      var use = el("button", { type: "button", class: "md-button", id: prefix + "-use", text: "Use the compare page",
                           "aria-label": "Use the compare page for the " + r.title.toLowerCase() });
      var replace = ui.confirmPanel(prefix + "-use", "Replace everyone in the " + r.title.toLowerCase() +
        " with the people on the compare viewpoints page? The people in it now will be taken out.",
        "Yes, replace them", "No, keep them", function () { useCompare(); }, use);
      function useCompare() {
        var people = ui.keptComparison(self.core, self.data);
        self.rounds[r.key].people = people;
        self.save();
        self.renderAll();
        self.say("The " + r.title.toLowerCase() + " now holds the " + ui.plural(people.length, "person", "people") +
                 " from the compare viewpoints page.");
      }
      use.addEventListener("click", function () {
        if (!ui.keptComparison(self.core, self.data).length) {
          self.say("There is no one on the compare viewpoints page yet.");
          return;
        }
        if (self.rounds[r.key].people.length) replace.ask();
        else useCompare();
      });
      var empty = el("button", { type: "button", class: "md-button", id: prefix + "-clear", text: "Empty this round",
                             "aria-label": "Empty this round: the " + r.title.toLowerCase() });
      var emptyConfirm = ui.confirmPanel(prefix + "-clear", "Take everyone out of the " + r.title.toLowerCase() +
        "? This cannot be undone.", "Yes, empty it", "No, keep them", function () {
          self.rounds[r.key] = { label: self.rounds[r.key].label, people: [] };
          self.save();
          self.renderAll();
          self.say("The " + r.title.toLowerCase() + " is now empty.");
        }, empty);
      empty.addEventListener("click", function () { emptyConfirm.ask(); });
      var count = el("p", { class: "kit-progress__count", id: prefix + "-count" });
      self.roundBoxes[r.key] = count;
      rounds.appendChild(el("section", { class: "kit-progress__round", "aria-labelledby": prefix + "-heading" }, [
        el("h3", { id: prefix + "-heading", text: r.title }),
        el("p", { class: "kit-progress__field" }, [
          el("label", { for: prefix + "-label", text: "When was the " + r.title.toLowerCase() + "? (optional, for example: " + r.example + ")" }), label,
        ]),
        el("p", { class: "kit-progress__field" }, [el("label", { for: prefix + "-files", text: "Add files of answers to the " + r.title.toLowerCase() + " (JSON)" }), files]),
        el("p", {}, ["Or take everyone on the compare viewpoints page: ", use]), replace,
        count,
        el("p", {}, [empty]), emptyConfirm,
      ]));
    });

    var clear = el("button", { type: "button", class: "md-button", id: "kit-progress-clear", text: "Clear everything" });
    var confirm = ui.confirmPanel("kit-progress-clear", "Clear both rounds and the action plan from this page and this browser? " +
      "This cannot be undone.", "Yes, clear everything", "No, keep them", function () { self.clearAll(); }, clear);
    clear.addEventListener("click", function () { confirm.ask(); });

    this.results = el("section", { class: "kit-progress__results", id: "kit-progress-results",
                                   "aria-labelledby": "kit-progress-results-heading" });
    this.planBox = el("div", { id: "kit-plan-box" });
    this.planPrint = el("div", { class: "kit-plan-print", id: "kit-plan-print" });
    var add = el("button", { type: "button", class: "md-button", id: "kit-plan-add", text: "Add an action" });
    add.addEventListener("click", function () {
      self.plan.push({ what: "", who: "", when: "" });
      self.save();
      self.renderPlan("kit-plan-what-" + (self.plan.length - 1));
      self.renderYouSaid();
    });
    var csv = el("button", { type: "button", class: "md-button", id: "kit-plan-csv", text: "Download the plan (CSV)" });
    csv.addEventListener("click", function () {
      ui.download("action-plan.csv", "text/csv;charset=utf-8", self.planCSV());
      self.say("The action plan has been downloaded as a spreadsheet file (CSV).");
    });
    var printPlan = el("button", { type: "button", class: "md-button md-button--primary", id: "kit-plan-print-button",
                                   text: "Print the action plan" });
    printPlan.addEventListener("click", function () { self.printPart("plan"); });
    var planSection = el("section", { class: "kit-plan-section", id: "kit-plan-section", "aria-labelledby": "kit-plan-heading" }, [
      el("h2", { id: "kit-plan-heading", text: "Action plan" }),
      el("p", { class: "kit-plan-edit", text: "Agree what will change, who will see to it, and by when. " +
        "Start with the lowest areas and the gaps the compare page showed." }),
      el("div", { class: "kit-plan-edit" }, [this.planBox, el("p", {}, [add])]),
      this.planPrint,
      el("p", { class: "kit-progress__tools" }, [printPlan, " ", csv]),
    ]);

    this.youSaid = el("section", { class: "kit-yousaid", id: "kit-yousaid", "aria-labelledby": "kit-yousaid-heading" });

    var tools = el("div", { class: "kit-progress__tools" }, [el("p", {}, [clear]), confirm]);
    this.root.appendChild(el("section", { class: "kit-progress__input", "aria-labelledby": "kit-progress-rounds-heading" }, [
      el("h2", { id: "kit-progress-rounds-heading", class: "kit-progress__tools", text: "The two rounds" }),
      rounds,
    ]));
    [this.error, this.status, tools, this.results, planSection, this.youSaid].forEach(function (node) {
      self.root.appendChild(node);
    });
    if (!this.canStore) {
      this.root.appendChild(el("p", { class: "kit-compare__warning", text: "This browser is not letting the page keep " +
        "the rounds and the plan, so they will be lost when you leave." }));
    }
    window.addEventListener("afterprint", function () { document.documentElement.removeAttribute("data-kit-print"); });
    this.root.setAttribute("data-ready", "true");
  };

  Page.prototype.renderAll = function () {
    this.renderRounds();
    this.renderResults();
    this.renderYouSaid();
  };

  Page.prototype.scheduleResults = function () {
    var self = this;
    clearTimeout(this.timer);
    this.timer = setTimeout(function () { self.renderResults(); self.renderYouSaid(); }, 200);
  };

  Page.prototype.renderRounds = function () {
    var self = this, ui = this.ui;
    ROUNDS.forEach(function (r) {
      var n = self.rounds[r.key].people.length;
      var text = n ? ui.plural(n, "person", "people") + " in this round." : "No one in this round yet.";
      if (n && n < self.threshold) text += " A round needs at least " + self.threshold + " people before its averages are shown.";
      self.roundBoxes[r.key].textContent = text;
    });
  };

  /** The statements of the sets used by the people shown in either round (someone left
   * out of every group changes nothing shown, not even which areas are listed). */
  Page.prototype.areasFor = function () {
    var self = this, shown = [];
    ROUNDS.forEach(function (r) {
      self.maths.groupsOf(self.rounds[r.key].people, self.data.roles, self.threshold).shown.forEach(function (g) {
        shown.push.apply(shown, g.members);
      });
    });
    return this.ui.statementAreasFor(this.core, this.data, shown);
  };

  Page.prototype.renderResults = function () {
    clearTimeout(this.timer);
    var self = this, ui = this.ui, el = ui.el, core = this.core, tooFew = this.data.too_few;
    var statementAreas = this.areasFor();
    var moves = this.maths.progress(this.rounds.baseline.people, this.rounds.later.people, statementAreas,
                                    { roles: this.data.roles, threshold: this.threshold });
    var areas = new Map(this.data.areas.map(function (a) { return [a.id, a]; }));
    var results = this.results;
    results.textContent = "";
    results.appendChild(el("h2", { id: "kit-progress-results-heading", text: "What moved" }));
    var any = moves.some(function (m) { return m.before !== null || m.after !== null || m.withheld.length; });
    if (!any) {
      results.appendChild(el("p", { id: "kit-progress-empty", text: "Add at least " + this.threshold + " people to a round to see " +
        "its averages here. With two rounds, the change in each area is shown too." }));
      return;
    }
    ROUNDS.forEach(function (r) {
      var n = self.rounds[r.key].people.length;
      if (n < self.threshold) {
        results.appendChild(el("p", { class: "kit-compare__merge", text: "The " + r.title.toLowerCase() + " has " +
          (n ? "only " + ui.plural(n, "person", "people") : "no one in it") + ", so its averages are not shown: a round needs at least " +
          self.threshold + " people so that no one's answers can be picked out." }));
      }
    });
    var before = this.roundName("baseline"), after = this.roundName("later");
    var scale = this.data.scale, top = scale[scale.length - 1];
    results.appendChild(el("p", { text: "The average of everyone's area scores in each round, " +
      this.data.scale_range + ". A positive change means the area moved towards " + top.word + "." }));
    results.appendChild(ui.barChart(core, {
      width: results.clientWidth,
      title: "Average score in each area, " + before.toLowerCase() + " and " + after.toLowerCase(),
      summary: "Scores run from 0 to 2.",
      scale: scale, tooFew: this.data.too_few,
      rows: moves.map(function (m) {
        return { label: (areas.get(m.area) || { title: m.area }).title, values: [m.before, m.after],
                 withheld: [m.withheld.indexOf("before") !== -1, m.withheld.indexOf("after") !== -1] };
      }),
      series: [before, after],
    }));
    var head = el("tr", {}, ["Area", before, after, "Change"].map(function (h) { return el("th", { scope: "col", text: h }); }));
    var body = el("tbody");
    moves.forEach(function (m) {
      var area = areas.get(m.area);
      var change = changeText(core, m.change);
      body.appendChild(el("tr", { "data-id": m.area }, [
        el("th", { scope: "row", text: area ? area.title : m.area }),
        el("td", { class: "kit-compare__num", text: m.withheld.indexOf("before") !== -1 ? tooFew : ui.show(core, m.before) }),
        el("td", { class: "kit-compare__num", text: m.withheld.indexOf("after") !== -1 ? tooFew : ui.show(core, m.after) }),
        el("td", { class: "kit-compare__num " + change.className, text: change.text }),
      ]));
    });
    var table = el("table", { class: "kit-compare__table", id: "kit-progress-table" }, [
      el("caption", { text: "What moved in each area" }), el("thead", {}, [head]), body,
    ]);
    results.appendChild(ui.scrollBox(table, "What moved in each area"));
  };

  function changeText(core, change) {
    if (change === null || change === undefined) return { text: "–", className: "" };
    var shown = core.displayScore(Math.abs(change));
    if (shown === "0.0") return { text: "no change", className: "" };
    return change > 0 ? { text: "up " + shown, className: "kit-progress__up" } : { text: "down " + shown, className: "kit-progress__down" };
  }

  /* --- the action plan ---------------------------------------------------------------- */

  Page.prototype.renderPlan = function (focusId) {
    var self = this, ui = this.ui, el = ui.el;
    this.planBox.textContent = "";
    if (!this.plan.length) {
      this.planBox.appendChild(el("p", { id: "kit-plan-empty", text: "No actions yet. Use Add an action to start the plan." }));
    } else {
      var head = el("tr", {}, ["What will change", "Who", "By when", "Remove"].map(function (h) {
        return el("th", { scope: "col", text: h });
      }));
      var body = el("tbody");
      this.plan.forEach(function (action, i) {
        var n = i + 1;
        function field(key, name) {
          var input = el("input", { type: "text", id: "kit-plan-" + key + "-" + i, class: "kit-progress__text", maxlength: "500",
                                    autocomplete: "off", "aria-label": name + ", action " + n });
          input.value = action[key];
          input.addEventListener("input", function () {
            action[key] = input.value;
            self.save();
            self.renderPlanPrint();
            self.scheduleYouSaid();
          });
          return el("td", {}, [input]);
        }
        var remove = el("button", { type: "button", class: "kit-compare__remove", text: "Remove",
                                    "aria-label": "Remove action " + n });
        remove.addEventListener("click", function () {
          self.plan.splice(i, 1);
          self.save();
          var next = self.plan.length ? "kit-plan-what-" + Math.min(i, self.plan.length - 1) : "kit-plan-add";
          self.renderPlan(next);
          self.renderYouSaid();
          self.say("Action " + n + " removed.");
        });
        body.appendChild(el("tr", {}, [field("what", "What will change"), field("who", "Who"), field("when", "By when"),
                                       el("td", {}, [remove])]));
      });
      var table = el("table", { class: "kit-compare__table kit-plan", id: "kit-plan" }, [
        el("caption", { text: "Actions" }), el("thead", {}, [head]), body,
      ]);
      this.planBox.appendChild(ui.scrollBox(table, "Action plan"));
    }
    this.renderPlanPrint();
    if (focusId) {
      var target = document.getElementById(focusId);
      if (target) target.focus();
    }
  };

  /** The plan as plain text, for printing (boxes to type in print badly). */
  Page.prototype.renderPlanPrint = function () {
    var el = this.ui.el;
    var actions = this.actions();
    this.planPrint.textContent = "";
    if (!actions.length) {
      this.planPrint.appendChild(el("p", { text: "No actions agreed yet." }));
      return;
    }
    var body = el("tbody", {}, actions.map(function (a) {
      return el("tr", {}, [el("td", { text: a.what }), el("td", { text: a.who }), el("td", { text: a.when })]);
    }));
    this.planPrint.appendChild(el("table", { class: "kit-compare__table" }, [
      el("thead", {}, [el("tr", {}, ["What will change", "Who", "By when"].map(function (h) { return el("th", { scope: "col", text: h }); }))]),
      body,
    ]));
  };

  Page.prototype.actions = function () {
    return this.plan.filter(function (a) { return a.what.trim() || a.who.trim() || a.when.trim(); });
  };

  Page.prototype.planCSV = function () {
    var cell = this.core.csvCell;
    var rows = [["What will change", "Who", "By when"]].concat(this.actions().map(function (a) { return [a.what, a.who, a.when]; }));
    return rows.map(function (row) { return row.map(cell).join(","); }).join("\r\n") + "\r\n";
  };

  Page.prototype.printPart = function (part) {
    document.documentElement.setAttribute("data-kit-print", part);
    window.print();
  };

  /* --- you said, we did ------------------------------------------------------------------- */

  Page.prototype.scheduleYouSaid = function () {
    var self = this;
    clearTimeout(this.youSaidTimer);
    this.youSaidTimer = setTimeout(function () { self.renderYouSaid(); }, 200);
  };

  /** The latest round with enough people: the later round if it has, else the baseline. */
  Page.prototype.latestRound = function () {
    if (this.rounds.later.people.length >= this.threshold) return "later";
    if (this.rounds.baseline.people.length >= this.threshold) return "baseline";
    return null;
  };

  Page.prototype.renderYouSaid = function () {
    clearTimeout(this.youSaidTimer);
    var self = this, ui = this.ui, el = ui.el, core = this.core;
    var box = this.youSaid;
    box.textContent = "";
    var print = el("button", { type: "button", class: "md-button md-button--primary kit-yousaid__print", id: "kit-yousaid-print",
                               text: "Print \u201cYou said, we did\u201d" });
    print.addEventListener("click", function () { self.printPart("yousaid"); });
    box.appendChild(el("h2", { id: "kit-yousaid-heading", text: "You said, we did" }));
    box.appendChild(el("p", { class: "kit-plan-edit", text: "A summary to give back to everyone who took part: what they told " +
      "the organisation, and what it is doing about it." }));
    var latest = this.latestRound();
    var said = el("div", { class: "kit-yousaid__said", id: "kit-yousaid-said" }, [el("h3", { text: "You said" })]);
    var did = el("div", { class: "kit-yousaid__did", id: "kit-yousaid-did" }, [el("h3", { text: "We did" })]);
    if (!latest) {
      said.appendChild(el("p", { text: "Add a round with at least " + this.threshold + " people to see what they said." }));
    } else {
      var round = this.rounds[latest];
      var statementAreas = ui.statementAreasFor(core, this.data, round.people);
      var c = this.maths.compare(round.people, statementAreas, { roles: this.data.roles, threshold: this.threshold });
      var means = this.maths.roundMeans(round.people, statementAreas, this.threshold, this.data.roles);
      var areas = this.data.areas.filter(function (a) { return ui.has(means, a.id) && means[a.id] !== null; });
      var lowest = areas.map(function (a) { return { area: a, mean: means[a.id] }; })
        .filter(function (x) { return x.mean < 2; })
        .sort(function (a, b) { return a.mean - b.mean; }).slice(0, 3);
      said.appendChild(el("p", { text: "From the " + this.roundName(latest).toLowerCase() + " round, with " +
        ui.plural(round.people.length, "person", "people") + " taking part." }));
      if (lowest.length) {
        said.appendChild(el("p", { text: "These areas scored lowest, out of 2:" }));
        said.appendChild(el("ul", { id: "kit-yousaid-lowest" }, lowest.map(function (x) {
          return el("li", { text: x.area.title + ": " + ui.show(core, x.mean) });
        })));
      } else if (!areas.length) {
        said.appendChild(el("p", { id: "kit-yousaid-none", text: "No area's average can be shown for this round: each " +
          "would rest on too few answers, or let someone's answers be worked out." }));
      } else {
        var top = this.data.scale[this.data.scale.length - 1];
        said.appendChild(el("p", { text: "Every area scored " + top.value + ", " + top.word + "." }));
      }
      if (c.notes.length) {
        var statements = new Map(this.data.statements.map(function (s) { return [s.id, s]; }));
        said.appendChild(el("p", { text: "In the words of people using services and carers:" }));
        said.appendChild(el("ul", { class: "kit-compare__notes", id: "kit-yousaid-notes" }, c.notes.map(function (n) {
          var s = statements.get(n.id);
          return el("li", {}, [
            el("p", { class: "kit-compare__note-on", text: "On " + ui.quoted(s ? s.text : n.id) + ":" }),
            el("blockquote", { class: "kit-compare__note", text: n.note }),
          ]);
        })));
      }
    }
    var actions = this.actions();
    if (actions.length) {
      did.appendChild(el("ul", { id: "kit-yousaid-actions" }, actions.map(function (a) {
        var extra = [a.who.trim() ? a.who.trim() : "", a.when.trim() ? "by " + a.when.trim() : ""].filter(Boolean).join(", ");
        return el("li", { text: a.what.trim() + (extra ? " (" + extra + ")" : "") });
      })));
    } else {
      did.appendChild(el("p", { text: "No actions agreed yet: add them to the action plan above." }));
    }
    box.appendChild(el("div", { class: "kit-yousaid__columns" }, [said, did]));
    box.appendChild(el("p", {}, [print]));
  };

  Page.prototype.clearAll = function () {
    this.rounds = { baseline: emptyRound(), later: emptyRound() };
    this.plan = [];
    this.ui.forget(PROGRESS_KEY);
    var self = this;
    ROUNDS.forEach(function (r) { document.getElementById("kit-round-" + r.key + "-label").value = ""; });
    this.showProblems([]);
    this.renderRounds();
    this.renderResults();
    this.renderPlan();
    this.renderYouSaid();
    self.say("Both rounds and the action plan have been cleared from this page and this browser.");
  };

  function init() {
    var root = document.getElementById("kit-progress");
    if (!root || root.getAttribute("data-ready") === "true") return;
    var data = window.KIT_SCORING, core = window.KitScoring, maths = window.KitCompare, ui = window.KitCompareUI;
    if (!data || !core || !maths || !ui) {
      root.textContent = "This page could not start: a file it needs did not load. Try reloading the page.";
      return;
    }
    var page = new Page(root, data, core, maths, ui);
    ui.redrawOnResize(root, function () { page.renderResults(); });
  }

  if (document.readyState === "loading") document.addEventListener("DOMContentLoaded", init);
  else init();
})();
