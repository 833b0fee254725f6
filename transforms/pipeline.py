"""The one entry point: page bytes in, a :class:`Document` or a :class:`Reject` out."""

from __future__ import annotations

import re
from dataclasses import dataclass

from transforms.blocks import Block, text_to_blocks
from transforms.boilerplate import RawMetadata, Split, split_boilerplate
from transforms.convert import NO_CONVERSION, Conversion, get_converter, plan_conversion
from transforms.decode import Decoded, DecodeFailure, decode_bytes
from transforms.html_blocks import html_to_blocks
from transforms.models import Document, Metadata, Reject, doc_id_for
from transforms.normalize import normalize_text
from transforms.sections import build_sections

HTML_SUFFIXES = (".html", ".htm", ".xhtml", ".shtml")
HTML_START = re.compile(r"^\s*(?:<!doctype\s+html|<html|<head|<body|<meta|<!--)", re.I)
DEFAULT_MAX_BYTES = 20 * 1024 * 1024


@dataclass(frozen=True, slots=True)
class CleanOptions:
    """How pages are cleaned.

    ``convert``: an OpenCC configuration (``t2s`` by default, e.g. ``tw2s``, ``s2t``) or ``none``.
    ``max_bytes``: pages larger than this are rejected as ``too_large`` (default 20 MiB).
    """

    convert: str = "t2s"
    max_bytes: int = DEFAULT_MAX_BYTES

    def __post_init__(self) -> None:
        if self.convert != NO_CONVERSION:
            try:
                get_converter(self.convert)
            except Exception as error:
                raise ValueError(f"unknown OpenCC configuration {self.convert!r}") from error
        if self.max_bytes <= 0:
            raise ValueError("max_bytes must be positive")


DEFAULT_OPTIONS = CleanOptions()


def clean_page(raw: bytes, source_uri: str, options: CleanOptions = DEFAULT_OPTIONS) -> Document | Reject:
    """Clean one scraped page. Never raises: a page that cannot be cleaned becomes a Reject.

    >>> page = "题目\\n来源 :党建 | 被引量 : 3次\\n  正文第一段,很短。\\n".encode()
    >>> doc = clean_page(page, "a.txt")
    >>> doc.title, doc.metadata.source_name, doc.metadata.citation_count, doc.text
    ('题目', '党建', 3, '正文第一段，很短。')
    >>> clean_page(b"", "empty.txt").reason
    'empty_file'
    """
    try:
        return _clean(raw, source_uri, options)
    except (Exception, RecursionError) as error:  # the safety net: one bad page never stops a run
        return Reject(source_uri, "internal_error", f"{type(error).__name__}: {error}"[:1000])


def _clean(raw: bytes, source_uri: str, options: CleanOptions) -> Document | Reject:
    if len(raw) > options.max_bytes:
        return Reject(source_uri, "too_large", f"{len(raw)} bytes > limit {options.max_bytes}")
    decoded = decode_bytes(raw)
    if isinstance(decoded, DecodeFailure):
        return Reject(source_uri, decoded.reason, decoded.detail)
    is_html = looks_like_html(source_uri, decoded.text)
    split = split_boilerplate(_page_blocks(decoded, is_html))
    return _assemble(raw, source_uri, decoded, split, options, is_html)


def looks_like_html(source_uri: str, text: str) -> bool:
    """HTML by file suffix, or by how the text starts (a text dump with stray tags is still text)."""
    return source_uri.lower().endswith(HTML_SUFFIXES) or bool(HTML_START.match(text[:1024]))


def _page_blocks(decoded: Decoded, is_html: bool) -> list[Block]:
    if is_html:
        return html_to_blocks(decoded.text)
    return text_to_blocks(decoded.text.replace("\r\n", "\n").replace("\r", "\n"))


def _assemble(
    raw: bytes, source_uri: str, decoded: Decoded, split: Split, options: CleanOptions, is_html: bool
) -> Document | Reject:
    conversion = plan_conversion(options.convert, "".join(b.text for b in split.body))
    counter = _ConvertedCounter(conversion)
    body = [b.with_text(counter.line(b.text)) for b in split.body]
    sections = build_sections([b for b in body if b.text], markup_headings=is_html)
    if not any(s.paragraphs for s in sections):
        return Reject(source_uri, "empty_body", f"no body text after boilerplate (title: {split.title!r})")
    return Document(
        doc_id=doc_id_for(raw),
        source_uri=source_uri,
        title=counter.line(split.title or ""),
        metadata=_clean_metadata(split.metadata, counter),
        sections=sections,
        removed=tuple(split.removed),
        n_other_docs_removed=split.n_other_docs,
        n_chars_converted=counter.total,
        source_encoding=decoded.encoding,
    )


class _ConvertedCounter:
    """Normalise line by line with one document-wide conversion plan, counting converted chars."""

    def __init__(self, conversion: Conversion) -> None:
        self.conversion = conversion
        self.total = 0

    def line(self, text: str) -> str:
        clean, converted = normalize_text(text, self.conversion, keep_spaces=True)
        self.total += converted
        return clean

    def optional(self, text: str | None) -> str | None:
        return (self.line(text) or None) if text is not None else None


def _clean_metadata(raw: RawMetadata, counter: _ConvertedCounter) -> Metadata:
    return Metadata(
        source_name=counter.optional(raw.source_name),
        citation_count=raw.citation_count,
        uploader=counter.optional(raw.uploader),
        author_note=counter.optional(raw.author_note),
        editor=counter.optional(raw.editor),
    )
