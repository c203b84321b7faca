"""Rasa's engine as the project runs it: the entry point that installs our changes into Rasa's
process (rasa_main), the compiled action-reply check (action_reply), the current turn's events
only sent to the action server (action_payload), the dialogue states replayed once per event
(past_states), each policy given only the last states it looks at (state_window), the intent classifier's weights laid out for its product (classifier_layout), the events that count folded once per event (applied_events), the tracker
copied by its state before each action (tracker_copy) and the tracker store that reads only
new events (tracker_store). Depends on Rasa and the configuration only."""
