"""The decision aid built on the answers: the values exercise, the personal summary, and the
page about the assistant."""
