"""Alembic environment for deal files: always run programmatically on a connection the store
gives it (``config.attributes["connection"]``); there is no alembic.ini."""

from alembic import context

from rra_desktop.store.tables import Base

connection = context.config.attributes["connection"]
context.configure(connection=connection, target_metadata=Base.metadata, render_as_batch=True)
with context.begin_transaction():
    context.run_migrations()
