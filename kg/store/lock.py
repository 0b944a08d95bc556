"""One writer per store directory: a lock file that the operating system releases when its holder dies.

RocksDB locks the directory too, but a second writer learns of it only when it opens the
store, with an error that names neither the holder nor what to do. ``WriterLock`` is taken
first, before anything slow, and says who holds it. It is a POSIX record lock (``lockf``):
the kernel drops it when the holding process ends in any way, SIGKILL included, so there is
never a stale lock to clean up; and unlike ``flock`` it is not shared with child processes.
Readers take no lock: RocksDB lets any number of read-only opens run beside the writer.
"""

from __future__ import annotations

import fcntl
import os
from pathlib import Path

from kg.store.protocol import StoreBusy

LOCK_NAME = "kg-writer.lock"

# POSIX record locks belong to the process, so a second writer in the same process would be
# granted the lock (and closing its file would release the first's): refuse it here instead.
_held: set[Path] = set()


class WriterLock:
    """The write lock of the store directory ``directory``, held from ``acquire`` to ``release``."""

    def __init__(self, directory: Path, fd: int) -> None:
        self.directory = directory
        self._fd: int | None = fd

    @classmethod
    def acquire(cls, directory: str | Path) -> WriterLock:
        """Take the lock at once or raise ``StoreBusy`` naming the process that holds it."""
        where = Path(directory)
        key = where.resolve()
        if key in _held:
            raise StoreBusy(f"store {where} is already open for writing in this process (pid {os.getpid()})")
        path = where / LOCK_NAME
        fd = os.open(path, os.O_RDWR | os.O_CREAT | os.O_CLOEXEC, 0o644)
        try:
            fcntl.lockf(fd, fcntl.LOCK_EX | fcntl.LOCK_NB)
        except OSError:
            holder = _holder(fd)
            os.close(fd)
            who = f"another kg process (pid {holder})" if holder else "another kg process"
            raise StoreBusy(f"store {where} is being written by {who}; try again when it finishes") from None
        # The pid is for the message a second writer prints; the lock itself is the kernel's.
        os.ftruncate(fd, 0)
        os.write(fd, f"{os.getpid()}\n".encode())
        _held.add(key)
        return cls(key, fd)

    def release(self) -> None:
        """Give the lock up (closing the file releases it); a second call does nothing."""
        fd, self._fd = self._fd, None
        if fd is None:
            return
        _held.discard(self.directory)
        os.close(fd)


def _holder(fd: int) -> str:
    """The pid the holder wrote, or "" if it has not written it yet."""
    try:
        text = os.pread(fd, 32, 0).decode("ascii", "replace").strip()
    except OSError:
        return ""
    return text if text.isdigit() else ""


__all__ = ["WriterLock", "LOCK_NAME"]
