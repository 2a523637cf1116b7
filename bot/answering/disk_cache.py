"""What answering builds at start (the search index, the lemma tables) kept between processes, so that `kanebot ask`
starts in a fraction of the time it takes to build them again.

Each key is a digest of everything a value is built from (the entries with officials' edits, the lexicon's files,
stop words and concepts) and of the source of the code that builds it, so a change to any of them builds afresh.
Values are plain data in `marshal` format (no code is ever loaded from the cache). The folder is
``$KANEBOT_CACHE`` (``off`` turns caching off), else ``$XDG_CACHE_HOME/kanebot``, else ``~/.cache/kanebot``; where
it cannot be written, the index is simply built each time.
"""

from __future__ import annotations

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
FORMAT = b"kanebot-cache-1"
_SOURCES = ("retrieval.py", "lexicon.py", "disk_cache.py")


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
        here = Path(__file__).resolve().parent
        code = hashlib.sha256(FORMAT + sys.version.encode())
        for name in _SOURCES:
            code.update((here / name).read_bytes())
        self._code = code.hexdigest()

    @classmethod
    def default(cls) -> DiskCache | None:
        folder = default_cache_dir()
        return cls(folder) if folder is not None else None

    def key(self, *parts: object) -> str:
        digest = hashlib.sha256(self._code.encode())
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
        except (OSError, ValueError) as error:
            log.debug("index cache not written: %s", error)


def _private(folder: Path) -> bool:
    """Owned by this user and writable by no one else: nothing in it was put there by another account."""
    status = folder.stat()
    return status.st_uid == os.getuid() and not status.st_mode & 0o022
