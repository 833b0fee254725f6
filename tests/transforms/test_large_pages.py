"""Pathological sizes: a single 10 MB line is cleaned, not crashed on."""

from __future__ import annotations

from transforms import CleanOptions, Document, clean_page


def test_a_single_10_mb_line_is_one_paragraph():
    sentence = "这是一个很长的句子,没有换行"
    raw = ("标题\n  " + sentence * 250_000).encode("utf-8")
    assert len(raw) > 10_000_000
    doc = clean_page(raw, "big.txt")
    assert isinstance(doc, Document)
    assert doc.n_paragraphs == 1
    assert doc.text.startswith("这是一个很长的句子，没有换行这是")


def test_the_size_limit_is_an_option():
    doc = clean_page(b"x" * 2000, "big.txt", CleanOptions(max_bytes=1000))
    assert doc.reason == "too_large"
