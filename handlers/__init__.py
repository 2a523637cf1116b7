"""Thin Telegram adapters: parse the update, call the core in bot/, format the reply. No domain logic here.

Packages, each using only those below it (and the core):

    wiring                   the one place the application is built, run modes, update scheduling, button dispatch
    associations | officials what associations and candidates use | what officials and administrators use
    common                   services every handler needs, reading who asks, formatting, the outbox, errors
"""
