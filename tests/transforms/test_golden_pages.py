"""Golden pages written for this project (tests/golden): each cleans to its JSON truth."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from transforms import Document, clean_page

GOLDEN = Path(__file__).parents[1] / "golden"

TRUTHS = sorted((GOLDEN / "truth").glob("*.json"))


@pytest.mark.parametrize("truth_path", TRUTHS, ids=[p.stem for p in TRUTHS])
def test_golden_page(truth_path):
    truth = json.loads(truth_path.read_text(encoding="utf-8"))
    page = GOLDEN / truth["page"]
    result = clean_page(page.read_bytes(), page.name)
    if truth["expect"] == "reject":
        assert not isinstance(result, Document)
        assert result.reason == truth["reject_reason"]
        return
    assert isinstance(result, Document), result
    assert result.title == truth["title"]
    for field in ("source_name", "citation_count", "uploader", "author_note", "editor"):
        assert getattr(result.metadata, field) == truth[field], field
    assert [(s.heading, list(s.paragraphs)) for s in result.sections] == [
        (s["heading"], s["paragraphs"]) for s in truth["sections"]
    ]
    assert result.n_other_docs_removed == len(truth["other_docs"])
    lines = set(result.text.split("\n"))
    assert not lines & set(truth["boilerplate"]) and not lines & set(truth["other_docs"])


def test_there_are_golden_pages():
    assert len(TRUTHS) >= 10
