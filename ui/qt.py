"""The one place that names the Qt binding (PySide6).

Everything under ``ui/`` imports Qt names from here, so that the binding, and the set of Qt
names the app depends on, are visible in one file. Keep it a flat, explicit list; append what
you need (several engineers edit it: keep edits small and sorted within each group).

Names are looked up on first use (PEP 562 ``__getattr__``): PySide6 builds each class's Python
type when it is first touched, and the Qt modules only letters need (QtPdf, QtPrintSupport) are
not loaded at all until then; together that is a sizeable share of the GUI's start-up time.
"""

from __future__ import annotations

from importlib import import_module

_NAMES = {
    "QtCore": (
        "QAbstractItemModel",
        "QAbstractListModel",
        "QAbstractTableModel",
        "QByteArray",
        "QDate",
        "QDateTime",
        "QElapsedTimer",
        "QEvent",
        "QItemSelectionModel",
        "QLocale",
        "QMargins",
        "QModelIndex",
        "QObject",
        "QPersistentModelIndex",
        "QPoint",
        "QRect",
        "QRegularExpression",
        "QSettings",
        "QSize",
        "QSortFilterProxyModel",
        "QStandardPaths",
        "Qt",
        "QThread",
        "QTime",
        "QTimer",
        "QUrl",
        "Signal",
        "Slot",
    ),
    "QtGui": (
        "QAction",
        "QActionGroup",
        "QBrush",
        "QCloseEvent",
        "QColor",
        "QDesktopServices",
        "QFont",
        "QFontMetrics",
        "QGuiApplication",
        "QIcon",
        "QKeySequence",
        "QPageSize",
        "QPainter",
        "QPalette",
        "QPen",
        "QPixmap",
        "QRegularExpressionValidator",
        "QShortcut",
        "QStandardItem",
        "QStandardItemModel",
        "QTextCharFormat",
        "QTextCursor",
        "QTextDocument",
        "QTextOption",
        "QUndoCommand",
        "QUndoStack",
        "QValidator",
    ),
    "QtNetwork": (
        "QLocalServer",
        "QLocalSocket",
    ),
    "QtPdf": (
        "QPdfDocument",
        "QPdfPageNavigator",
    ),
    "QtPdfWidgets": (
        "QPdfView",
    ),
    "QtPrintSupport": (
        "QPrintDialog",
        "QPrinter",
    ),
    "QtWidgets": (
        "QAbstractItemView",
        "QApplication",
        "QButtonGroup",
        "QCalendarWidget",
        "QCheckBox",
        "QComboBox",
        "QDateEdit",
        "QDateTimeEdit",
        "QDialog",
        "QDialogButtonBox",
        "QDockWidget",
        "QDoubleSpinBox",
        "QFileDialog",
        "QFormLayout",
        "QFrame",
        "QGridLayout",
        "QGroupBox",
        "QHBoxLayout",
        "QHeaderView",
        "QLabel",
        "QLineEdit",
        "QListWidget",
        "QListWidgetItem",
        "QMainWindow",
        "QMenu",
        "QMenuBar",
        "QMessageBox",
        "QPlainTextEdit",
        "QProgressBar",
        "QProgressDialog",
        "QPushButton",
        "QRadioButton",
        "QScrollArea",
        "QSizePolicy",
        "QSpinBox",
        "QSplitter",
        "QStackedWidget",
        "QStatusBar",
        "QStyle",
        "QSystemTrayIcon",
        "QTableView",
        "QTableWidget",
        "QTableWidgetItem",
        "QTabWidget",
        "QTextBrowser",
        "QTextEdit",
        "QTimeEdit",
        "QToolBar",
        "QToolButton",
        "QTreeWidget",
        "QTreeWidgetItem",
        "QVBoxLayout",
        "QWidget",
        "QWidgetAction",
    ),
}
_MODULE_OF = {name: module for module, names in _NAMES.items() for name in names}

__all__ = sorted(_MODULE_OF)


def __getattr__(name: str):
    module = _MODULE_OF.get(name)
    if module is None:
        raise AttributeError(f"module {__name__!r} has no attribute {name!r} (add it to ui/qt.py)")
    value = getattr(import_module(f"PySide6.{module}"), name)
    globals()[name] = value  # later look-ups skip this function
    return value


def __dir__() -> list[str]:
    return sorted([*globals(), *_MODULE_OF])
