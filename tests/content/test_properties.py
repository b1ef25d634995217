"""Property-based tests: the loader and renderer survive anything an editor can type."""

from __future__ import annotations

from html.parser import HTMLParser

from hypothesis import given
from hypothesis import strategies as st

from guide.content import load_content
from guide.content.render import Renderer
from guide.content.yamlsafe import ContentFileError, parse_yaml

MARKDOWN_ALPHABET = st.sampled_from(
    [*"abc <>/\"'=()[]!#*_`-:\n\t&;", "<script>", "javascript:", "onerror=", "http://x.y/",
    "![i](", "](", "data:", "file:", "<img src=", "<a href=", "&#106;avascript:", "\\"]
)  # fmt: skip
markdown_text = st.lists(MARKDOWN_ALPHABET, max_size=80).map("".join)


class _Tags(HTMLParser):
    """Collects real tags and attributes (escaped text such as &lt;a href=...&gt; is not a tag)."""

    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.tags: list[tuple[str, dict[str, str | None]]] = []

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        self.tags.append((tag, dict(attrs)))


@given(markdown_text)
def test_renderer_never_emits_scripts_handlers_or_remote_loads(shipped_model, text):
    parser = _Tags()
    parser.feed(Renderer(shipped_model).markdown_html(text).html)
    for tag, attrs in parser.tags:
        assert tag not in ("script", "iframe", "style", "object", "embed"), tag
        assert not [name for name in attrs if name.startswith("on")], (tag, attrs)
        src = attrs.get("src")
        assert src is None or src.startswith("file:"), src
        href = attrs.get("href")
        assert href is None or href.startswith(("guide:", "https://", "http://")), href


@given(st.text(max_size=300))
def test_yaml_parser_raises_only_content_errors(text):
    try:
        parse_yaml(text)
    except ContentFileError as exc:
        assert exc.line >= 1


yaml_ish = st.lists(
    st.sampled_from(
        [
            "kind: term\n",
            "kind: scheme\n",
            "items:\n",
            "  - id: x\n",
            "    title: T\n",
            "  - ",
            "id: a\n",
            "&a ",
            "*a",
            "[",
            "]",
            "{",
            "}",
            ": ",
            "- ",
            "'",
            '"',
            "!!python/object ",
            "\t",
            "\n",
            "    expansion: e\n",
            "    definition: d\n",
            "2026-13-45",
            "yes",
            "~",
        ]
    )
).map("".join)


@given(yaml_ish)
def test_loader_never_crashes_on_arbitrary_catalogues(tmp_path_factory, text):
    root = tmp_path_factory.mktemp("fuzz")
    (root / "fuzz.yaml").write_text(text, encoding="utf-8")
    model = load_content([root])  # alone: fast, and the loader's paths are the same
    for problem in model.problems:
        assert problem.line >= 1 and problem.message


@given(st.text(max_size=200))
def test_loader_never_crashes_on_arbitrary_pages(tmp_path_factory, text):
    root = tmp_path_factory.mktemp("fuzzmd")
    (root / "page.md").write_text("---\n" + text, encoding="utf-8")
    model = load_content([root])
    assert all(p.line >= 1 for p in model.problems)
