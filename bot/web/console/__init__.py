"""The counsellor console: its routes, accounts and sessions, and the example counts it
shows."""
