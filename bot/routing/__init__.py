"""Sending an association to the organisation that handles its question: recognising places (with their Finnish and
Swedish forms) and topics, the router that picks the municipality or the wellbeing services county and its contacts,
and planning the hand-over.

May use ``bot.core`` and ``bot.content``; never answering or storage.
"""
