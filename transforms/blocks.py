"""The block model: where text pages and HTML pages meet.

A page becomes a flat list of :class:`Block` s in reading order. Everything after this point
(boilerplate split, normalisation, sections) works on blocks and never looks at the source format.
"""

from __future__ import annotations

import html
import re
from dataclasses import dataclass, replace
from enum import StrEnum

from transforms import patterns


class BlockKind(StrEnum):
    TITLE = "title"  # the document title (first line of a text page, <h1>/<title> of HTML)
    HEADING = "heading"  # the markup says it is a heading (h2-h6, a bold-only line)
    TEXT = "text"  # anything else; sections decide whether it reads as a heading or a paragraph


@dataclass(frozen=True, slots=True)
class Block:
    """One line of a text page or one text block of an HTML page.

    ``indented`` says the source indented it (leading spaces, U+3000, NBSP): a paragraph marker.
    ``standalone`` says it is set apart from its neighbours (blank lines, its own element).
    ``group`` ties blocks of one container together, so a ``其他文献`` list ends where its
    container ends (text pages use a single group).
    """

    text: str
    kind: BlockKind = BlockKind.TEXT
    indented: bool = False
    standalone: bool = True
    group: int = 0

    def with_text(self, text: str) -> Block:
        return replace(self, text=text)


def split_merged_paragraphs(text: str) -> list[str]:
    """Split two paragraphs joined on one line by a run of spaces after a sentence end.

    >>> split_merged_paragraphs("第一段结束。   第二段开始。")
    ['第一段结束。', '第二段开始。']

    A single space, or spaces after a comma, are left alone:

    >>> split_merged_paragraphs("他说 你好,   再见。")
    ['他说 你好,   再见。']
    """
    parts = [p.strip() for p in patterns.MERGED_PARAGRAPH_JOIN.split(text)]
    return [p for p in parts if p]


def is_indented(line: str) -> bool:
    """True when a line starts with indentation whitespace (spaces, tabs, U+3000, NBSP).

    >>> is_indented("  正文"), is_indented("\\u3000\\u3000正文"), is_indented("标题")
    (True, True, False)
    """
    return bool(line) and line[0] in patterns.INDENT_CHARS


def text_to_blocks(text: str) -> list[Block]:
    """Turn a decoded text page into blocks: the first non-empty line is the title.

    >>> [(b.kind.value, b.text, b.indented) for b in text_to_blocks("题目\\n\\n  正文。\\n小标题")]
    [('title', '题目', False), ('text', '正文。', True), ('text', '小标题', False)]
    """
    lines = [strip_html_remnants(line) for line in text.split("\n")]
    blocks: list[Block] = []
    for i, line in enumerate(lines):
        if not line.strip():
            continue
        if not blocks:
            blocks.append(Block(line.strip(), BlockKind.TITLE))
            continue
        standalone = _blank(lines, i - 1) or _blank(lines, i + 1)
        indented = is_indented(line)
        for part in split_merged_paragraphs(line):
            blocks.append(Block(part, BlockKind.TEXT, indented=indented, standalone=standalone))
    return blocks


def _blank(lines: list[str], i: int) -> bool:
    return i < 0 or i >= len(lines) or not lines[i].strip()


def strip_html_remnants(line: str) -> str:
    """Decode entities and drop stray tags that scrapers leave in text dumps.

    >>> strip_html_remnants("&nbsp;&nbsp;&ldquo;好&rdquo;<br/>")
    '\\xa0\\xa0“好”'

    Text that only looks like markup is kept: ``a<b`` and ``Aquino&Reed`` stay as they are.

    >>> strip_html_remnants("a<b 与 Aquino&Reed")
    'a<b 与 Aquino&Reed'
    """
    if "<" in line:
        line = patterns.HTML_REMNANT_TAG.sub("", line)
    if "&" in line:
        line = patterns.HTML_ENTITY.sub(_unescape_entity, line)
    return line


def _unescape_entity(match: re.Match[str]) -> str:
    return html.unescape(match.group(0))
