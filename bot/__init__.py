"""KANE civil-society bot: the transport-free core.

Nothing in this package imports ``telegram``; the Telegram adapters live in ``handlers/``.
"""

from __future__ import annotations

__version__ = "0.1.0"
