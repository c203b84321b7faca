"""`python -m bot.engine.rasa_main run …`: Rasa's own command line, with the project's speed-ups
installed in the process first (see bot.engine.action_reply). The launcher starts Rasa this way."""
from __future__ import annotations


def main() -> None:
    """Install the patches, then run Rasa's CLI on sys.argv as `python -m rasa` would."""
    from bot.engine.action_reply import install
    install()
    from rasa.__main__ import main as rasa_main
    rasa_main()


if __name__ == "__main__":
    main()
