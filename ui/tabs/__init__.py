"""One module per tab of the main window; each defines ``class XTab(QWidget)`` with ``title``."""
