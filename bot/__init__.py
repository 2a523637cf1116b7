"""KANE civil-society bot: the transport-free core. Nothing in this package imports ``telegram``; the Telegram
adapters live in ``handlers/``.

Layers, each using only those below it:

    assistant, cli, evaluation         the facade and the command line (top-level modules of this package)
    answering | routing | storage      understanding questions | finding the organisation | what is remembered
    content                            the knowledge folder as typed, validated data
    core                               shared vocabulary: Lang, text, Reply, Conversation, settings, logging
"""

from __future__ import annotations

__version__ = "0.1.0"
