/* The scorer's rules, with no page in sight: arithmetic, reading and writing files,
 * and bringing files from older kit versions up to date.
 *
 * Plain JavaScript with no build step. In a page it sets window.KitScoring; in Node,
 * require() returns the same object. The arithmetic matches hooks/involvement_kit/scoring.py
 * and both pass tests/vectors/scoring.json.
 *
 * An answer is 0, 1 or 2 on the report's axis, or null for "don't know"; a statement
 * with no answer is simply absent. An area's score is the mean of its answered
 * statements (don't know left out); an area with no answers has no score (null).
 */
(function (root, factory) {
  "use strict";
  var api = factory();
  if (typeof module === "object" && module.exports) {
    module.exports = api;
  } else {
    root.KitScoring = api;
  }
})(typeof self !== "undefined" ? self : this, function () {
  "use strict";

  var FILE_KIND = "user-involvement-kit/scores";
  var FILE_FORMAT = 1;
  // The kit's limits come from scoring-data.js (vocabulary.py LIMITS) when a page has it;
  // these are the same numbers, for Node and for a page that failed to load it.
  var LIMITS = (typeof window !== "undefined" && window.KIT_SCORING && window.KIT_SCORING.limits) ||
    { note_chars: 4000, depth: 4, file_chars: 1000000, date_chars: 40, sets: ["quick", "full"] };
  var MAX_NOTE_CHARS = LIMITS.note_chars;
  var MAX_DATE_CHARS = LIMITS.date_chars;
  var SETS = LIMITS.sets;
  // An ISO 8601 time, as Date.toISOString writes it (the kit's exports), or a plain date.
  var DATE = /^\d{4}-\d{2}-\d{2}(T\d{2}:\d{2}(:\d{2}(\.\d{1,6})?)?(Z|[+-]\d{2}:?\d{2})?)?$/;
  var RESPONSE_ID = /^[0-9a-f]{16,64}$/;
  var VALUES = [0, 1, 2];

  function has(object, key) {
    return Object.prototype.hasOwnProperty.call(object, key);
  }

  function isPlainObject(value) {
    return value !== null && typeof value === "object" && !Array.isArray(value);
  }

  /* --- arithmetic ------------------------------------------------------------ */

  /** Mean score per area. statementAreas maps statement id -> area id. */
  function areaScores(statementAreas, answers) {
    var totals = new Map();
    Object.keys(statementAreas).forEach(function (id) {
      var area = statementAreas[id];
      if (!totals.has(area)) totals.set(area, []);
      var value = answers && has(answers, id) ? answers[id] : null;
      if (value !== null && value !== undefined) totals.get(area).push(value);
    });
    var scores = {};
    totals.forEach(function (values, area) {
      scores[area] = values.length ? values.reduce(function (a, b) { return a + b; }, 0) / values.length : null;
    });
    return scores;
  }

  /** One decimal place, halves rounded up; null stays null. Only for showing people.
   * Snapped to millionths first, so a mean of exactly 0.75 that adding floats made
   * 0.7499999999999999 still shows 0.8; the same steps as vocabulary.display_score. */
  function displayScore(score) {
    if (score === null || score === undefined) return null;
    var millionths = Math.floor(score * 1000000 + 0.5);
    var tenths = Math.floor((millionths + 50000) / 100000);
    return (tenths / 10).toFixed(1);
  }

  /** statement id -> area id, for the statements of one set ("quick" or "full"). */
  function statementAreas(data, set) {
    var map = {};
    statementsIn(data, set).forEach(function (s) { map[s.id] = s.area; });
    return map;
  }

  function statementsIn(data, set) {
    return data.statements.filter(function (s) { return set !== "quick" || s.quick; });
  }

  /** Areas with statements in the set, in kit order, each with its score and counts. */
  function results(data, set, answers) {
    var statements = statementsIn(data, set);
    var scores = areaScores(statementAreas(data, set), answers);
    return data.areas.filter(function (a) { return has(scores, a.id); }).map(function (area) {
      var own = statements.filter(function (s) { return s.area === area.id; });
      var answered = own.filter(function (s) { return has(answers, s.id) && answers[s.id] !== null; }).length;
      var dontKnow = own.filter(function (s) { return has(answers, s.id) && answers[s.id] === null; }).length;
      return { area: area, score: scores[area.id], statements: own.length, answered: answered, dontKnow: dontKnow };
    });
  }

  /** Highest-scoring areas (1.5 or more), best first, at most `count`. */
  function strengths(rows, count) {
    return rows.filter(function (r) { return r.score !== null && r.score >= 1.5; })
      .slice().sort(function (a, b) { return b.score - a.score; }).slice(0, count || 3);
  }

  /** Lowest-scoring areas below 2, lowest first, at most `count`: where to start. */
  function whereToStart(rows, count) {
    return rows.filter(function (r) { return r.score !== null && r.score < 2; })
      .slice().sort(function (a, b) { return a.score - b.score; }).slice(0, count || 3);
  }

  /* --- versions -------------------------------------------------------------- */

  function parseVersion(text) {
    if (typeof text !== "string" || !/^\d{1,6}\.\d{1,6}\.\d{1,6}$/.test(text)) return null;
    return text.split(".").map(Number);
  }

  function compareVersions(a, b) {
    var x = parseVersion(a), y = parseVersion(b);
    for (var i = 0; i < 3; i++) {
      if (x[i] !== y[i]) return x[i] < y[i] ? -1 : 1;
    }
    return 0;
  }

  function historyOf(data) {
    if (Array.isArray(data.history) && data.history.length) return data.history;
    if (typeof window !== "undefined" && Array.isArray(window.KIT_STATEMENT_HISTORY)) return window.KIT_STATEMENT_HISTORY;
    return Array.isArray(data.history) ? data.history : [];
  }

  /** Where each id named in a file from `fromVersion` ends up now: id -> new id, or null if removed. */
  function chain(history, fromVersion) {
    var result = new Map();
    history.forEach(function (entry) {
      if (compareVersions(entry.version, fromVersion) < 0) return;
      var renamed = entry.renamed || {};
      var removed = entry.removed || [];
      result.forEach(function (target, old) {
        if (target !== null && has(renamed, target)) result.set(old, renamed[target]);
        else if (target !== null && removed.indexOf(target) !== -1) result.set(old, null);
      });
      Object.keys(renamed).forEach(function (old) { if (!result.has(old)) result.set(old, renamed[old]); });
      removed.forEach(function (old) { if (!result.has(old)) result.set(old, null); });
    });
    return result;
  }

  /* --- reading a file ----------------------------------------------------------- */

  function ImportProblem(message) {
    this.name = "ImportProblem";
    this.message = message;
  }
  ImportProblem.prototype = Object.create(Error.prototype);
  ImportProblem.prototype.constructor = ImportProblem;

  function refuse(message) {
    throw new ImportProblem(message);
  }

  function listOf(ids) {
    var shown = ids.slice(0, 5).map(function (id) { return "'" + String(id).slice(0, 60) + "'"; }).join(", ");
    return shown + (ids.length > 5 ? " and " + (ids.length - 5) + " more" : "");
  }

  /** How deeply JSON text nests arrays and objects, without parsing it (as responses.py). */
  function nestingDepth(text) {
    var depth = 0, deepest = 0, inString = false, escaped = false;
    for (var i = 0; i < text.length; i++) {
      var c = text.charAt(i);
      if (inString) {
        if (escaped) escaped = false;
        else if (c === "\\") escaped = true;
        else if (c === '"') inString = false;
      } else if (c === '"') inString = true;
      else if (c === "[" || c === "{") { depth += 1; if (depth > deepest) deepest = depth; }
      else if (c === "]" || c === "}") depth -= 1;
    }
    return deepest;
  }

  /**
   * Check a file's text (JSON) and return the answers it holds, brought up to date:
   * {version, date, role, set, answers, notes, renamed: [{from, to}], removed: [id]}.
   * Throws ImportProblem with a message for people when the file cannot be used.
   * Nothing is changed by calling this: the caller decides what to do with the result.
   */
  function readFile(text, data) {
    if (typeof text !== "string" || !text.trim()) refuse("The file is empty.");
    if (text.length > LIMITS.file_chars) refuse("The file is too large to be a file of answers from the kit.");
    if (nestingDepth(text) > (LIMITS.depth || 4)) {
      refuse("The file is nested more deeply than a file of answers from the kit ever is, so it was not read.");
    }
    var parsed;
    try {
      parsed = JSON.parse(text);
    } catch (e) {
      refuse("The file could not be read: it is not a JSON file exported from the kit's scorer.");
    }
    // A file is what someone handed over: only the answers and notes of the set it names.
    return readObject(parsed, data, { chosenSetOnly: true });
  }

  /**
   * As readFile, from an object already parsed. With options.lenient (answers kept in this
   * browser, where refusing would lose them all), a role or statement this kit no longer has
   * is dropped and listed in `removed` instead of refusing the whole file. With
   * options.chosenSetOnly (a file someone handed over) only the answers and notes of the
   * set the file names are kept: what that person saw when they exported it.
   */
  function readObject(file, data, options) {
    var lenient = !!(options && options.lenient);
    if (!isPlainObject(file) || file.kind !== FILE_KIND) {
      refuse("This is not a file of answers exported from the kit's scorer.");
    }
    if (file.format !== FILE_FORMAT) {
      // Only a number is a format the kit ever wrote; anything else is not named back.
      refuse("This file of answers is in a format this page does not know" +
             (typeof file.format === "number" && isFinite(file.format) ? " (format " + file.format + ")." : "."));
    }
    var version = file.version;
    if (lenient && !parseVersion(version)) version = data.version;
    if (!parseVersion(version)) refuse("The file does not say which version of the kit made it, so it cannot be read safely.");
    var current = data.version;
    var history = historyOf(data);
    var mapping = new Map();
    if (lenient && compareVersions(version, current) !== 0 &&
        !history.some(function (entry) { return compareVersions(entry.version, version) === 0; })) {
      // Kept in this browser by a version this page cannot map: keep what still matches.
      mapping = new Map();
    } else if (compareVersions(version, current) > 0) {
      refuse("This file was made with version " + version + " of the kit, which is newer than this one (" +
             current + "). Open it with the newer kit.");
    } else if (compareVersions(version, current) < 0) {
      var known = history.some(function (entry) { return compareVersions(entry.version, version) === 0; });
      if (!known) {
        refuse("This file was made with version " + version + " of the kit, which this page (version " +
               current + ") does not know how to read.");
      }
      mapping = chain(history, version);
    }

    var role = has(file, "role") ? file.role : null;
    if (lenient && role !== null && data.roles.indexOf(role) === -1) role = null;
    if (role !== null && (typeof role !== "string" || data.roles.indexOf(role) === -1)) {
      refuse("The role in the file is not one of this kit's roles (" + data.roles.join(", ") + ").");
    }
    var set = has(file, "set") ? file.set : "quick";
    if (SETS.indexOf(set) === -1) refuse("The file should say 'quick' or 'full' for the set of statements.");
    if (!isPlainObject(file.answers)) refuse("The file has no answers in the expected form.");
    var notes = has(file, "notes") ? file.notes : {};
    if (!isPlainObject(notes)) refuse("The notes in the file are not in the expected form.");
    var date = has(file, "date") ? file.date : null;
    if (date !== null && (typeof date !== "string" || date.length > MAX_DATE_CHARS || !DATE.test(date))) {
      refuse("The date in the file is not a date.");
    }
    var id = has(file, "id") ? file.id : null;
    // Kept in the browser, a person read from an answer code has the code's five-character id.
    var keptCodeId = lenient && typeof id === "string" && id.length === 5 && codeId(id) === id;
    if (id !== null && !keptCodeId && (typeof id !== "string" || !RESPONSE_ID.test(id))) {
      if (!lenient) refuse("The response id in the file is not one the kit's scorer makes.");
      id = null;
    }
    // Answers kept in this browser keep every set (switching back must lose nothing).
    var inSet = new Set(statementsIn(data, options && options.chosenSetOnly ? set : "full").map(function (s) { return s.id; }));

    var ids = new Set(data.statements.map(function (s) { return s.id; }));
    var renamed = [], removed = [], unknown = [];

    function place(oldId) {
      if (mapping.has(oldId)) {
        var target = mapping.get(oldId);
        if (target === null) {
          if (removed.indexOf(oldId) === -1) removed.push(oldId);
          return null;
        }
        if (!renamed.some(function (r) { return r.from === oldId; })) renamed.push({ from: oldId, to: target });
        return target;
      }
      if (ids.has(oldId)) return oldId;
      var list = lenient ? removed : unknown;
      if (list.indexOf(oldId) === -1) list.push(oldId);
      return null;
    }

    var answers = {};
    var badValues = [];
    Object.keys(file.answers).forEach(function (id) {
      var value = file.answers[id];
      if (value !== null && VALUES.indexOf(value) === -1) badValues.push(id);
      var target = place(id);
      if (target !== null && inSet.has(target) && (!has(answers, target) || id === target)) answers[target] = value;
    });
    var outNotes = {};
    var badNotes = [];
    Object.keys(notes).forEach(function (id) {
      var note = notes[id];
      if (typeof note !== "string" || note.length > MAX_NOTE_CHARS) badNotes.push(id);
      var target = place(id);
      if (target !== null && inSet.has(target) && typeof note === "string" && note !== "") outNotes[target] = note;
    });
    if (unknown.length) {
      refuse("The file has answers to statements this kit does not have: " + listOf(unknown) + ".");
    }
    if (badValues.length) {
      refuse("Some answers in the file are not 0, 1, 2 or don't know: " + listOf(badValues) + ".");
    }
    if (badNotes.length) {
      refuse("Some notes in the file are not text, or are longer than " + MAX_NOTE_CHARS + " characters: " +
             listOf(badNotes) + ".");
    }
    return { version: version, date: date, role: role, set: set, answers: answers, notes: outNotes,
             renamed: renamed, removed: removed, id: id };
  }

  /* --- writing files ------------------------------------------------------------ */

  /** Only the answers and notes of statements in the set: what the person can see. */
  function inSetOnly(values, data, set) {
    var out = {};
    statementsIn(data, set).forEach(function (s) {
      if (values && has(values, s.id)) out[s.id] = values[s.id];
    });
    return out;
  }

  /** A random response id, made once per answer set, so the same answers count once. */
  function newResponseId() {
    var bytes = new Uint8Array(12);
    var source = typeof crypto !== "undefined" && crypto.getRandomValues ? crypto : null;
    if (source) source.getRandomValues(bytes);
    else for (var i = 0; i < bytes.length; i++) bytes[i] = Math.floor(Math.random() * 256);
    return Array.prototype.map.call(bytes, function (b) { return (b + 256).toString(16).slice(1); }).join("");
  }

  function isResponseId(id) {
    return typeof id === "string" && RESPONSE_ID.test(id);
  }

  var CODE_ALPHABET = "0123456789ABCDEFGHJKMNPQRSTVWXYZ";
  /**
   * The five characters of an answer code that stand for a response id: its first 25 bits
   * (answer_code.py code_id). A five-character id read from a code is already one. Files and
   * codes are told apart by this, so a file and a code from the same answers are one person.
   */
  function codeId(id) {
    if (RESPONSE_ID.test(id)) {
      var number = parseInt(id.slice(0, 7), 16) >>> 3, out = "";
      for (var place = 4; place >= 0; place--) out += CODE_ALPHABET[Math.floor(number / Math.pow(32, place)) % 32];
      return out;
    }
    if (/^[0-9A-HJKMNP-TV-Z]{5}$/.test(id)) return id;
    return null;
  }

  /**
   * What makes two files the same person's: the response id (as far as an answer code holds
   * it), or for a file from before ids,
   * everything in it (its millisecond date included, so two people who gave the same
   * answers are still two people).
   */
  function identity(person) {
    if (person && typeof person.id === "string" && person.id) return "id:" + codeId(person.id);
    function sorted(object) {
      return Object.keys(object || {}).sort().map(function (k) { return [k, object[k]]; });
    }
    return "content:" + JSON.stringify([person.date || null, person.role || null, person.set || "quick",
                                        sorted(person.answers), sorted(person.notes)]);
  }

  /** The JSON export: everything needed to read the answers back, and no name. Only the
   * chosen set's answers and notes go in: what is out of sight is not handed over. */
  function exportObject(state, data, now) {
    var set = state.set || "quick";
    var out = {
      kind: FILE_KIND,
      format: FILE_FORMAT,
      version: data.version,
      date: (now || new Date()).toISOString(),
      role: state.role || null,
      set: set,
      answers: inSetOnly(state.answers, data, set),
      notes: inSetOnly(state.notes, data, set),
    };
    if (state.id) out.id = state.id;
    return out;
  }

  function exportJSON(state, data, now) {
    return JSON.stringify(exportObject(state, data, now), null, 2) + "\n";
  }

  /** One CSV cell. Text a spreadsheet would run as a formula gets a leading apostrophe, and
   * so does text that starts with apostrophes and then such a character: a reader takes one
   * apostrophe off only there (responses.py FORMULA_GUARD), so a note's own ' is kept. */
  function csvCell(value) {
    var text = value === null || value === undefined ? "" : String(value);
    if (/^'*[=+\-@\t\r]/.test(text)) text = "'" + text;
    if (/[",\r\n]/.test(text)) text = '"' + text.replace(/"/g, '""') + '"';
    return text;
  }

  function answerLabel(value, present) {
    if (!present) return "";
    return value === null ? "Don't know" : String(value);
  }

  /** The CSV export: one row per statement in the set, then the area scores. */
  function exportCSV(state, data, now) {
    var date = (now || new Date()).toISOString();
    var areas = new Map(data.areas.map(function (a) { return [a.id, a]; }));
    var rows = [["Kit version", "Date", "Role", "Set", "Area", "Statement id", "Statement", "Answer", "Meaning", "Note",
                 "Response id"]];
    statementsIn(data, state.set).forEach(function (s) {
      var present = has(state.answers, s.id);
      var value = present ? state.answers[s.id] : null;
      var meaning = present && value !== null ? s.levels[value] : "";
      rows.push([data.version, date, state.role || "", state.set, areas.get(s.area).title, s.id, s.text,
                 answerLabel(value, present), meaning, has(state.notes, s.id) ? state.notes[s.id] : "", state.id || ""]);
    });
    rows.push([]);
    rows.push(["Area", "Kind", "Score (0 to 2)", "Statements answered", "Don't know"]);
    results(data, state.set, state.answers).forEach(function (r) {
      rows.push([r.area.title, r.area.label, r.score === null ? "" : displayScore(r.score), r.answered, r.dontKnow]);
    });
    return rows.map(function (row) { return row.map(csvCell).join(","); }).join("\r\n") + "\r\n";
  }

  return {
    FILE_KIND: FILE_KIND,
    FILE_FORMAT: FILE_FORMAT,
    MAX_NOTE_CHARS: MAX_NOTE_CHARS,
    areaScores: areaScores,
    displayScore: displayScore,
    statementAreas: statementAreas,
    statementsIn: statementsIn,
    results: results,
    strengths: strengths,
    whereToStart: whereToStart,
    compareVersions: compareVersions,
    chain: chain,
    ImportProblem: ImportProblem,
    readFile: readFile,
    readObject: readObject,
    exportObject: exportObject,
    newResponseId: newResponseId,
    codeId: codeId,
    isResponseId: isResponseId,
    identity: identity,
    LIMITS: LIMITS,
    exportJSON: exportJSON,
    exportCSV: exportCSV,
    csvCell: csvCell,
  };
});
