"""Thin Telegram adapters: parse the update, call the core in bot/, format the reply. No domain logic here."""
