"""`python -m bot.engine.rasa_main run …`: Rasa's own command line, with the project's changes
installed in the process first: the speed-ups of bot.engine.action_reply (the action server's
reply checked by a validator built once), bot.engine.action_payload (only the current turn's
events sent to it), bot.engine.past_states (the dialogue states replayed once per event),
bot.engine.state_window (each policy given only the last states it looks at),
bot.engine.classifier_layout (the intent classifier's weights laid out for its product),
bot.engine.applied_events (the events that count, folded once per event),
bot.engine.tracker_copy (the tracker copied by its state before each action) and
bot.engine.debug_logs (debug-log arguments built only for debug logs),
and the loud tracker store errors of bot.engine.store_errors. The launcher starts Rasa this
way, for `run` only.

It needs none of our configuration: what Rasa must know (the action server, the tracker and
lock stores, the port) the launcher writes into its endpoints file and command line, from the
Config it was given (bot/ops/launcher.py); so nothing here reads the environment."""

from __future__ import annotations


def main() -> None:
    """Install the patches, then run Rasa's CLI on sys.argv as `python -m rasa` would."""
    from bot.engine import (
        action_payload,
        action_reply,
        applied_events,
        classifier_layout,
        debug_logs,
        past_states,
        state_window,
        store_errors,
        tracker_copy,
    )

    action_reply.install()
    action_payload.install()
    past_states.install()
    state_window.install()
    classifier_layout.install()
    applied_events.install()
    tracker_copy.install()
    debug_logs.install()
    store_errors.install()
    from rasa.__main__ import main as rasa_main

    rasa_main()


if __name__ == "__main__":
    main()
