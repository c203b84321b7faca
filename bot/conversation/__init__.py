"""Conversation decisions: language, condition, safety, scope, feelings, requests for advice,
which reply a turn gets (routing), and an answer rendered as chat messages."""
