"""The Linux tarball: one folder holding the bundle, the menu entry and icons, reproducibly."""

from __future__ import annotations

import tarfile
from pathlib import Path
from types import ModuleType

import pytest

from tests.packaging.conftest import PACKAGING, load_by_path

TOP = "ClinicalAcademicGuide"


@pytest.fixture(scope="module")
def maker() -> ModuleType:
    return load_by_path(PACKAGING / "linux" / "make_tarball.py")


@pytest.fixture
def bundle(tmp_path: Path) -> Path:
    """A stand-in for dist/ClinicalAcademicGuide with the shapes a real build has."""
    root = tmp_path / "dist" / TOP
    (root / "_internal" / "data" / "sections").mkdir(parents=True)
    exe = root / TOP
    exe.write_bytes(b"\x7fELF stand-in")
    exe.chmod(0o755)
    page = root / "_internal" / "data" / "sections" / "overview.md"
    page.write_text("---\nid: overview\n---\nHello\n")
    page.chmod(0o444)
    lib = root / "_internal" / "libQt6Core.so.6"
    lib.write_bytes(b"lib")
    (root / "_internal" / "libQt6Core.so").symlink_to("libQt6Core.so.6")
    return root


def test_tarball_unpacks_to_one_folder_with_program_menu_entry_and_icons(
    maker: ModuleType, bundle: Path, tmp_path: Path
) -> None:
    out = maker.write_tarball(bundle, tmp_path / "out" / "guide.tar.gz", mtime=1_700_000_000)
    with tarfile.open(out) as tar:
        members = {m.name: m for m in tar.getmembers()}
    names = list(members)
    assert names == sorted(names)
    assert all(n == TOP or n.startswith(TOP + "/") for n in names)
    for name in names:  # every parent folder is in the archive, so tools unpack it cleanly
        parent = name.rsplit("/", 1)[0]
        assert name == TOP or (parent in members and members[parent].isdir())

    assert members[f"{TOP}/{TOP}"].mode == 0o755
    assert members[f"{TOP}/_internal/data/sections/overview.md"].mode == 0o444  # read-only
    link = members[f"{TOP}/_internal/libQt6Core.so"]
    assert link.issym() and link.linkname == "libQt6Core.so.6"
    assert members[f"{TOP}/install-desktop-entry.sh"].mode & 0o111
    assert f"{TOP}/clinical-academic-guide.desktop" in members
    icon = f"{TOP}/icons/hicolor/256x256/apps/clinical-academic-guide.png"
    assert (
        members[icon].size
        == (PACKAGING / "icons" / "clinical-academic-guide-256.png").stat().st_size
    )
    assert {m.uid for m in members.values()} == {0}
    assert {m.mtime for m in members.values()} == {1_700_000_000}
    assert not out.with_name(out.name + ".partial").exists()


def test_tarball_is_byte_for_byte_reproducible(
    maker: ModuleType, bundle: Path, tmp_path: Path
) -> None:
    first = maker.write_tarball(bundle, tmp_path / "a.tar.gz", mtime=1)
    second = maker.write_tarball(bundle, tmp_path / "b.tar.gz", mtime=1)
    assert first.read_bytes() == second.read_bytes()


def test_tarball_refuses_a_missing_bundle(maker: ModuleType, tmp_path: Path) -> None:
    with pytest.raises(SystemExit, match="make bundle"):
        maker.write_tarball(tmp_path / "nothing", tmp_path / "x.tar.gz", mtime=0)
    assert not (tmp_path / "x.tar.gz").exists()
