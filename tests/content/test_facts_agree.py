"""Facts stated in more than one file agree.

The same fact (a length, a percentage, an entry point, a notice period) is written in
sections, schemes, milestones, the glossary, stories and the pathway diagram. Each rule
below finds every sentence that states the fact and checks it says the same thing, so
an editor who corrects one copy is told about the others. Each rule must match at least
two sentences, or it would prove nothing.
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from dataclasses import dataclass

import pytest

from guide.content import ContentModel

SENTENCE_END = re.compile(r"(?<=[.!?])\s+|\n+")


@dataclass(frozen=True)
class Rule:
    """Sentences matching ``about`` must match ``says`` and must not match ``never``.

    ``fields`` names item fields (``item.field``) whose every sentence states the fact
    even without repeating the scheme's name, such as ``nihr-acf.research_time``."""

    name: str
    about: str
    says: str
    never: str = r"(?!x)x"
    fields: str = r"(?!x)x"
    field_about: str = r"\d"


RULES = (
    Rule(
        "ACF research time is 25%",
        about=r"(\bACF\b|Academic Clinical Fellow)[^.]*\d+\s?% (research|academic)",
        says=r"\b25\s?%",
        fields=r"^(nihr-acf|ni-acf)\.research_time$",
    ),
    Rule(
        "SCREDS lectureships are 20% research for the whole post",
        about=r"\bSCREDS\b[^.]*\d+\s?%",
        says=r"\b20\s?%",
        never=r"\bbefore a PhD\b|\bpre-doctoral version\b",
        fields=r"^screds-lectureship\.research_time$",
    ),
    Rule(
        "Clinical Lectureships are 50% research for up to 4 years",
        about=r"\b(NIHR )?Clinical Lecture(r|ship)s?\b[^.]*\d+\s?% research",
        says=r"\b50\s?%",
    ),
    Rule(
        "once OOP is approved, you give at least 3 months' notice",
        about=r"(?=.*\bnotice\b)(?=.*(out of programme|\bOOP|\bTPD\b|employer))",
        says=r"\b3 months'? notice",
        never=r"about 3 months'? notice|\b6 months'? notice",
    ),
    Rule(
        "the OOP application is due at least 6 months ahead",
        about=r"\b(OOP|out of programme)\b[^.]*\bapplication\b[^.]*\bmonths?\b",
        says=r"\b6 months\b",
    ),
    Rule(
        "a GCP refresher is set by your employer, often every 2 years",
        about=r"\b(GCP|Good Clinical Practice)\b[^.]*\bevery\b|\brefresh\w*\b[^.]*\bevery \w+ years?\b",
        says=r"\bevery 2 years\b|\bevery two years\b",
        never=r"\b2 or 3 years\b|\b3 years\b",
    ),
    Rule(
        "NIHR ACF entry is ST1 to ST3, or ST4 in some specialties",
        about=r"\bACF\b[^.]*\b(entry|enter|allowed)\b[^.]*\bST\d",
        says=r"ST1[^.]*ST3|ST3 or above|from ST3",
        fields=r"^(nihr-acf\.eligibility|pathway edge foundation-programme->acf)$",
        field_about=r"\b(allowed|entry)\b",
    ),
    Rule(
        "HCRW Next Steps is only for HCRW doctoral award holders",
        about=r"(?-i:\bNext Steps\b)",
        says=r"doctoral award|Next Steps Award \(Health and Care Research Wales\)|next-steps",
        never=r"\bre-?entry\b|\breturn(ing)? to research\b|between two research awards",
        fields=r"^hcrw-next-steps\.eligibility$",
    ),
)


def _texts(model: ContentModel) -> Iterator[tuple[str, str]]:
    """(where, text) for every body, text field and diagram label."""
    for item in model:
        yield item.id, item.body
        for name, value in item.fields.items():
            values = value if isinstance(value, (list, tuple)) else (value,)
            for one in values:
                if isinstance(one, str):
                    yield f"{item.id}.{name}", one
    pathway = model.extras.get("pathway")
    if pathway is not None:
        for node in pathway.nodes:
            yield f"pathway node {node.id}", f"{node.title}. {node.detail}. {node.summary}"
        for edge in pathway.edges:
            yield f"pathway edge {edge.source}->{edge.target}", edge.label


def _sentences(model: ContentModel) -> list[tuple[str, str]]:
    out = []
    for where, text in _texts(model):
        for sentence in SENTENCE_END.split(text):
            if sentence.strip():
                out.append((where, sentence.strip()))
    return out


@pytest.fixture(scope="module")
def sentences(shipped_model: ContentModel) -> list[tuple[str, str]]:
    return _sentences(shipped_model)


@pytest.mark.parametrize("rule", RULES, ids=lambda r: r.name)
def test_every_copy_of_the_fact_agrees(rule: Rule, sentences: list[tuple[str, str]]) -> None:
    about = re.compile(rule.about, re.IGNORECASE)
    fields = re.compile(rule.fields)
    # Questions ask about the fact rather than state it.
    stated = [
        (where, s)
        for where, s in sentences
        if not s.endswith("?")
        and (
            about.search(s)
            or (fields.search(where) and re.search(rule.field_about, s, re.IGNORECASE))
        )
    ]
    assert len(stated) >= 2, f"{rule.name}: found in {len(stated)} place(s); the rule is stale"
    wrong = [
        f"{where}: {s}"
        for where, s in stated
        if not re.search(rule.says, s, re.IGNORECASE) or re.search(rule.never, s, re.IGNORECASE)
    ]
    assert not wrong, f"{rule.name}:\n" + "\n".join(wrong)


def test_each_diagram_box_sits_in_a_stage_its_scheme_covers(shipped_model: ContentModel) -> None:
    pathway = shipped_model.extras["pathway"]
    section_of = {c.id: c.section for c in pathway.columns}
    order = [c.id for c in pathway.columns]
    wrong = []
    for node in pathway.nodes:
        scheme = shipped_model.get(node.link)
        if scheme is None or scheme.kind != "scheme":
            continue
        span = order[order.index(node.column) : order.index(node.until or node.column) + 1]
        if not {section_of[c] for c in span} & set(scheme.stages):
            wrong.append(f"{node.id} in {span}, but {scheme.id} covers {scheme.stages}")
    assert not wrong, "\n".join(wrong)


def test_the_acf_box_in_the_diagram_matches_the_scheme(shipped_model: ContentModel) -> None:
    pathway = shipped_model.extras["pathway"]
    acf = next(n for n in pathway.nodes if n.link == "nihr-acf")
    scheme = shipped_model.get("nihr-acf")
    assert "25%" in acf.detail and "25%" in str(scheme.get("research_time"))
    assert "3 years" in acf.detail and "3 years" in str(scheme.get("duration"))
