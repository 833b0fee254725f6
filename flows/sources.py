"""Listing and reading inputs: a file, a folder (recursive) or a glob. I/O only."""

from __future__ import annotations

import glob
import gzip
import os
from collections.abc import Iterator
from pathlib import Path

from transforms.models import Reject

PAGE_SUFFIX_GZIP = ".gz"
READ_CHUNK = 1 << 20


def list_sources(source: str) -> Iterator[Path]:
    """Yield input files in a stable order, lazily. Hidden files and folders are skipped."""
    path = Path(source)
    if path.is_dir():
        yield from _walk(path)
    elif path.exists() or path.is_symlink():
        yield path
    else:
        for match in sorted(glob.iglob(source, recursive=True)):
            if not Path(match).is_dir():
                yield Path(match)


def _walk(root: Path) -> Iterator[Path]:
    for folder, subfolders, files in os.walk(root):  # os.walk does not follow folder symlinks
        subfolders[:] = sorted(d for d in subfolders if not d.startswith("."))
        for name in sorted(files):
            if not name.startswith("."):
                yield Path(folder) / name


def source_root(source: str) -> Path:
    """The folder that symlinks may point into: the source folder, or the file's/glob's folder."""
    path = Path(source)
    if path.is_dir():
        return path.resolve()
    if path.exists():
        return path.resolve().parent
    return Path(glob.escape(source).split("*")[0] or ".").resolve().parent


def source_uri(path: Path) -> str:
    """The absolute path as text; undecodable bytes of odd file names become ``\\xNN`` escapes."""
    raw = os.fsencode(path.absolute())
    return raw.decode("utf-8", "backslashreplace")


def read_page(path: Path, root: Path, max_bytes: int) -> bytes | Reject:
    """Read one input's page bytes (gunzipped if ``.gz``), refusing what cannot be read safely."""
    uri = source_uri(path)
    try:
        refusal = _refuse_before_reading(path, root, max_bytes)
        if refusal:
            return Reject(uri, *refusal)
        if path.name.lower().endswith(PAGE_SUFFIX_GZIP):
            return _read_gzip(path, uri, max_bytes)
        return path.read_bytes()
    except OSError as error:
        return Reject(uri, "unreadable", f"{type(error).__name__}: {error.strerror or error}")


def _refuse_before_reading(path: Path, root: Path, max_bytes: int) -> tuple[str, str] | None:
    if path.is_symlink():
        if not path.exists():
            return "unreadable", f"broken symlink to {os.readlink(path)}"
        if not path.resolve().is_relative_to(root):
            return "symlink_outside_source", f"symlink to {path.resolve()} outside {root}"
    if not path.is_file():
        return "unreadable", "not a regular file"
    size = path.stat().st_size
    if size > max_bytes:
        return "too_large", f"{size} bytes > limit {max_bytes}"
    return None


def _read_gzip(path: Path, uri: str, max_bytes: int) -> bytes | Reject:
    chunks: list[bytes] = []
    total = 0
    try:
        with gzip.open(path, "rb") as stream:
            while chunk := stream.read(READ_CHUNK):
                total += len(chunk)
                if total > max_bytes:
                    return Reject(uri, "too_large", f"gzip expands past the limit of {max_bytes} bytes")
                chunks.append(chunk)
    except (gzip.BadGzipFile, EOFError, OSError) as error:
        return Reject(uri, "undecodable", f"broken gzip: {error}")
    return b"".join(chunks)
