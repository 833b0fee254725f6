"""Decoding what Windows tools save: UTF-16 without a byte order mark, beside real binary data."""

from __future__ import annotations

import pytest

from transforms import Document, Reject, clean_page

PAGE = "议事会的运作\n来源 :基层观察 | 被引量 : 2次\n  社区议事会每季度召开一次，由居民代表参加。\n"


@pytest.mark.parametrize("codec", ["utf-16-le", "utf-16-be"])
def test_utf16_without_bom_is_read_as_text(codec: str):
    doc = clean_page(PAGE.encode(codec), "notepad.txt")
    assert isinstance(doc, Document), doc
    assert (doc.title, doc.metadata.source_name, doc.source_encoding) == ("议事会的运作", "基层观察", codec)


@pytest.mark.parametrize(
    "raw",
    [
        b"plain ASCII text with one stray NUL\x00 byte, even in length!",
        "标题\n  正文".encode() + b"\x00\x00\x00",
        bytes(range(256)) * 8,
    ],
    ids=["ascii-with-nul", "utf8-with-nuls", "byte-ramp"],
)
def test_nul_bytes_that_are_not_utf16_text_stay_binary(raw: bytes):
    reject = clean_page(raw, "data.bin")
    assert isinstance(reject, Reject)
    assert reject.reason == "binary"
