"""The generated documentation is current, and nothing cites files that are not in the repository."""

from __future__ import annotations

import re
from pathlib import Path

from scoring.docs import checks_markdown

ROOT = Path(__file__).resolve().parent.parent
OURS = ("auditor", "spiders", "scoring", "reports", "docs", "bench")
# working papers of the team that are not part of the repository
NOT_IN_REPO = re.compile(r"GEO-EVIDENCE\.md|DESIGN\.md|LABELLING\.md|OFFLINE-MODELS\.md|DEVELOPERS\.md")


def test_checks_md_is_generated_and_current():
    committed = (ROOT / "docs" / "checks.md").read_text(encoding="utf-8")
    assert committed == checks_markdown(), "docs/checks.md is stale: run `python -m scoring.docs > docs/checks.md`"


def test_every_check_is_documented_with_weight_rule_and_source():
    text = checks_markdown()
    from scoring.registry import all_checks

    for check_id, check in all_checks().items():
        assert f"| {check_id} |" in text
        assert check.rule.strip() and check.remedy.strip()


def test_no_reference_to_files_outside_the_repository():
    found = [
        f"{path.relative_to(ROOT)}:{n}"
        for top in OURS
        for path in (ROOT / top).rglob("*")
        if path.suffix in (".py", ".md", ".toml", ".html", ".j2") and "demo/site" not in path.as_posix()
        for n, line in enumerate(path.read_text(encoding="utf-8", errors="replace").splitlines(), 1)
        if NOT_IN_REPO.search(line)
    ]
    assert not found, "\n".join(found)
