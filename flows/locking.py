"""One run at a time per destination: an exclusive ``flock`` on ``DEST/.docclean.lock``.

The lock file's name starts with a dot, so pyarrow, duckdb and polars never read it as data. It is
never deleted (deleting a lock file that another process is waiting on would let two runs in); the
kernel releases the lock when the holder closes it or dies, even after ``SIGKILL``, so a crashed
run never leaves a stale lock behind. The file's text names the holder, for the error message.

``flock`` locks are advisory and only reliable on local file systems (not every NFS setup honours
them). A destination URL of an object store (``s3://…``, ``gs://…``) has no lock: the block runs
unlocked and receives ``None``; ``file://`` URLs are local paths and are locked.
"""

from __future__ import annotations

import errno
import fcntl
import os
import socket
import time
from collections.abc import Iterator
from contextlib import contextmanager
from datetime import UTC, datetime
from pathlib import Path

from flows.storage import filesystem, is_local

LOCK_NAME = ".docclean.lock"
DEFAULT_LOCK_TIMEOUT = 0.0
POLL_SECONDS = 0.2


class DestinationLockedError(RuntimeError):
    """Another run holds the destination's lock and did not release it within the timeout."""

    def __init__(self, destination: Path, timeout: float, holder: str) -> None:
        self.destination = destination
        self.timeout = timeout
        self.holder = holder
        waited = f"after waiting {timeout:g} s" if timeout > 0 else "(no wait requested)"
        super().__init__(
            f"destination {destination} is locked by another docclean run {waited}"
            f"{f' (holder: {holder})' if holder else ''}; lock file {destination / LOCK_NAME}. "
            "Wait for that run to finish, or raise the lock timeout."
        )


def local_folder(destination: str | Path) -> Path | None:
    """The local folder of a destination path or ``file://`` URL; None for other URLs."""
    if isinstance(destination, Path):
        return destination
    return Path(filesystem(destination)[1]) if is_local(destination) else None


@contextmanager
def destination_lock(
    destination: str | Path, timeout: float = DEFAULT_LOCK_TIMEOUT, poll: float = POLL_SECONDS
) -> Iterator[Path | None]:
    """Hold the exclusive lock of ``destination`` for the duration of the block.

    Waits up to ``timeout`` seconds (0: do not wait) for a run holding it to finish, then raises
    :class:`DestinationLockedError` naming the destination. Creates the destination if needed.
    Yields the lock file, or None (no lock) for a destination that is not local.
    """
    dest = local_folder(destination)
    if dest is None:
        yield None
        return
    dest.mkdir(parents=True, exist_ok=True)
    path = dest / LOCK_NAME
    fd = os.open(path, os.O_RDWR | os.O_CREAT | os.O_CLOEXEC, 0o644)
    try:
        _acquire(fd, dest, timeout, poll)
    except BaseException:
        os.close(fd)
        raise
    try:
        _write_holder(fd)
        yield path
    finally:
        try:
            fcntl.flock(fd, fcntl.LOCK_UN)
        finally:
            os.close(fd)


def _acquire(fd: int, dest: Path, timeout: float, poll: float) -> None:
    deadline = time.monotonic() + max(timeout, 0.0)
    while True:
        try:
            fcntl.flock(fd, fcntl.LOCK_EX | fcntl.LOCK_NB)
            return
        except OSError as error:
            if error.errno not in (errno.EWOULDBLOCK, errno.EAGAIN, errno.EACCES):
                raise
        remaining = deadline - time.monotonic()
        if remaining <= 0:
            raise DestinationLockedError(dest, timeout, _read_holder(fd))
        time.sleep(min(poll, remaining))


def _write_holder(fd: int) -> None:
    started = datetime.now(UTC).isoformat(timespec="seconds")
    text = f"pid {os.getpid()} on {socket.gethostname()} since {started}\n".encode()
    os.ftruncate(fd, 0)
    os.pwrite(fd, text, 0)


def _read_holder(fd: int) -> str:
    try:
        return os.pread(fd, 500, 0).decode("utf-8", "replace").strip()
    except OSError:
        return ""
