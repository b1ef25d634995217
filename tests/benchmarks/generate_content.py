"""Generate a large ``--content`` folder of valid pages, for benchmarks at scale.

``generate(root, pages, seed)`` writes ``pages`` Markdown pages (kind ``page``)
under ``root/pages/``. Each has front matter that passes ``guide validate``,
an opening paragraph and three to six ``##`` subsections of paragraphs, lists,
the odd table, bold text and links to other generated pages and to the fixed
section ids. Words are drawn from a Zipf distribution over the field's own
vocabulary (so real queries such as "research after CCT" match thousands of
documents, the hard case for ranking) followed by a long tail of made-up words.
The output is deterministic for a given seed.

Run standalone: ``python -m tests.benchmarks.generate_content DIR [PAGES] [SEED]``.
"""

from __future__ import annotations

import itertools
import random
import sys
from pathlib import Path

FUNCTION_WORDS = [
    "the",
    "of",
    "and",
    "to",
    "in",
    "a",
    "is",
    "for",
    "that",
    "with",
    "on",
    "as",
    "are",
    "this",
    "be",
    "by",
    "it",
    "from",
    "or",
    "an",
    "at",
    "not",
    "can",
    "you",
    "your",
    "when",
    "which",
    "will",
    "all",
    "has",
    "more",
    "if",
    "also",
    "into",
    "their",
    "after",
    "before",
    "during",
]

FIELD_WORDS = [
    "research",
    "clinical",
    "academic",
    "training",
    "fellowship",
    "doctoral",
    "lectureship",
    "programme",
    "trainee",
    "specialty",
    "foundation",
    "funding",
    "application",
    "interview",
    "supervisor",
    "university",
    "hospital",
    "consultant",
    "PhD",
    "MD",
    "CCT",
    "ACF",
    "NIHR",
    "MRC",
    "Wellcome",
    "CRUK",
    "BHF",
    "SFP",
    "OOPR",
    "WCAT",
    "SCREDS",
    "grant",
    "award",
    "mentor",
    "publication",
    "audit",
    "quality",
    "improvement",
    "project",
    "protected",
    "time",
    "part-time",
    "less-than-full-time",
    "deanery",
    "portfolio",
    "Horus",
    "Turas",
    "ARCP",
    "competency",
    "curriculum",
    "post",
    "post-doctoral",
    "pre-doctoral",
    "intercalation",
    "studentship",
    "summer",
    "elective",
    "teaching",
    "leadership",
    "trial",
    "cohort",
    "epidemiology",
    "laboratory",
    "genetics",
    "surgery",
    "psychiatry",
    "paediatrics",
    "general",
    "practice",
    "public",
    "health",
    "pathology",
    "obstetrics",
    "anaesthesia",
    "emergency",
    "medicine",
    "cardiology",
    "oncology",
    "renal",
    "stroke",
    "dementia",
    "diabetes",
    "arthritis",
    "England",
    "Scotland",
    "Wales",
    "Northern",
    "Ireland",
    "salary",
    "contract",
    "honorary",
    "bursary",
    "deadline",
    "round",
    "shortlisting",
    "panel",
    "proposal",
    "methods",
    "statistics",
    "qualitative",
    "data",
    "evidence",
    "impact",
    "patients",
    "NHS",
    "career",
    "pathway",
    "stage",
    "route",
    "independence",
    "group",
    "professor",
    "reader",
    "senior",
    "investigator",
    "clinician",
    "scientist",
    "lecturer",
    "registrar",
    "core",
    "year",
    "months",
    "weeks",
    "percent",
    "budget",
    "costs",
    "host",
    "institution",
    "eligibility",
    "criteria",
    "person",
    "specification",
    "Oriel",
    "recruitment",
    "offer",
    "start",
]

SYLLABLES = [
    "ka",
    "lo",
    "mi",
    "ter",
    "sen",
    "dra",
    "pol",
    "vin",
    "qu",
    "bel",
    "nor",
    "tas",
    "ri",
    "zen",
    "mar",
    "fol",
    "gan",
    "ste",
    "lu",
    "hor",
    "pi",
    "cre",
    "dom",
    "wal",
]


def _made_up_words(rng: random.Random, count: int) -> list[str]:
    seen: set[str] = set()
    out: list[str] = []
    while len(out) < count:
        word = "".join(rng.choice(SYLLABLES) for _ in range(rng.randint(2, 4)))
        if word not in seen:
            seen.add(word)
            out.append(word)
    return out


class _Words:
    """Zipf-distributed words: function words, then the field's words, then made-up ones."""

    def __init__(self, rng: random.Random) -> None:
        self.rng = rng
        self.vocab = [*FUNCTION_WORDS, *FIELD_WORDS, *_made_up_words(random.Random(0), 12000)]
        weights = [1.0 / (rank + 1) ** 1.05 for rank in range(len(self.vocab))]
        self.cumulative = list(itertools.accumulate(weights))

    def take(self, count: int) -> list[str]:
        return self.rng.choices(self.vocab, cum_weights=self.cumulative, k=count)

    def sentence(self, low: int = 8, high: int = 24) -> str:
        words = self.take(self.rng.randint(low, high))
        words[0] = words[0][:1].upper() + words[0][1:]
        return " ".join(words) + "."


FIXED_LINKS = ("pre-doctoral", "phd-or-md", "early-post-doctoral", "flexible-entry", "glossary")


def _paragraph(words: _Words, rng: random.Random, pages: int) -> str:
    sentences = [words.sentence() for _ in range(rng.randint(2, 5))]
    text = " ".join(sentences)
    parts = text.split(" ")
    if len(parts) > 6 and rng.random() < 0.5:
        i = rng.randrange(len(parts) - 2)
        target = rng.choice(FIXED_LINKS) if rng.random() < 0.3 else _page_id(rng.randrange(pages))
        parts[i] = f"[{parts[i].strip('.')}]({target})"
    if len(parts) > 6 and rng.random() < 0.4:
        j = rng.randrange(len(parts))
        if "[" not in parts[j] and "." not in parts[j]:
            parts[j] = f"**{parts[j]}**"
    return " ".join(parts)


def _page_id(n: int) -> str:
    return f"gen-page-{n:05d}"


def _page(n: int, words: _Words, rng: random.Random, pages: int) -> str:
    title = " ".join(words.take(rng.randint(3, 6))).capitalize()
    summary = words.sentence(6, 14)
    body = [_paragraph(words, rng, pages)]
    headings: set[str] = set()
    for _ in range(rng.randint(3, 6)):
        heading = " ".join(words.take(rng.randint(2, 4))).capitalize()
        while heading in headings:
            heading += " " + words.take(1)[0]
        headings.add(heading)
        body.append(f"## {heading}")
        for _ in range(rng.randint(1, 3)):
            roll = rng.random()
            if roll < 0.15:
                body.append(
                    "\n".join(f"- {words.sentence(4, 10)}" for _ in range(rng.randint(2, 5)))
                )
            elif roll < 0.2:
                rows = [" | ".join(words.take(3)) for _ in range(rng.randint(2, 4))]
                body.append("| a | b | c |\n|---|---|---|\n" + "\n".join(f"| {r} |" for r in rows))
            else:
                body.append(_paragraph(words, rng, pages))
    front = (
        f"---\nid: {_page_id(n)}\nkind: page\ntitle: {title}\nsummary: {summary}\n"
        "last_reviewed: 2026-01-15\nnext_review: 2027-01-15\n---\n\n"
    )
    return front + "\n\n".join(body) + "\n"


def generate(root: Path, pages: int, seed: int) -> Path:
    """Write ``pages`` valid generated pages under ``root``; returns ``root``."""
    rng = random.Random(seed)
    words = _Words(rng)
    folder = Path(root) / "pages"
    folder.mkdir(parents=True, exist_ok=True)
    for n in range(pages):
        (folder / f"{_page_id(n)}.md").write_text(_page(n, words, rng, pages), encoding="utf-8")
    return Path(root)


if __name__ == "__main__":
    target = Path(sys.argv[1])
    count = int(sys.argv[2]) if len(sys.argv) > 2 else 5000
    generate(target, count, int(sys.argv[3]) if len(sys.argv) > 3 else 1)
    print(f"wrote {count} pages under {target}")
