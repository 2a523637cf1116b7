"""What the bot builds at start (parsed knowledge files, the lemma tables, the concept and search indexes) kept
between processes, so that `kanebot ask` starts in a fraction of the time it takes to build them again.

Each key is a digest of everything a value is built from and of the source of the code that builds it (callers pass
``source_digest(__file__)``), so a change to any of them builds afresh. Values are plain data in `marshal` format
(no code is ever loaded from the cache); the folder keeps the most recently used files only. The folder is
``$KANEBOT_CACHE`` (``off`` turns caching off), else ``$XDG_CACHE_HOME/kanebot``, else ``~/.cache/kanebot``; where
it cannot be written, the index is simply built each time.
"""

from __future__ import annotations

import contextlib
import functools
import hashlib
import logging
import marshal
import os
import sys
import tempfile
from collections.abc import Mapping
from pathlib import Path
from typing import Any

log = logging.getLogger("kanebot.cache")
FORMAT = b"kanebot-cache-2"
KEEP_FILES = 24  # the newest ones; an old knowledge's leftovers go


@functools.lru_cache(maxsize=32)
def source_digest(*files: str) -> str:
    """The digest of source files (a module passes its own ``__file__``): a change to the code builds afresh."""
    digest = hashlib.sha256(FORMAT + sys.version.encode())
    for name in files:
        digest.update(Path(name).read_bytes())
    return digest.hexdigest()


def default_cache_dir(environ: Mapping[str, str] | None = None) -> Path | None:
    env = os.environ if environ is None else environ
    chosen = env.get("KANEBOT_CACHE", "").strip()
    if chosen.lower() == "off":
        return None
    if chosen:
        return Path(chosen)
    base = env.get("XDG_CACHE_HOME", "").strip()
    return (Path(base) if base else Path.home() / ".cache") / "kanebot"


class DiskCache:
    def __init__(self, folder: Path) -> None:
        self.folder = folder

    @classmethod
    def default(cls) -> DiskCache | None:
        folder = default_cache_dir()
        return cls(folder) if folder is not None else None

    def key(self, *parts: object) -> str:
        digest = hashlib.sha256(FORMAT)
        for part in parts:
            digest.update(b"\x00" + str(part).encode("utf-8", "surrogatepass"))
        return digest.hexdigest()

    def _path(self, key: str) -> Path:
        return self.folder / f"{key[:32]}.marshal"

    def load(self, key: str) -> Any:
        path = self._path(key)
        try:
            if not _private(self.folder) or path.stat().st_uid != os.getuid():
                return None
            # Plain values only; the folder is this user's own and writable by no one else (checked above).
            data = marshal.loads(path.read_bytes())  # noqa: S302
            os.utime(path)  # recently used: kept by the pruning
        except (OSError, ValueError, EOFError, TypeError):
            return None
        return data

    def store(self, key: str, state: Any) -> None:
        """Write atomically; a cache that cannot be written is no error (a read-only container, a full disk)."""
        try:
            self.folder.mkdir(parents=True, exist_ok=True, mode=0o700)
            with tempfile.NamedTemporaryFile(dir=self.folder, delete=False, suffix=".tmp") as handle:
                marshal.dump(state, handle)
            os.replace(handle.name, self._path(key))
            self._prune()
        except (OSError, ValueError) as error:  # ValueError: a value marshal cannot keep (a date): not cached
            with contextlib.suppress(OSError, UnboundLocalError):
                os.unlink(handle.name)
            log.debug("cache not written: %s", error)

    def _prune(self) -> None:
        files = sorted(self.folder.glob("*.marshal"), key=lambda path: path.stat().st_mtime, reverse=True)
        for stale in files[KEEP_FILES:]:
            stale.unlink(missing_ok=True)


def _private(folder: Path) -> bool:
    """Owned by this user and writable by no one else: nothing in it was put there by another account."""
    status = folder.stat()
    return status.st_uid == os.getuid() and not status.st_mode & 0o022
