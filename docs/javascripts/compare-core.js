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
 * - The disclosure rule, as compare.py states it: a group's figure needs at least k answers
 *   (k = threshold); an area figure also needs the same people as each shown statement
 *   figure of the group in that area, or at least k more, and a twin for every answer
 *   behind it (someone who answered the same statement and as many of the area's); a
 *   round's overall figure is shown only when it is a sum of shown group figures. A
 *   withheld figure is null and its group is listed in the row's `withheld`.
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

  /** Whether a group's area figure may be shown; `answered` lists, for each member with a
   * score in the area, the area's statements they answered. */
  function areaFigureSafe(answered, statements, threshold) {
    var people = answered.length;
    if (people < threshold) return false;
    for (var i = 0; i < statements.length; i++) {
      var behind = answered.filter(function (own) { return own.indexOf(statements[i]) !== -1; }).length;
      if (behind >= threshold && people - behind > 0 && people - behind < threshold) return false;
    }
    var twins = new Map();
    answered.forEach(function (own) {
      own.forEach(function (id) { var key = id + "\u0000" + own.length; twins.set(key, (twins.get(key) || 0) + 1); });
    });
    return answered.every(function (own) {
      return own.every(function (id) { return twins.get(id + "\u0000" + own.length) >= 2; });
    });
  }

  function makeRow(key, shown, cells, verdict) {
    var means = {}, answered = {}, everyone = [], withheld = [];
    shown.forEach(function (g) {
      var values = cells[g.name];
      if (values.length && !verdict[g.name]) {
        withheld.push(g.name);
        means[g.name] = null;
        answered[g.name] = 0;
        return;
      }
      means[g.name] = mean(values);
      answered[g.name] = values.length;
      everyone.push.apply(everyone, values);
    });
    var list = shown.map(function (g) { return means[g.name]; });
    return { id: key, means: means, answered: answered, spread: spread(everyone), disagreement: disagreement(list),
             withheld: withheld };
  }

  /**
   * Lay several people's answers side by side.
   * Returns {groups, sizes, merged, hidden, people, threshold, shown, statements, areas, notes}:
   * each row is {id, means: {group: mean|null}, answered: {group: count}, spread, disagreement, withheld};
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

    var statements = Object.keys(statementAreas).map(function (id) {
      var cells = {}, verdict = {};
      shown.forEach(function (g) {
        cells[g.name] = g.members.map(function (r) { return valueOf(r.answers, id); })
          .filter(function (v) { return v !== null && v !== undefined; });
        verdict[g.name] = cells[g.name].length >= threshold;
      });
      return makeRow(id, shown, cells, verdict);
    });
    var byArea = {};
    Object.keys(statementAreas).forEach(function (id) {
      var area = statementAreas[id];
      if (!has(byArea, area)) byArea[area] = [];
      byArea[area].push(id);
    });
    var areas = areaOrder(statementAreas).map(function (area) {
      var ids = byArea[area];
      var cells = {}, verdict = {};
      shown.forEach(function (g) {
        var answered = [], values = [];
        g.members.forEach(function (r) {
          var own = ids.filter(function (id) { var v = valueOf(r.answers, id); return v !== null && v !== undefined; });
          if (!own.length) return;
          answered.push(own);
          values.push(sum(own.map(function (id) { return r.answers[id]; })) / own.length);
        });
        cells[g.name] = values;
        verdict[g.name] = areaFigureSafe(answered, ids, threshold);
      });
      return makeRow(area, shown, cells, verdict);
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

  /**
   * Each area's mean over everyone in one round: {means: {area: mean|null}, withheld: [area]}.
   * The overall figure sits beside the groups' figures, so it is shown only when no one is
   * left out of the groups and each group's figure for the area is shown (or rests on no one).
   */
  function roundFigures(responses, statementAreas, threshold, roles) {
    var areas = areaOrder(statementAreas);
    var c = compare(responses, statementAreas, { roles: roles || [], threshold: threshold });
    var rows = {};
    c.areas.forEach(function (row) { rows[row.id] = row; });
    var scores = responses.map(function (r) { return areaScores(statementAreas, r.answers); });
    var means = {}, withheld = [];
    areas.forEach(function (a) {
      var values = scores.map(function (s) { return s[a]; }).filter(function (v) { return v !== null; });
      if (!values.length) means[a] = null;
      else if (!c.shown || c.hidden || rows[a].withheld.length) { means[a] = null; withheld.push(a); }
      else means[a] = mean(values);
    });
    return { means: means, withheld: withheld };
  }

  /** Each area's shown mean over everyone in one round (null when none, or withheld). */
  function roundMeans(responses, statementAreas, threshold, roles) {
    return roundFigures(responses, statementAreas, threshold, roles).means;
  }

  /** What moved in each area between a baseline round and a later one:
   * [{area, before, after, change, withheld: ["before"|"after"]}]. */
  function progress(baseline, later, statementAreas, options) {
    var threshold = thresholdOf(options);
    var roles = (options && options.roles) || [];
    var before = roundFigures(baseline || [], statementAreas, threshold, roles);
    var after = roundFigures(later || [], statementAreas, threshold, roles);
    return Object.keys(before.means).map(function (area) {
      var b = before.means[area], a = after.means[area];
      var withheld = [];
      if (before.withheld.indexOf(area) !== -1) withheld.push("before");
      if (after.withheld.indexOf(area) !== -1) withheld.push("after");
      return { area: area, before: b, after: a, change: b === null || a === null ? null : a - b, withheld: withheld };
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
    roundFigures: roundFigures,
    groupsOf: function (responses, roles, threshold) {
      return groupsOf(responses || [], roles || [], thresholdOf({ threshold: threshold }));
    },
    areaFigureSafe: areaFigureSafe,
    progress: progress,
  };
});
