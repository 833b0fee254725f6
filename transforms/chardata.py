"""Character classes and tables used by normalisation, kept apart from the code that uses them."""

from __future__ import annotations

import re

# Han ideographs (CJK Unified, Extension A, compatibility) and Chinese punctuation (CJK symbols,
# full-width forms, the ellipsis and the em dash). Curly quotes are left out: English uses them too.
HAN_RANGES = (("\u3400", "\u4dbf"), ("\u4e00", "\u9fff"), ("\uf900", "\ufaff"))
HAN = "".join(f"{low}-{high}" for low, high in HAN_RANGES)
CHINESE_PUNCT = "\u3001-\u303f\uff01-\uff0f\uff1a-\uff20\uff3b-\uff40\uff5b-\uff65\u2026\u2014\u00b7"
CHINESE = HAN + CHINESE_PUNCT
CHINESE_CHAR = re.compile(f"[{CHINESE}]")
HAN_CHAR = re.compile(f"[{HAN}]")

ZERO_WIDTH = "\u200b\u200c\u200d\u2060\ufeff"
# C0/C1 controls except \n; \t and \r are handled before this runs.
CONTROL = "\x00-\x08\x0b-\x1f\x7f-\x9f"
INVISIBLE = re.compile(f"[{ZERO_WIDTH}{CONTROL}\u00ad]")
ODD_SPACES = re.compile("[\t\u00a0\u3000\u2000-\u200a\u202f\u205f]")

FULLWIDTH_ALNUM = re.compile("[\uff10-\uff19\uff21-\uff3a\uff41-\uff5a]")
FULLWIDTH_OFFSET = 0xFEE0

# ASCII marks that take their full-width form in Chinese context.
WIDE_PUNCT = {",": "，", ";": "；", ":": "：", "?": "？", "!": "！", "(": "（", ")": "）"}
SENTENCE_END = "。！？!?；;…"
# Curly quotes are looked through when deciding a mark's context: “是”,“否” is Chinese.
QUOTES = "“”‘’\"'"

# Characters of the General Standard Chinese Characters table (通用规范汉字表, 2013) that OpenCC t2s
# rewrites although simplified text uses them: 乾清宫 → 干清宫, 乾安县 → 干安县, 二噁英 → 二𫫇英,
# names with 昇. In an already simplified document they are never converted. Characters whose
# simplified use is rare next to their use as stray traditional forms (於, 徵, 夥) are left out:
# t2s's phrase table already keeps the set words (宫商角徵羽).
SIMPLIFIED_BUT_T2S_CHANGES = frozenset("乾噁昇")

# OpenCC configurations whose output is simplified Chinese: they get the stray-character guard.
TO_SIMPLIFIED_CONFIGS = frozenset({"t2s", "tw2s", "tw2sp", "hk2s"})
