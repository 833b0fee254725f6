"""The public contract: explicit pyarrow schemas of the four output tables.

Writers always pass these schemas; nothing is inferred. Each field carries a ``description`` in
its metadata, so the Parquet files document themselves. Changing a schema is a documented
decision (see the README's "Output schema" section) and bumps ``SCHEMA_VERSION``.
"""

from __future__ import annotations

import pyarrow as pa

SCHEMA_VERSION = "1"
TIMESTAMP = pa.timestamp("us", tz="UTC")


def _field(name: str, dtype: pa.DataType, description: str, nullable: bool = False) -> pa.Field:
    return pa.field(name, dtype, nullable=nullable, metadata={"description": description})


def _schema(name: str, *fields: pa.Field) -> pa.Schema:
    return pa.schema(fields, metadata={"docclean.table": name, "docclean.schema_version": SCHEMA_VERSION})


DOC_ID = "32 hex characters: the first 16 bytes of the SHA-256 of the source bytes"

DOCUMENTS = _schema(
    "documents",
    _field("doc_id", pa.string(), DOC_ID),
    _field("source_uri", pa.string(), "where the page was read from"),
    _field("title", pa.string(), "clean title (first line of a text page, <h1>/<title> of HTML)"),
    _field("source_name", pa.string(), "the value after 来源 in the site header", nullable=True),
    _field("citation_count", pa.int32(), "the number after 被引量", nullable=True),
    _field("uploader", pa.string(), "the value after 上传用户", nullable=True),
    _field("author_note", pa.string(), "byline such as 作者系… without its brackets", nullable=True),
    _field("editor", pa.string(), "the name in （责任编辑：…）", nullable=True),
    _field("text", pa.string(), "clean body: headings and paragraphs one per line, without the title"),
    _field("n_sections", pa.int32(), "number of rows in sections for this document"),
    _field("n_paragraphs", pa.int32(), "number of paragraphs over all sections"),
    _field("n_chars", pa.int32(), "characters in text"),
    _field("n_other_docs_removed", pa.int32(), "abstracts of unrelated documents removed (其他文献)"),
    _field("n_chars_converted", pa.int32(), "characters changed by the OpenCC conversion"),
    _field("source_encoding", pa.string(), "codec the page bytes were decoded with"),
    _field("content_sha256", pa.string(), "SHA-256 (hex) of text, UTF-8"),
    _field("processed_at", TIMESTAMP, "when the page was cleaned"),
    _field("pipeline_version", pa.string(), "docclean version that cleaned the page"),
)

SECTIONS = _schema(
    "sections",
    _field("doc_id", pa.string(), DOC_ID),
    _field("section_index", pa.int32(), "position of the section in the document, from 0"),
    _field(
        "heading", pa.string(), "section heading; null for paragraphs before the first one", nullable=True
    ),
    _field("paragraphs", pa.list_(pa.string()), "paragraphs in order"),
    _field("text", pa.string(), "the paragraphs joined by newlines"),
)

REMOVED = _schema(
    "removed",
    _field("doc_id", pa.string(), DOC_ID),
    _field(
        "kind",
        pa.string(),
        "site_header, site_chrome, download_prompt, disclaimer, reading_label, end_mark, byline, "
        "other_docs_heading, other_doc",
    ),
    _field("text", pa.string(), "the removed text as found on the page"),
)

REJECTS = _schema(
    "rejects",
    _field("source_uri", pa.string(), "the input that did not become a document"),
    _field(
        "reason",
        pa.string(),
        "empty_file, binary, undecodable, empty_body, too_large, duplicate, unreadable, internal_error",
    ),
    _field("detail", pa.string(), "human-readable explanation"),
    _field("processed_at", TIMESTAMP, "when the input was examined"),
    # Added beyond the columns: incremental runs need to know a rejected input's content.
    _field("doc_id", pa.string(), "SHA-256 prefix of the input bytes when they could be read", nullable=True),
)

TABLES: dict[str, pa.Schema] = {
    "documents": DOCUMENTS,
    "sections": SECTIONS,
    "removed": REMOVED,
    "rejects": REJECTS,
}
