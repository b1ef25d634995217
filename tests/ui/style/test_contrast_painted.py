"""Every view, in every theme, paints its text and links at WCAG 2.2 AA contrast.

Checked where the colours are painted, not in the theme's table (``contrast_audit``):
reader pages with links and tables (a section, a scheme, a story, the glossary, a group
index), the pathway diagram, the checklist with a milestone chosen, the progress overview,
search with results, the scheme finder and a comparison, and the dialogs (content check,
web address, about, keyboard shortcuts). Each view is built in another theme, and the theme is
switched while it is on screen, as a user does from the View menu: HTML set before the
switch keeps the link colour it was parsed with, which is how the checklist's "Read more"
link stayed pure blue (#0000ff, 1.9:1) on the dark theme's #172224.
"""

from __future__ import annotations

import datetime as dt

import pytest
from PySide6.QtCore import QUrl
from PySide6.QtWidgets import QApplication, QWidget

from guide.clock import Clock
from guide.progress.checklist import catalogue
from guide.ui.style.themes import THEMES
from tests.ui.contrast_audit import Painted, failures, painted_in
from tests.ui.helpers import make_window

DAY = dt.date(2026, 12, 1)
PAGES = (
    "pre-doctoral",
    "national-pathway",
    "nihr-acf",
    "story-emergency-medicine-consultant",
    "glossary",
)
# Views of the window, by id ("group:..." is a group's index page).
VIEWS = (
    "pathway-diagram",
    "checklist",
    "group:my-progress",
    "schemes",
    "whats-new",
    "group:stages",
)


def _other(theme: str) -> str:
    """The theme to build the views in before switching: "Follow the system", as on a
    first start (the default), or dark when the system's is the one to check."""
    return "dark" if theme == "system" else "system"


def _settle(qtbot) -> None:
    qtbot.wait(5)


def _prepare(qtbot, window) -> None:
    """Build every view with content in it: a milestone with links chosen, a comparison
    of two schemes, search results on screen."""
    for view_id in VIEWS:
        window.open_id(view_id)
        assert window.current_id == view_id, f"{view_id} did not open"
        _settle(qtbot)
    checklist = window.view_widget("checklist")
    with_links = next(m for m in catalogue(window.model) if m.links)
    checklist.select(with_links.id)
    finder = window.view_widget("schemes")
    finder.set_checked("nihr-acf")
    finder.set_checked("wcat")
    finder.compare_checked()
    panel = window.panel("search")
    qtbot.waitUntil(lambda: panel.index is not None, timeout=20000)
    panel.box.setText("acf")
    panel.run_query()
    qtbot.waitUntil(lambda: panel.results.count() > 0, timeout=5000)
    window.show_panel("search")


def _dialogs(window) -> list[tuple[str, QWidget]]:
    from guide.ui.content_check.feature import show_problems
    from guide.ui.reader.external_link import ExternalLinkDialog
    from guide.ui.shell.handlers import about_box, shortcuts_box

    boxes = [
        ("content check", show_problems(window)),
        ("web address", ExternalLinkDialog(QUrl("https://www.nihr.ac.uk/"), window)),
        ("about", about_box(window, window.home)),
        ("shortcuts", shortcuts_box(window, [("Search", "Ctrl+K"), ("Print", "Ctrl+P")])),
    ]
    for _, box in boxes:
        box.show()
    return boxes


def _report(found: list[tuple[str, Painted]]) -> str:
    return "\n".join(f"  [{view}] {p}" for view, p in found)


def _window(qtbot, model, theme: str):
    window = make_window(qtbot, model, theme=theme, clock=Clock.fixed(DAY))
    window.resize(1024, 700)
    window.show()
    qtbot.waitExposed(window)
    _prepare(qtbot, window)
    return window


class _Audit:
    """Failures found so far, and how many runs were looked at."""

    def __init__(self) -> None:
        self.found: list[tuple[str, Painted]] = []
        self.checked = 0

    def __call__(self, name: str, root: QWidget) -> None:
        painted = painted_in(root)
        self.checked += len(painted)
        self.found.extend((name, p) for p in failures(painted))

    def report(self, theme: str) -> str:
        return f"{theme}: {len(self.found)} runs below WCAG AA:\n{_report(self.found)}"


@pytest.mark.parametrize("theme", THEMES)
def test_every_view_paints_text_and_links_at_aa_contrast(qtbot, shipped_model, theme):
    window = _window(qtbot, shipped_model, _other(theme))
    window.themes.apply(theme, save=False)
    _settle(qtbot)
    audit = _Audit()
    for item_id in (*PAGES, *VIEWS):
        window.open_id(item_id)
        assert window.current_id == item_id, f"{item_id} did not open"
        _settle(qtbot)
        audit(item_id, window)
    window.open_id("pathway-diagram")
    window.view_widget("pathway-diagram").as_text.setChecked(True)  # the outline instead
    _settle(qtbot)
    audit("pathway-diagram as text", window)
    for name, box in _dialogs(window):
        _settle(qtbot)
        audit(name, box)
        box.close()
    window.themes.apply("system", save=False)
    assert audit.checked > 1000, "the audit found too little text to have looked at the views"
    assert not audit.found, audit.report(theme)


# Views that build HTML of their own (the reader's pages are re-rendered by the window).
OWN_HTML = ("checklist", "group:my-progress", "pathway-diagram", "schemes", "whats-new")


def test_views_on_screen_during_a_theme_switch_repaint_their_links(qtbot, shipped_model):
    """From "Follow the system" to dark with each view on screen: the case of the issue."""
    window = _window(qtbot, shipped_model, "system")
    audit = _Audit()
    for item_id in OWN_HTML:
        window.themes.apply("system", save=False)
        window.open_id(item_id)
        _settle(qtbot)
        window.themes.apply("dark", save=False)
        _settle(qtbot)
        audit(item_id, window)
    window.themes.apply("system", save=False)
    assert audit.checked > 300
    assert not audit.found, audit.report("dark")


def test_the_audit_reads_a_stale_link_colour_as_painted(qtbot):
    """The audit itself: a label whose link was parsed under another palette is caught."""
    from PySide6.QtGui import QPalette
    from PySide6.QtWidgets import QLabel

    label = QLabel()
    qtbot.addWidget(label)
    palette = QApplication.palette()
    palette.setColor(QPalette.ColorRole.Link, "#0000ff")
    old = QApplication.palette()
    QApplication.setPalette(palette)
    try:
        label.setText('<p>Read more: <a href="guide:x">a page</a></p>')
        label.show()
        qtbot.waitExposed(label)
    finally:
        QApplication.setPalette(old)
    links = [p for p in painted_in(label) if p.part == "link"]
    assert [p.fg for p in links] == ["#0000ff"]
    image = label.grab().toImage()
    colours = {
        image.pixelColor(x, y).name() for x in range(image.width()) for y in range(image.height())
    }
    assert "#0000ff" in colours, "the label does paint the link in the colour the audit read"
