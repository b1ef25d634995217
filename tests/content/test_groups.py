"""A folder's own pages are grouped under its title, in the order its pages give."""

from __future__ import annotations

from guide.content import load_content
from guide.content.groups import folder_groups
from guide.paths import bundled_data_dir

PAGE = "---\nid: {id}\nkind: page\ntitle: {title}\n{order}last_reviewed: 2026-01-01\n" \
       "next_review: 2027-01-01\n---\nText.\n"  # fmt: skip


def test_pages_follow_their_order_then_title_under_the_folder_title(content_dir):
    root, write = content_dir
    write("content.yaml", "title: St Elsewhere NHS Trust\n")
    write("a.md", PAGE.format(id="t-zebra", title="Zebra", order="order: 2\n"))
    write("b.md", PAGE.format(id="t-apple", title="Apple", order=""))
    write("c.md", PAGE.format(id="t-mango", title="Mango", order="order: 1\n"))
    write("d.md", PAGE.format(id="t-banana", title="Banana", order=""))
    write("overview.md", PAGE.format(id="overview", title="Our overview", order=""))
    [group] = folder_groups(load_content([bundled_data_dir(), root]))
    assert group.edition.title == "St Elsewhere NHS Trust"
    # The override is not listed here: it stays in the bundled overview's place.
    assert [i.id for i in group.items] == ["t-mango", "t-zebra", "t-apple", "t-banana"]


def test_the_bundled_content_alone_has_no_folder_groups(shipped_model):
    assert folder_groups(shipped_model) == []


def test_a_model_from_the_cache_lists_schemes_and_stories_without_unpacking_them(
    tmp_path, shipped_model
):
    from guide.content.cache import load_cached
    from guide.content.groups import tree_pages

    roots = [bundled_data_dir()]
    load_cached(roots, tmp_path)  # writes the cache
    cached = load_cached(roots, tmp_path)
    listed = tree_pages(cached)
    assert listed == tree_pages(shipped_model)
    assert {s.id for s in listed.schemes} == {s.id for s in shipped_model.of_kind("scheme")}
    assert {s.id for s in listed.stories} == {s.id for s in shipped_model.of_kind("story")}
    assert "0 unpacked" in repr(cached.items)  # listed from the cache's index alone
