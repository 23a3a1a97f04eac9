"""The PySide6 desktop GUI of RRA Desk. Only ``ui/qt.py`` names the Qt binding."""
