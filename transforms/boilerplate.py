"""Split a page's blocks into title, metadata, body and removed pieces.

Boilerplate is recognised by its text, wherever it sits, through a *match key* that folds the
script (traditional → simplified), width (NFKC) and spacing, so the patterns in
:mod:`transforms.patterns` serve simplified and traditional mirrors of the site alike.
"""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Iterable
from dataclasses import dataclass, field, replace
from functools import lru_cache
from re import Pattern

from transforms import patterns
from transforms.blocks import Block, BlockKind
from transforms.convert import get_converter
from transforms.furniture import is_site_furniture
from transforms.models import Removed

# Boilerplate lines are short (the longest, the disclaimer, is about 50 characters); longer blocks
# are body text and skip the (costly) key.
MAX_BOILERPLATE_CHARS = 160


@dataclass(slots=True)
class RawMetadata:
    """Metadata as found on the page, before normalisation."""

    source_name: str | None = None
    citation_count: int | None = None
    uploader: str | None = None
    author_note: str | None = None
    editor: str | None = None


@dataclass(slots=True)
class Split:
    title: str | None
    metadata: RawMetadata
    body: list[Block]
    removed: list[Removed] = field(default_factory=list)
    n_other_docs: int = 0


# Pages test the same short lines several times (HTML chrome, labels, then the boilerplate split),
# and sites repeat their lines from page to page: fold each text once (a few MiB of cache).
@lru_cache(maxsize=4096)
def match_key(text: str) -> str:
    """Fold a line for matching: simplified script, NFKC width, no whitespace.

    >>> match_key("來源 ：黨建 ｜ 被引量 : 0次")
    '来源:党建|被引量:0次'
    """
    folded = unicodedata.normalize("NFKC", text)
    return "".join(get_converter("t2s").convert(folded).split())


@lru_cache(maxsize=4096)
def spaced_key(text: str) -> str:
    """Like :func:`match_key`, but runs of whitespace become one space instead of none.

    >>> spaced_key("來源 ：China  Daily")
    '来源 :China Daily'
    """
    folded = unicodedata.normalize("NFKC", text)
    return " ".join(get_converter("t2s").convert(folded).split())


def _key(block: Block) -> str:
    return match_key(block.text) if len(block.text) <= MAX_BOILERPLATE_CHARS else ""


def _matches(key: str, rules: Iterable[Pattern[str]]) -> bool:
    return any(rule.search(key) for rule in rules)


LINE_RULES: tuple[tuple[str, tuple[Pattern[str], ...]], ...] = (
    ("download_prompt", patterns.DOWNLOAD_PROMPTS),
    ("disclaimer", patterns.DISCLAIMERS),
    ("reading_label", patterns.READING_LABELS),
)


def classify_line(key: str) -> str | None:
    """The kind of site line a match key is, or None for body text.

    >>> classify_line(match_key("下载到本地 , 更方便阅读")), classify_line(match_key("論文部分內容閱讀"))
    ('download_prompt', 'reading_label')
    """
    return next((kind for kind, rules in LINE_RULES if _matches(key, rules)), None)


def parse_site_header(key: str) -> dict[str, str] | None:
    """Fields of a ``来源 :X | 被引量 : N次 | 上传用户:U`` line (any part optional), or None.

    Counters and dates the site prints beside them (``上传时间：…``) are part of the line but not
    metadata fields.

    >>> parse_site_header(spaced_key("来源 :党建 | 被引量 : 0次 | 上传用户:a53825777"))
    {'source_name': '党建', 'citation_count': '0', 'uploader': 'a53825777'}
    >>> parse_site_header(spaced_key("来源：党建 | 上传时间：2021-05-06 | 被引量：2次"))
    {'source_name': '党建', 'citation_count': '2'}
    >>> parse_site_header(spaced_key("来源：党建被引量：2次 上传用户：lin"))
    {'source_name': '党建', 'citation_count': '2', 'uploader': 'lin'}
    >>> parse_site_header(spaced_key("来源于群众的智慧")) is None
    True
    """
    if not patterns.HEADER_KEY_HINT.search(key):  # most lines: no header key at all
        return None
    fields: dict[str, str] = {}
    for part in filter(None, patterns.HEADER_SEPARATOR.split(key)):
        match = _header_field(part)
        if match is None and not patterns.SITE_INFO_FIELD.fullmatch(part):
            return None
        if match is not None:
            fields[match[0]] = match[1]
    return fields or None


def _header_field(part: str) -> tuple[str, str] | None:
    names = ("source_name", "citation_count", "uploader")
    for name, rule in zip(names, patterns.HEADER_FIELDS, strict=True):
        match = rule.fullmatch(part)
        if match:
            return name, match.group("value").strip()
    return None


def split_boilerplate(blocks: list[Block]) -> Split:
    """Separate title, site header, prompts, bylines, the ``其他文献`` tail and the end mark."""
    blocks = settle_title(blocks)
    title = next((b.text for b in blocks if b.kind is BlockKind.TITLE), None)
    split = Split(title=title, metadata=RawMetadata(), body=[])
    content = join_field_labels([b for b in blocks if b.kind is not BlockKind.TITLE])
    content = _drop_other_docs(content, split)
    for block in content:
        _route_block(block, _key(block), split)
    _take_bylines(split)
    _strip_end_mark(split)
    return split


def settle_title(blocks: list[Block]) -> list[Block]:
    """A title that is site text (a header, a prompt, a breadcrumb) goes back to the text, and the
    first line after it that is neither site text nor body becomes the title.

    >>> [(b.kind.value, b.text) for b in settle_title([Block("来源：党建", BlockKind.TITLE), Block("题目"),
    ...     Block("正文。", indented=True)])]
    [('text', '来源：党建'), ('title', '题目'), ('text', '正文。')]
    """
    at = next((i for i, b in enumerate(blocks) if b.kind is BlockKind.TITLE), None)
    if at is None or not is_site_line(blocks[at].text):
        return blocks
    settled = [*blocks[:at], replace(blocks[at], kind=BlockKind.TEXT), *blocks[at + 1 :]]
    for i in range(at + 1, len(settled)):
        if not is_site_line(settled[i].text):
            if _can_be_title(settled[i]):
                settled[i] = replace(settled[i], kind=BlockKind.TITLE)
            return settled
    return settled


def is_site_line(text: str) -> bool:
    """Whether a line is the site's: a prompt or label, a header, or furniture.

    >>> is_site_line("來源 :黨建 | 被引量 : 0次"), is_site_line("浏览次数：12"), is_site_line("正文。")
    (True, True, False)
    """
    key = match_key(text) if len(text) <= MAX_BOILERPLATE_CHARS else ""
    if not key:
        return False
    spaced = spaced_key(text)
    return (
        classify_line(key) is not None or parse_site_header(spaced) is not None or is_site_furniture(spaced)
    )


def _can_be_title(block: Block) -> bool:
    return (
        block.kind is not BlockKind.HEADING
        and not block.indented
        and len(block.text) <= patterns.MAX_TITLE_CHARS
    )


def join_field_labels(blocks: list[Block]) -> list[Block]:
    """Join a field label to the value the page put in the next element (a table cell, a ``<dd>``).

    >>> [b.text for b in join_field_labels([Block("来源："), Block("党建"), Block("被引量:"), Block("2次")])]
    ['来源：党建', '被引量:2次']

    Only site field labels are joined; ``资料来源`` or a label before a long paragraph is left alone.
    """
    joined: list[Block] = []
    for block in blocks:
        if (
            joined
            and _is_field_label(joined[-1])
            and len(block.text.strip()) <= patterns.MAX_FIELD_VALUE_CHARS
        ):
            joined[-1] = joined[-1].with_text(joined[-1].text.strip() + block.text.strip())
        else:
            joined.append(block)
    return joined


def _is_field_label(block: Block) -> bool:
    text = block.text.strip()
    # Labels are short and end in a colon: test that before computing the (costly) key.
    return len(text) <= 16 and text[-1:] in ":：" and bool(patterns.FIELD_LABEL.match(match_key(text)))


def _drop_other_docs(blocks: list[Block], split: Split) -> list[Block]:
    label = next((i for i, b in enumerate(blocks) if _matches(_key(b), patterns.OTHER_DOCS_LABELS)), None)
    if label is None:
        return blocks
    group = blocks[label].group
    split.removed.append(Removed("other_docs_heading", blocks[label].text.strip()))
    kept = blocks[:label]
    for block in blocks[label + 1 :]:
        if block.group != group:
            kept.append(block)
        elif _matches(_key(block), patterns.OTHER_DOCS_LABELS):  # a second list's label (相关推荐)
            split.removed.append(Removed("other_docs_heading", block.text.strip()))
        else:
            split.removed.append(Removed("other_doc", block.text.strip()))
            split.n_other_docs += 1
    return kept


def _route_block(block: Block, key: str, split: Split) -> None:
    kind = classify_line(key) if key else None
    spaced = spaced_key(block.text) if key and kind is None else ""
    header = parse_site_header(spaced) if spaced else None
    # A lone field counts only above the body (a 来源 line under a table is text); fields may
    # come one per line, as when a page puts each in its own element.
    above_body = header is not None and (len(header) > 1 or not _has_body(split))
    if above_body and _all_unset(split.metadata, header):
        _fill_header(split.metadata, header)
        kind = "site_header"
    elif above_body and _all_same(split.metadata, header):  # the header again (a page repeats it)
        kind = "site_header"
    elif (header is None and spaced and is_site_furniture(spaced)) or (kind is None and block.navigation):
        kind = "site_chrome"
    if kind:
        split.removed.append(Removed(kind, block.text.strip()))
    else:
        split.body.append(block)


def _has_body(split: Split) -> bool:
    return any(b.kind is BlockKind.TEXT for b in split.body)


def _all_unset(metadata: RawMetadata, header: dict[str, str]) -> bool:
    return all(getattr(metadata, name) is None for name in header)


def _all_same(metadata: RawMetadata, header: dict[str, str]) -> bool:
    return all(str(getattr(metadata, name)) == value for name, value in header.items())


def _fill_header(metadata: RawMetadata, header: dict[str, str]) -> None:
    for name, value in header.items():
        if value:
            setattr(metadata, name, int(value) if name == "citation_count" else value)


def _take_bylines(split: Split) -> None:
    """Pop byline lines from the end of the body into the author note and the editor."""
    while split.body:
        key = _key(split.body[-1])
        author = patterns.BYLINE_AUTHOR.match(key)
        editor = patterns.BYLINE_EDITOR.match(key)
        if not (author or editor):
            return
        block = split.body.pop()
        split.removed.append(Removed("byline", block.text.strip()))
        if author and split.metadata.author_note is None:
            split.metadata.author_note = strip_brackets(block.text)
        elif editor and split.metadata.editor is None:
            split.metadata.editor = _after_colon(strip_brackets(block.text))


def strip_brackets(text: str) -> str:
    """Remove one pair of enclosing ASCII or full-width brackets.

    >>> strip_brackets("  （作者系湖北省委常委）"), strip_brackets("(作者:田妍)")
    ('作者系湖北省委常委', '作者:田妍')
    """
    text = text.strip()
    if text[:1] in "(（" and text[-1:] in ")）":
        return text[1:-1].strip()
    return text


def _after_colon(text: str) -> str:
    return re.split("[:：]", text, maxsplit=1)[-1].strip()


def _strip_end_mark(split: Split) -> None:
    if not split.body:
        return
    last = split.body[-1]
    stripped = patterns.TRAILING_END_MARK.sub("", last.text)
    if stripped != last.text:
        split.removed.append(Removed("end_mark", last.text[len(stripped) :].strip()))
        split.body[-1] = last.with_text(stripped)
        if not stripped.strip():
            split.body.pop()
