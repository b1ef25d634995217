"""Shared fixtures: the shipped content, temporary content roots, an isolated user home."""

from __future__ import annotations

import gc
import os
import textwrap
from collections.abc import Callable, Iterable, Iterator
from pathlib import Path

import pytest
from hypothesis import HealthCheck, settings

from guide.content import ContentModel, freshness, load_content
from guide.paths import bundled_data_dir
from guide.ui.collector import collect_if_due

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

# `make test` runs a quick profile; `make fuzz` runs the long one (HYPOTHESIS_PROFILE=fuzz).
settings.register_profile(
    "default", max_examples=60, deadline=None, suppress_health_check=[HealthCheck.too_slow]
)
settings.register_profile(
    "fuzz", max_examples=5000, deadline=None, suppress_health_check=list(HealthCheck)
)
settings.load_profile(os.environ.get("HYPOTHESIS_PROFILE", "default"))


@pytest.fixture(scope="session", autouse=True)
def collect_garbage_on_the_main_thread_only() -> Iterator[None]:
    """As in the app (guide.ui.collector): Python code runs on worker threads (the search
    index, folder probes), and a collection there could free Qt objects off the GUI
    thread. Automatic collection is off for the session; each test's end collects."""
    gc.disable()
    yield
    gc.enable()


@pytest.fixture(autouse=True)
def collect_after_each_test() -> Iterator[None]:
    yield
    collect_if_due()


@pytest.fixture(autouse=True)
def isolated_home(
    tmp_path_factory: pytest.TempPathFactory, monkeypatch: pytest.MonkeyPatch
) -> Path:
    """Every test gets its own user data folder; nothing touches the real profile."""
    home = tmp_path_factory.mktemp("home")
    monkeypatch.setenv("GUIDE_HOME", str(home))
    return home


@pytest.fixture(scope="session")
def shipped_model() -> ContentModel:
    return load_content([bundled_data_dir()])


WriteFile = Callable[[str, str], Path]


@pytest.fixture
def content_dir(tmp_path: Path) -> tuple[Path, WriteFile]:
    """An empty extra content root and a helper that writes dedented files into it."""
    root = tmp_path / "content"
    root.mkdir()

    def write(name: str, text: str) -> Path:
        path = root / name
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_text(textwrap.dedent(text).lstrip("\n"), encoding="utf-8")
        return path

    return root, write


@pytest.fixture
def windows_file_times(monkeypatch: pytest.MonkeyPatch) -> None:
    """File times as on Windows, where the "change time" is the creation time: rewriting a
    file and setting its modification time back leaves its size and times as they were."""
    real = freshness.scan

    def scan(roots: Iterable[Path]) -> dict[str, freshness.Stat]:
        return {name: (s[0], s[1], 0, s[3]) for name, s in real(roots).items()}

    monkeypatch.setattr(freshness, "scan", scan)
