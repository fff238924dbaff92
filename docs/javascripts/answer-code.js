/* Answer codes: one person's answers as a short code to read out, type or scan.
   The same code as hooks/involvement_kit/scoring/answer_code.py (its docstring gives the
   layout); tests/vectors/answer-code.json keeps the two identical. Runs in the browser
   (window.KitAnswerCode) and in Node (module.exports) for the shared tests.

   KitAnswerCode.encode(payload, catalogue?)  -> "Q010..." (throws an error with .reason)
   KitAnswerCode.decode(typed, catalogue?)    -> {set, version, role, id, answers}
   KitAnswerCode.group(code)                  -> "Q010-...": groups of four to read out
   KitAnswerCode.show(container, payload, catalogue?, words?)
                                              -> draws the code and its QR picture (words: WORDS)
   catalogue defaults to the site's scoring data (window.KIT_SCORING). */
(function (root) {
  "use strict";

  var ALPHABET = "0123456789ABCDEFGHJKMNPQRSTVWXYZ";
  var BASE = ALPHABET.length;
  var HEADS = { Q: "quick", F: "full" };
  var SET_HEAD = { quick: "Q", full: "F" };
  var DONT_KNOW_DIGIT = 3;
  var BLANK_DIGIT = 4;
  var MAX_TYPED = 120;
  var GROUP = 4;
  var ALIASES = { O: "0", I: "1", L: "1" };
  var IGNORED = " -\t";
  var ID_CHARS = 5;
  // The response id's five characters in a code come from scoring-core.js (codeId), which
  // the scoring pages load first; Node reads it beside this file.
  var core = root.KitScoring || (typeof require === "function" ? require("./scoring-core.js") : null);

  function fail(reason, message) {
    var error = new Error(message);
    error.reason = reason;
    return error;
  }

  function catalogueOf(catalogue) {
    var data = catalogue || root.KIT_SCORING;
    if (!data) throw fail("format", "the kit's scoring data is missing from this page");
    return data;
  }

  function setIds(catalogue, setName) {
    return catalogue.statements
      .filter(function (s) { return setName === "full" || s.quick; })
      .map(function (s) { return String(s.id); });
  }

  function checkCharacter(body) {
    var total = 0, factor = 2;
    for (var i = body.length - 1; i >= 0; i--) {
      var addend = factor * ALPHABET.indexOf(body[i]);
      total += Math.floor(addend / BASE) + (addend % BASE);
      factor = factor === 2 ? 1 : 2;
    }
    return ALPHABET[(BASE - (total % BASE)) % BASE];
  }

  function versionChars(version) {
    var parts = String(version).split(".");
    var ok = parts.length === 3 && parts.every(function (p) { return /^[0-9]+$/.test(p) && Number(p) < BASE; });
    if (!ok) throw fail("version", "kit version '" + version + "' cannot go in an answer code");
    return parts.map(function (p) { return ALPHABET[Number(p)]; }).join("");
  }

  function has(object, key) { return Object.prototype.hasOwnProperty.call(object, key); }

  function encode(payload, catalogue) {
    var data = catalogueOf(catalogue);
    var setName = payload && payload.set;
    if (!has(SET_HEAD, setName)) throw fail("format", "'" + setName + "' is not a set of statements");
    var role = payload.role === undefined ? null : payload.role;
    var roles = data.roles.slice();
    if (role !== null && roles.indexOf(role) < 0) throw fail("role", "'" + role + "' is not one of the roles");
    var rolePlace = role === null ? 0 : roles.indexOf(role) + 1;
    if (rolePlace >= BASE) throw fail("role", "there are too many roles to put the role in an answer code");
    var identity = typeof payload.id === "string" && core ? core.codeId(payload.id) : null;
    if (!identity) throw fail("id", "these answers have no response id to put in an answer code");
    var answers = payload.answers || {};
    if (typeof answers !== "object" || Array.isArray(answers)) throw fail("answer", "the answers are not in the expected form");
    var digits = [];
    setIds(data, setName).forEach(function (id) {
      if (!has(answers, id)) { digits.push(BLANK_DIGIT); return; }
      var value = answers[id];
      if (value === null) digits.push(DONT_KNOW_DIGIT);
      else if (value === 0 || value === 1 || value === 2) digits.push(value);
      else throw fail("answer", JSON.stringify(value) + " is not 0, 1, 2 or don't know (" + id + ")");
    });
    if (digits.length % 2) digits.push(BLANK_DIGIT);
    var body = SET_HEAD[setName] + versionChars(data.version) + ALPHABET[rolePlace] + identity;
    for (var i = 0; i < digits.length; i += 2) body += ALPHABET[5 * digits[i] + digits[i + 1]];
    return body + checkCharacter(body);
  }

  function group(code) {
    var parts = [];
    for (var i = 0; i < code.length; i += GROUP) parts.push(code.slice(i, i + GROUP));
    return parts.join("-");
  }

  function shown(char) {
    // As Python's str.isprintable: no control, format, private, unassigned or separator character.
    if (!/[\p{Cc}\p{Cf}\p{Cs}\p{Co}\p{Cn}\p{Z}]/u.test(char)) return "'" + char + "'";
    var hex = char.codePointAt(0).toString(16).toUpperCase();
    return "U+" + "0000".slice(hex.length) + hex;
  }

  function normalise(typed) {
    typed = String(typed);
    if (typed.length > MAX_TYPED) throw fail("too-long", "this is " + typed.length + " characters long, too long to be an answer code");
    var code = "";
    var chars = Array.from(typed.trim());
    for (var i = 0; i < chars.length; i++) {
      var char = chars[i];
      if (IGNORED.indexOf(char) >= 0) continue;
      var upper = char.toUpperCase();
      upper = has(ALIASES, upper) ? ALIASES[upper] : upper;
      if (upper.length !== 1 || ALPHABET.indexOf(upper) < 0) {
        throw fail("character", "character " + (i + 1) + ", " + shown(char) + ", is never in an answer code");
      }
      code += upper;
    }
    if (!code) throw fail("empty", "there is no code here");
    return code;
  }

  function decode(typed, catalogue) {
    var data = catalogueOf(catalogue);
    var code = normalise(typed);
    if (code.length < 7) throw fail("length", "this code has only " + code.length + " characters: check you have all of it");
    if (checkCharacter(code.slice(0, -1)) !== code[code.length - 1]) {
      throw fail("check", "a character is mistyped, missing or extra: check the code against the one on the person's screen");
    }
    var setName = has(HEADS, code[0]) ? HEADS[code[0]] : null;
    if (!setName) throw fail("format", "this is not an answer code from this kit (it should start with Q or F)");
    var version = [1, 2, 3].map(function (i) { return String(ALPHABET.indexOf(code[i])); }).join(".");
    if (version !== data.version) {
      throw fail("version", "this code was made with version " + version + " of the kit, and this is version " +
        data.version + ": ask for an exported file instead");
    }
    var ids = setIds(data, setName);
    var want = 5 + ID_CHARS + Math.floor((ids.length + 1) / 2) + 1;
    // Codes from before the id are refused (answer_code.py says why).
    if (code.length === want - ID_CHARS) {
      throw fail("no-id", "this code comes from before codes said whose answers they hold, so it could be counted " +
        "twice: ask the person to open their results again for a new code");
    }
    if (code.length !== want) {
      throw fail("length", "a " + (setName === "quick" ? "quick-check" : "full-set") + " code has " + want +
        " characters and this one has " + code.length);
    }
    var roles = data.roles;
    var rolePlace = ALPHABET.indexOf(code[4]);
    if (rolePlace > roles.length) throw fail("role", "the role in this code is not one of this site's roles");
    var digits = [];
    for (var i = 5 + ID_CHARS; i < code.length - 1; i++) {
      var value = ALPHABET.indexOf(code[i]);
      if (value >= 25) throw fail("answer", "this code holds an answer that is not 0, 1, 2 or don't know");
      digits.push(Math.floor(value / 5), value % 5);
    }
    if (ids.length % 2 && digits[digits.length - 1] !== BLANK_DIGIT) {
      throw fail("answer", "this code holds an answer to a statement that is not in the set");
    }
    var answers = {};
    ids.forEach(function (id, place) {
      var digit = digits[place];
      if (digit === DONT_KNOW_DIGIT) answers[id] = null;
      else if (digit !== BLANK_DIGIT) answers[id] = digit;
    });
    return { set: setName, version: version, role: rolePlace ? roles[rolePlace - 1] : null,
             id: code.slice(5, 5 + ID_CHARS), answers: answers };
  }

  /* The code as text, and beside it the same code as a QR picture when the build could copy
     the QR library in (root.qrcode); without it, a note says why there is no picture.
     Returns the code, or null with a message in place of the code when it cannot be made. */
  var WORDS = {
    label: "Answer code: ",
    hint: "Give this code to the person comparing answers: they type it, or scan the picture, instead of opening a file. " +
      "It holds your role, your answers and a random number that makes sure your answers count once; never your name or " +
      "notes. Anyone who has it can read your answers, so give it only to them.",
    qr: "The same answer code as a QR picture, to scan with a phone",
    noQr: "This copy of the kit was built without its QR library, so there is no picture of the code: type the code instead.",
  };

  function show(container, payload, catalogue, words) {
    words = Object.assign({}, WORDS, words || {});
    var doc = container.ownerDocument;
    function make(tag, className, text) {
      var node = doc.createElement(tag);
      if (className) node.className = className;
      if (text) node.textContent = text;
      return node;
    }
    while (container.firstChild) container.removeChild(container.firstChild);
    container.classList.add("kit-answer-code");
    var code;
    try {
      code = encode(payload, catalogue);
    } catch (error) {
      container.appendChild(make("p", "kit-answer-code__note", "No answer code for these answers: " + error.message + "."));
      return null;
    }
    var text = make("p", "kit-answer-code__text");
    text.appendChild(make("span", "kit-answer-code__label", words.label));
    var value = make("code", "kit-answer-code__value", group(code));
    value.setAttribute("data-code", code);
    text.appendChild(value);
    container.appendChild(text);
    container.appendChild(make("p", "kit-answer-code__hint", words.hint));
    if (typeof root.qrcode === "function") {
      var qr = root.qrcode(0, "M");
      qr.addData(code, "Alphanumeric");
      qr.make();
      var cells = qr.getModuleCount(), size = 4, margin = 4;
      var canvas = doc.createElement("canvas");
      canvas.width = canvas.height = (cells + 2 * margin) * size;
      canvas.className = "kit-answer-code__qr";
      canvas.setAttribute("role", "img");
      canvas.setAttribute("aria-label", words.qr);
      var draw = canvas.getContext("2d");
      draw.fillStyle = "#ffffff";
      draw.fillRect(0, 0, canvas.width, canvas.height);
      draw.fillStyle = "#000000";
      for (var r = 0; r < cells; r++) {
        for (var c = 0; c < cells; c++) {
          if (qr.isDark(r, c)) draw.fillRect((c + margin) * size, (r + margin) * size, size, size);
        }
      }
      container.appendChild(canvas);
    } else {
      container.appendChild(make("p", "kit-answer-code__note", words.noQr));
    }
    return code;
  }

  var api = { encode: encode, decode: decode, group: group, show: show, normalise: normalise, ALPHABET: ALPHABET };
  root.KitAnswerCode = api;
  if (typeof module !== "undefined" && module.exports) module.exports = api;
})(typeof window !== "undefined" ? window : globalThis);
