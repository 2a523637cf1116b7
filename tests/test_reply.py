"""Replies rendered for Telegram: escaped HTML, never over the 4,096-character limit, nothing lost when split."""

from __future__ import annotations

import html
import re

from bot.core.reply import Block, html_chunks, render_plain


def test_long_replies_are_split_between_blocks_and_words_within_the_limit() -> None:
    blocks = (
        Block("title", "Otsikko <1>"),
        Block("quote", "sana & toinen " * 900),
        Block("item", "a"),
        Block("item", "b"),
    )
    chunks = html_chunks(blocks)
    assert len(chunks) > 1 and all(len(chunk) <= 4096 for chunk in chunks)
    words = re.sub(r"<[^>]+>", " ", html.unescape(" ".join(chunks))).split()
    assert words.count("sana") == words.count("toinen") == words.count("&") == 900
    assert chunks[0].startswith("<b>Otsikko &lt;1&gt;</b>")


def test_every_text_is_escaped() -> None:
    (chunk,) = html_chunks((Block("text", "<script>alert('x')</script> & <b>"),))
    assert "<script>" not in chunk and "&lt;script&gt;" in chunk and "&amp;" in chunk


def test_plain_text_keeps_list_items_together() -> None:
    assert render_plain((Block("title", "T"), Block("item", "a"), Block("item", "b"))) == "T\n\n• a\n• b"
