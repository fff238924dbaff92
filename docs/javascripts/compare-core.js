/* Comparing viewpoints, with no page in sight: group means, spread, disagreement,
 * the merge rule for small groups, and what moved between two rounds.
 *
 * Plain JavaScript with no build step. In a page it sets window.KitCompare; in Node,
 * require() returns the same object. The arithmetic is the one in
 * hooks/involvement_kit/compare.py, and both pass tests/vectors/compare.json:
 *
 * - A person's area score is the mean of their answered statements in that area;
 *   don't know (null) is left out.
 * - A group's mean counts only the members who answered.
 * - Spread is the population standard deviation over every shown person's values.
 * - Disagreement is the range of the shown groups' means (needs two groups with a mean).
 * - A role with fewer than `threshold` people is merged into "Others"; a group still
 *   under the threshold is never shown, and nothing is shown when fewer than
 *   `threshold` people took part.
 *
 * A response is {role, answers: {id: 0|1|2|null}, notes: {id: text}}. statementAreas maps
 * statement id -> area id, in kit order (ids are never plain numbers, so key order holds).
 */
(function (root, factory) {
  "use strict";
  var api = factory();
  if (typeof module === "object" && module.exports) {
    module.exports = api;
  } else {
    root.KitCompare = api;
  }
})(typeof self !== "undefined" ? self : this, function () {
  "use strict";

  var OTHERS = "Others";
  var NO_ROLE = "No role given";
  var VOICE_ROLES = ["Person using services", "Carer"];
  var DEFAULT_THRESHOLD = 3;

  function has(object, key) {
    return object !== null && object !== undefined && Object.prototype.hasOwnProperty.call(object, key);
  }

  function sum(values) {
    var total = 0;
    for (var i = 0; i < values.length; i++) total += values[i];
    return total;
  }

  function mean(values) {
    return values.length ? sum(values) / values.length : null;
  }

  /** Population standard deviation; null for no values. */
  function spread(values) {
    var m = mean(values);
    if (m === null) return null;
    return Math.sqrt(sum(values.map(function (v) { var d = v - m; return d * d; })) / values.length);
  }

  function disagreement(means) {
    var present = means.filter(function (m) { return m !== null && m !== undefined; });
    if (present.length < 2) return null;
    return Math.max.apply(null, present) - Math.min.apply(null, present);
  }

  function valueOf(answers, id) {
    if (!has(answers, id)) return null;
    var value = answers[id];
    return value === undefined ? null : value;
  }

  /** Mean score per area for one person (don't know left out; no answers gives null). */
  function areaScores(statementAreas, answers) {
    var lists = {};
    var order = [];
    Object.keys(statementAreas).forEach(function (id) {
      var area = statementAreas[id];
      if (!has(lists, area)) { lists[area] = []; order.push(area); }
      var value = valueOf(answers, id);
      if (value !== null) lists[area].push(value);
    });
    var scores = {};
    order.forEach(function (area) { scores[area] = mean(lists[area]); });
    return scores;
  }

  function areaOrder(statementAreas) {
    var seen = {};
    var order = [];
    Object.keys(statementAreas).forEach(function (id) {
      var area = statementAreas[id];
      if (!has(seen, area)) { seen[area] = true; order.push(area); }
    });
    return order;
  }

  function roleOf(response) {
    return response && response.role ? response.role : NO_ROLE;
  }

  /** Shown groups [{name, members}], the roles merged into Others, and how many people are hidden. */
  function groupsOf(responses, roles, threshold) {
    var byRole = new Map();
    var seen = [];
    responses.forEach(function (response) {
      var role = roleOf(response);
      if (!byRole.has(role)) { byRole.set(role, []); seen.push(role); }
      byRole.get(role).push(response);
    });
    var known = roles.filter(function (r) { return byRole.has(r); });
    var unknown = seen.filter(function (r) { return roles.indexOf(r) === -1; }).sort(function (a, b) {
      return a < b ? -1 : a > b ? 1 : 0;
    });
    var shown = [];
    var merged = [];
    var others = [];
    known.concat(unknown).forEach(function (role) {
      var members = byRole.get(role);
      if (members.length >= threshold) {
        shown.push({ name: role, members: members });
      } else {
        merged.push(role);
        others.push.apply(others, members);
      }
    });
    if (others.length && others.length >= threshold) shown.push({ name: OTHERS, members: others });
    if (responses.length < threshold) shown = [];
    var inGroups = sum(shown.map(function (g) { return g.members.length; }));
    return { shown: shown, merged: merged, hidden: responses.length - inGroups };
  }

  /** Most disagreement first; equal disagreement keeps kit order; no disagreement last. */
  function mostDisagreementFirst(rows) {
    return rows.map(function (row, index) { return { row: row, index: index }; }).sort(function (a, b) {
      var ka = a.row.disagreement === null ? 1 : -a.row.disagreement;
      var kb = b.row.disagreement === null ? 1 : -b.row.disagreement;
      return ka !== kb ? ka - kb : a.index - b.index;
    }).map(function (item) { return item.row; });
  }

  function thresholdOf(options) {
    var t = options && options.threshold;
    return typeof t === "number" && isFinite(t) && t >= 1 ? Math.floor(t) : DEFAULT_THRESHOLD;
  }

  /**
   * Lay several people's answers side by side.
   * Returns {groups, sizes, merged, hidden, people, threshold, shown, statements, areas, notes}:
   * each row is {id, means: {group: mean|null}, answered: {group: count}, spread, disagreement};
   * notes are [{id, note, role}] from people using services and carers in shown groups, as written.
   */
  function compare(responses, statementAreas, options) {
    responses = responses || [];
    var roles = (options && options.roles) || [];
    var threshold = thresholdOf(options);
    var grouping = groupsOf(responses, roles, threshold);
    var shown = grouping.shown;
    var members = [];
    shown.forEach(function (g) { members.push.apply(members, g.members); });
    var personAreas = new Map();
    members.forEach(function (r) { personAreas.set(r, areaScores(statementAreas, r.answers)); });

    function row(key, value) {
      var means = {}, answered = {}, everyone = [];
      shown.forEach(function (g) {
        var values = g.members.map(value).filter(function (v) { return v !== null && v !== undefined; });
        means[g.name] = mean(values);
        answered[g.name] = values.length;
        everyone.push.apply(everyone, values);
      });
      var list = shown.map(function (g) { return means[g.name]; });
      return { id: key, means: means, answered: answered, spread: spread(everyone), disagreement: disagreement(list) };
    }

    var statements = Object.keys(statementAreas).map(function (id) {
      return row(id, function (r) { return valueOf(r.answers, id); });
    });
    var areas = areaOrder(statementAreas).map(function (area) {
      return row(area, function (r) { return personAreas.get(r)[area]; });
    });
    var notes = [];
    members.forEach(function (r) {
      if (VOICE_ROLES.indexOf(r.role) === -1) return;
      Object.keys(statementAreas).forEach(function (id) {
        if (has(r.notes, id) && typeof r.notes[id] === "string" && r.notes[id] !== "") {
          notes.push({ id: id, note: r.notes[id], role: r.role });
        }
      });
    });
    var sizes = {};
    shown.forEach(function (g) { sizes[g.name] = g.members.length; });
    return {
      groups: shown.map(function (g) { return g.name; }),
      sizes: sizes,
      merged: grouping.merged,
      hidden: grouping.hidden,
      people: responses.length,
      threshold: threshold,
      shown: shown.length > 0,
      statements: mostDisagreementFirst(statements),
      areas: mostDisagreementFirst(areas),
      notes: notes,
    };
  }

  /** Each area's mean over everyone in one round; all null when too few people took part. */
  function roundMeans(responses, statementAreas, threshold) {
    var areas = areaOrder(statementAreas);
    var means = {};
    if (responses.length < threshold) {
      areas.forEach(function (a) { means[a] = null; });
      return means;
    }
    var scores = responses.map(function (r) { return areaScores(statementAreas, r.answers); });
    areas.forEach(function (a) {
      means[a] = mean(scores.map(function (s) { return s[a]; }).filter(function (v) { return v !== null; }));
    });
    return means;
  }

  /** What moved in each area between a baseline round and a later one: [{area, before, after, change}]. */
  function progress(baseline, later, statementAreas, options) {
    var threshold = thresholdOf(options);
    var before = roundMeans(baseline || [], statementAreas, threshold);
    var after = roundMeans(later || [], statementAreas, threshold);
    return Object.keys(before).map(function (area) {
      var b = before[area], a = after[area];
      return { area: area, before: b, after: a, change: b === null || a === null ? null : a - b };
    });
  }

  return {
    OTHERS: OTHERS,
    NO_ROLE: NO_ROLE,
    VOICE_ROLES: VOICE_ROLES,
    DEFAULT_THRESHOLD: DEFAULT_THRESHOLD,
    mean: mean,
    spread: spread,
    disagreement: disagreement,
    areaScores: areaScores,
    compare: compare,
    roundMeans: roundMeans,
    progress: progress,
  };
});
