"""Notes at the top of a reader page about where it came from and what is wrong with it.

- A scheme from a trust's or deanery's own folder is marked local, with the folder's
  title, so no one mistakes it for a national scheme.
- A page that loaded with a problem in its file (a bad date, a misspelt field) stays
  readable, with a short warning naming the file and line for whoever maintains it.

Also the "What's new" page: every content folder in use with its edition and changes.
No Qt here; labels go through the caller's ``tr``.
"""

from __future__ import annotations

from collections.abc import Callable

from guide.content.model import ContentModel, Item, Problem
from guide.content.rendered import escape

Translate = Callable[[str], str]


def _banner(kind: str, inner_html: str) -> str:
    # A one-cell table, as in guide.content.pages: the reader pads table cells only.
    return (
        f'<table class="{kind}" width="100%" cellspacing="0" cellpadding="8">'
        f'<tr><td class="{kind}">{inner_html}</td></tr></table>'
    )


def problems_of(model: ContentModel, item: Item) -> list[Problem]:
    """The loader's errors about this item: anything in its own page file, or, in a
    catalogue, on its lines (from its first line to the next entry's)."""
    mine = [p for p in model.problems if p.is_error and p.path == item.path]
    if not mine or item.path.endswith(".md"):
        return mine
    later = [i.line for i in model if i.path == item.path and i.line > item.line]
    end = min(later, default=10**9)
    # An entry after this one that failed to load is not this entry's problem.
    lost = {(p.path, p.line) for f in model.failed.values() for p in f.problems}
    return [p for p in mine if item.line <= p.line < end and (p.path, p.line) not in lost]


def notices(model: ContentModel, item: Item, tr: Translate) -> list[str]:
    """The HTML notes to show under the page's title (none for most pages)."""
    out = []
    if item.kind == "scheme" and model.is_local(item):
        edition = model.edition_of(item)
        title = edition.title if edition else ""
        text = tr("A local scheme from %1, not a national one.").replace("%1", title)
        out.append(_banner("notice", escape(text)))
    problems = problems_of(model, item)
    if problems:
        first = problems[0]
        more = len(problems) - 1
        text = tr(
            "Part of this page could not be read, so some details may be missing. "
            "For the content editors: %1"
        ).replace("%1", str(first))
        if more:
            text += " " + tr("(and %1 more: run guide validate)").replace("%1", str(more))
        out.append(_banner("overdue", escape(text)))
    return out


def _day(value: object) -> str:
    import datetime as dt

    if isinstance(value, dt.date):
        return f"{value.day} {value.strftime('%B %Y')}"
    return ""


def whats_new_html(model: ContentModel, tr: Translate) -> str:
    """Every content folder in use, newest changes first, as a reader page."""
    parts = [f'<h1 class="page-title">{escape(tr("What’s new"))}</h1>']
    parts.append(
        f"<p>{escape(tr('The guide is showing these content folders, in this order.'))}</p>"
    )
    for edition in model.editions:
        heading = escape(edition.title)
        parts.append(f"<h2>{heading}</h2>")
        facts = []
        if edition.edition:
            facts.append(f"{escape(tr('Edition'))}: {escape(_day(edition.edition))}")
        if edition.publisher:
            facts.append(f"{escape(tr('Published by'))}: {escape(edition.publisher)}")
        facts.append(
            escape(tr("National content") if edition.scope == "national" else tr("Local content"))
        )
        parts.append("<p>" + " · ".join(facts) + "</p>")
        if not edition.changes:
            parts.append(f"<p>{escape(tr('No list of changes was given for this folder.'))}</p>")
        for change in edition.changes:
            when = _day(change.edition) or tr("Undated")
            notes = "".join(f"<li>{escape(note)}</li>" for note in change.notes)
            parts.append(f"<h3>{escape(when)}</h3><ul>{notes}</ul>")
    return "\n".join(parts)
