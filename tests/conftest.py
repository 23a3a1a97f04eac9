"""Suite-wide settings. Deal files are written with ``synchronous = NORMAL`` here (see
``rra_desktop.store.deal_store.SYNCHRONOUS``): killed processes lose nothing either way, and
the tests that check the setting itself clear the variable."""

import os

os.environ.setdefault("RRA_DESK_SYNCHRONOUS", "NORMAL")
