"""Site furniture: the counters, dates, buttons, paging links and navigation sites print around a
document, recognised as whole lines made of nothing else.

Lines come in as *spaced keys* (``boilerplate.spaced_key``): simplified script, NFKC width, single
spaces. The vocabulary is data in :mod:`transforms.patterns`.
"""

from __future__ import annotations

import re

from transforms import patterns

_COLON_SPACING = re.compile(r"\s?:\s?")
_FURNITURE_TOKEN = re.compile(
    rf"(?P<button>{patterns.SITE_BUTTON.pattern})|(?P<field>{patterns.SITE_INFO_FIELD.pattern})"
    rf"|(?P<time>{patterns.SITE_INFO_TIME.pattern})|(?P<nav>{patterns.SITE_NAV_WORD.pattern})"
)
_FURNITURE_START = re.compile(rf"[\s|｜丨]*(?:{_FURNITURE_TOKEN.pattern}|字号)")


def is_site_furniture(key: str) -> bool:
    """Whether a line (a spaced key) is only the site's counters, dates, buttons, paging or menu.

    A lone date is left alone: it may be the document's own.

    >>> is_site_furniture("浏览次数:123 | 下载次数:45 | 页数:6页")
    True
    >>> is_site_furniture("发布时间:2021-05-06 10:20 字号:大 中 小 【打印】【关闭窗口】")
    True
    >>> is_site_furniture("首页 | 关于我们 | 联系方式"), is_site_furniture("当前位置:首页 > 论文 > 社会")
    (True, True)
    >>> is_site_furniture("上一页 1 2 3 … 8 下一页"), is_site_furniture("2 3")
    (True, False)
    >>> [is_site_furniture(key) for key in ("发布时间:2021-05-06", "【摘要】本文", "关于我们")]
    [False, False, False]
    """
    if any(rule.match(key) for rule in (patterns.SITE_PAGING, patterns.SITE_PAGER, patterns.SITE_BREADCRUMB)):
        return True
    if not _FURNITURE_START.match(key):  # most lines: the first token is already not furniture
        return False
    text = _COLON_SPACING.sub(":", patterns.SITE_FONT_SIZE.sub(" 【字号】 ", key))
    tokens: list[re.Match[str]] = []
    for chunk in filter(None, patterns.SITE_INFO_SEPARATOR.split(text)):
        chunk_tokens = _tile(chunk)
        if chunk_tokens is None:
            return False
        tokens.extend(chunk_tokens)
    fields = [t.group() for t in tokens if t.lastgroup == "field"]
    counters = any(patterns.SITE_COUNTER_FIELD.fullmatch(f) for f in fields)
    navigation = sum(t.lastgroup == "nav" for t in tokens)
    return any(t.lastgroup == "button" for t in tokens) or counters or len(fields) >= 2 or navigation >= 2


def _tile(chunk: str) -> list[re.Match[str]] | None:
    """The furniture tokens that make up the chunk end to end, or None if something else is in it."""
    tokens: list[re.Match[str]] = []
    at = 0
    while at < len(chunk):
        token = _FURNITURE_TOKEN.match(chunk, at)
        if token is None:
            return None
        tokens.append(token)
        at = token.end()
    return tokens
