"""Script conversion with OpenCC, guarded against over-converting simplified text.

Plain ``t2s`` rewrites valid simplified words (乾清宫 → 干清宫). A document that is already
simplified, with a few stray traditional characters, gets only those characters converted; a
wholly (or mostly) traditional document gets the full conversion.
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from dataclasses import dataclass
from functools import cache, lru_cache

import opencc

from transforms import chardata

NO_CONVERSION = "none"


@cache
def get_converter(config: str) -> opencc.OpenCC:
    """One OpenCC converter per configuration and process (building one reads its dictionaries)."""
    return opencc.OpenCC(config)


@lru_cache(maxsize=65536)
def _t2s_char(char: str) -> str:
    return get_converter("t2s").convert(char)


@lru_cache(maxsize=65536)
def _s2t_char(char: str) -> str:
    return get_converter("s2t").convert(char)


def is_traditional_char(char: str) -> bool:
    """A character that t2s changes and that simplified text never uses.

    >>> is_traditional_char("確"), is_traditional_char("确"), is_traditional_char("乾")
    (True, False, False)
    """
    return char not in chardata.SIMPLIFIED_BUT_T2S_CHANGES and _t2s_char(char) != char


def is_simplified_char(char: str) -> bool:
    """A character that only simplified text uses (s2t would change it).

    >>> is_simplified_char("这"), is_simplified_char("這"), is_simplified_char("中")
    (True, False, False)
    """
    return _s2t_char(char) != char


def is_mostly_traditional(text: str) -> bool:
    """Whether traditional-only characters outnumber simplified-only ones.

    >>> is_mostly_traditional("這是繁體中文的文件"), is_mostly_traditional("这是简体文件，只有一個錯字")
    (True, False)
    """
    traditional_only, simplified_only = script_classes()
    return len(traditional_only.findall(text)) > len(simplified_only.findall(text))


@cache
def script_classes() -> tuple[re.Pattern[str], re.Pattern[str]]:
    """Character classes of the Han characters only traditional text uses and only simplified text
    uses, built once per process: counting with them runs at regex speed.

    A character both conversions change (or neither) is in neither class.
    """
    chars = [chr(code) for low, high in chardata.HAN_RANGES for code in range(ord(low), ord(high) + 1)]
    traditional = {c for c, t in zip(chars, _convert_each("t2s", chars), strict=True) if t != c}
    traditional -= chardata.SIMPLIFIED_BUT_T2S_CHANGES
    simplified = {c for c, s in zip(chars, _convert_each("s2t", chars), strict=True) if s != c}
    return _char_class(traditional - simplified), _char_class(simplified - traditional)


def _convert_each(config: str, chars: list[str]) -> list[str]:
    """Each character converted on its own: one call, a newline apart, so no phrase spans two."""
    converted = get_converter(config).convert("\n".join(chars)).split("\n")
    return converted if len(converted) == len(chars) else [get_converter(config).convert(c) for c in chars]


def _char_class(chars: set[str]) -> re.Pattern[str]:
    return re.compile(f"[{''.join(sorted(chars))}]")


@dataclass(frozen=True, slots=True)
class Conversion:
    """How to convert one document: the OpenCC config and whether to convert everything."""

    config: str = "t2s"
    full: bool = True

    def apply(self, text: str) -> tuple[str, int]:
        """Return the converted text and the number of characters changed."""
        if self.config == NO_CONVERSION or not text:
            return text, 0
        converted = get_converter(self.config).convert(text)
        if converted == text:  # the common case on simplified pages
            return text, 0
        if len(converted) != len(text):  # a phrase changed length: characters one by one
            if not self.full:
                converted = "".join(_t2s_char(c) if is_traditional_char(c) else c for c in text)
            return converted, _count_changed(text, converted)
        positions = list(_changed_positions(text, converted))
        if not self.full:  # keep valid simplified characters (乾清宫) as they are
            positions = [i for i in positions if is_traditional_char(text[i])]
            converted = _take_at(text, converted, positions)
        return converted, len(positions)


def plan_conversion(config: str, document_text: str) -> Conversion:
    """Decide once per document: full conversion, or stray characters only.

    >>> plan_conversion("t2s", "乾清宫的確很大").full
    False
    >>> plan_conversion("t2s", "乾隆時期的宮殿").full
    True
    """
    if config not in chardata.TO_SIMPLIFIED_CONFIGS:
        return Conversion(config, full=True)
    return Conversion(config, full=is_mostly_traditional(document_text))


def _take_at(original: str, converted: str, positions: list[int]) -> str:
    """The original with the converted characters at these positions (strings of equal length).

    >>> _take_at("乾隆的確", "干隆的确", [3])
    '乾隆的确'
    """
    pieces, start = [], 0
    for i in positions:
        pieces += (original[start:i], converted[i])
        start = i + 1
    return "".join(pieces) + original[start:] if pieces else original


def _count_changed(original: str, converted: str) -> int:
    if len(original) == len(converted):
        return sum(1 for _ in _changed_positions(original, converted))
    differing = sum(1 for a, b in zip(original, converted, strict=False) if a != b)
    return abs(len(original) - len(converted)) + differing


def _changed_positions(a: str, b: str) -> Iterator[int]:
    """Where two strings of equal length differ, in order, by halving: a few characters change in
    a long line, and slice comparisons run at C speed where a per-character loop would not.

    >>> list(_changed_positions("我們的確很大", "我们的确很大"))
    [1, 3]
    """
    spans = [(0, len(a))]
    while spans:
        low, high = spans.pop()
        if a[low:high] == b[low:high]:
            continue
        if high - low == 1:
            yield low
            continue
        middle = (low + high) // 2
        spans += ((middle, high), (low, middle))
