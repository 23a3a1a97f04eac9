"""Dialogs that record or edit one thing; they validate as you type and never write on refusal."""
