"""Filesystems behind the source and destination: local paths or fsspec URLs (s3://, gs://, file://).

Credentials come from each filesystem's usual environment and configuration (for S3: the AWS
variables, ``~/.aws``, and ``AWS_ENDPOINT_URL`` / ``FSSPEC_S3_ENDPOINT_URL`` for compatible stores).
"""

from __future__ import annotations

from functools import lru_cache

import fsspec
from fsspec import AbstractFileSystem
from fsspec.implementations.local import LocalFileSystem


@lru_cache(maxsize=32)
def filesystem(url: str) -> tuple[AbstractFileSystem, str]:
    """The filesystem of a URL or path, and the path within it (without a trailing slash)."""
    fs, path = fsspec.core.url_to_fs(url)
    return fs, path.rstrip("/") or "/"


def is_local(url: str) -> bool:
    if "://" not in url and "::" not in url:  # a plain path: no need to ask fsspec (per input)
        return True
    return isinstance(filesystem(url)[0], LocalFileSystem)


def join(base: str, *parts: str) -> str:
    return "/".join([base.rstrip("/"), *parts])


def full_url(fs: AbstractFileSystem, path: str) -> str:
    """A path of ``fs`` as a URL another process can open (plain paths stay plain)."""
    return path if isinstance(fs, LocalFileSystem) else fs.unstrip_protocol(path)
