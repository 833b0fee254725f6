"""Body blocks to sections: what a reader would call a heading starts a new section."""

from __future__ import annotations

from transforms import patterns
from transforms.blocks import Block, BlockKind
from transforms.models import Section
from transforms.normalize import remove_spaces_between_chinese


def is_heading(block: Block, *, markup_headings: bool = False) -> bool:
    """A short line without sentence-final punctuation that stands alone, or a numbered one.

    ``markup_headings`` is for HTML pages, where the markup marks headings: plain blocks count
    only when they carry a numbering (``一、``, ``（一）``, ``第一章``, ``1.``).

    >>> is_heading(Block("第一章 总则", indented=True)), is_heading(Block("一个短句。"))
    (True, False)
    >>> is_heading(Block("政治引领把方向。政治引领在基层治理中发挥着作用。", indented=True))
    False
    """
    if block.kind is BlockKind.HEADING:
        return True
    text = block.text
    if len(text) > patterns.MAX_HEADING_CHARS or patterns.NOT_HEADING_END.search(text):
        return False
    if patterns.NUMBERED_HEADING.match(text):
        return True
    return not markup_headings and not block.indented and block.standalone


def build_sections(blocks: list[Block], *, markup_headings: bool = False) -> tuple[Section, ...]:
    """Group normalised body blocks under their headings; section 0 has heading None.

    >>> [(s.heading, s.paragraphs) for s in build_sections([Block("导语。", indented=True),
    ...     Block("一、背景"), Block("正文 第一段。", indented=True)])]
    [(None, ('导语。',)), ('一、背景', ('正文第一段。',))]
    """
    sections: list[Section] = []
    heading: str | None = None
    paragraphs: list[str] = []
    for block in blocks:
        if is_heading(block, markup_headings=markup_headings):
            _flush(sections, heading, paragraphs)
            heading, paragraphs = block.text, []
        else:
            paragraphs.append(remove_spaces_between_chinese(block.text))
    _flush(sections, heading, paragraphs)
    return tuple(sections)


def _flush(sections: list[Section], heading: str | None, paragraphs: list[str]) -> None:
    if heading is not None or paragraphs:
        sections.append(Section(len(sections), heading, tuple(paragraphs)))
