"""Turn a ContentModel into search documents: one per item, sections and pages split by ``##``.

A document carries what ranking and filtering need: its id (``item`` or
``item#anchor`` for a subsection, so a result can open at the heading), the
names it may be called by (title, glossary expansion and aliases, former
scheme names), weighted keywords, plain body text, and the stages and nations
it belongs to.
"""

from __future__ import annotations

import re
from collections.abc import Iterable
from dataclasses import dataclass, field

from guide.content.model import NATIONS, ContentModel, Item
from guide.content.pages import CARD_FIELDS
from guide.search.text import compounds, markdown_text, normalise, split_subsections

SPLIT_KINDS = ("section", "page")


@dataclass(frozen=True)
class Doc:
    """One searchable unit."""

    id: str
    item_id: str
    kind: str
    title: str
    # What the title column indexes: the item title, or a subsection's heading.
    search_title: str
    names: tuple[str, ...]
    keywords: str
    # Plain text on one line (snippets are cut from it, so it is stored once, flat).
    body: str
    stages: frozenset[str] = field(default_factory=frozenset)
    # Empty means "not tied to a nation": it passes every nation filter.
    nations: frozenset[str] = field(default_factory=frozenset)
    # The item's own title for subsections, else "".
    parent_title: str = ""
    # Other ways the title is put (a question's also_asked): each ranks like the title.
    phrasings: tuple[str, ...] = ()


def _text_list(value: object) -> list[str]:
    if value is None:
        return []
    if isinstance(value, str):
        return [value]
    if isinstance(value, Iterable):
        return [str(v) for v in value]
    return [str(value)]


def _stages(item: Item, model: ContentModel) -> frozenset[str]:
    """Section ids an item belongs to (checklist stages map to their section too)."""
    stages: set[str] = set(_text_list(item.get("stages")))
    if item.kind == "section":
        stages.add(item.id)
    checklist = {s.id: s for s in model.checklist_stages}
    stage = item.get("stage")
    if isinstance(stage, str):
        stages.add(stage)
        if stage in checklist and checklist[stage].section:
            stages.add(str(checklist[stage].section))
    if item.kind == "term":
        stages.update(
            s for s in _text_list(item.get("see")) if s in model and _is_section(model, s)
        )
    return frozenset(stages)


def _is_section(model: ContentModel, item_id: str) -> bool:
    target = model.get(item_id)
    return target is not None and target.kind == "section"


def _nations(item: Item) -> frozenset[str]:
    nations = frozenset(item.nations)
    return frozenset() if nations >= frozenset(NATIONS) else nations


def _one_line(text: str) -> str:
    """Text with runs of white space made single spaces: snippets are cut from this."""
    return " ".join(text.split())


def _heading_nations(heading: str) -> frozenset[str]:
    """Nations a subsection is about, when its heading names some but not all of them.

    "Academic Clinical Fellowship (England)" is about England, so the Wales filter
    leaves it out; "Differences between England, Scotland, Wales and Northern
    Ireland" names all four and so stays for everyone.
    """
    named = frozenset(n for n in NATIONS if re.search(rf"\b{n}\b", heading))
    return named if named and named != frozenset(NATIONS) else frozenset()


def _field_text(item: Item, names: Iterable[str]) -> str:
    """Catalogue fields as sentences, so a snippet reads "Surgery. Less than full time.".

    A field the item's page shows under a label is indexed under that label too, as the
    reader sees it ("Duration: 3 years..."): "how long is an ACF" then finds the scheme
    whose page answers it under "Duration", though its text never says "duration".
    """
    labels = dict(CARD_FIELDS.get(item.kind, ()))
    out = []
    for name in names:
        text = " ".join(_text_list(item.get(name))).strip()
        if text:
            text = text if text[-1] in ".!?:;…" else text + "."
            out.append(f"{labels[name]}: {text}" if name in labels else text)
    return "\n".join(out)


CATALOGUE_BODY = {
    "scheme": ("summary", "funder", "eligibility", "duration", "research_time", "timing", "note"),
    "milestone": ("why", "timing", "evidence"),
    "term": ("definition",),
    "question": ("answer", "topic"),
    "story": ("summary", "specialty", "routes"),
    "section": ("summary",),
    "page": ("summary",),
}


def item_docs(item: Item, model: ContentModel) -> list[Doc]:
    """The documents for one item (several for a section or page with ``##`` headings)."""
    stages = _stages(item, model)
    nations = _nations(item)
    names = [item.title]
    keyword_parts: list[str] = []
    if item.kind == "term":
        names += [str(item.get("expansion", "")), *_text_list(item.get("aliases"))]
    if item.kind == "scheme":
        names += _text_list(item.get("former_names"))
    if item.kind == "question":
        # A question is not a name: its words must not count as one, or every question
        # mentioning "clinical lectureship" would crowd the scheme of that name out of the
        # name matches. It is found by its title column and, through keywords, by the
        # other ways trainees put it (also_asked).
        keyword_parts += _text_list(item.get("also_asked"))
    keyword_parts += names[1:]
    keyword_parts += compounds(" ".join(names))
    lead = _field_text(item, CATALOGUE_BODY.get(item.kind, ()))
    parts = split_subsections(item.body) if item.kind in SPLIT_KINDS else []
    opening = next((p.text for p in parts if not p.anchor), "")
    body = "\n\n".join(t for t in (lead, opening if parts else markdown_text(item.body)) if t)
    docs = [
        Doc(
            id=item.id,
            item_id=item.id,
            kind=item.kind,
            title=item.title,
            search_title=item.title,
            names=() if item.kind == "question" else tuple(n for n in map(normalise, names) if n),
            keywords=" ".join(keyword_parts),
            body=_one_line(body),
            stages=stages,
            nations=nations,
            phrasings=tuple(_text_list(item.get("also_asked"))) if item.kind == "question" else (),
        )
    ]
    for part in parts:
        if not part.anchor:
            continue
        docs.append(
            Doc(
                id=f"{item.id}#{part.anchor}",
                item_id=item.id,
                kind=item.kind,
                title=f"{item.title} › {part.heading}",
                search_title=part.heading,
                names=tuple(n for n in (normalise(part.heading),) if n),
                # The page's title goes with each heading: "Who funds it" on the PhD page
                # is about funding a PhD, though its own text may never say "PhD".
                keywords=" ".join([item.title, *compounds(f"{item.title} {part.heading}")]),
                body=_one_line(part.text),
                stages=stages,
                nations=_heading_nations(part.heading) or nations,
                parent_title=item.title,
            )
        )
    return docs


def model_docs(model: ContentModel) -> list[Doc]:
    """Every document of the model, in the model's order."""
    docs: list[Doc] = []
    for item in model:
        docs.extend(item_docs(item, model))
    return docs
