"""The agreement's rules: pure functions over the frozen dataclasses in ``model``."""
