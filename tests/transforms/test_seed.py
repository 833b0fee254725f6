"""The real page our users started from must come out exactly as its hand-checked truth."""

from __future__ import annotations

from transforms import Document, clean_page


def test_seed_metadata(seed_page):
    raw, truth = seed_page
    doc = clean_page(raw, "seed-000.txt")
    assert isinstance(doc, Document)
    assert doc.title == truth["title"]
    for field in ("source_name", "citation_count", "uploader", "author_note", "editor"):
        assert getattr(doc.metadata, field) == truth[field], field


def test_seed_sections_character_for_character(seed_page):
    raw, truth = seed_page
    doc = clean_page(raw, "seed-000.txt")
    assert [(s.heading, list(s.paragraphs)) for s in doc.sections] == [
        (s["heading"], s["paragraphs"]) for s in truth["sections"]
    ]


def test_seed_removes_ten_other_documents_and_every_boilerplate_line(seed_page):
    raw, truth = seed_page
    doc = clean_page(raw, "seed-000.txt")
    assert doc.n_other_docs_removed == 10
    kinds = [r.kind for r in doc.removed]
    for kind in (
        "site_header",
        "download_prompt",
        "disclaimer",
        "reading_label",
        "end_mark",
        "other_docs_heading",
    ):
        assert kind in kinds
    assert kinds.count("byline") == 2
    assert [r.text for r in doc.removed if r.kind == "other_doc"] == truth["other_docs"]
    for line in truth["boilerplate"]:
        assert line not in doc.text.split("\n")
    assert "●" not in doc.text


def test_seed_converts_only_the_stray_traditional_characters(seed_page):
    raw, _ = seed_page
    doc = clean_page(raw, "seed-000.txt")
    assert "確" not in doc.text and "計" not in doc.text
    assert "明确" in doc.text
    assert doc.n_chars_converted >= 2


def test_seed_document_identity(seed_page):
    raw, _ = seed_page
    doc = clean_page(raw, "seed-000.txt")
    assert len(doc.doc_id) == 32 and int(doc.doc_id, 16) >= 0
    assert doc.source_encoding == "utf-8"
    assert doc.text.split("\n")[0] == doc.sections[0].paragraphs[0]
