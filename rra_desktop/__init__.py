"""RRA Desk: the Qt-free core (domain rules, deal store, services, command line)."""

__version__ = "0.1.0"
