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
    even without repeating the scheme's name, such as ``nihr-acf.research_time``.
    Sentences matching ``excluding`` are about something else (another nation's post
    of the same name, say) and are left to their own rule."""

    name: str
    about: str
    says: str
    never: str = r"(?!x)x"
    fields: str = r"(?!x)x"
    field_about: str = r"\d"
    excluding: str = r"(?!x)x"


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
    Rule(
        "an NIHR ACF lasts 3 years (4 in general practice), longer if part-time",
        about=r"(\bACF\b|Academic Clinical Fellowship)[^.]*\b(\d|two|three|four) years?\b",
        says=r"\b3 years\b|\bGP ACF\b[^.]*\b4 years\b|\b5 years\b[^.]*\b6\b[^.]*general practice",
        excluding=r"\bNI\b|Northern Ireland",
        fields=r"^(nihr-acf\.duration|pathway node acf)$",
        field_about=r"\byears?\b",
    ),
    Rule(
        "a Northern Ireland ACF usually lasts 2 years",
        about=r"(\bNI ACF\b|Northern Ireland Academic Clinical Fellowship)[^.]*\byears?\b",
        says=r"\b2 years\b|\btwo years\b|Northern Ireland usually 2\b",
        fields=r"^(ni-acf\.duration|acf\.definition|pathway node ni-acf)$",
        field_about=r"\byears?\b|Northern Ireland",
    ),
    Rule(
        "an NIHR Clinical Lectureship lasts up to 4 years or until CCT (6 if part-time)",
        about=r"(Clinical Lecture(r|ship)s?|\bCL\b)[^.]*\b(\d|four|six) years\b",
        says=r"\b(4|four) years\b|(less than full time|LTFT|part-time)[^.]*\b6 years\b",
        excluding=r"Northern Ireland|Starter Grant|\bACL\b",
        fields=r"^(nihr-clinical-lectureship\.duration|cl\.definition|pathway node clinical-lectureship)$",
        field_about=r"\byears?\b",
    ),
    Rule(
        "a Northern Ireland Academic Clinical Lectureship usually lasts 3 years",
        about=r"(\bACL\b|Academic Clinical Lecture(r|ship))[^.]*\b(\d|three) years\b",
        says=r"\b(3|three) years\b",
        fields=r"^(ni-acl\.duration|acl\.definition|pathway node ni-acl)$",
        field_about=r"\b\d+ years\b",
    ),
    Rule(
        "OOPR is normally up to 3 years, 4 with the Postgraduate Dean's agreement",
        about=r"\b(OOPR|out of programme for research)\b[^.]*\b(normally|usually|up to|more than)\b"
        r"[^.]*\b(\d|three|four) years?\b",
        says=r"\b(3|three) years\b",
        fields=r"^(oopr\.definition|pathway node oopr)$",
        field_about=r"\byears?\b",
    ),
    Rule(
        "a career break (OOPC) is normally up to 2 years",
        about=r"\b(OOPC|career break)\b[^.]*\b(\d|one|two|three) years?\b",
        says=r"\b(2|two) years\b",
        fields=r"^oopc\.definition$",
    ),
    Rule(
        "an out of programme pause (OOPP) lasts up to 1 year",
        about=r"\b(OOPP|pause)\b[^.]*\b(\d|one|two) years?\b",
        says=r"\bup to (1|one) year\b",
    ),
    Rule(
        "senior fellowships run for 5 years or more, never 3 to 5",
        about=r"\bsenior (clinical )?(research )?fellowships?\b[^.]*\b\d+ (to \d+ )?years\b",
        says=r"\b[578] years\b|\b5 to 8 years\b",
        never=r"\b3 (to|-|–) 5 years\b",
        fields=r"^(pathway node senior-fellowships|mrc-senior-clinical-fellowship\.duration|bhf-senior\.duration)$",
        field_about=r"\byears?\b",
    ),
    Rule(
        "WCAT gives 20% academic time, rising to up to 50% after the PhD",
        about=r"(\bWCAT\b|Wales Clinical Academic Track)[^.]*\d+\s?%",
        says=r"\b20\s?%|\bup to (50\s?%|half)",
        fields=r"^(wcat\.research_time|wcat-term\.definition|pathway node wcat)$",
        field_about=r"%",
    ),
    Rule(
        "the NIHR SCPRA buys 20% to 50% protected time",
        about=r"(\bSCPRA\b|Senior Clinical and Practitioner Research Award)[^.]*\d+\s?%",
        says=r"\b20\s?%? (to|-|–) 50\s?%",
        fields=r"^(nihr-scpra\.research_time|scpra\.definition|pathway node scpra)$",
        field_about=r"%",
    ),
    Rule(
        "an AMS Starter Grant pays up to £30,000 over up to 2 years",
        about=r"\bStarter Grants?\b[^.]*£",
        says=r"£30,000(?![^.]*\b(1|3|4|5) years)",
        fields=r"^(starter-grant\.definition|pathway node ams-starter)$",
        field_about=r"£",
    ),
    Rule(
        "MRC Clinical Research Training Fellowship rounds close in January, April and September",
        about=r"\b(MRC|Medical Research Council)\b[^.]*\b(rounds?|clos\w+)\b[^.]*\b(January|April|September)\b",
        says=r"January, April and September",
        fields=r"^(mrc-crtf\.timing|pathway node mrc-crtf)$",
        field_about=r"January|April|September",
    ),
    Rule(
        "an MD by research usually takes about 2 years",
        about=r"\bMD (by research|\(Res\))[^.]*\b(usually|about|takes)\b[^.]*\byears?\b",
        says=r"\b(about )?2 years\b|\bMD about 2\b",
        fields=r"^(md-res\.definition|pathway node phd-md)$",
        field_about=r"\byears?\b",
    ),
    Rule(
        "GPARTS posts last 2 years with half the time for research",
        about=r"\bGPARTS\b[^.]*\b(\d+ years|\d+\s?%)",
        says=r"\b(2|two)[ -]years?\b|\b50\s?%|\bhalf\b",
        fields=r"^(gparts\.(duration|research_time)|gparts-term\.definition|pathway node gparts)$",
        field_about=r"\b\d+ years\b|%|\btwo-year\b|\bhalf\b",
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


def _check(rule: Rule, sentences: list[tuple[str, str]]) -> tuple[list[str], list[str]]:
    """(every sentence that states the fact, those that state it differently)."""
    about = re.compile(rule.about, re.IGNORECASE)
    fields = re.compile(rule.fields)
    # Questions ask about the fact rather than state it.
    stated = [
        (where, s)
        for where, s in sentences
        if not s.endswith("?")
        and not re.search(rule.excluding, s, re.IGNORECASE)
        and (
            about.search(s)
            or (fields.search(where) and re.search(rule.field_about, s, re.IGNORECASE))
        )
    ]
    wrong = [
        f"{where}: {s}"
        for where, s in stated
        if not re.search(rule.says, s, re.IGNORECASE) or re.search(rule.never, s, re.IGNORECASE)
    ]
    return [f"{where}: {s}" for where, s in stated], wrong


def _rule(name_starts: str) -> Rule:
    return next(r for r in RULES if r.name.startswith(name_starts))


@pytest.mark.parametrize(
    ("rule_name", "sentence"),
    [
        ("senior fellowships", "Senior fellowships normally run for 3 to 5 years."),
        ("once OOP is approved", "Tell your TPD about OOP with about 3 months' notice."),
        ("an NIHR ACF lasts", "An ACF in surgery lasts 4 years."),
        ("a career break", "A career break (OOPC) can last up to 3 years."),
        ("SCREDS", "SCREDS gives about 20% research before a PhD."),
        ("a GCP refresher", "Refresh your GCP training every 3 years."),
    ],
)
def test_a_copy_that_disagrees_is_caught(rule_name: str, sentence: str) -> None:
    stated, wrong = _check(_rule(rule_name), [("made-up", sentence)])
    assert stated and wrong


def test_a_northern_ireland_acf_is_left_to_its_own_rule() -> None:
    sentences = [("made-up", "The NI ACF usually lasts 2 years, with 25% research.")]
    assert _check(_rule("an NIHR ACF lasts"), sentences) == ([], [])
    assert _check(_rule("a Northern Ireland ACF"), sentences)[1] == []


@pytest.mark.parametrize("rule", RULES, ids=lambda r: r.name)
def test_every_copy_of_the_fact_agrees(rule: Rule, sentences: list[tuple[str, str]]) -> None:
    stated, wrong = _check(rule, sentences)
    assert len(stated) >= 2, f"{rule.name}: found in {len(stated)} place(s); the rule is stale"
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
