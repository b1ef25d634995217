"""Portable mode: a marker beside the frozen program keeps user data beside it."""

from __future__ import annotations

import sys
import tempfile
from pathlib import Path

import pytest

from guide import paths


@pytest.fixture
def frozen_app(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    """Pretend to be the one-folder bundle at tmp_path/USB/ClinicalAcademicGuide/."""
    folder = tmp_path / "USB" / "ClinicalAcademicGuide"
    (folder / "_internal").mkdir(parents=True)
    monkeypatch.setattr(sys, "frozen", True, raising=False)
    monkeypatch.setattr(sys, "_MEIPASS", str(folder / "_internal"), raising=False)
    monkeypatch.setattr(sys, "executable", str(folder / "ClinicalAcademicGuide"))
    monkeypatch.delenv(paths.HOME_ENV, raising=False)
    monkeypatch.setattr(paths, "default_home", lambda: tmp_path / "AppData")
    return folder


def test_frozen_bundle_reads_content_from_internal_and_data_beside_the_exe(
    frozen_app: Path,
) -> None:
    assert paths.install_root() == frozen_app / "_internal"
    assert paths.bundled_data_dir() == frozen_app / "_internal" / "data"
    assert paths.executable_dir() == frozen_app.resolve()


def test_without_a_marker_data_goes_to_the_per_user_folder(
    frozen_app: Path, tmp_path: Path
) -> None:
    assert paths.portable_home() is None
    assert paths.user_home() == tmp_path / "AppData"


def test_an_empty_marker_puts_data_in_data_user_beside_the_program(frozen_app: Path) -> None:
    (frozen_app / paths.PORTABLE_MARKER).write_text("")
    home = paths.user_home()
    assert home == frozen_app.resolve() / "data-user"
    assert home.is_dir()


def test_marker_may_name_a_folder_relative_to_the_program(frozen_app: Path) -> None:
    (frozen_app / paths.PORTABLE_MARKER).write_text(
        "# where my progress lives, relative to this folder\n\n../Guide data\n"
    )
    home = paths.portable_home()
    assert home is not None
    assert home.resolve() == (frozen_app.parent / "Guide data").resolve()


@pytest.mark.parametrize("line", ["/home/me/guide", "C:\\Users\\me\\guide", "\\\\server\\share"])
def test_an_absolute_folder_in_the_marker_is_ignored_so_the_copy_stays_portable(
    frozen_app: Path, line: str
) -> None:
    marker = frozen_app / paths.PORTABLE_MARKER
    marker.write_text(line + "\n")
    assert paths.portable_folder_name(marker) == paths.PORTABLE_DATA
    assert paths.portable_home() == frozen_app.resolve() / "data-user"


def test_moving_the_folder_moves_the_data_with_it(
    frozen_app: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    (frozen_app / paths.PORTABLE_MARKER).write_text("")
    (paths.user_home() / "progress.json").write_text("{}")
    moved = tmp_path / "E-drive" / "ClinicalAcademicGuide"
    moved.parent.mkdir()
    frozen_app.rename(moved)
    monkeypatch.setattr(sys, "_MEIPASS", str(moved / "_internal"))
    monkeypatch.setattr(sys, "executable", str(moved / "ClinicalAcademicGuide"))
    assert (paths.user_home() / "progress.json").read_text() == "{}"


def test_a_data_folder_that_cannot_be_created_falls_back_to_the_per_user_folder(
    frozen_app: Path, tmp_path: Path
) -> None:
    (frozen_app / paths.PORTABLE_MARKER).write_text("")
    (frozen_app / "data-user").write_text("a file where the folder should be")
    assert paths.portable_home() is None
    assert paths.user_home() == tmp_path / "AppData"


def test_a_read_only_data_folder_falls_back_to_the_per_user_folder(
    frozen_app: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """A locked USB stick or read-only share: the write probe fails (simulated, since the
    tests may run as root, who can write anywhere)."""
    (frozen_app / paths.PORTABLE_MARKER).write_text("")

    def refuse(*args: object, **kwargs: object) -> None:
        raise PermissionError(13, "Read-only file system")

    monkeypatch.setattr(tempfile, "NamedTemporaryFile", refuse)
    assert paths.portable_home() is None
    assert paths.user_home() == tmp_path / "AppData"


def test_home_option_and_environment_win_over_portable_mode(
    frozen_app: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    (frozen_app / paths.PORTABLE_MARKER).write_text("")
    assert paths.user_home(tmp_path / "cli") == (tmp_path / "cli").resolve()
    monkeypatch.setenv(paths.HOME_ENV, str(tmp_path / "env"))
    assert paths.user_home() == (tmp_path / "env").resolve()
