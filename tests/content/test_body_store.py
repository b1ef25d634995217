"""Stored page bodies: the start page shows from them without Markdown, and a bad or stale
file is ignored (the page is rendered again), never trusted."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

from guide.content.cache import BodyStore, body_store, load_cached
from guide.content.model import ContentModel
from guide.content.pages import PageComposer
from guide.content.render import Renderer
from guide.content.rendered import Heading, RenderedBody
from guide.paths import bundled_data_dir

BODY = RenderedBody("<p>Stored body</p>", (Heading(2, "part", "Part"),))


def test_a_model_from_the_cache_has_a_body_store_and_a_plain_load_has_none(
    tmp_path: Path, shipped_model: ContentModel
) -> None:
    for _ in ("a miss, which writes the cache", "a hit"):
        model = load_cached([bundled_data_dir()], tmp_path)
        store = body_store(model)
        assert store is not None and store.path.parent == tmp_path
    assert body_store(shipped_model) is None


def test_saved_bodies_come_back_for_the_same_key_only(tmp_path: Path) -> None:
    path = tmp_path / "content.pages"
    store = BodyStore(path, "key1")
    store.put("overview", BODY)
    store.put("other", RenderedBody("<p>Other</p>"))
    assert store.save(keep=["overview"])
    again = BodyStore(path, "key1")
    assert again.get("overview") == BODY
    assert again.get("other") is None  # only the kept pages are written
    assert BodyStore(path, "key2").get("overview") is None  # the content changed since


def test_an_unchanged_store_is_not_rewritten(tmp_path: Path) -> None:
    path = tmp_path / "content.pages"
    store = BodyStore(path, "key")
    store.put("overview", BODY)
    store.save(keep=["overview"])
    before = path.stat().st_mtime_ns
    again = BodyStore(path, "key")
    assert again.save(keep=["overview", "missing"])
    assert path.stat().st_mtime_ns == before


def test_a_damaged_or_foreign_file_is_ignored(tmp_path: Path) -> None:
    path = tmp_path / "content.pages"
    store = BodyStore(path, "key")
    store.put("overview", BODY)
    store.save(keep=["overview"])
    data = bytearray(path.read_bytes())
    data[-5] ^= 0xFF
    path.write_bytes(bytes(data))
    assert BodyStore(path, "key").get("overview") is None
    path.write_bytes(b"not a body file")
    assert BodyStore(path, "key").get("overview") is None


def test_a_composer_uses_a_stored_body_and_stores_what_it_renders(
    tmp_path: Path, shipped_model: ContentModel
) -> None:
    store = BodyStore(tmp_path / "content.pages", "key")
    store.put("overview", BODY)
    composer = PageComposer(shipped_model, bodies=store)
    page = composer.compose(shipped_model.get("overview"))
    assert "<p>Stored body</p>" in page.html and page.headings == BODY.headings
    assert composer._renderer is None  # Markdown was not needed
    item = shipped_model.get("glossary")
    rendered = composer.compose(item)
    assert store.get("glossary") == Renderer(shipped_model).body_html(item)
    assert rendered.headings == store.get("glossary").headings


def test_a_start_from_stored_bodies_does_not_import_markdown(tmp_path: Path) -> None:
    folder = tmp_path / "cache"
    load_cached([bundled_data_dir()], folder)
    model = load_cached([bundled_data_dir()], folder)
    seed = body_store(model)
    assert seed is not None
    PageComposer(model, bodies=seed).compose(model.get("overview"))
    seed.save(keep=["overview"])
    probe = (
        "import sys; from pathlib import Path; from guide.content.cache import load_cached, "
        "body_store; from guide.content.pages import PageComposer;"
        "from guide.paths import bundled_data_dir;"
        f"m = load_cached([bundled_data_dir()], Path({str(folder)!r}));"
        "p = PageComposer(m, bodies=body_store(m)).compose(m.get('overview'));"
        "print(bool(p.html), 'markdown' in sys.modules)"
    )
    out = subprocess.run([sys.executable, "-c", probe], capture_output=True, text=True, check=True)
    assert out.stdout.split() == ["True", "False"]


def test_prepare_builds_the_renderer_a_stored_start_page_did_not_need(
    tmp_path: Path, shipped_model: ContentModel
) -> None:
    store = BodyStore(tmp_path / "content.pages", "key")
    store.put("overview", BODY)
    composer = PageComposer(shipped_model, bodies=store)
    composer.compose(shipped_model.get("overview"))
    assert composer._renderer is None
    composer.prepare()
    assert isinstance(composer._renderer, Renderer)


def test_without_a_store_each_body_is_rendered_once_per_item(shipped_model, monkeypatch):
    from guide.content.pages import PageComposer

    composer = PageComposer(shipped_model)
    calls: list[str] = []
    render = composer.renderer.body_html

    def counting(item):
        calls.append(item.id)
        return render(item)

    monkeypatch.setattr(composer.renderer, "body_html", counting)
    section = shipped_model.get("national-pathway")
    first = composer.compose(section)
    again = composer.compose(section)
    assert again.html == first.html
    assert calls == ["national-pathway"]
    edited = section.__class__(**{**section.__dict__, "body": section.body + "\n\nMore."})
    assert "More." in composer.compose(edited).html  # another item: rendered afresh
    assert calls == ["national-pathway", "national-pathway"]
