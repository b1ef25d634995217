"""The content cache: a hit gives the very model a full load gives; anything else is a full load."""

from __future__ import annotations

import os
import pickle
import sys
import zlib
from pathlib import Path

import pytest

from guide.content import ContentModel, digests, load_content
from guide.content import cache as content_cache
from guide.content import loader as content_loader
from guide.content.cache import (
    MAGIC,
    CacheError,
    cache_path,
    code_key,
    content_key,
    default_cache_folder,
    load_cached,
    read_cache,
)
from guide.paths import bundled_data_dir
from tests.conftest import WriteFile

PAGE = """
---
id: local-page
kind: page
title: A local page
last_reviewed: 2026-01-01
next_review: 2027-01-01
---
Local text, linking to the [overview](overview).
"""


def _same(a: ContentModel, b: ContentModel) -> None:
    assert list(a.items) == list(b.items)
    assert dict(a.items) == dict(b.items)
    assert a.problems == b.problems
    assert a.roots == b.roots
    assert a.checklist_stages == b.checklist_stages
    assert dict(a.extras) == dict(b.extras)


def _changed_since_cached(model: ContentModel) -> bool:
    """What the app's check after the first paint finds for a model read from the cache."""
    check = digests.recheck_for(model)
    assert check is not None
    return bool(digests.changed_files(check))


def _no_full_load(monkeypatch: pytest.MonkeyPatch) -> None:
    def refuse(roots: object) -> ContentModel:
        raise AssertionError("the cache was fresh, yet the content was loaded again")

    monkeypatch.setattr(content_loader, "load_content", refuse)


def test_a_fresh_cache_gives_the_same_model_without_loading_again(
    tmp_path: Path, shipped_model: ContentModel, monkeypatch: pytest.MonkeyPatch
) -> None:
    roots = [bundled_data_dir()]
    first = load_cached(roots, tmp_path / "cache")
    _same(first, shipped_model)
    _no_full_load(monkeypatch)
    second = load_cached(roots, tmp_path / "cache")
    _same(second, shipped_model)
    assert second.extras["pathway"] == shipped_model.extras["pathway"]


def test_editing_a_content_file_makes_the_cache_stale(
    tmp_path: Path, content_dir: tuple[Path, WriteFile]
) -> None:
    root, write = content_dir
    page = write("local.md", PAGE)
    roots = [bundled_data_dir(), root]
    folder = tmp_path / "cache"
    assert load_cached(roots, folder).get("local-page").title == "A local page"
    page.write_text(page.read_text().replace("A local page", "A renamed page"))
    model = load_cached(roots, folder)
    assert model.get("local-page").title == "A renamed page"
    _same(model, load_content(roots))


def test_a_start_that_trusts_the_cache_learns_afterwards_that_a_file_changed(
    tmp_path: Path, content_dir: tuple[Path, WriteFile], monkeypatch: pytest.MonkeyPatch
) -> None:
    root, write = content_dir
    page = write("local.md", PAGE)
    roots = [bundled_data_dir(), root]
    folder = tmp_path / "cache"
    load_cached(roots, folder)
    trusted = load_cached(roots, folder, check_files=False)
    assert not _changed_since_cached(trusted)
    page.write_text(page.read_text().replace("A local page", "A renamed page"))
    with monkeypatch.context() as patched:
        _no_full_load(patched)  # trusted: the files are not looked at
        trusted = load_cached(roots, folder, check_files=False)
    assert trusted.get("local-page").title == "A local page"
    assert _changed_since_cached(trusted)
    check = digests.recheck_for(trusted)
    fresh = digests.reread(check, trusted, digests.changed_files(check))  # as the app does
    assert fresh.model.get("local-page").title == "A renamed page"
    assert digests.remember(check, fresh)
    assert not _changed_since_cached(load_cached(roots, folder, check_files=False))


def test_a_page_added_or_removed_since_the_cache_is_noticed_afterwards(
    tmp_path: Path, content_dir: tuple[Path, WriteFile]
) -> None:
    root, write = content_dir
    roots = [bundled_data_dir(), root]
    folder = tmp_path / "cache"
    load_cached(roots, folder)
    page = write("local.md", PAGE)
    assert _changed_since_cached(load_cached(roots, folder, check_files=False))
    load_cached(roots, folder)
    page.unlink()
    assert _changed_since_cached(load_cached(roots, folder, check_files=False))


def test_adding_and_removing_files_makes_the_cache_stale(
    tmp_path: Path, content_dir: tuple[Path, WriteFile]
) -> None:
    root, write = content_dir
    roots = [bundled_data_dir(), root]
    folder = tmp_path / "cache"
    assert "local-page" not in load_cached(roots, folder)
    page = write("local.md", PAGE)
    assert "local-page" in load_cached(roots, folder)
    page.unlink()
    assert "local-page" not in load_cached(roots, folder)


def test_a_page_in_a_nested_folder_is_part_of_the_key(
    tmp_path: Path, content_dir: tuple[Path, WriteFile]
) -> None:
    root, write = content_dir
    page = write("deep/er/local.md", PAGE)
    roots = [bundled_data_dir(), root]
    before = content_key(roots)
    assert load_cached(roots, tmp_path / "cache").get("local-page").title == "A local page"
    page.write_text(page.read_text().replace("2027-01-01", "2027-02-01"))  # same size
    assert content_key(roots) != before
    model = load_cached(roots, tmp_path / "cache")
    assert str(model.get("local-page").next_review) == "2027-02-01"


def test_content_problems_are_kept_in_the_cache(
    tmp_path: Path, content_dir: tuple[Path, WriteFile], monkeypatch: pytest.MonkeyPatch
) -> None:
    root, write = content_dir
    write("bad.md", PAGE.replace("(overview)", "(no-such-page)"))
    roots = [bundled_data_dir(), root]
    expected = load_content(roots)
    assert any("no-such-page" in p.message for p in expected.problems)
    load_cached(roots, tmp_path / "cache")
    _no_full_load(monkeypatch)
    _same(load_cached(roots, tmp_path / "cache"), expected)


@pytest.mark.parametrize(
    "damage",
    [
        lambda data: b"",
        lambda data: b"not a cache at all",
        lambda data: data[: len(data) // 2],
        lambda data: data[:-40] + b"\xff" * 40,
        lambda data: data.replace(b"overview", b"overviex", 1),
    ],
    ids=["empty", "garbage", "truncated", "corrupt-tail", "changed-bytes"],
)
def test_a_damaged_cache_is_rebuilt(
    tmp_path: Path, shipped_model: ContentModel, damage: object
) -> None:
    roots = [bundled_data_dir()]
    folder = tmp_path / "cache"
    load_cached(roots, folder)
    path = cache_path(folder, roots)
    path.write_bytes(damage(path.read_bytes()))  # type: ignore[operator]
    with pytest.raises(CacheError):
        read_cache(path, code_key(roots), tuple(roots))
    _same(load_cached(roots, folder), shipped_model)
    # ...and the damaged file was replaced by a good one.
    _same(read_cache(path, code_key(roots), tuple(roots)), shipped_model)


def test_a_cache_that_would_run_code_is_refused(tmp_path: Path) -> None:
    roots = (bundled_data_dir(),)
    folder = tmp_path / "cache"
    marker = tmp_path / "ran"

    class Evil:
        def __reduce__(self) -> tuple[object, tuple[str]]:
            return (os.system, (f"touch {marker}",))

    path = cache_path(folder, roots)
    folder.mkdir()
    key = code_key(roots)
    payload = pickle.dumps((Evil(), {}))
    checksum = zlib.crc32(payload).to_bytes(4, "big")  # a valid sum: the unpickler must refuse
    path.write_bytes(MAGIC + key.encode() + b"\n" + checksum + payload)
    with pytest.raises(CacheError, match="system"):
        read_cache(path, key, roots)
    model = load_cached(roots, folder)
    assert not marker.exists()
    assert "overview" in model


def test_a_cache_for_other_folders_is_not_used(tmp_path: Path) -> None:
    roots = (bundled_data_dir(),)
    folder = tmp_path / "cache"
    load_cached(roots, folder)
    other = tmp_path / "elsewhere"
    other.mkdir()
    path = cache_path(folder, roots)
    with pytest.raises(CacheError):
        read_cache(path, code_key(roots), (bundled_data_dir(), other))
    assert cache_path(folder, (bundled_data_dir(), other)) != path


def test_an_unwritable_cache_folder_still_loads(
    tmp_path: Path, shipped_model: ContentModel
) -> None:
    blocker = tmp_path / "cache"
    blocker.write_text("a file where the cache folder should be")
    _same(load_cached([bundled_data_dir()], blocker), shipped_model)
    _same(load_cached([bundled_data_dir()], None), shipped_model)


def test_a_failed_write_leaves_no_temporary_files(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    folder = tmp_path / "cache"

    def fail(src: object, dst: object) -> None:
        raise OSError("disk full")

    monkeypatch.setattr(content_cache.os, "replace", fail)
    assert "overview" in load_cached([bundled_data_dir()], folder)
    assert list(folder.iterdir()) == []


def test_the_cache_lives_in_the_users_folder_not_beside_the_content(
    isolated_home: Path,
) -> None:
    folder = default_cache_folder()
    assert folder == isolated_home.resolve() / "cache"
    load_cached([bundled_data_dir()], folder)
    assert any(folder.iterdir())
    assert not list(bundled_data_dir().rglob("*.cache"))
    assert default_cache_folder(isolated_home / "other") == (isolated_home / "other/cache")


def test_without_a_chosen_home_the_cache_uses_the_systems_cache_folder(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    monkeypatch.delenv("GUIDE_HOME")
    monkeypatch.setattr("guide.paths.portable_home", lambda: None)
    folder = default_cache_folder()
    assert "ClinicalAcademicGuide" in str(folder)
    assert bundled_data_dir() not in folder.parents


def test_a_hit_does_not_import_the_yaml_parser(tmp_path: Path) -> None:
    import subprocess

    folder = tmp_path / "cache"
    load_cached([bundled_data_dir()], folder)
    probe = (
        "import sys; from pathlib import Path; from guide.content.cache import load_cached;"
        "from guide.paths import bundled_data_dir;"
        f"m = load_cached([bundled_data_dir()], Path({str(folder)!r}));"
        "assert 'overview' in m; print('yaml' in sys.modules, 'guide.content.loader' in sys.modules)"
    )
    out = subprocess.run([sys.executable, "-c", probe], capture_output=True, text=True, check=True)
    assert out.stdout.split() == ["False", "False"]


def _globals_named(data: bytes) -> set[tuple[str, str]]:
    """Every (module, name) a pickle asks the cache's own unpickler for."""
    import io

    named: set[tuple[str, str]] = set()

    class Recording(content_cache._Unpickler):
        def find_class(self, module: str, name: str) -> object:
            named.add((module, name))
            return super().find_class(module, name)

    Recording(io.BytesIO(data)).load()
    return named


def test_the_cache_stores_folders_as_text_so_any_python_can_read_it(tmp_path: Path) -> None:
    # Python 3.13 moved PosixPath to pathlib._local: a pickled Path named a class the
    # restricted unpickler refused, so the cache never hit. Roots are now plain strings.
    roots = (bundled_data_dir(),)
    folder = tmp_path / "cache"
    load_cached(roots, folder)
    data = cache_path(folder, roots).read_bytes()
    header = MAGIC + code_key(roots).encode() + b"\n"
    named = _globals_named(data[len(header) + content_cache._SUM :])
    assert not [module for module, _name in named if module.startswith("pathlib")]
    assert named <= content_cache._ALLOWED
    assert read_cache(cache_path(folder, roots), code_key(roots), roots).roots == roots


def test_an_edited_code_file_gives_caches_a_new_key(tmp_path: Path, monkeypatch) -> None:
    # A copy of the package's files the key reads, so the test can edit one.
    package = tmp_path / "guide"
    (package / "content").mkdir(parents=True)
    (package / "content" / "loader.py").write_text("x = 1\n", encoding="utf-8")
    (package / "__init__.py").write_text("", encoding="utf-8")
    monkeypatch.setattr(content_cache, "__file__", str(package / "content" / "cache.py"))
    roots = (tmp_path / "data",)
    before = code_key(roots)
    assert code_key(roots) == before  # nothing changed: the same key
    loader = package / "content" / "loader.py"
    loader.write_text("x = 22\n", encoding="utf-8")
    stat = loader.stat()
    os.utime(loader, ns=(stat.st_atime_ns, stat.st_mtime_ns + 1_000_000_000))
    assert code_key(roots) != before
