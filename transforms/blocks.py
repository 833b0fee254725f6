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
    ``navigation`` says it is mostly link text in a text dump (a Markdown menu or breadcrumb).
    """

    text: str
    kind: BlockKind = BlockKind.TEXT
    indented: bool = False
    standalone: bool = True
    group: int = 0
    navigation: bool = False

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
    if not _may_hold_a_join(text):  # most lines: skip the (lookbehind-heavy) split
        return [text.strip()] if text.strip() else []
    parts = [p.strip() for p in patterns.MERGED_PARAGRAPH_JOIN.split(text)]
    return [p for p in parts if p]


def _may_hold_a_join(text: str) -> bool:
    return patterns.SPACE_PAIR.search(text.strip(patterns.JOIN_SPACES)) is not None


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
        heading = markdown_heading(line)
        navigation = "](" in line and markdown_link_share(line) > patterns.MAX_LINK_SHARE
        line = "" if patterns.MARKDOWN_RULE.match(line) else strip_markdown_remnants(line)
        if not line.strip():
            continue
        if not blocks:
            blocks.append(Block(heading or line.strip(), BlockKind.TITLE))
            continue
        if heading:
            blocks.append(Block(heading, BlockKind.HEADING))
            continue
        standalone = _blank(lines, i - 1) or _blank(lines, i + 1)
        indented = is_indented(line)
        for part in split_merged_paragraphs(line):
            blocks.append(Block(part, BlockKind.TEXT, indented, standalone, navigation=navigation))
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


def markdown_heading(line: str) -> str | None:
    """The text of a Markdown heading: ``## 一、背景``, or a short line that is bold as a whole.

    >>> markdown_heading("## 一、背景 ##"), markdown_heading("**研究方法**"), markdown_heading("#话题#")
    ('一、背景', '研究方法', None)

    A bold sentence is emphasis, not a heading:

    >>> markdown_heading("**这一点非常重要。**") is None
    True
    """
    match = patterns.MARKDOWN_HEADING.match(line) if "#" in line else None
    if match:
        return match["text"].strip()
    match = patterns.MARKDOWN_BOLD_LINE.match(line) if "**" in line or "__" in line else None
    return match["text"].strip() if match and is_heading_text(match["text"].strip()) else None


def is_heading_text(text: str) -> bool:
    """Short enough for a heading and not ending like a sentence or a lead-in.

    >>> is_heading_text("二、主要发现"), is_heading_text("结论如下："), is_heading_text("为什么？")
    (True, False, True)
    """
    return 0 < len(text) <= patterns.MAX_HEADING_CHARS and not patterns.NOT_HEADING_END.search(text)


def markdown_link_share(line: str) -> float:
    """The share of a line's visible characters that are the text of Markdown links.

    >>> markdown_link_share("[首页](/) / [论文](/lunwen)"), markdown_link_share("见[统计公报](/a)全文。")
    (0.8, 0.5)
    """
    links = sum(len("".join(m["text"].split())) for m in patterns.MARKDOWN_LINK.finditer(line))
    visible = len("".join(strip_markdown_remnants(line).split()))
    return links / visible if visible else 0.0


def strip_markdown_remnants(line: str) -> str:
    """Keep the words of Markdown links and bold text; drop images.

    >>> strip_markdown_remnants("见**附表**与[统计公报](https://example.org/a)![图](/i.png)。")
    '见附表与统计公报。'

    Brackets that are not a link stay: ``[1](2)`` and ``[注]`` are text.

    >>> strip_markdown_remnants("文献[1](2)与[注]")
    '文献[1](2)与[注]'
    """
    if "](" in line:
        line = patterns.MARKDOWN_LINK.sub(r"\g<text>", patterns.MARKDOWN_IMAGE.sub("", line))
    if "**" in line:
        line = patterns.MARKDOWN_BOLD.sub(r"\g<text>", line)
    return line


def _unescape_entity(match: re.Match[str]) -> str:
    return html.unescape(match.group(0))
