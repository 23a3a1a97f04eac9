"""Thin table models: ``COL_*`` constants, ``SORT_ROLE`` with native values, one ``set_rows()``."""
