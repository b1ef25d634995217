"""The Linux desktop entry, its icons, and the per-user script that installs them."""

from __future__ import annotations

import configparser
import os
import shutil
import stat
import struct
import subprocess
from pathlib import Path

import pytest
from PySide6.QtGui import QColor, QImage

import guide
from tests.packaging.conftest import PACKAGING

DESKTOP = PACKAGING / "linux" / "clinical-academic-guide.desktop"
SCRIPT = PACKAGING / "linux" / "install-desktop-entry.sh"
ICONS = PACKAGING / "icons"
ICO = PACKAGING / "windows" / "ClinicalAcademicGuide.ico"
TEAL = QColor("#0b5d5e")


def read_entry(path: Path) -> dict[str, str]:
    parser = configparser.ConfigParser(interpolation=None, strict=True)
    parser.optionxform = str  # type: ignore[assignment,method-assign]  # keys are case-sensitive
    parser.read_string(path.read_text(encoding="utf-8"))
    assert parser.sections() == ["Desktop Entry"]
    return dict(parser["Desktop Entry"])


def validate(path: Path) -> None:
    tool = shutil.which("desktop-file-validate")
    if tool is None:
        return  # the structural checks in the tests still ran
    result = subprocess.run([tool, str(path)], capture_output=True, text=True)
    assert result.returncode == 0 and not result.stdout.strip(), result.stdout + result.stderr


def test_desktop_entry_launches_the_bundle_with_its_icon() -> None:
    entry = read_entry(DESKTOP)
    assert entry["Type"] == "Application"
    assert entry["Name"] == guide.APP_NAME
    assert entry["Exec"] == entry["TryExec"] == guide.APP_SLUG
    assert entry["Terminal"] == "false"
    assert entry["Categories"].endswith(";") and "Education;" in entry["Categories"]
    assert (ICONS / f"{entry['Icon']}-256.png").is_file()
    assert "NHS" not in entry["Name"] + entry.get("GenericName", "")
    validate(DESKTOP)


@pytest.mark.parametrize("png", sorted(ICONS.glob("*.png")), ids=lambda p: p.name)
def test_icon_png_is_the_size_its_name_says_and_shows_the_teal_tile(png: Path) -> None:
    size = int(png.stem.rsplit("-", 1)[1])
    image = QImage(str(png))
    assert (image.width(), image.height()) == (size, size)
    assert image.hasAlphaChannel()
    assert image.pixelColor(0, 0).alpha() == 0  # rounded corner: transparent
    # Near the left edge, halfway down: the tile, away from the path and the dots.
    tile = image.pixelColor(max(2, size // 10), size // 2)
    assert abs(tile.red() - TEAL.red()) + abs(tile.green() - TEAL.green()) < 24


def test_windows_icon_holds_one_png_per_size_up_to_256() -> None:
    data = ICO.read_bytes()
    reserved, kind, count = struct.unpack_from("<HHH", data)
    assert (reserved, kind) == (0, 1) and count >= 6
    sizes = []
    for i in range(count):
        width, height, _, _, planes, bits, length, offset = struct.unpack_from(
            "<BBBBHHII", data, 6 + 16 * i
        )
        image = QImage.fromData(data[offset : offset + length], "PNG")
        side = width or 256
        assert (image.width(), image.height()) == (side, height or 256)
        assert (planes, bits) == (1, 32)
        sizes.append(side)
    assert {16, 32, 48, 256} <= set(sizes)


def _fake_unpacked_folder(folder: Path) -> Path:
    folder.mkdir(parents=True)
    exe = folder / guide.APP_SLUG
    exe.write_text("#!/bin/sh\nexit 0\n")
    exe.chmod(0o755)
    shutil.copy(DESKTOP, folder / DESKTOP.name)
    shutil.copy(SCRIPT, folder / SCRIPT.name)
    for size in (48, 256):
        target = folder / "icons" / "hicolor" / f"{size}x{size}" / "apps"
        target.mkdir(parents=True)
        shutil.copy(
            ICONS / f"clinical-academic-guide-{size}.png", target / "clinical-academic-guide.png"
        )
    return folder


@pytest.mark.skipif(shutil.which("sh") is None, reason="needs a POSIX shell")
def test_install_script_adds_a_menu_entry_for_this_user_and_removes_it(tmp_path: Path) -> None:
    folder = _fake_unpacked_folder(tmp_path / "My Apps" / guide.APP_SLUG)
    data_home = tmp_path / "share"
    env = {**os.environ, "XDG_DATA_HOME": str(data_home), "HOME": str(tmp_path)}
    run = subprocess.run(["sh", str(folder / SCRIPT.name)], env=env, capture_output=True, text=True)
    assert run.returncode == 0, run.stderr

    installed = data_home / "applications" / DESKTOP.name
    entry = read_entry(installed)
    exe = folder / guide.APP_SLUG
    assert entry["Exec"] == f'"{exe}"'  # quoted: the folder name has a space
    assert entry["TryExec"] == str(exe)
    assert entry["Name"] == guide.APP_NAME
    validate(installed)
    icon = data_home / "icons" / "hicolor" / "256x256" / "apps" / "clinical-academic-guide.png"
    assert icon.read_bytes() == (ICONS / "clinical-academic-guide-256.png").read_bytes()

    removed = subprocess.run(
        ["sh", str(folder / SCRIPT.name), "--remove"], env=env, capture_output=True, text=True
    )
    assert removed.returncode == 0
    assert not installed.exists() and not icon.exists()


def test_install_script_refuses_to_run_away_from_the_program(tmp_path: Path) -> None:
    lonely = tmp_path / "elsewhere"
    lonely.mkdir()
    shutil.copy(SCRIPT, lonely / SCRIPT.name)
    env = {**os.environ, "XDG_DATA_HOME": str(tmp_path / "share")}
    run = subprocess.run(["sh", str(lonely / SCRIPT.name)], env=env, capture_output=True, text=True)
    assert run.returncode == 1 and "unpacked folder" in run.stderr
    assert not (tmp_path / "share" / "applications").exists()


def test_install_script_is_executable_in_the_repository() -> None:
    assert SCRIPT.stat().st_mode & stat.S_IXUSR
