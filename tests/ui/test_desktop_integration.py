"""Linux desktop integration: the menu entry, the icon, the .rradeal file type (by name and by
the SQLite application id) and one running instance that opens what the file manager hands it."""

from __future__ import annotations

import configparser
import uuid
import xml.etree.ElementTree as ET
from pathlib import Path

import pytest

from rra_desktop.resources import resource
from rra_desktop.sample import load_sample_deal
from rra_desktop.store import DealStore
from rra_desktop.store.file_checks import APPLICATION_ID
from ui.app import app_icon, open_handed_over
from ui.single_instance import InstanceServer, hand_over

ROOT = Path(__file__).resolve().parents[2]
MIME = "{http://www.freedesktop.org/standards/shared-mime-info}"


def test_desktop_entry_opens_deal_files_with_the_icon():
    entry = configparser.ConfigParser(interpolation=None)
    entry.optionxform = str
    entry.read(ROOT / "packaging" / "linux" / "rra-desk.desktop", encoding="utf-8")
    desk = entry["Desktop Entry"]
    assert desk["Type"] == "Application" and desk["Exec"] == "rra-desktop %f"
    assert desk["MimeType"] == "application/x-rradeal;" and desk["Icon"] == "rra-desk"
    assert desk["StartupWMClass"] == "RRA Desk"
    for px in (16, 32, 48, 64, 128, 256, 512):
        assert resource("icons", f"rra-desk-{px}.png").is_file()


def test_the_mime_magic_is_the_deal_files_application_id(tmp_path):
    root = ET.parse(ROOT / "packaging" / "linux" / "rra-desk-mime.xml").getroot()
    kind = root.find(f"{MIME}mime-type")
    assert kind.get("type") == "application/x-rradeal" and kind.find(f"{MIME}glob").get("pattern") == "*.rradeal"
    outer = kind.find(f"{MIME}magic/{MIME}match")
    inner = outer.find(f"{MIME}match")
    path = tmp_path / "renamed-without-extension"
    DealStore.create(path, load_sample_deal()).close()
    head = path.read_bytes()[:100]
    assert head.startswith(outer.get("value").encode("ascii")) and outer.get("offset") == "0"
    offset = int(inner.get("offset"))
    assert inner.get("type") == "big32" and int(inner.get("value"), 16) == APPLICATION_ID
    assert int.from_bytes(head[offset:offset + 4], "big") == APPLICATION_ID


def test_window_and_tray_use_the_application_icon(qtbot):
    icon = app_icon()
    assert not icon.isNull() and {s.width() for s in icon.availableSizes()} >= {16, 32, 256}


def test_a_second_start_hands_its_file_to_the_running_instance(qtbot, tmp_path):
    received = []
    name = f"rra-desk-test-{uuid.uuid4().hex[:8]}"
    server = InstanceServer(received.append, name=name)
    try:
        assert server.listening
        assert hand_over(str(tmp_path / "deal.rradeal"), name=name)
        qtbot.waitUntil(lambda: len(received) == 1, timeout=3000)
        assert received == [str((tmp_path / "deal.rradeal").resolve())]
        assert hand_over(None, name=name)
        qtbot.waitUntil(lambda: len(received) == 2, timeout=3000)
        assert received[1] is None  # just raise the window
    finally:
        server.close()
    assert not hand_over("x", name=name)  # nobody listening: this start opens its own window


@pytest.mark.qt_log_ignore("This plugin does not support")  # offscreen Qt: no window manager
def test_the_handed_over_deal_opens_in_the_running_window(qtbot, window, tmp_path):
    other = tmp_path / "other.rradeal"
    DealStore.create(other, load_sample_deal()).close()
    open_handed_over(window, str(other))
    qtbot.waitUntil(lambda: Path(window.context.store.path) == other, timeout=5000)
    open_handed_over(window, str(other))  # the deal already open: only raised
    assert Path(window.context.store.path) == other
