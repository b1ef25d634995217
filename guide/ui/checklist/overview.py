"""The "My progress" page: what is done in each stage, what is coming up, and the next
three things to do, each a link that opens the milestone in the checklist. It is the
page the "My progress" row of the tree opens; ``checklist.feature`` registers it.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable
from html import escape
from typing import TYPE_CHECKING, Any

from PySide6.QtCore import QEvent, QUrl, Signal
from PySide6.QtWidgets import QTextBrowser, QVBoxLayout, QWidget

from guide.content.model import ContentModel
from guide.progress import ProgressStore
from guide.progress.checklist import coming_up, current_stage, next_steps, stage_groups
from guide.progress.dates import format_date

if TYPE_CHECKING:
    from PySide6.QtPrintSupport import QPrinter

SCHEME = "milestone"


def overview_html(
    model: ContentModel,
    store: ProgressStore,
    today: dt.date,
    tr: Callable[[str], str],
) -> str:
    e = escape
    data = store.data
    profile = data.profile
    stage_id = current_stage(model, data, today)
    groups = stage_groups(model, data)
    stage = next((g.stage.title for g in groups if g.stage.id == stage_id), "")

    def link(milestone_id: str, text: str) -> str:
        return f'<a href="{SCHEME}:{e(milestone_id)}">{e(text)}</a>'

    title = tr("My progress") + (f": {profile.name}" if profile.name else "")
    parts = [f"<h1>{e(title)}</h1>"]
    who = [x for x in (profile.nation, stage, profile.specialty) if x]
    if who:
        parts.append(f"<p>{e(' · '.join(who))}</p>")
    else:
        parts.append(
            f"<p>{e(tr('Tell the checklist your nation and stage to see what applies to you.'))} "
            f'<a href="{SCHEME}:">{e(tr("Open my checklist"))}</a></p>'
        )
    steps = next_steps(model, data, today)
    parts.append(f"<h2>{e(tr('Next three things to do'))}</h2>")
    if steps:
        parts.append("<ol>" + "".join(f"<li>{link(m.id, m.title)}</li>" for m in steps) + "</ol>")
    else:
        parts.append(f"<p>{e(tr('Nothing left to do in your stage. Well done.'))}</p>")
    parts.append(f"<h2>{e(tr('Coming up in the next 90 days'))}</h2>")
    found = coming_up(model, data, today)
    if found:
        items = []
        for c in found:
            if c.due is not None:
                words = tr("overdue since %1") if c.overdue else tr("due %1")
                when = words.replace("%1", format_date(c.due))
            else:
                when = c.when
            items.append(f"<li>{link(c.milestone.id, c.milestone.title)}: {e(when)}</li>")
        parts.append("<ul>" + "".join(items) + "</ul>")
    else:
        parts.append(f"<p>{e(tr('Nothing is due in the next 90 days.'))}</p>")
    parts.append(f"<h2>{e(tr('Done, stage by stage'))}</h2><ul>")
    for group in groups:
        if not group.rows:
            continue
        mark = f" ({e(tr('your stage'))})" if group.stage.id == stage_id else ""
        head = tr("%1: %2 of %3 done").replace("%1", group.stage.title)
        head = head.replace("%2", str(group.done)).replace("%3", str(group.total))
        done = [r for r in group.rows if r.entry.status == "done"]
        inner = "".join(
            f"<li>{link(r.milestone.id, r.milestone.title)}"
            + (f" — {e(format_date(r.entry.date_done))}" if r.entry.date_done else "")
            + "</li>"
            for r in done
        )
        parts.append(
            f"<li><b>{e(head)}</b>{mark}" + (f"<ul>{inner}</ul>" if inner else "") + "</li>"
        )
    parts.append("</ul>")
    return "".join(parts)


class ProgressOverview(QWidget):
    """``open_milestone(id)`` asks for the checklist with that milestone ("" for none)."""

    open_milestone = Signal(str)

    def __init__(self, model: ContentModel, store: ProgressStore, parent: QWidget | None = None):
        super().__init__(parent)
        self.setObjectName("progressOverview")
        self.model = model
        self.store = store
        self.browser = QTextBrowser()
        self.browser.setOpenLinks(False)
        self.browser.document().setDocumentMargin(16)
        self.browser.setAccessibleName(self.tr("My progress"))
        self.browser.anchorClicked.connect(self._clicked)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(self.browser)
        self.refresh()

    def refresh(self) -> None:
        html = overview_html(self.model, self.store, self.store.clock.today(), self.tr)
        self.browser.setHtml(html)

    def _clicked(self, url: QUrl) -> None:
        text = url.toString()
        if text.startswith(SCHEME + ":"):
            self.open_milestone.emit(text[len(SCHEME) + 1 :])

    def showEvent(self, event: Any) -> None:  # Qt override: show the latest record
        self.refresh()
        super().showEvent(event)

    def changeEvent(self, event: QEvent) -> None:  # Qt override: the theme changed
        super().changeEvent(event)
        if event.type() == QEvent.Type.PaletteChange:
            self.refresh()  # links take their colour when the HTML is set

    def print_to(self, printer: QPrinter) -> None:
        """File ▸ Print and Export to PDF: the supervisor summary of the whole record."""
        from guide.progress.pdf import print_summary

        print_summary(printer, self.model, self.store.data, self.store.clock.today(), self.tr)
