"""The warm parse pool (intake.pipeline.parse_pool): the sandbox's answers and per-form limits, without a fork per form."""

from __future__ import annotations

import sys
from pathlib import Path

import pytest

from intake.demo.forms import SAMPLE, docx_form
from intake.pipeline.parse_pool import ParsePool
from parsers import parse_bytes, parse_isolated
from tests.test_parsers import _bomb_pdf

BENCH = Path(__file__).resolve().parents[1] / "benchmarks"


@pytest.fixture
def pool():
    p = ParsePool(size=1)
    yield p
    p.close()


def test_parse_pool_answers_as_the_sandbox_and_in_process(pool):
    # An ordinary form: the same result as parsed in this process and in the fork-per-file sandbox.
    data = docx_form(SAMPLE)
    assert pool.parse(data, "f.docx").to_json() == parse_bytes(data, "f.docx").to_json()
    assert pool.parse(data, "f.docx", seconds=20, memory_mb=512).to_json() == \
        parse_isolated(data, "f.docx", seconds=20, memory_mb=512).to_json()


def test_parse_pool_memory_limit_refuses_a_bomb_and_the_next_form_is_read(pool):
    # A PDF stream inflating to 400 MB with a 200 MB limit: refused as too_large; the next form still parses.
    r = pool.parse(_bomb_pdf(400), "bomb.pdf", seconds=20, memory_mb=200)
    assert (r.status, r.reason) == ("rejected", "too_large")
    assert pool.parse(docx_form(SAMPLE), "f.docx").status == "parsed"


def test_parse_pool_time_limit_stops_a_slow_parse_and_the_next_form_is_read(pool):
    # A long text PDF with a 1-second limit: stopped and answered as the sandbox does (extract sees a timeout).
    pytest.importorskip("reportlab")
    sys.path.insert(0, str(BENCH))
    from parse_speed import make_pdf

    from intake.pipeline.extract import timed_out

    r = pool.parse(make_pdf(300), "long.pdf", seconds=1, memory_mb=512)
    assert (r.status, r.reason) == ("rejected", "too_large")
    assert timed_out(r) or "limit" in r.warnings[0]
    assert pool.parse(docx_form(SAMPLE), "f.docx").status == "parsed"


def test_parse_pool_cpu_limit_is_per_form_not_per_child(pool):
    # Many ordinary forms with a 1-second limit each: together they take more than a second of CPU, none is refused.
    data = docx_form(SAMPLE)
    results = [pool.parse(data, f"f{i}.docx", seconds=1, memory_mb=512) for i in range(150)]
    assert {r.status for r in results} == {"parsed"}


def test_parse_pool_child_dead_between_forms_is_replaced(pool):
    # The child is killed while idle (OOM killer, an operator): the next form starts a fresh one and parses.
    data = docx_form(SAMPLE)
    assert pool.parse(data, "f.docx").status == "parsed"
    worker = pool._workers[0]
    worker._proc.kill()
    worker._proc.wait()
    assert pool.parse(data, "f.docx").status == "parsed"


def test_parse_pool_started_before_the_first_form_is_ready_for_it(pool):
    # A poll starts the parsers as it opens the mailbox: they warm up then, and the first form is read by that same
    # child (no second start).
    pool.start()
    child = pool._workers[0]._proc
    assert child is not None and child.poll() is None
    data = docx_form(SAMPLE)
    assert pool.parse(data, "f.docx").status == parse_bytes(data, "f.docx").status
    assert pool._workers[0]._proc is child
