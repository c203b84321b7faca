"""The content pipeline: answers and their schema, catalogs, checks against the sources, review,
reports, and the publish step that compiles the bundle parents are served."""
