"""Understanding a question: choosing the reply language, lemmas (the lexicon), direct references to a goal
("tavoite 2", "trean"), retrieval of the entry that answers it, and reading what it asks of the goals (`reading`)
or of the bot itself (`bot_questions`), over the words both read alike (`asked_words`).

May use ``bot.core`` and ``bot.content``; never routing or storage.
"""
