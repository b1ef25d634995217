"""Hostile or broken content in a --content folder is refused or made inert, never obeyed."""

from __future__ import annotations

import time
from html.parser import HTMLParser

from guide.content import load_content
from guide.content.pages import PageComposer
from guide.paths import bundled_data_dir

HOSTILE_BODY = """
<script>alert('x')</script>
<img src="https://tracker.example/p.gif" onerror="steal()">
<a href="javascript:alert(1)" onclick="x()">js</a>
[file](file:///C:/Windows/system32/cmd.exe)
[data](data:text/html;base64,PHNjcmlwdD4=)
![remote](https://tracker.example/pixel.png)
<iframe src="https://evil.example"></iframe>
<style>body { background: url(https://evil.example/x) }</style>
[ok](https://www.nihr.ac.uk)
"""


def hostile_model(content_dir):
    root, write = content_dir
    write(
        "hostile.md",
        "---\nid: hostile\nkind: page\ntitle: Hostile\nlast_reviewed: 2026-01-01\n"
        "next_review: 2027-01-01\n---\n" + HOSTILE_BODY,
    )
    return load_content([bundled_data_dir(), root])


def test_hostile_page_is_reported_with_file_and_line(content_dir):
    model = hostile_model(content_dir)
    problems = [str(p) for p in model.problems]
    assert any("hostile.md:9: raw HTML <script> is shown as text" in p for p in problems)
    assert any("hostile.md:11: raw HTML <a> is shown as text" in p for p in problems)
    assert any("hostile.md:12: file: links are not allowed" in p for p in problems)
    assert any("hostile.md:13: data: links are not allowed" in p for p in problems)
    assert any("hostile.md:14: image 'https://tracker.example/pixel.png'" in p for p in problems)


class _Tags(HTMLParser):
    def __init__(self) -> None:
        super().__init__()
        self.tags: list[tuple[str, dict[str, str | None]]] = []

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        self.tags.append((tag, dict(attrs)))


def test_hostile_page_renders_inert(content_dir):
    model = hostile_model(content_dir)
    parser = _Tags()
    parser.feed(PageComposer(model).compose(model.get("hostile")).html)
    names = {tag for tag, _ in parser.tags}
    assert not names & {"script", "img", "iframe", "style", "object", "embed"}
    for tag, attrs in parser.tags:
        assert not [a for a in attrs if a.startswith("on")], tag
        href = attrs.get("href")
        if href is not None:
            assert href.startswith(("guide:", "https://")), href
    assert (
        "a",
        {"href": "https://www.nihr.ac.uk", "class": "external", "title": "https://www.nihr.ac.uk"},
    ) in parser.tags


def test_pathological_markdown_renders_quickly_as_plain_text(content_dir):
    root, write = content_dir
    bodies = {
        "brackets": "[" * 50_000,
        "nesting": "".join("  " * i + "- x\n" for i in range(400)),
        "quotes": ">" * 5_000 + " deep",
    }
    for name, body in bodies.items():
        write(f"{name}.md", f"---\nid: {name}\nkind: page\ntitle: {name}\n"
              "last_reviewed: 2026-01-01\nnext_review: 2027-01-01\n---\n" + body)  # fmt: skip
    model = load_content([bundled_data_dir(), root])
    composer = PageComposer(model)
    for name in bodies:
        assert any(f"{name}.md:" in str(p) for p in model.problems), name
        started = time.perf_counter()
        html = composer.compose(model.get(name)).html
        assert time.perf_counter() - started < 5, name  # generous: it must not hang
        assert "shown as plain text" in html


def test_deeply_nested_yaml_is_refused(content_dir):
    root, write = content_dir
    write("deep.yaml", "kind: term\nitems: " + "[" * 200 + "]" * 200 + "\n")
    problems = [str(p) for p in load_content([bundled_data_dir(), root]).problems]
    assert len(problems) == 1 and "nested" in problems[0]


def test_yaml_python_tags_are_refused_not_executed(content_dir, tmp_path):
    root, write = content_dir
    marker = tmp_path / "pwned"
    write(
        "evil.yaml",
        f"kind: term\nitems:\n  - !!python/object/apply:os.system ['touch {marker}']\n",
    )
    problems = [str(p) for p in load_content([bundled_data_dir(), root]).problems]
    assert not marker.exists()
    assert problems and "evil.yaml:3:" in problems[0]


def test_binary_file_is_refused(content_dir):
    root, _ = content_dir
    (root / "blob.md").write_bytes(b"---\nid: blob\x00\x01\x02\n---\n")
    problems = [str(p) for p in load_content([bundled_data_dir(), root]).problems]
    assert problems == [f"{root / 'blob.md'}:2: contains a NUL character; is this a binary file?"]


def test_unreadable_file_is_reported_not_raised(content_dir):
    root, write = content_dir
    path = write("locked.md", "---\nid: locked\n---\n")
    path.chmod(0)
    try:
        model = load_content([bundled_data_dir(), root])
    finally:
        path.chmod(0o644)
    import os

    if os.geteuid() != 0:  # root can read anything; the check is meaningful for users
        assert any("cannot read file" in str(p) for p in model.problems)
