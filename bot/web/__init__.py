"""The web surfaces: our server for parents (website, kiosk, embed), request rules, server-
rendered pages, and Rasa's REST channel with input checks; the counsellor console is in
console/."""
