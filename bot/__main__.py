"""`python -m bot …`: see bot/ops/cli.py."""

from bot.ops.cli import main

main()
