"""Understanding a question about the goals: choosing the reply language, lemmas (the lexicon), direct references
to a goal ("tavoite 2", "trean") and retrieval of the entry that answers it.

May use ``bot.core`` and ``bot.content``; never routing or storage.
"""
