"""Reloading after a save gives what a full load would, re-reading only the edited page
when that is safe."""

from __future__ import annotations

from guide.content import load_content, reload
from guide.content.reload import reload_content
from guide.paths import bundled_data_dir
from tests.pages import PAGE


def same(a, b) -> None:
    assert list(a.items) == list(b.items)
    assert dict(a.items) == dict(b.items)
    assert sorted(map(str, a.problems)) == sorted(map(str, b.problems))
    assert set(a.failed) == set(b.failed)


def folder(content_dir):
    root, write = content_dir
    for n in range(3):
        write(f"pages/p{n}.md", PAGE.format(id=f"trust-{n}", title=f"Page {n}", body="Text."))
    return root, write


def test_an_edited_page_is_read_again_alone(content_dir, monkeypatch):
    root, write = folder(content_dir)
    model = load_content([bundled_data_dir(), root])
    write("pages/p1.md", PAGE.format(id="trust-1", title="Edited", body="See [x](no-such-id)."))

    def no_full_load(roots):
        raise AssertionError("one edited page should not need a full load")

    monkeypatch.setattr(reload, "load_content", no_full_load)
    quick = reload_content(model, [root / "pages" / "p1.md"])
    monkeypatch.undo()
    same(quick, load_content([bundled_data_dir(), root]))
    assert quick.get("trust-1").title == "Edited"
    assert list(quick.items).index("trust-1") == list(model.items).index("trust-1")


def test_a_fixed_problem_goes_away_on_reload(content_dir):
    root, write = folder(content_dir)
    write("pages/p2.md", PAGE.format(id="trust-2", title="T", body="[x](pre-doctorl)"))
    model = load_content([bundled_data_dir(), root])
    assert any("pre-doctorl" in p.message for p in model.problems)
    write("pages/p2.md", PAGE.format(id="trust-2", title="T", body="[x](pre-doctoral)"))
    quick = reload_content(model, [root / "pages" / "p2.md"])
    assert not any(p.path.startswith(str(root)) for p in quick.problems)


def test_a_catalogue_new_page_or_changed_id_needs_a_full_load(content_dir, monkeypatch):
    root, write = folder(content_dir)
    model = load_content([bundled_data_dir(), root])
    calls = []
    real = reload.load_content
    monkeypatch.setattr(reload, "load_content", lambda roots: calls.append(1) or real(roots))
    write("pages/new.md", PAGE.format(id="trust-new", title="New", body="Text."))
    after_new = reload_content(model, [root / "pages" / "new.md"])
    assert "trust-new" in after_new and calls == [1]
    write("pages/p0.md", PAGE.format(id="trust-renamed", title="Renamed", body="Text."))
    renamed = reload_content(after_new, [root / "pages" / "p0.md"])
    assert "trust-renamed" in renamed and "trust-0" not in renamed and calls == [1, 1]
    same(renamed, real([bundled_data_dir(), root]))


def test_a_page_broken_by_the_edit_is_reported_like_a_full_load(content_dir):
    root, write = folder(content_dir)
    model = load_content([bundled_data_dir(), root])
    write("pages/p1.md", "---\nid: trust-1\nkind: page\n\ttitle: Tabbed\n---\nText\n")
    after = reload_content(model, [root / "pages" / "p1.md"])
    same(after, load_content([bundled_data_dir(), root]))
    assert "trust-1" in after.failed


def _knock_on(model, item_id):
    return model.failed[item_id].problems[0].knock_on


def test_links_to_a_broken_page_stay_grouped_under_it_as_pages_are_edited(content_dir):
    root, write = folder(content_dir)
    write("pages/broken.md", "---\nid: trust-broken\nkind: page\n\ttitle: Tabbed\n---\nText\n")
    write("pages/p1.md", PAGE.format(id="trust-1", title="One", body="See [b](trust-broken)."))
    model = load_content([bundled_data_dir(), root])
    assert [p.rpartition(":")[0] for p in _knock_on(model, "trust-broken")] == [
        str(root / "pages" / "p1.md")
    ]
    # A second page starts linking to it, then the first stops: each a one-page reload.
    write("pages/p2.md", PAGE.format(id="trust-2", title="Two", body="And [b](trust-broken)."))
    model = reload_content(model, [root / "pages" / "p2.md"])
    full = load_content([bundled_data_dir(), root])
    assert _knock_on(model, "trust-broken") == _knock_on(full, "trust-broken")
    assert len(_knock_on(model, "trust-broken")) == 2
    write("pages/p1.md", PAGE.format(id="trust-1", title="One", body="No link now."))
    model = reload_content(model, [root / "pages" / "p1.md"])
    full = load_content([bundled_data_dir(), root])
    assert _knock_on(model, "trust-broken") == _knock_on(full, "trust-broken")
    assert [p.rpartition(":")[0] for p in _knock_on(model, "trust-broken")] == [
        str(root / "pages" / "p2.md")
    ]
    # The content check lists the problems: its cause carries the same places.
    [cause] = [p for p in model.problems if p.knock_on]
    assert cause.knock_on == _knock_on(model, "trust-broken")
    same(model, full)


def test_knock_on_links_follow_an_edited_page(content_dir):
    root, write = folder(content_dir)
    # trust-9 fails to load (a tab in its front matter); two pages link to it.
    write("pages/p9.md", "---\nid: trust-9\nkind: page\n\ttitle: Tabbed\n---\nText\n")
    write("pages/p0.md", PAGE.format(id="trust-0", title="Page 0", body="[nine](trust-9)"))
    write("pages/p1.md", PAGE.format(id="trust-1", title="Page 1", body="[nine](trust-9)"))
    model = load_content([bundled_data_dir(), root])
    assert len(model.failed["trust-9"].problems[0].knock_on) == 2

    def explained(m) -> list[str]:
        return sorted(p.explained() for p in m.problems)

    # The editor removes one link: one knock-on place is left.
    write("pages/p0.md", PAGE.format(id="trust-0", title="Page 0", body="No link now."))
    quick = reload_content(model, [root / "pages" / "p0.md"])
    full = load_content([bundled_data_dir(), root])
    assert explained(quick) == explained(full)
    assert quick.failed["trust-9"].problems[0].knock_on == (f"{root / 'pages' / 'p1.md'}:9",)
    # ...and adds two links to it in another page: three places, as a full load says.
    write(
        "pages/p2.md", PAGE.format(id="trust-2", title="Page 2", body="[a](trust-9)\n[b](trust-9)")
    )
    quicker = reload_content(quick, [root / "pages" / "p2.md"])
    full = load_content([bundled_data_dir(), root])
    assert explained(quicker) == explained(full)
    assert (
        quicker.failed["trust-9"].problems[0].knock_on
        == full.failed["trust-9"].problems[0].knock_on
    )
    assert (
        "and 3 more caused by the problem above"
        in quicker.failed["trust-9"].problems[0].explained()
    )
