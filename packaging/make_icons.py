"""Render ``resources/icons/app.svg`` to the PNG and ICO files the installers need.

Run after changing the SVG, and commit the results:

    QT_QPA_PLATFORM=offscreen .venv/bin/python packaging/make_icons.py

Writes ``packaging/icons/clinical-academic-guide-<N>.png`` (Linux desktop menus, hicolor sizes)
and ``packaging/windows/ClinicalAcademicGuide.ico`` (exe and installer icon). The ICO holds one
PNG-compressed image per size, which Windows Vista and later read; building it here avoids
needing Pillow or ImageMagick.
"""

from __future__ import annotations

import os
import struct
import sys
from pathlib import Path

from PySide6.QtCore import QBuffer, QByteArray, QIODevice, Qt
from PySide6.QtGui import QGuiApplication, QImage, QPainter
from PySide6.QtSvg import QSvgRenderer

ROOT = Path(__file__).resolve().parent.parent
SVG = ROOT / "resources" / "icons" / "app.svg"
PNG_DIR = ROOT / "packaging" / "icons"
ICO = ROOT / "packaging" / "windows" / "ClinicalAcademicGuide.ico"
ICON_NAME = "clinical-academic-guide"
PNG_SIZES = (16, 24, 32, 48, 64, 128, 256, 512)
ICO_SIZES = (16, 20, 24, 32, 40, 48, 64, 256)  # Explorer, taskbar and Start at 100-250 % scaling


def render_png(renderer: QSvgRenderer, size: int) -> bytes:
    image = QImage(size, size, QImage.Format.Format_ARGB32_Premultiplied)
    image.fill(Qt.GlobalColor.transparent)
    painter = QPainter(image)
    painter.setRenderHint(QPainter.RenderHint.Antialiasing)
    renderer.render(painter)
    painter.end()
    data = QByteArray()
    buffer = QBuffer(data)
    buffer.open(QIODevice.OpenModeFlag.WriteOnly)
    if not image.save(buffer, "PNG"):
        raise RuntimeError(f"could not encode the {size}px PNG")
    return bytes(data.data())


def ico_bytes(images: dict[int, bytes]) -> bytes:
    """An ICO file with one PNG entry per size (ICONDIR, ICONDIRENTRY table, then the data)."""
    header = struct.pack("<HHH", 0, 1, len(images))
    offset = len(header) + 16 * len(images)
    entries, blobs = b"", b""
    for size, png in sorted(images.items()):
        side = 0 if size >= 256 else size  # 0 means 256 in an ICONDIRENTRY
        entries += struct.pack("<BBBBHHII", side, side, 0, 0, 1, 32, len(png), offset)
        blobs += png
        offset += len(png)
    return header + entries + blobs


def main() -> int:
    os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
    app = QGuiApplication.instance() or QGuiApplication(sys.argv[:1])
    renderer = QSvgRenderer(str(SVG))
    if not renderer.isValid():
        print(f"cannot read {SVG}", file=sys.stderr)
        return 1
    PNG_DIR.mkdir(parents=True, exist_ok=True)
    for size in PNG_SIZES:
        (PNG_DIR / f"{ICON_NAME}-{size}.png").write_bytes(render_png(renderer, size))
    ICO.write_bytes(ico_bytes({size: render_png(renderer, size) for size in ICO_SIZES}))
    print(f"wrote {len(PNG_SIZES)} PNGs to {PNG_DIR.relative_to(ROOT)} and {ICO.relative_to(ROOT)}")
    del app
    return 0


if __name__ == "__main__":
    sys.exit(main())
