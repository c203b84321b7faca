"""Operations: the command line, starting the services, training the model when needed, held-out
and real-question scoring, mutation testing."""
