"""Stores on disk: conversations in Rasa's tracker store, and the opt-in store of unanswered
questions."""
