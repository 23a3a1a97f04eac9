"""Letter dialogs: prepare a notice (one or a batch), preview it, print it."""
