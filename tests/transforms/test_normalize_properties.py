"""Invariants of normalisation and cleaning, checked on generated input (hypothesis)."""

from __future__ import annotations

import re

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from transforms import Document, clean_page
from transforms.convert import Conversion
from transforms.normalize import normalize_text

# Text that looks like the pages: Han (simplified and traditional), punctuation of both widths,
# full-width alphanumerics, odd spaces, invisible and control characters, line breaks.
PAGE_ALPHABET = st.sampled_from(
    list("中文简体繁體乾清宫確計後讓的一是在不了有和人这們")
    + list(",;:?!()，；：？！（）。、“”《》…—.-/%")
    + list("Ab9０９ＡＺ")
    + [" ", "  ", "\u3000", "\u00a0", "\t", "\n", "\r\n", "\u200b", "\ufeff", "\x07", "●"]
)
page_text = st.lists(PAGE_ALPHABET, max_size=120).map("".join)
CONVERSIONS = [Conversion("t2s", full=True), Conversion("t2s", full=False), Conversion("none")]

CJK = "\u4e00-\u9fff\u3000-\u303f\uff01-\uff0f\uff1a-\uff20"
ASCII_NEXT_TO_CHINESE = re.compile(rf"[{CJK}][,;:?!()]|[,;:?!()][{CJK}]")
INVISIBLE = re.compile("[\u200b-\u200d\u2060\ufeff\x00-\x08\x0b-\x1f\x7f]")


@settings(max_examples=300, deadline=None)
@given(page_text, st.sampled_from(CONVERSIONS), st.booleans())
def test_normalisation_is_idempotent(text, conversion, keep_spaces):
    once, _ = normalize_text(text, conversion, keep_spaces=keep_spaces)
    twice, _ = normalize_text(once, conversion, keep_spaces=keep_spaces)
    assert twice == once


@settings(max_examples=300, deadline=None)
@given(page_text)
def test_normalised_text_has_no_invisible_or_misplaced_ascii_punctuation(text):
    clean, _ = normalize_text(text, Conversion("t2s", full=False))
    assert not INVISIBLE.search(clean)
    assert not ASCII_NEXT_TO_CHINESE.search(clean)
    assert not re.search("[\uff10-\uff19\uff21-\uff3a\uff41-\uff5a]", clean)


@settings(max_examples=200, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(st.binary(max_size=400))
def test_cleaning_arbitrary_bytes_never_raises(raw):
    result = clean_page(raw, "fuzz.txt")
    assert result.__class__.__name__ in ("Document", "Reject")
    if not isinstance(result, Document):
        assert result.reason != "internal_error", result.detail


@settings(max_examples=150, deadline=None)
@given(st.lists(page_text, min_size=1, max_size=6))
def test_sections_joined_in_order_give_the_document_text(lines):
    page = ("标题\n" + "\n".join("  " + line for line in lines)).encode("utf-8")
    doc = clean_page(page, "prop.txt")
    if isinstance(doc, Document):
        joined = [x for s in doc.sections for x in ((s.heading,) if s.heading else ()) + s.paragraphs]
        assert "\n".join(joined) == doc.text
        assert not INVISIBLE.search(doc.text)


@settings(max_examples=300, deadline=None)
@given(st.lists(st.tuples(PAGE_ALPHABET.filter(lambda c: len(c) == 1), st.booleans()), max_size=200))
def test_stray_conversion_changes_exactly_the_differing_characters(pairs):
    # Equal-length pairs of strings differing where the flag is set: the halving search must find
    # every differing position, in order, and nothing else.
    from transforms.convert import _changed_positions

    original = "".join(c for c, _ in pairs)
    changed = "".join("乾" if flip and c != "乾" else ("中" if flip else c) for c, flip in pairs)
    expected = [i for i, (a, b) in enumerate(zip(original, changed, strict=True)) if a != b]
    assert list(_changed_positions(original, changed)) == expected
