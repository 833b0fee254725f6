"""What cleaning returns: a :class:`Document` or a :class:`Reject`, never an exception."""

from __future__ import annotations

import hashlib
from dataclasses import dataclass, field


@dataclass(frozen=True, slots=True)
class Section:
    index: int
    heading: str | None
    paragraphs: tuple[str, ...]

    @property
    def text(self) -> str:
        return "\n".join(self.paragraphs)


@dataclass(frozen=True, slots=True)
class Removed:
    """A piece of the page taken out, kept for audit. ``kind`` names what it was."""

    kind: str
    text: str


@dataclass(frozen=True, slots=True)
class Metadata:
    source_name: str | None = None
    citation_count: int | None = None
    uploader: str | None = None
    author_note: str | None = None
    editor: str | None = None


@dataclass(frozen=True, slots=True)
class Document:
    doc_id: str
    source_uri: str
    title: str
    metadata: Metadata
    sections: tuple[Section, ...]
    removed: tuple[Removed, ...] = ()
    n_other_docs_removed: int = 0
    n_chars_converted: int = 0
    source_encoding: str = "utf-8"
    text: str = field(init=False)

    def __post_init__(self) -> None:
        lines = [line for s in self.sections for line in ((s.heading,) if s.heading else ()) + s.paragraphs]
        object.__setattr__(self, "text", "\n".join(lines))

    @property
    def n_paragraphs(self) -> int:
        return sum(len(s.paragraphs) for s in self.sections)

    @property
    def content_sha256(self) -> str:
        return hashlib.sha256(self.text.encode("utf-8")).hexdigest()


@dataclass(frozen=True, slots=True)
class Reject:
    """An input that did not become a document, with a machine-readable reason and a detail."""

    source_uri: str
    reason: str
    detail: str = ""


def doc_id_for(raw: bytes) -> str:
    """The first 16 bytes of the SHA-256 of the source bytes, as 32 hex characters.

    >>> doc_id_for(b"abc")
    'ba7816bf8f01cfea414140de5dae2223'
    """
    return hashlib.sha256(raw).hexdigest()[:32]
