"""The knowledge folder as typed, validated data: the goals' entries and the interface messages, intents, routing
topics, the directory of municipalities and counties, place words, contacts and local additions; loading and checking
all of it at once (`kanebot check`), officials' live edits applied on top, and export and import for review.

Knows what the files say, not how questions are answered or routed. May use ``bot.core`` only.
"""
