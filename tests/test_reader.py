"""The trained reader (readers -> items -> candidates -> scorer -> assignment -> record), parts and whole."""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path

import numpy as np
import pytest

from intake.demo.forms import SAMPLE, docx_form
from parsers.assignment import assign
from parsers.candidates import FEATURES, Candidate, Label, generate, labels_of
from parsers.docx_reader import read_docx
from parsers.picture import Item, build
from parsers.blocks import Para, Table
from parsers.reader import agency_rows, read
from parsers.scorer import MODEL, context, load
from tests.docx_xml import package, row, table

REPO = Path(__file__).resolve().parents[1]


def cand(label: Label, field: str, value, score: float, answer: Item | None = None, child: int = 0) -> Candidate:
    c = Candidate(label, field, child, "right", str(value or ""), answer, 1, value, 0 if value is None else 1)
    c.score = score
    return c


def label(n: int, text: str = "Date of incident") -> Label:
    return Label(Item(n, text, "cell"), text, {"incident.date": 1.0}, {"incident.date": 0})


def test_a_value_below_the_confidence_threshold_is_left_empty():
    lab = label(0)
    chosen, closed = assign([cand(lab, "incident.date", "2026-02-03", 0.41, Item(1, "3/2/26", "cell"))], 0.6, 0.7)
    assert chosen == {} and closed == {}


def test_a_confident_blank_closes_its_field_so_a_value_further_away_is_not_pulled_in():
    near, far = label(0), label(5)
    cands = [cand(near, "incident.date", None, 0.95, Item(1, "", "cell")),
             cand(far, "incident.date", "2026-02-03", 0.9, Item(6, "3/2/26", "cell"))]
    chosen, closed = assign(cands, 0.6, 0.7)
    assert chosen == {} and ("incident.date", 0) in closed


def test_each_answer_is_used_once_and_each_field_per_child_takes_one_value():
    answer = Item(1, "Ada Lovelace", "cell")
    lab = Label(Item(0, "Name", "cell"), "Name", {"child.name": 1.0, "person.name": 1.0}, {"child.name": 0, "person.name": 1})
    other = Label(Item(3, "Name of child", "cell"), "Name of child", {"child.name": 1.0}, {"child.name": 0})
    cands = [cand(lab, "child.name", "Ada Lovelace", 0.9, answer), cand(lab, "referrer.name", "Ada Lovelace", 0.8, answer),
             cand(other, "child.name", "Bea", 0.85, Item(4, "Bea", "cell")),
             cand(other, "child.name", "Cy", 0.7, Item(5, "Cy", "cell"), child=1)]
    chosen, _ = assign(cands, 0.6, 0.7)
    assert chosen[("child.name", 0)].value == "Ada Lovelace"
    assert ("referrer.name", 0) not in chosen          # the same answer is not given to a second field
    assert chosen[("child.name", 1)].value == "Cy"     # one value per field and child


def test_a_wording_no_rule_knows_is_found_through_the_wording_bank():
    it = Item(0, "Pupil's forename(s) as on school roll", "cell", section="child")
    found = {f for lab in labels_of(it) for f in lab.fields}
    assert found & {"child.forename", "child.name"}


def _blocks(body: str):
    return read_docx(package(body))[0]


def test_explain_says_for_every_field_its_confidence_runner_up_or_why_it_is_empty():
    r = read(_blocks(table(row("Referrer name", "Robin Grid"), row("Email", "robin@nhs.net"),
                           row("Name of child", "Ezra Explain"), row("Date of birth", "not a date at all"),
                           row("Date of incident", "3 February 2026"), row("Ethnicity", ""),
                           row("Summary of the incident", "Ezra was found at home."))))
    fields = r.explain["fields"]
    assert fields["referrer.name"]["outcome"] == "set" and 0 < fields["referrer.name"]["confidence"] <= 1
    assert "runner_up" in fields["referrer.name"]
    assert fields["children[0].dob"]["outcome"] == "empty" and fields["children[0].dob"]["why"].startswith("refused by type")
    assert fields["children[0].ethnicity"]["outcome"] == "empty"
    for path, e in fields.items():
        assert e["outcome"] in ("set", "empty")
        if e["outcome"] == "empty":  # why: blank, below confidence, refused, or taken by a likelier field
            assert e["why"].split(" ")[0] in ("the", "below", "refused", "its", "blank"), (path, e["why"])
            if e["why"].startswith("below"):  # below the bar of its kind of answer, or else of the form / a child
                base = r.explain["child_threshold" if path.startswith("children[") else "threshold"]
                assert e["needed"] in (base, *r.explain["kind_thresholds"].values())
                assert e["best"]["confidence"] < e["needed"]
    assert r.record["children"] == [] or r.record["children"][0]["dob"] is None  # a blank, not a guess
    assert any("date of birth" in w.lower() for w in r.warnings)


def test_the_model_file_is_small_and_scores_the_features_the_candidates_carry():
    assert MODEL.stat().st_size < 20_000_000
    model = load()
    assert model.features == FEATURES
    assert 0 < model.threshold < 1 and 0 < model.blank_threshold < 1
    pic = build(_blocks(table(row("Name of child", "Ada"))))
    assert pic.items and pic.items[0].text == "Name of child"


@pytest.mark.corpus
def test_training_is_deterministic(tmp_path):
    shared = REPO.parent / "shared" / "forms"
    if not shared.exists():
        pytest.skip("../shared/forms not present")
    outs = []
    for run, hash_seed in (("a", "1"), ("b", "2")):  # sets of words iterate in another order under each seed
        out = tmp_path / f"model-{run}.json"
        done = subprocess.run([sys.executable, "-m", "parsers.training.train", "--grammar-count", "24", "--seed", "3",
                               "--trees", "15", "--corpus", str(shared), "--work", str(tmp_path / f"grammar-{run}"),
                               "--out", str(out)], cwd=REPO, capture_output=True, text=True, timeout=600,
                              env={**os.environ, "PYTHONHASHSEED": hash_seed})
        assert done.returncode == 0, done.stderr[-2000:]
        outs.append(out.read_bytes())
    assert outs[0] == outs[1]
    assert json.loads(outs[0])["features"] == FEATURES


def test_the_training_fingerprint_is_a_digest_per_form_of_what_training_reads(tmp_path):
    # the check a reader change is put to before the model is retrained: equal digests, the same training data
    def digest(seed: str, hash_seed: str) -> dict:
        out = tmp_path / f"print-{seed}-{hash_seed}.json"
        done = subprocess.run([sys.executable, "-m", "parsers.training.train", "--grammar-count", "6", "--seed", seed,
                               "--corpus", "--work", str(tmp_path / f"grammar-{seed}"), "--fingerprint", str(out)],
                              cwd=REPO, capture_output=True, text=True, timeout=600,
                              env={**os.environ, "PYTHONHASHSEED": hash_seed})
        assert done.returncode == 0, done.stderr[-2000:]
        return {Path(k).stem: v for k, v in json.loads(out.read_text()).items()}

    first = digest("3", "1")
    assert len(first) == 6 and all(len(v) == 16 for v in first.values())
    assert digest("3", "2") == first   # the same forms read by the same code: the same digests, whatever the hash seed
    other = digest("4", "1")            # other forms under the same numbers: other digests
    assert set(other) == set(first) and all(other[k] != first[k] for k in first)


def test_no_warning_is_given_for_a_child_the_form_does_not_have():
    # One child, asked in a two-column table: the rows below the child's are no second, third or fourth child, so a
    # refused answer there ('Open to CSC' beside an organisation's name) warns about nobody.
    r = read(read_docx(docx_form(SAMPLE))[0])
    assert len(r.record["children"]) == 1
    assert not [w for w in r.warnings if "child 2" in w or "children[1]" in w]
    assert any(path.startswith("children[1]") for path in r.explain["fields"])  # still explained, not warned


def test_stage_two_sees_how_sure_the_rivals_of_a_candidate_are():
    # Two labels offer the incident date; a third offers the same value as the first. Stage two is told, per
    # candidate, the best rival value's score, whether another label agrees, and what else its label was taken for.
    first, second, third = label(0), label(5), label(9)
    a = cand(first, "incident.date", "2026-02-03", 0.9, Item(1, "3/2/26", "cell"))
    b = cand(second, "incident.date", "2026-03-01", 0.6, Item(6, "1/3/26", "cell"))
    c = cand(third, "incident.date", "2026-02-03", 0.3, Item(10, "03.02.2026", "cell"))
    d = cand(first, "incident.date_la_aware", "2026-02-03", 0.2, Item(1, "3/2/26", "cell"))
    ctx = context([a, b, c, d], np.array([0.9, 0.6, 0.3, 0.2]))
    assert ctx[0]["key_top"] == 0.6 and ctx[0]["key_same"] == 0.3 and ctx[0]["key_rank"] == 0
    assert ctx[1]["key_top"] == 0.9 and ctx[1]["key_rank"] == 1 and ctx[1]["key_many"] == 1
    assert ctx[0]["answer_other"] == 0.2     # its answer was also offered as the date the LA knew
    assert ctx[3]["label_other"] == 0.9      # its label is read as the incident date's, surer
    assert ctx[0]["label_other"] == 0.2 and ctx[1]["label_other"] == 0.0


def test_stage_two_sees_how_the_form_sets_out_the_answers_it_is_sure_of():
    # Three fields read surely from the cell to the right and one from the cell below: a fifth candidate to the right
    # shares the form's way; its own field's sure answer is not counted as evidence for itself.
    sure = [cand(label(k * 4), f, "x", 0.95, Item(k * 4 + 1, "x", "cell")) for k, f in
            enumerate(["referrer.name", "referrer.role", "referrer.agency", "referrer.email"])]
    for c, rel in zip(sure, ["right", "right", "right", "below"]):
        c.relation = rel
    new = cand(label(20), "referrer.phone", "0113 496 0000", 0.5, Item(21, "0113 496 0000", "cell"))
    new.relation = "right"
    ctx = context(sure + [new], np.array([0.95, 0.95, 0.95, 0.95, 0.5]))
    assert ctx[4]["form_sure"] == 4 and ctx[4]["form_rel_share"] == 0.75
    assert ctx[0]["form_sure"] == 3 and ctx[0]["form_rel_share"] == 2 / 3   # not itself
    assert ctx[3]["form_rel_share"] == 0.0                                   # no other sure answer sits below
    age = cand(label(30), "child.age", "7", 0.6, Item(31, "7", "cell"))
    dob = cand(label(32), "child.dob", "2019-01-02", 0.97, Item(33, "2/1/19", "cell"))
    assert context([age, dob], np.array([0.6, 0.97]))[0]["age_dob"] == 0.97


def test_an_answer_typed_in_square_brackets_after_a_question_is_read_without_them():
    pic = build(_blocks('<w:p><w:r><w:t xml:space="preserve">Why are you making this referral? '
                        '[ Potential learning about safe sleeping ]</w:t></w:r></w:p>'))
    values = {c.value for c in generate(pic)[0] if c.field == "criteria.reason" and c.fit > 0}
    assert "Potential learning about safe sleeping" in values
    assert not any(str(v).startswith("[") for v in values)


def test_a_phone_number_typed_after_its_label_keeps_its_leading_plus_and_area_code():
    pic = build(_blocks('<w:p><w:r><w:t>Referrer telephone +44 116 496 0688</w:t></w:r></w:p>'
                        '<w:p><w:r><w:t>Contact number (0114) 496 0665</w:t></w:r></w:p>'))
    phones = {c.value for c in generate(pic)[0] if c.field.endswith(".phone") and c.relation == "inline"}
    assert "+441164960688" in phones and "01144960665" in phones
    assert "441164960688" not in phones and "4960665" not in phones


def test_a_date_the_label_gives_as_an_example_is_no_answer():
    pic = build(_blocks('<w:p><w:r><w:t>Date of incident (e.g. 01/01/2015)</w:t></w:r></w:p>'
                        '<w:p><w:r><w:t>Date of birth 27/11/2019</w:t></w:r></w:p>'))
    dates = {(c.field, c.value) for c in generate(pic)[0] if c.relation == "inline" and c.fit > 0}
    assert ("incident.date", "2015-01-01") not in dates
    assert ("child.dob", "2019-11-27") in dates


def test_a_spaced_dash_parts_a_label_from_its_answer():
    # 'Label – answer' lines (a bulleted form); the dash is not part of the answer, with or without a bold label
    pic = build(_blocks('<w:p><w:r><w:t xml:space="preserve">Registered GP – Millbrook Family Practice</w:t></w:r></w:p>'
                        '<w:p><w:r><w:rPr><w:b/></w:rPr><w:t>Legal status</w:t></w:r>'
                        '<w:r><w:t xml:space="preserve"> — Special guardianship order</w:t></w:r></w:p>'))
    values = {(c.field, c.value) for c in generate(pic)[0] if c.relation == "inline" and c.fit > 0}
    assert ("child.gp", "Millbrook Family Practice") in values
    assert ("child.legal_status", "Special guardianship order") in values
    assert not any(str(v).startswith(("–", "—")) for _, v in values)


def test_a_phone_numbers_area_code_in_brackets_is_not_taken_for_guidance():
    # '(please tick)' after a label is guidance and is dropped; '(0117)' is the start of the answer
    pic = build(_blocks('<w:p><w:r><w:t xml:space="preserve">Phone: (0117) 496 0535</w:t></w:r></w:p>'
                        '<w:p><w:r><w:t xml:space="preserve">Date of birth: (dd/mm/yyyy) 12/03/2015</w:t></w:r></w:p>'))
    values = {(c.field, c.value) for c in generate(pic)[0] if c.relation == "inline" and c.fit > 0}
    assert any(f.endswith(".phone") and v == "01174960535" for f, v in values)
    assert ("child.dob", "2015-03-12") in values


def test_an_agencies_table_asked_in_its_header_rows_first_cell_is_read_by_its_columns():
    # "Agencies working with the family | Name | Agency | Contact details", then a row per agency under the columns
    blocks = [Table([["Agencies working with the family", "Name", "Agency", "Contact details"],
                     ["", "Imran Okafor", "CAMHS (Getting Help Team)", "+44 7700 900332"],
                     ["", "", "Emergency Duty Team", "07700 900910"]])]
    entries = [a["entry"] for a in agency_rows(build(blocks))]
    assert entries == [{"name": "Imran Okafor", "agency": "CAMHS (Getting Help Team)", "contact": "+44 7700 900332"},
                       {"name": None, "agency": "Emergency Duty Team", "contact": "07700 900910"}]


def test_two_labels_answered_on_one_line_a_tab_apart_are_two_labels_with_their_answers():
    pic = build([Para("SUPPORT WORKER ......: Hugh Ashdown\tEMAIL ......: hugh.ashdown@lynford.example.org"),
                 Para("Name:\tAnn Lee")])
    read_ = {(lab.text, lab.rest) for it in pic.items for lab in labels_of(it)}
    assert ("SUPPORT WORKER", "Hugh Ashdown") in read_ and ("EMAIL", "hugh.ashdown@lynford.example.org") in read_
    assert ("Name", "Ann Lee") in read_   # a tab after the label's own colon parts nothing
