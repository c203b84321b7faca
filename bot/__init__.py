"""The SMARD/SMA decision-aid assistant: content, rendering, web server and CLI."""
