"""HTML pages to blocks, by the structure of the document rather than by class names or ids.

One parse with lxml, one linear pass over the strings. Chrome goes: tags that never hold document
text (``nav``, page-level ``header``/``footer``, form controls, scripts, …), ``aside`` sidebars,
link-dense lines (menus, breadcrumbs, related-document lists), headings of link lists, copyright
lines, and text before the title. The ``其他文献`` list (or its kin) is found by its label, in a
sidebar too, and ends where the label's container ends.
"""

from __future__ import annotations

from dataclasses import dataclass, field

from bs4 import BeautifulSoup, NavigableString, Tag

from transforms import patterns
from transforms.blocks import Block, BlockKind, is_indented, split_merged_paragraphs
from transforms.boilerplate import (
    MAX_BOILERPLATE_CHARS,
    is_site_line,
    match_key,
)

OTHER_DOCS_GROUP = 1


@dataclass(slots=True)
class _Line:
    element: Tag
    parts: list[str] = field(default_factory=list)
    link_chars: int = 0
    bold_chars: int = 0
    heading: bool = False
    anchor: Tag | None = None  # the element holding the line's first string
    sidebar: bool = False  # inside an <aside>: dropped unless part of a 其他文献 list
    text: str = ""  # the parts joined, once the line is complete


def html_to_blocks(markup: str) -> list[Block]:
    """Blocks of an HTML page: the title first, then headings and text blocks in reading order.

    >>> page = "<title>题目 - 某网</title><nav><a href=/>首页</a></nav><h2>一、背景</h2><p>　　正文。</p>"
    >>> [(b.kind.value, b.text) for b in html_to_blocks(page)]
    [('title', '题目'), ('heading', '一、背景'), ('text', '正文。')]
    """
    # Class names are never read: no splitting of class attributes into lists (7 % of parsing).
    soup = BeautifulSoup(markup, "lxml", multi_valued_attributes=None)
    lines = _lines(soup)
    title = _title(soup, lines)
    region = _other_docs_region(lines)
    blocks = [Block(title, BlockKind.TITLE)] if title else []
    return blocks + _body_blocks(lines, region, title)


def _title(soup: BeautifulSoup, lines: list[_Line]) -> str:
    h1 = soup.find("h1")
    if h1 is not None and h1.get_text(strip=True):
        return " ".join(h1.get_text(" ").split())
    if soup.title is not None and soup.title.string:
        return title_without_site(
            " ".join(soup.title.string.split()), {_squeeze(line.text) for line in lines}
        )
    return ""


def title_without_site(title: str, page_lines: set[str]) -> str:
    """The ``<title>`` without the site's suffixes: as far as the page repeats it, else one suffix.

    >>> title_without_site("题目_期刊名_某文库", {"题目", "正文。"}), title_without_site("题目 - 某网", set())
    ('题目', '题目')
    >>> title_without_site("2020-2021学年总结", set()), title_without_site("城市治理 —— 以某市为例", set())
    ('2020-2021学年总结', '城市治理 —— 以某市为例')
    """
    candidates = [title]
    while (shorter := patterns.TITLE_SITE_SUFFIX.sub("", candidates[-1])) not in ("", candidates[-1]):
        candidates.append(shorter)
    repeated = next((c for c in candidates if _squeeze(c) in page_lines), None)
    return repeated or candidates[min(1, len(candidates) - 1)]


def _squeeze(text: str) -> str:
    return "".join(text.split())


# Nearest block ancestor, inside a link, inside bold text, inside an article, inside a sidebar.
_Context = tuple[Tag | None, bool, bool, bool, bool]
_ROOT: _Context = (None, False, False, False, False)


def _lines(soup: BeautifulSoup) -> list[_Line]:
    """Split the document into lines: a new line at each block element and each ``<br>``.

    Each element's context comes from its parent's, computed once, so deep nesting stays linear.
    """
    lines: list[_Line] = []
    contexts: dict[int, _Context | None] = {}
    for node in soup.descendants:
        parent = contexts.get(id(node.parent), _ROOT) if node.parent is not soup else _ROOT
        if isinstance(node, Tag):
            context = contexts[id(node)] = _child_context(parent, node)
            if node.name == "br" and context is not None and context[0] is not None:
                lines.append(_Line(context[0], sidebar=context[4]))
            continue
        if parent is None or parent[0] is None or type(node) is not NavigableString:
            continue
        if node.strip():
            _add_text(lines, node, *parent[:3], sidebar=parent[4])
        elif lines and lines[-1].element is parent[0] and lines[-1].parts:
            lines[-1].parts.append(" ")  # between inline elements: <a>A</a> <a>B</a> is "A B"
    for line in lines:
        line.text = "".join(line.parts)
    return [line for line in lines if line.text.strip()]


def _child_context(parent: _Context | None, tag: Tag) -> _Context | None:
    """None when the tag's content is never text (scripts, navigation, controls).

    A ``<header>`` or ``<footer>`` inside an article is the article's own (title, bylines).
    """
    if parent is None:
        return None
    block, in_link, in_bold, in_article, in_sidebar = parent
    if tag.name in patterns.HTML_DROP_TAGS and not (in_article and tag.name in patterns.HTML_ARTICLE_PARTS):
        return None
    style = tag.attrs.get("style")
    bold = tag.name in patterns.HTML_BOLD_TAGS or (
        style is not None and bool(patterns.BOLD_STYLE.search(style))
    )
    own_block = tag if tag.name in patterns.HTML_BLOCK_TAGS else block
    article = in_article or tag.name in patterns.HTML_ARTICLE_TAGS
    sidebar = in_sidebar or tag.name in patterns.HTML_SIDEBAR_TAGS
    return own_block, in_link or tag.name == "a", in_bold or bold, article, sidebar


def _add_text(
    lines: list[_Line], node: NavigableString, block: Tag, in_link: bool, in_bold: bool, sidebar: bool
) -> None:
    if not lines or lines[-1].element is not block:
        heading = block.name in patterns.HTML_HEADING_TAGS or block.name == "h1"
        lines.append(_Line(block, heading=heading, sidebar=sidebar))
    line = lines[-1]
    line.anchor = line.anchor or node.parent
    line.parts.append(str(node))
    visible = len(node.strip())
    line.link_chars += visible if in_link else 0
    line.bold_chars += visible if in_bold else 0


def _key(text: str) -> str:
    return match_key(text) if len(text) <= MAX_BOILERPLATE_CHARS else ""


def _other_docs_region(lines: list[_Line]) -> set[int]:
    """Indexes of each ``其他文献`` (or kin) label and of the lines after it inside its container."""
    region: set[int] = set()
    for label in (i for i, line in enumerate(lines) if _is_other_docs_label(line.text)):
        if label in region:
            continue
        container = _container_after(lines[label].anchor or lines[label].element)
        region.add(label)
        for i in range(label + 1, len(lines)):
            if container is None or not _inside(lines[i].element, container):
                break
            region.add(i)
    return region


def _is_other_docs_label(text: str) -> bool:
    if len(text) > patterns.MAX_LABEL_CHARS:  # labels are a word or two; most lines are longer
        return False
    key = _key(text)
    return bool(key) and any(rule.search(key) for rule in patterns.OTHER_DOCS_LABELS)


def _container_after(label: Tag) -> Tag | None:
    """The smallest ancestor of the label that also holds text after it."""
    node = label
    while node.parent is not None:
        for sibling in node.next_siblings:
            if sibling.get_text(strip=True) if isinstance(sibling, Tag) else sibling.strip():
                return node.parent
        node = node.parent
    return None


def _inside(element: Tag, container: Tag) -> bool:
    return element is container or any(parent is container for parent in element.parents)


def _body_blocks(lines: list[_Line], region: set[int], title: str) -> list[Block]:
    blocks: list[Block] = []
    label = min(region, default=-1)
    for i, line in _kept_lines(lines, region, title):
        if i in region:
            blocks.extend(_other_docs_blocks(line, is_label=i == label))
        else:
            blocks.extend(_line_blocks(line))
    return blocks


def _other_docs_blocks(line: _Line, is_label: bool) -> list[Block]:
    """One block per other document: its abstract; a title link before it is dropped."""
    text = line.text.strip()
    if not is_label and line.link_chars > len(text.replace(" ", "")) * patterns.MAX_LINK_SHARE:
        return []
    return [Block(text, BlockKind.TEXT, group=OTHER_DOCS_GROUP)]


def _line_blocks(line: _Line) -> list[Block]:
    text = line.text
    indented = is_indented(text)
    stripped = text.strip()
    kind = BlockKind.HEADING if line.heading or _is_bold_heading(line, stripped) else BlockKind.TEXT
    if kind is BlockKind.HEADING:
        return [Block(" ".join(stripped.split()), kind)]
    return [Block(part, kind, indented=indented) for part in split_merged_paragraphs(stripped)]


def _is_bold_heading(line: _Line, text: str) -> bool:
    visible = len(text.replace(" ", ""))
    return (
        line.bold_chars >= visible > 0
        and visible <= patterns.MAX_HEADING_CHARS
        and not patterns.NOT_HEADING_END.search(text)
        and text[-1] not in "。！？!?"
    )


def _kept_lines(lines: list[_Line], region: set[int], title: str) -> list[tuple[int, _Line]]:
    """Drop chrome lines, headings of dropped link lists, the title's own line and what precedes it."""
    title_at = _title_position(lines, title)
    kept: list[tuple[int, _Line]] = []
    pending_heading: tuple[int, _Line] | None = None
    for i, line in enumerate(lines):
        if i in region:
            kept.append((i, line))
            continue
        if line.sidebar or (i <= title_at and not is_site_line(line.text)):
            continue
        if _is_chrome(line):
            pending_heading = None  # a heading followed by a link list is that list's heading
            continue
        if pending_heading is not None:
            kept.append(pending_heading)
            pending_heading = None
        if line.heading or _is_bold_heading(line, line.text.strip()):
            pending_heading = (i, line)
        else:
            kept.append((i, line))
    if pending_heading is not None:
        kept.append(pending_heading)
    return sorted(kept, key=lambda pair: pair[0])


def _title_position(lines: list[_Line], title: str) -> int:
    squeezed = _squeeze(title)
    for i, line in enumerate(lines):
        if squeezed and _squeeze(line.text) == squeezed:
            return i
    return -1


def _is_chrome(line: _Line) -> bool:
    text = line.text.strip()
    visible = len(text.replace(" ", ""))
    if line.link_chars > visible * patterns.MAX_LINK_SHARE:
        return not is_site_line(text)
    key = _key(text)
    return bool(key) and any(rule.search(key) for rule in patterns.SITE_CHROME_LINES)
