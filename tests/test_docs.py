"""The documentation stays true (issue 26): every command and setting is documented in the README or docs/, no
link leaves the repository, the README stays short and starts with the two commands that work on a fresh machine,
the design is kept in the repository, the dependencies are listed once each."""

from __future__ import annotations

import dataclasses
import re
from pathlib import Path

import pytest

from intake import config as config_mod

ROOT = Path(__file__).resolve().parents[1]
README = ROOT / "README.md"
PAGES = sorted((ROOT / "docs").glob("*.md"))
SHARED_DESIGN = ROOT.parent / "shared" / "DESIGN.md"
JOBS = ("install.md", "microsoft-365.md", "scale.md", "forms.md", "emails.md", "replying-to-the-bot.md",
        "action-plans.md", "annual-report.md", "troubleshooting.md", "architecture.md", "design.md")


def all_docs() -> str:
    return "\n".join(p.read_text() for p in [README, *PAGES])


def test_docs_have_one_page_per_job_and_the_readme_links_each():
    # install and operate, Microsoft 365, scale, forms, what people receive, replying, action plans and reviews, the
    # annual report, troubleshooting, architecture, and the design: each a page, each linked from the README.
    readme = README.read_text()
    for name in JOBS:
        assert (ROOT / "docs" / name).is_file(), name
        assert f"(docs/{name})" in readme, name


def test_readme_is_short_and_opens_with_the_demo_and_test_commands():
    # Under 250 lines; its first code block is the demo command and the test command that .ci/run calls.
    readme = README.read_text()
    assert len(readme.splitlines()) < 250
    first = re.search(r"^```sh\n(.*?)^```", readme, re.M | re.S).group(1)
    assert readme.index("```sh") < 30
    assert ".venv/bin/intake demo" in first and "./scripts/test" in first
    assert "./scripts/test" in (ROOT / ".ci" / "run").read_text()


def link_targets(text: str) -> list[str]:
    return re.findall(r"\]\(([^)\s]+)\)", text) + re.findall(r'src="([^"]+)"', text)


@pytest.mark.parametrize("page", [README, *PAGES], ids=lambda p: p.name)
def test_doc_links_stay_inside_the_repository(page):
    # Every link and image resolves to a file of this repository (no ../shared/..., no web pages: the docs must
    # be enough on a machine with no internet); a web address may appear only as a setting's value, in code.
    text = page.read_text()
    prose = re.sub(r"```.*?```|`[^`\n]*`", "", text, flags=re.S)
    assert not re.search(r"https?://", prose), f"{page.name} has a web address outside code"
    for target in link_targets(text):
        assert not re.match(r"[a-z]+:", target), f"{page.name} links outside the repository: {target}"
        if target.startswith("#"):
            continue
        path = (page.parent / target.split("#", 1)[0]).resolve()
        assert path.is_relative_to(ROOT), f"{page.name} links outside the repository: {target}"
        assert path.exists(), f"{page.name} links to a missing file: {target}"
    assert "shared/DESIGN.md" not in page.read_text()


def test_every_command_and_option_is_documented():
    # Every command (and each of its options) appears in the README or docs/, in a line that names the command.
    from intake.cli.program import _parser

    docs = all_docs()
    sub = next(a for a in _parser()._actions if a.dest == "command")
    for name, command in sub.choices.items():
        assert re.search(rf"^\| `intake {name}\b", docs, re.M), f"no table row for intake {name}"
        for action in command._actions:
            for option in action.option_strings:
                if option in ("-h", "--help", "--config", "--debug"):
                    continue
                assert re.search(rf"intake [^\n]*\b{name}\b[^\n]*{re.escape(option)}", docs), f"intake {name} {option}"


def test_every_setting_is_documented():
    # Every section is named in the docs and every key is in the commented config.example.toml (and, for the sections
    # an operator sets at install, on the install page).
    docs = all_docs()
    example = (ROOT / "config.example.toml").read_text()
    for section, cls in config_mod.SECTIONS.items():
        assert f"[{section}]" in docs, section
        for f in dataclasses.fields(cls):
            assert re.search(rf"^#? ?{config_mod.toml_name(f)} = ", example, re.M), f"{section}.{f.name}"
    for section in config_mod.FREE_SECTIONS:
        assert f"[{section}]" in docs, section


def test_meeting_dates_have_one_place_in_the_example():
    # [meetings] dates, not also [deadlines] meeting_dates (still read, with a deprecation warning).
    example = (ROOT / "config.example.toml").read_text()
    assert re.search(r"^dates = \[\]", example, re.M) and not re.search(r"^meeting_dates", example, re.M)


def test_dependencies_are_listed_once_each_with_a_reason():
    deps = README.read_text().split("## Dependencies", 1)[1]
    names = re.findall(r"^- `([^`]+)`[^\n]* — \S", deps, re.M)
    assert len(names) == len(re.findall(r"^- ", deps, re.M)), "a dependency without its one-line reason"
    assert len(names) == len(set(names)), sorted(n for n in names if names.count(n) > 1)


def test_design_is_kept_in_the_repository():
    # docs/design.md is the design brief; where the brief is at hand (the project's shared folder), its contracts
    # (section 4) are in the copy word for word, links aside.
    design = (ROOT / "docs" / "design.md").read_text()
    assert "## 4. Contracts" in design and "### 4.1 Command line" in design
    if not SHARED_DESIGN.exists():
        pytest.skip("the shared design brief is not beside the repository here")
    brief = SHARED_DESIGN.read_text().split("## 4. Contracts", 1)[1].split("## 5.", 1)[0]
    for line in brief.splitlines():
        if "referral.schema.json" not in line:
            assert line in design, line
