"""Configuration: where the project's files live (paths) and the clinic's settings."""
