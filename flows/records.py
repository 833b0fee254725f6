"""Turn cleaned results into Arrow tables with the explicit schemas."""

from __future__ import annotations

from datetime import datetime

import pyarrow as pa

from schemas import DOCUMENTS, REJECTS, REMOVED, SECTIONS
from transforms.models import Document, Reject


def document_row(doc: Document, processed_at: datetime, version: str) -> dict:
    meta = doc.metadata
    return {
        "doc_id": doc.doc_id,
        "source_uri": doc.source_uri,
        "title": doc.title,
        "source_name": meta.source_name,
        "citation_count": meta.citation_count,
        "uploader": meta.uploader,
        "author_note": meta.author_note,
        "editor": meta.editor,
        "text": doc.text,
        "n_sections": len(doc.sections),
        "n_paragraphs": doc.n_paragraphs,
        "n_chars": len(doc.text),
        "n_other_docs_removed": doc.n_other_docs_removed,
        "n_chars_converted": doc.n_chars_converted,
        "source_encoding": doc.source_encoding,
        "content_sha256": doc.content_sha256,
        "processed_at": processed_at,
        "pipeline_version": version,
    }


def section_rows(doc: Document) -> list[dict]:
    return [
        {
            "doc_id": doc.doc_id,
            "section_index": s.index,
            "heading": s.heading,
            "paragraphs": list(s.paragraphs),
            "text": s.text,
        }
        for s in doc.sections
    ]


def removed_rows(doc: Document) -> list[dict]:
    return [{"doc_id": doc.doc_id, "kind": r.kind, "text": r.text} for r in doc.removed]


def reject_row(reject: Reject, processed_at: datetime, doc_id: str | None) -> dict:
    return {
        "source_uri": reject.source_uri,
        "reason": reject.reason,
        "detail": reject.detail,
        "processed_at": processed_at,
        "doc_id": doc_id,
    }


def batch_tables(
    docs: list[Document], rejects: list[tuple[Reject, str | None]], processed_at: datetime, version: str
) -> dict[str, pa.Table]:
    """The four tables of one batch, each built against its schema (never inferred)."""
    return {
        "documents": pa.Table.from_pylist([document_row(d, processed_at, version) for d in docs], DOCUMENTS),
        "sections": pa.Table.from_pylist([r for d in docs for r in section_rows(d)], SECTIONS),
        "removed": pa.Table.from_pylist([r for d in docs for r in removed_rows(d)], REMOVED),
        "rejects": pa.Table.from_pylist([reject_row(r, processed_at, i) for r, i in rejects], REJECTS),
    }
