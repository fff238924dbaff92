"""Answer codes (scoring/answer_code.py and answer-code.js): the shared vectors in Python and
Node, every one-character typo caught, hostile codes refused with a reason, the real kit's
quick-check code short enough. Chromium runs the same vectors in test_browser_answer_code.py."""

from __future__ import annotations

import json
import subprocess

import pytest
from conftest import ROOT

from involvement_kit import __version__
from involvement_kit.content.loader import load_kit
from involvement_kit.content.options import Options
from involvement_kit.scoring.answer_code import ALPHABET, AnswerCodeError, code_id, decode, encode, group
from involvement_kit.web.assets import scoring_data

VECTORS_PATH = ROOT / "tests" / "vectors" / "answer-code.json"
VECTORS = json.loads(VECTORS_PATH.read_text(encoding="utf-8"))
CATALOGUE = VECTORS["catalogue"]
SCRIPT = ROOT / "docs" / "javascripts" / "answer-code.js"


def expected_answers(case):
    if "decoded_answers" in case:
        return case["decoded_answers"]
    return case["payload"]["answers"]


@pytest.mark.parametrize("case", VECTORS["cases"], ids=[c["name"] for c in VECTORS["cases"]])
def test_vectors_round_trip(case):
    code = encode(case["payload"], CATALOGUE)
    assert code == case["code"]
    assert group(code) == case["grouped"]
    decoded = decode(case["grouped"], CATALOGUE)
    assert decoded == {"set": case["payload"]["set"], "version": CATALOGUE["version"],
                       "role": case["payload"]["role"], "id": case["decoded_id"], "answers": expected_answers(case)}


@pytest.mark.parametrize("case", VECTORS["forgiving"], ids=[c["name"] for c in VECTORS["forgiving"]])
def test_forgiving_typing(case):
    assert encode(decode(case["typed"], CATALOGUE), CATALOGUE) == case["code"]


@pytest.mark.parametrize("case", VECTORS["hostile"], ids=[c["name"] for c in VECTORS["hostile"]])
def test_hostile_codes_refused_with_a_reason(case):
    with pytest.raises(AnswerCodeError) as caught:
        decode(case["typed"], CATALOGUE)
    assert caught.value.reason == case["reason"]
    assert caught.value.message == case["message"]


def one_character_typos(code: str):
    """Every code one keystroke away: each character replaced by every other, dropped, or doubled."""
    for place, char in enumerate(code):
        for other in ALPHABET:
            if other != char:
                yield code[:place] + other + code[place + 1:]
        yield code[:place] + code[place + 1:]
        for other in ALPHABET:
            yield code[:place] + other + code[place:]


def test_every_one_character_typo_is_caught():
    checked = 0
    for case in VECTORS["cases"]:
        for typo in one_character_typos(case["code"]):
            if typo == case["code"]:
                continue  # doubling a character next to the same one gives the same code
            with pytest.raises(AnswerCodeError):
                decode(typo, CATALOGUE)
            checked += 1
    assert checked > 2000


def test_no_name_or_note_goes_into_a_code():
    payload = {"set": "quick", "role": "Trustee", "answers": {"s0": 1}, "notes": {"s0": "Sam, finance"}, "name": "Sam",
               "id": "00000000000000000000"}
    assert decode(encode(payload, CATALOGUE), CATALOGUE) == {"set": "quick", "version": "0.1.0", "role": "Trustee",
                                                             "id": "00000", "answers": {"s0": 1}}


def test_a_code_holds_who_answered_so_the_same_answers_from_two_people_are_two_codes():
    answers = {"s0": 2, "s2": 1}
    one = encode({"set": "quick", "role": "Staff", "answers": answers, "id": "3f9a0c2b7d1e4a5b6c7d8e9f"}, CATALOGUE)
    other = encode({"set": "quick", "role": "Staff", "answers": answers, "id": "a1b2c3d4e5f60718293a4b5c"}, CATALOGUE)
    assert one != other
    assert decode(one, CATALOGUE)["answers"] == decode(other, CATALOGUE)["answers"] == answers
    # The id in the code is the start of the response id: a code and that person's file meet.
    assert decode(one, CATALOGUE)["id"] == code_id("3f9a0c2b7d1e4a5b6c7d8e9f")
    # Made again from what was read, a code is the same code.
    assert encode(decode(one, CATALOGUE), CATALOGUE) == one


def test_a_code_needs_a_response_id():
    with pytest.raises(AnswerCodeError) as caught:
        encode({"set": "quick", "role": None, "answers": {}}, CATALOGUE)
    assert caught.value.reason == "id"
    with pytest.raises(AnswerCodeError):
        encode({"set": "quick", "role": None, "answers": {}, "id": "not-hex-at-all!"}, CATALOGUE)


def test_two_people_in_a_room_of_50_almost_never_share_an_id():
    """The id has 25 bits; the chance two of 50 random ids meet is under 1 in 20,000."""
    bits = 5 * 5
    chance = 1.0
    for n in range(50):
        chance *= 1 - n / 2 ** bits
    assert 1 - chance < 1 / 20_000


def test_the_real_quick_check_code_is_at_most_32_characters():
    kit = load_kit(ROOT / "kit", version=__version__)
    data = scoring_data(kit, Options())
    quick = [s["id"] for s in data["statements"] if s["quick"]]
    answers = {sid: [0, 1, 2, None][i % 4] for i, sid in enumerate(quick)}
    code = encode({"set": "quick", "role": data["roles"][-1], "answers": answers, "id": "f" * 24}, data)
    assert len(group(code)) <= 32, group(code)
    assert decode(code, data)["answers"] == answers
    full = encode({"set": "full", "role": None, "answers": {}, "id": "0" * 24}, data)
    assert decode(full, data) == {"set": "full", "version": __version__, "role": None, "id": "00000", "answers": {}}


NODE_RUNNER = r"""
const api = require(process.argv[1]);
const vectors = require(process.argv[2]);
const out = {cases: [], hostile: [], forgiving: []};
for (const c of vectors.cases) {
  const code = api.encode(c.payload, vectors.catalogue);
  out.cases.push({code, grouped: api.group(code), decoded: api.decode(c.grouped, vectors.catalogue)});
}
for (const c of vectors.forgiving) out.forgiving.push(api.encode(api.decode(c.typed, vectors.catalogue), vectors.catalogue));
for (const h of vectors.hostile) {
  try { api.decode(h.typed, vectors.catalogue); out.hostile.push(null); }
  catch (e) { out.hostile.push({reason: e.reason, message: e.message}); }
}
let typos = 0, missed = [];
const A = api.ALPHABET;
for (const c of vectors.cases) {
  for (let i = 0; i < c.code.length; i++) {
    const variants = [c.code.slice(0, i) + c.code.slice(i + 1)];
    for (const o of A) {
      if (o !== c.code[i]) variants.push(c.code.slice(0, i) + o + c.code.slice(i + 1));
      variants.push(c.code.slice(0, i) + o + c.code.slice(i));
    }
    for (const v of variants) {
      if (v === c.code) continue;
      typos++;
      try { api.decode(v, vectors.catalogue); missed.push(v); } catch (e) { if (!e.reason) missed.push(v); }
    }
  }
}
out.typos = typos; out.missed = missed;
const core = require(require("path").join(require("path").dirname(process.argv[1]), "scoring-core.js"));
out.codeIds = vectors.cases.map(c => core.codeId(c.payload.id));
process.stdout.write(JSON.stringify(out));
"""


def check_runtime_results(out: dict) -> None:
    """What another runtime gave for the vectors, against the vectors themselves."""
    for case, got in zip(VECTORS["cases"], out["cases"], strict=True):
        assert got["code"] == case["code"], case["name"]
        assert got["grouped"] == case["grouped"], case["name"]
        assert got["decoded"] == {"set": case["payload"]["set"], "version": CATALOGUE["version"],
                                  "role": case["payload"]["role"], "id": case["decoded_id"],
                                  "answers": expected_answers(case)}, case["name"]
    assert out["forgiving"] == [c["code"] for c in VECTORS["forgiving"]]
    for case, got in zip(VECTORS["hostile"], out["hostile"], strict=True):
        assert got == {"reason": case["reason"], "message": case["message"]}, case["name"]
    assert out["missed"] == [] and out["typos"] > 2000
    assert out["codeIds"] == [c["decoded_id"] for c in VECTORS["cases"]] == [code_id(c["payload"]["id"])
                                                                              for c in VECTORS["cases"]]


@pytest.mark.needs("node")
def test_node_runs_the_same_vectors():
    result = subprocess.run(["node", "-e", NODE_RUNNER, str(SCRIPT), str(VECTORS_PATH)], capture_output=True,
                            text=True, timeout=120, check=True)
    check_runtime_results(json.loads(result.stdout))
