"""Bodies of a cached model stay in their own file until read, and a bad body file only
means reading the body from the content file instead."""

from __future__ import annotations

from pathlib import Path

from guide.content.cache import cache_path, load_cached
from guide.paths import bundled_data_dir


def _cached_twice(tmp_path: Path, roots):
    folder = tmp_path / "cache"
    load_cached(roots, folder)
    return load_cached(roots, folder), cache_path(folder, roots)


def test_a_cached_model_reads_each_body_only_when_asked(tmp_path, shipped_model):
    roots = [bundled_data_dir()]
    model, _ = _cached_twice(tmp_path, roots)
    item = model.get("pre-doctoral")
    assert "body" not in item.__dict__  # not read at start
    assert item.body == shipped_model.get("pre-doctoral").body
    assert "body" in item.__dict__  # read once, then kept
    assert "body" not in model.get("phd-or-md").__dict__


def test_a_damaged_body_file_falls_back_to_the_content_files(tmp_path, shipped_model):
    roots = [bundled_data_dir()]
    model, path = _cached_twice(tmp_path, roots)
    bodies = path.with_suffix(".bodies")
    data = bytearray(bodies.read_bytes())
    data[-50:] = b"x" * 50  # the last bodies no longer match their checksums
    bodies.write_bytes(bytes(data))
    for item in shipped_model:
        assert model.get(item.id).body == item.body, item.id


def test_a_missing_body_file_falls_back_to_the_content_files(tmp_path, shipped_model):
    roots = [bundled_data_dir()]
    model, path = _cached_twice(tmp_path, roots)
    path.with_suffix(".bodies").unlink()
    assert model.get("overview").body == shipped_model.get("overview").body
    term = max(shipped_model.of_kind("scheme"), key=lambda i: len(i.body))
    assert model.get(term.id).body == term.body  # a catalogue entry's body too


def test_a_body_file_for_other_content_is_not_used(tmp_path, content_dir, shipped_model):
    root, write = content_dir
    write("p.md", "---\nid: p\nkind: page\ntitle: P\nlast_reviewed: 2026-01-01\n"
                  "next_review: 2027-01-01\n---\nOld text.\n")  # fmt: skip
    roots = [bundled_data_dir(), root]
    model, path = _cached_twice(tmp_path, roots)
    _other, other_path = _cached_twice(tmp_path / "other", [bundled_data_dir()])
    path.with_suffix(".bodies").write_bytes(other_path.with_suffix(".bodies").read_bytes())
    assert model.get("p").body == "Old text."
