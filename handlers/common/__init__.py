"""What every handler needs: the typed services object, reading who is asking, turning replies into messages and
keyboards, delivering the outbox, the error handler. May use the core only; no other handler package."""
