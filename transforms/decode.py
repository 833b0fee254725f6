"""Bytes to text: BOM, declared charset, strict candidates, then detection as the last resort.

Scraped Chinese pages lie about their encoding: ``gb2312`` and ``gbk`` labels hide GB18030 bytes,
and some declarations are plain wrong. A declaration is only believed when the bytes decode
strictly under it; mojibake is never passed on as text.
"""

from __future__ import annotations

import codecs
import re
from dataclasses import dataclass

import charset_normalizer

BOMS = (
    (codecs.BOM_UTF32_LE, "utf-32-le"),
    (codecs.BOM_UTF32_BE, "utf-32-be"),
    (codecs.BOM_UTF8, "utf-8"),
    (codecs.BOM_UTF16_LE, "utf-16-le"),
    (codecs.BOM_UTF16_BE, "utf-16-be"),
)
# Labels scrapers see, mapped to the codec that decodes what such pages really hold.
CODEC_FOR_LABEL = {
    "gb2312": "gb18030",
    "gbk": "gb18030",
    "gb_2312-80": "gb18030",
    "x-gbk": "gb18030",
    "cp936": "gb18030",
    "euc-cn": "gb18030",
    "gb18030": "gb18030",
    "big5": "big5hkscs",
    "big5-hkscs": "big5hkscs",
    "x-x-big5": "big5hkscs",
    "cp950": "big5hkscs",
    "utf8": "utf-8",
    "utf-8": "utf-8",
}
# Tried in order after UTF-8; detection chooses when more than one decodes cleanly.
CHINESE_CODECS = ("gb18030", "big5hkscs")
BINARY_MAGIC = (
    b"\x89PNG",
    b"%PDF",
    b"PK\x03\x04",
    b"GIF8",
    b"\xff\xd8\xff",
    b"\x1f\x8b",
    b"\x7fELF",
    b"\xd0\xcf\x11\xe0",
    b"Rar!",
    b"7z\xbc\xaf",
    b"BZh",
    b"\x00\x00\x01\x00",
    b"RIFF",
    b"OggS",
    b"ID3",
)
SNIFF_BYTES = 4096
META_CHARSET = re.compile(rb"""<meta[^>]{0,200}?charset\s*=\s*["']?\s*([A-Za-z0-9_:.-]+)""", re.I)
# Private-use and C1 control code points: what a wrong multibyte decoding produces.
MOJIBAKE_CHARS = re.compile("[\ue000-\uf8ff\x80-\x9f]")
# Decoded BOM-less UTF-16 must be mostly Han, Chinese punctuation, printable ASCII or whitespace:
# random bytes read as UTF-16 are about one third Han and almost never ASCII.
READABLE_CHARS = re.compile(
    "[\u3400-\u4dbf\u4e00-\u9fff\u3000-\u303f\uff00-\uffef\u2000-\u206f\x20-\x7e\n\r\t]"
)
MIN_READABLE_SHARE = 0.9
MIN_ASCII_SHARE = 0.01
# A multibyte character cut by truncation at the very end of the file is not a reason to reject.
MAX_TRUNCATED_TAIL = 3


@dataclass(frozen=True, slots=True)
class Decoded:
    text: str
    encoding: str


@dataclass(frozen=True, slots=True)
class DecodeFailure:
    reason: str  # "empty_file" | "binary" | "undecodable"
    detail: str


def sniff_binary(raw: bytes) -> str | None:
    """Name why bytes look binary (a known magic number or NUL bytes), or None.

    >>> sniff_binary(b"\\x89PNG\\r\\n"), sniff_binary("正文".encode())
    ('magic number 89504e47', None)
    """
    for magic in BINARY_MAGIC:
        if raw.startswith(magic):
            return f"magic number {magic[:4].hex()}"
    if b"\x00" in raw[:SNIFF_BYTES]:
        return "NUL bytes in the first 4 KiB"
    return None


def declared_charset(raw: bytes) -> str | None:
    """The charset an HTML page declares in its first 4 KiB, lower-cased.

    >>> declared_charset(b'<meta http-equiv="Content-Type" content="text/html; charset=GB2312">')
    'gb2312'
    """
    match = META_CHARSET.search(raw[:SNIFF_BYTES])
    return match.group(1).decode("ascii").lower() if match else None


def decode_bytes(raw: bytes) -> Decoded | DecodeFailure:
    """Decode page bytes, or say why they cannot be text.

    >>> decode_bytes("这是一段用来说明编码检测的中文文字。".encode("gb18030")).encoding
    'gb18030'
    >>> decode_bytes("這是一段用來說明編碼檢測的繁體中文文字。".encode("big5")).encoding
    'big5hkscs'
    >>> decode_bytes(b"").reason
    'empty_file'
    """
    if not raw.strip(b" \t\r\n\x0b\x0c"):
        return DecodeFailure("empty_file", f"{len(raw)} bytes, no text")
    for bom, codec in BOMS:
        if raw.startswith(bom):
            return _strict(raw[len(bom) :], codec) or DecodeFailure(
                "undecodable", f"invalid {codec} after BOM"
            )
    binary = sniff_binary(raw)
    if binary:
        return decode_utf16_without_bom(raw) or DecodeFailure("binary", binary)
    return _decode_without_bom(raw)


def decode_utf16_without_bom(raw: bytes) -> Decoded | None:
    """Text saved as UTF-16 without a BOM (Windows "Unicode" files), else None.

    NUL bytes are then the high bytes of ASCII characters. Such bytes decode, in one byte order,
    to Chinese and ASCII text; binary data with NUL bytes does not.

    >>> decode_utf16_without_bom("题目 一\\n正文一段。".encode("utf-16-le")).encoding
    'utf-16-le'
    >>> decode_utf16_without_bom(bytes(range(256)) * 4) is None
    True
    """
    if len(raw) % 2 or any(raw.startswith(magic) for magic in BINARY_MAGIC):
        return None
    for codec in ("utf-16-le", "utf-16-be"):
        decoded = _strict(raw, codec)
        if decoded and _looks_like_chinese_or_ascii(decoded.text):
            return decoded
    return None


def _looks_like_chinese_or_ascii(text: str) -> bool:
    """Mostly readable, with the line breaks and spaces whose high bytes were the NULs (ASCII read
    as UTF-16 pairs its bytes into rare ideographs and has none)."""
    readable = len(READABLE_CHARS.findall(text))
    ascii_chars = sum(1 for c in text if c < "\x80")
    return readable >= len(text) * MIN_READABLE_SHARE and ascii_chars >= len(text) * MIN_ASCII_SHARE


def _decode_without_bom(raw: bytes) -> Decoded | DecodeFailure:
    utf8 = _strict(raw, "utf-8")
    if utf8:
        return utf8
    declared = CODEC_FOR_LABEL.get(declared_charset(raw) or "")
    if declared and declared != "utf-8":
        decoded = _strict(raw, declared)
        if decoded and _looks_like_text(decoded.text):
            return decoded
    candidates = [d for d in (_strict(raw, c) for c in CHINESE_CODECS) if d and _looks_like_text(d.text)]
    if len(candidates) > 1:
        return _detect(raw, candidates)
    if candidates:
        return candidates[0]
    return DecodeFailure("undecodable", "no candidate encoding (utf-8, gb18030, big5) decodes these bytes")


def _strict(raw: bytes, codec: str) -> Decoded | None:
    try:
        return Decoded(raw.decode(codec), codec)
    except UnicodeDecodeError as error:
        if error.start >= len(raw) - MAX_TRUNCATED_TAIL and "end of data" in error.reason:
            return Decoded(raw[: error.start].decode(codec), codec)
        return None


def _detect(raw: bytes, candidates: list[Decoded]) -> Decoded:
    names = [c.encoding for c in candidates]
    best = charset_normalizer.from_bytes(raw, cp_isolation=names).best()
    chosen = CODEC_FOR_LABEL.get(best.encoding.replace("_", "-"), best.encoding) if best else names[0]
    return next((c for c in candidates if c.encoding == chosen), candidates[0])


def _looks_like_text(text: str) -> bool:
    """Reject decodings full of private-use or unassigned code points (mojibake)."""
    if not text:
        return False
    return len(MOJIBAKE_CHARS.findall(text)) <= max(2, len(text) // 200)
