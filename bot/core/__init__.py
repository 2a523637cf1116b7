"""The shared vocabulary, at the bottom: the two languages (`Lang`, `Bilingual`), text normalisation, what the core
answers (`Reply`), what it knows of the person asking (`Conversation`), settings, logging and safe YAML reading.

Owns no domain knowledge. May use only the standard library and third-party packages: nothing else in ``bot``.
"""
