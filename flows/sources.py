"""Listing and reading inputs: a file, a folder (recursive) or a glob, local or fsspec URL. I/O only."""

from __future__ import annotations

import glob
import gzip
import os
import stat
from collections.abc import Iterator
from pathlib import Path
from typing import BinaryIO

from flows.storage import filesystem, full_url, is_local
from transforms.models import Reject

PAGE_SUFFIX_GZIP = ".gz"
READ_CHUNK = 1 << 20


def list_sources(source: str) -> Iterator[str]:
    """Yield input locations in a stable order, lazily. Hidden files and folders are skipped."""
    if is_local(source):
        yield from (str(p) for p in _list_local(_local_path(source)))
        return
    fs, path = filesystem(source)
    fs.invalidate_cache()  # listings cached by an earlier run in this process may be stale
    paths = fs.find(path) if fs.isdir(path) else fs.glob(path)
    for found in sorted(paths):
        if not any(part.startswith(".") for part in found[len(path) :].split("/")):
            yield full_url(fs, found)


def _local_path(source: str) -> str:
    """A local source as a path: ``file://`` URLs lose their scheme, globs stay as written."""
    return filesystem(source)[1] if "://" in source else source


def _list_local(source: str) -> Iterator[Path]:
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


def source_root(source: str) -> str:
    """The folder that local symlinks may point into; for URLs, the source itself."""
    if not is_local(source):
        return source
    path = Path(_local_path(source))
    if path.is_dir():
        return str(path.resolve())
    if path.exists():
        return str(path.resolve().parent)
    return str(Path(glob.escape(str(path)).split("*")[0] or ".").resolve().parent)


def source_uri(location: str) -> str:
    """URLs as they are; local paths absolute, undecodable name bytes as ``\\\\xNN`` escapes."""
    if "://" in location and not location.startswith("file://"):
        return location
    raw = os.fsencode(Path(location).absolute())
    return raw.decode("utf-8", "backslashreplace")


def read_page(location: str, root: str, max_bytes: int) -> bytes | Reject:
    """Read one input's page bytes (gunzipped if ``.gz``), refusing what cannot be read safely."""
    uri = source_uri(location)
    try:
        if is_local(location):
            return _read_local(Path(location), Path(root), max_bytes, uri)
        return _read_remote(location, max_bytes, uri)
    except OSError as error:
        return Reject(uri, "unreadable", f"{type(error).__name__}: {error.strerror or error}")


def _read_local(path: Path, root: Path, max_bytes: int, uri: str) -> bytes | Reject:
    refusal = _refuse_before_reading(path, root, max_bytes)
    if refusal:
        return Reject(uri, *refusal)
    if path.name.lower().endswith(PAGE_SUFFIX_GZIP):
        with open(path, "rb") as handle:
            return _gunzip(handle, uri, max_bytes)
    return path.read_bytes()


def _read_remote(location: str, max_bytes: int, uri: str) -> bytes | Reject:
    fs, path = filesystem(location)
    fs.invalidate_cache(path)  # the object may have changed since this process last saw it
    size = fs.size(path)
    if size is not None and size > max_bytes:
        return Reject(uri, "too_large", f"{size} bytes > limit {max_bytes}")
    with fs.open(path, "rb") as handle:
        if path.lower().endswith(PAGE_SUFFIX_GZIP):
            return _gunzip(handle, uri, max_bytes)
        return handle.read()


def _refuse_before_reading(path: Path, root: Path, max_bytes: int) -> tuple[str, str] | None:
    status = os.lstat(path)  # one system call for the common case: a regular file
    if stat.S_ISLNK(status.st_mode):
        if not path.exists():
            return "unreadable", f"broken symlink to {os.readlink(path)}"
        if not path.resolve().is_relative_to(root):
            return "symlink_outside_source", f"symlink to {path.resolve()} outside {root}"
        status = os.stat(path)
    if not stat.S_ISREG(status.st_mode):
        return "unreadable", "not a regular file"
    if status.st_size > max_bytes:
        return "too_large", f"{status.st_size} bytes > limit {max_bytes}"
    return None


def _gunzip(handle: BinaryIO, uri: str, max_bytes: int) -> bytes | Reject:
    chunks: list[bytes] = []
    total = 0
    try:
        with gzip.GzipFile(fileobj=handle, mode="rb") as stream:
            while chunk := stream.read(READ_CHUNK):
                total += len(chunk)
                if total > max_bytes:
                    return Reject(uri, "too_large", f"gzip expands past the limit of {max_bytes} bytes")
                chunks.append(chunk)
    except (gzip.BadGzipFile, EOFError, OSError) as error:
        return Reject(uri, "undecodable", f"broken gzip: {error}")
    return b"".join(chunks)
