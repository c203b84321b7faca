"""Custom actions for the Rasa assistant (loaded by the rasa-sdk action server)."""
