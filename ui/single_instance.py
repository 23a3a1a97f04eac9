"""One RRA Desk per user session: a deal opened from the file manager while the app runs opens
in the running window (as Anki and Picard do it), not in a second process that would find the
file locked and offer it read-only.

The first instance listens on a local socket (``QLocalServer``) named for the user; a later
start connects, sends the deal file's absolute path and exits. The running window raises
itself and opens the file (``file_actions.switch_to``). A stale socket left by a crash is
removed and listened on again.
"""

from __future__ import annotations

import getpass
import hashlib
from collections.abc import Callable
from pathlib import Path

from ui.qt import QLocalServer, QLocalSocket, QObject

CONNECT_MS = 500


def server_name() -> str:
    """The socket's name: one per user (a short hash, as socket names have a length limit)."""
    return "rra-desk-" + hashlib.sha256(getpass.getuser().encode("utf-8")).hexdigest()[:12]


def hand_over(path: str | None, name: str | None = None) -> bool:
    """Give ``path`` (None: just raise the window) to a running instance; True if one took it."""
    socket = QLocalSocket()
    socket.connectToServer(name or server_name())
    if not socket.waitForConnected(CONNECT_MS):
        return False
    message = str(Path(path).resolve()) if path else ""
    socket.write(message.encode("utf-8") + b"\n")
    socket.flush()
    socket.waitForBytesWritten(CONNECT_MS)
    socket.disconnectFromServer()
    return True


class InstanceServer(QObject):
    """Listens for later starts; ``on_open(path or None)`` runs for each message."""

    def __init__(self, on_open: Callable[[str | None], None], name: str | None = None, parent=None) -> None:
        super().__init__(parent)
        self.on_open = on_open
        self.name = name or server_name()
        self.server = QLocalServer(self)
        self.server.setSocketOptions(QLocalServer.SocketOption.UserAccessOption)
        if not self.server.listen(self.name):
            QLocalServer.removeServer(self.name)  # a stale socket from a crashed instance
            self.server.listen(self.name)
        self.server.newConnection.connect(self._accept)

    @property
    def listening(self) -> bool:
        return self.server.isListening()

    def _accept(self) -> None:
        while self.server.hasPendingConnections():
            socket = self.server.nextPendingConnection()
            socket.readyRead.connect(lambda s=socket: self._read(s))
            socket.disconnected.connect(socket.deleteLater)

    def _read(self, socket) -> None:
        if not socket.canReadLine():
            return
        text = bytes(socket.readLine()).decode("utf-8", "replace").strip()
        self.on_open(text or None)

    def close(self) -> None:
        self.server.close()
