"""Character normalisation: small pure ``str -> str`` fixes, applied in a fixed order.

``normalize_text`` runs them all. Normalising twice gives the same result as normalising once.
"""

from __future__ import annotations

import re
import unicodedata

from transforms import chardata
from transforms.convert import Conversion

_SPACE_RUN = re.compile(r"[ ]{2,}")
# Written to start with the space: a pattern that starts with a lookbehind tests every position.
_SPACE_BETWEEN_CHINESE = re.compile(f" (?<=[{chardata.CHINESE}] ) *(?=[{chardata.CHINESE}])")
_NARROW_PUNCT = re.compile(r"[,;:?!()]")
_PAREN = re.compile(r"[()]")


def unify_line_endings(text: str) -> str:
    """CRLF and lone CR become ``\\n``.

    >>> unify_line_endings("a\\r\\nb\\rc")
    'a\\nb\\nc'
    """
    return text.replace("\r\n", "\n").replace("\r", "\n") if "\r" in text else text


def remove_invisible(text: str) -> str:
    """Drop the BOM, zero-width characters, soft hyphens and control characters.

    Newlines stay; tabs are not controls here (``replace_odd_spaces`` turns them into spaces).

    >>> remove_invisible("\\ufeff中\\u200b文\\x07\\n")
    '中文\\n'
    """
    return chardata.INVISIBLE.sub("", text)


def replace_odd_spaces(text: str) -> str:
    """NBSP, ideographic space (U+3000), tabs and other typographic spaces become plain spaces.

    >>> replace_odd_spaces("\\u3000\\u3000正文\\u00a0结束")
    '  正文 结束'
    """
    return chardata.ODD_SPACES.sub(" ", text)


def compose_unicode(text: str) -> str:
    """Apply NFC. Never NFKC: it would turn Chinese punctuation ，：（） into ASCII.

    >>> compose_unicode("e\\u0301，") == "\\u00e9，"
    True
    """
    return text if unicodedata.is_normalized("NFC", text) else unicodedata.normalize("NFC", text)


def narrow_fullwidth_alnum(text: str) -> str:
    """Full-width digits and Latin letters become ASCII; full-width punctuation is left alone.

    >>> narrow_fullwidth_alnum("２０２１年ＡＢｃ，＆")
    '2021年ABc，＆'
    """
    return chardata.FULLWIDTH_ALNUM.sub(lambda m: chr(ord(m.group()) - chardata.FULLWIDTH_OFFSET), text)


def widen_chinese_punctuation(text: str) -> str:
    """ASCII ``, ; : ? ! ( )`` become full width when their nearest non-space neighbour is Chinese.

    Parentheses go by pairs: a pair is Chinese when a neighbour on either side of either mark, or
    its content, is Chinese. ASCII stays inside numbers, English text and URLs.

    >>> widen_chinese_punctuation("你好,世界(中国)!时间10:30,共1,500人")
    '你好，世界（中国）！时间10:30，共1,500人'
    >>> widen_chinese_punctuation("补偿(PES,Payment for Ecosystem Services)和 see http://a.cn/?q=1")
    '补偿（PES,Payment for Ecosystem Services）和 see http://a.cn/?q=1'
    """
    if not _NARROW_PUNCT.search(text):
        return text
    text = _MARK_RIGHT_AFTER_CHINESE.sub(_widen_first, text)  # most marks, at regex speed
    while _NARROW_PUNCT.search(text):  # a widened mark is Chinese context: widen until stable
        widened = _widen_parentheses(_widen_marks(text))
        if widened == text:
            break
        text = widened
    return text


def _widen_marks(text: str) -> str:
    text = _MARK_AFTER_CHINESE.sub(_widen_last, text)
    return _MARK_BEFORE_CHINESE.sub(_widen_first, text)


def _widen_last(match: re.Match[str]) -> str:
    return match.group(1) + chardata.WIDE_PUNCT[match.group(2)]


def _widen_first(match: re.Match[str]) -> str:
    return chardata.WIDE_PUNCT[match.group()]


def _widen_parentheses(text: str) -> str:
    wide = _chinese_paren_positions(text)
    if not wide:
        return text
    chars = list(text)
    for i in wide:
        chars[i] = chardata.WIDE_PUNCT[text[i]]
    return "".join(chars)


_SKIPPED = frozenset(" " + chardata.QUOTES)
# A mark whose nearest neighbour on one side, past spaces and quotes, is Chinese.
_SKIPPABLE = re.escape(" " + chardata.QUOTES)
_MARK_AFTER_CHINESE = re.compile(f"(?<=[{chardata.CHINESE}])([{_SKIPPABLE}]*)([,;:?!])")
_MARK_BEFORE_CHINESE = re.compile(f"[,;:?!](?=[{_SKIPPABLE}]*[{chardata.CHINESE}])")
# "中," — the common case, written to start with the mark (see _SPACE_BETWEEN_CHINESE).
_MARK_RIGHT_AFTER_CHINESE = re.compile(f"[,;:?!](?<=[{chardata.CHINESE}][,;:?!])")


def _neighbour(text: str | list[str], i: int, step: int) -> str:
    j = i + step
    while 0 <= j < len(text) and text[j] in _SKIPPED:
        j += step
    return text[j] if 0 <= j < len(text) else ""


def _is_chinese(char: str) -> bool:
    return bool(char) and chardata.CHINESE_CHAR.match(char) is not None


def _touches_chinese(text: str | list[str], i: int) -> bool:
    return _is_chinese(_neighbour(text, i, -1)) or _is_chinese(_neighbour(text, i, 1))


def _chinese_paren_positions(text: str) -> set[int]:
    wide: set[int] = set()
    open_stack: list[int] = []
    for match in _PAREN.finditer(text):
        i, char = match.start(), match.group()
        if char == "(":
            open_stack.append(i)
        elif char == ")" and open_stack:
            start = open_stack.pop()
            inner = text[start + 1 : i]
            if _touches_chinese(text, start) or _touches_chinese(text, i) or chardata.HAN_CHAR.search(inner):
                wide.update((start, i))
        elif char == ")" and _touches_chinese(text, i):
            wide.add(i)
    wide.update(i for i in open_stack if _touches_chinese(text, i))
    return wide


def collapse_whitespace(text: str) -> str:
    """Strip each line and collapse runs of spaces to one; blank lines go.

    >>> collapse_whitespace("  第一节   总则  \\n\\n  正文 ")
    '第一节 总则\\n正文'
    """
    lines = (_SPACE_RUN.sub(" ", line).strip() for line in text.split("\n"))
    return "\n".join(line for line in lines if line)


def remove_spaces_between_chinese(text: str) -> str:
    """Drop spaces that sit between two Chinese characters or marks (paragraph text only).

    Spaces next to Latin letters or digits stay: ``Bingham （2011）`` keeps its space.

    >>> remove_spaces_between_chinese("湖北 基层 治理 ， 见 Smith 的书")
    '湖北基层治理，见 Smith 的书'
    """
    return _SPACE_BETWEEN_CHINESE.sub("", text)


def normalize_text(text: str, conversion: Conversion, *, keep_spaces: bool = False) -> tuple[str, int]:
    """Run every fix in order; return the text and the number of characters script-converted.

    ``keep_spaces`` is for titles and headings, which keep single spaces (``第一节 总则``).

    >>> normalize_text("　　２０２１年,我們 去了乾清宫!", Conversion("t2s", full=False))
    ('2021年，我们去了乾清宫！', 1)
    """
    text = replace_odd_spaces(remove_invisible(unify_line_endings(text)))
    text = narrow_fullwidth_alnum(compose_unicode(text))
    text = collapse_whitespace(widen_chinese_punctuation(text))
    if not keep_spaces:
        text = remove_spaces_between_chinese(text)
    return conversion.apply(text)
