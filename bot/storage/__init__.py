"""What the bot remembers, one module per store over one database (`database`, with the schema's migrations in
`schema`): profiles, tickets and their outbox, access (officials, invites, audit), officials' edits, statistics;
`stores.Stores` opens them together.

May use ``bot.core`` and ``bot.content``; never answering or routing.
"""
