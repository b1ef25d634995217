"""Colour themes: follow the system, light, dark, high contrast.

Our own identity (deep teal and warm yellow, as in ``resources/icons/app.svg``),
never NHS branding. Each named theme sets the widget palette and the reader's
content stylesheet from the same colours, and every text/background pair a
reader sees meets WCAG 2.2 AA (4.5:1 for text; ``contrast_ratio`` is tested for
each pair in ``tests/ui/test_themes.py``). "System" keeps the platform's own
palette (so Windows high-contrast settings apply) and derives the content
stylesheet from it.
"""

from __future__ import annotations

from typing import NamedTuple

from PySide6.QtCore import QCoreApplication
from PySide6.QtGui import QColor, QGuiApplication, QPalette

THEMES: tuple[str, ...] = ("system", "light", "dark", "high-contrast")


def theme_label(name: str) -> str:
    labels = {
        "system": QCoreApplication.translate("Themes", "Follow the system"),
        "light": QCoreApplication.translate("Themes", "Light"),
        "dark": QCoreApplication.translate("Themes", "Dark"),
        "high-contrast": QCoreApplication.translate("Themes", "High contrast"),
    }
    return labels.get(name, name)


class Colours(NamedTuple):
    """Every colour a theme uses, as #rrggbb."""

    window: str
    window_text: str
    base: str
    text: str
    muted: str  # secondary text (review dates)
    card: str  # card and table-header background
    border: str
    link: str
    highlight: str
    highlight_text: str
    focus: str
    notice_bg: str
    notice_text: str
    overdue_bg: str
    overdue_text: str
    find_bg: str
    find_text: str
    current_bg: str
    current_text: str
    button: str
    disabled: str  # greyed-out controls (WCAG exempts these, but they must differ from text)
    outline: str  # edges of check boxes and entry boxes: 3:1 on window, page and button


PALETTES: dict[str, Colours] = {
    "light": Colours(
        window="#eef3f3", window_text="#14282a", base="#ffffff", text="#14282a",
        muted="#4a5e60", card="#e4f1f0", border="#7fa7a6", link="#0a5657",
        highlight="#0b5d5e", highlight_text="#ffffff", focus="#c77700",
        notice_bg="#fff3c4", notice_text="#14282a", overdue_bg="#fbe3e1",
        overdue_text="#8a1712", find_bg="#f4d35e", find_text="#111111",
        current_bg="#e07b00", current_text="#000000", button="#dfe9e9",
        disabled="#7b8c8d", outline="#648182",
    ),
    "dark": Colours(
        window="#172224", window_text="#e3eeee", base="#0f1a1b", text="#e3eeee",
        muted="#a9bcbd", card="#1f3133", border="#4d7a79", link="#7fd8d3",
        highlight="#5cc0bb", highlight_text="#06201f", focus="#f4d35e",
        notice_bg="#3a3212", notice_text="#fbefc6", overdue_bg="#4a1714",
        overdue_text="#ffd3cf", find_bg="#f4d35e", find_text="#111111",
        current_bg="#ff9f1c", current_text="#000000", button="#243638",
        disabled="#6f8485", outline="#7f9f9f",
    ),
    "high-contrast": Colours(
        window="#000000", window_text="#ffffff", base="#000000", text="#ffffff",
        muted="#ffffff", card="#000000", border="#ffffff", link="#ffff00",
        highlight="#00ffff", highlight_text="#000000", focus="#00ffff",
        notice_bg="#000000", notice_text="#ffffff", overdue_bg="#000000",
        overdue_text="#ffff00", find_bg="#ffff00", find_text="#000000",
        current_bg="#00ffff", current_text="#000000", button="#000000",
        disabled="#8f8f8f", outline="#ffffff",
    ),
}  # fmt: skip


def relative_luminance(colour: str) -> float:
    """WCAG 2.x relative luminance of a #rrggbb colour."""
    c = QColor(colour)

    def channel(v: int) -> float:
        s = v / 255
        return s / 12.92 if s <= 0.04045 else ((s + 0.055) / 1.055) ** 2.4

    return 0.2126 * channel(c.red()) + 0.7152 * channel(c.green()) + 0.0722 * channel(c.blue())


def contrast_ratio(foreground: str, background: str) -> float:
    """WCAG contrast ratio between two colours, from 1 to 21."""
    a, b = relative_luminance(foreground), relative_luminance(background)
    hi, lo = max(a, b), min(a, b)
    return (hi + 0.05) / (lo + 0.05)


# The text-on-background pairs a reader sees; each must reach 4.5:1 (AA for normal text).
TEXT_PAIRS: tuple[tuple[str, str], ...] = (
    ("text", "base"), ("window_text", "window"), ("muted", "base"), ("text", "card"),
    ("link", "base"), ("link", "card"), ("highlight_text", "highlight"),
    ("notice_text", "notice_bg"), ("overdue_text", "overdue_bg"), ("find_text", "find_bg"),
    ("current_text", "current_bg"), ("window_text", "button"), ("link", "notice_bg"),
)  # fmt: skip
# Non-text pairs (focus ring, control edges) need 3:1 (WCAG 1.4.11).
UI_PAIRS: tuple[tuple[str, str], ...] = (
    ("focus", "base"), ("focus", "window"),
    ("outline", "window"), ("outline", "base"), ("outline", "button"),
)  # fmt: skip


def colours_from_palette(palette: QPalette) -> Colours:
    """Colours for the "system" theme, taken from the platform palette."""
    role = QPalette.ColorRole
    base = palette.color(role.Base)
    dark = base.lightness() < 128
    ours = PALETTES["dark" if dark else "light"]
    text = palette.color(role.Text).name()
    link = palette.color(role.Link).name()
    if contrast_ratio(link, base.name()) < 4.5:
        link = ours.link if contrast_ratio(ours.link, base.name()) >= 4.5 else text
    outline = palette.color(role.Dark).name()
    if contrast_ratio(outline, base.name()) < 3:
        outline = text
    return Colours(
        window=palette.color(role.Window).name(),
        window_text=palette.color(role.WindowText).name(),
        base=base.name(), text=text, muted=text,
        card=palette.color(role.AlternateBase).name(), border=palette.color(role.Mid).name(),
        link=link, highlight=palette.color(role.Highlight).name(),
        highlight_text=palette.color(role.HighlightedText).name(), focus=ours.focus,
        notice_bg=ours.notice_bg, notice_text=ours.notice_text, overdue_bg=ours.overdue_bg,
        overdue_text=ours.overdue_text, find_bg=ours.find_bg, find_text=ours.find_text,
        current_bg=ours.current_bg, current_text=ours.current_text,
        button=palette.color(role.Button).name(),
        disabled=palette.color(QPalette.ColorGroup.Disabled, role.Text).name(), outline=outline,
    )  # fmt: skip


def placeholder_colour(c: Colours) -> str:
    """Hint text in empty boxes: the muted colour, unless that is the text colour itself.

    In high contrast ``muted`` is white like typed text, so an empty "Evidence notes"
    box looked already filled in; there the hint is a light grey (still over 7:1).
    """
    if c.muted.lower() != c.text.lower():
        return c.muted
    text, base = QColor(c.text), QColor(c.base)
    pairs = zip(
        (text.red(), text.green(), text.blue()),
        (base.red(), base.green(), base.blue()),
        strict=True,
    )
    mix = [round(0.75 * a + 0.25 * b) for a, b in pairs]
    return QColor(*mix).name()


def build_palette(c: Colours) -> QPalette:
    p = QPalette()
    role = QPalette.ColorRole
    pairs = {
        role.Window: c.window, role.WindowText: c.window_text, role.Base: c.base,
        role.AlternateBase: c.card, role.Text: c.text, role.Button: c.button,
        role.ButtonText: c.window_text, role.Highlight: c.highlight,
        role.HighlightedText: c.highlight_text, role.Link: c.link, role.LinkVisited: c.link,
        role.ToolTipBase: c.base, role.ToolTipText: c.text, role.PlaceholderText: placeholder_colour(c),
        role.BrightText: c.overdue_text, role.Mid: c.border, role.Dark: c.outline,
        role.Light: c.card, role.Midlight: c.card, role.Shadow: c.outline,
    }  # fmt: skip
    for r, colour in pairs.items():
        p.setColor(r, QColor(colour))
    for r in (role.WindowText, role.Text, role.ButtonText, role.Dark):
        p.setColor(QPalette.ColorGroup.Disabled, r, QColor(c.disabled))
    return p


def content_stylesheet(c: Colours) -> str:
    """The reader's CSS (the subset QTextDocument understands) for these colours."""
    return f"""
body {{ color: {c.text}; background-color: {c.base}; }}
a {{ color: {c.link}; text-decoration: underline; }}
a.term {{ color: {c.text}; text-decoration: underline; }}
h1 {{ font-size: 165%; font-weight: 600; margin-top: 4px; margin-bottom: 8px; }}
h2 {{ font-size: 130%; font-weight: 600; margin-top: 18px; margin-bottom: 6px; }}
h3 {{ font-size: 112%; font-weight: 600; margin-top: 14px; margin-bottom: 4px; }}
p, li {{ line-height: 140%; }}
table {{ border-collapse: collapse; }}
th {{ background-color: {c.card}; text-align: left; padding: 4px 8px;
  border: 1px solid {c.border}; }}
td {{ padding: 4px 8px; border: 1px solid {c.border}; }}
table.card th, table.card td, td.notice, td.overdue {{ border-width: 0px; }}
table.card {{ background-color: {c.card}; border-color: {c.border}; margin-top: 6px;
  margin-bottom: 12px; }}
table.card th {{ color: {c.text}; background-color: {c.card}; font-weight: 600;
  padding: 5px 12px 5px 10px; }}
table.card td {{ color: {c.text}; background-color: {c.card}; padding: 5px 10px; }}
table.notice {{ background-color: {c.notice_bg}; margin-top: 4px; margin-bottom: 10px; }}
td.notice {{ background-color: {c.notice_bg}; color: {c.notice_text}; }}
td.notice a {{ color: {c.notice_text}; }}
table.overdue {{ background-color: {c.overdue_bg}; margin-top: 4px; margin-bottom: 10px; }}
td.overdue {{ background-color: {c.overdue_bg}; color: {c.overdue_text}; }}
p.review {{ color: {c.muted}; font-size: 90%; }}
span.meta {{ color: {c.muted}; }}
table.hub-card {{ border-width: 1px; border-style: solid; border-color: {c.border};
  margin-bottom: 8px; }}
span.dead-link {{ color: {c.text}; }}
span.missing-image {{ color: {c.muted}; font-style: italic; }}
code, pre {{ font-family: monospace; background-color: {c.card}; }}
dt {{ margin-top: 8px; }}
dd {{ margin-left: 18px; margin-bottom: 4px; }}
hr {{ color: {c.border}; }}
"""


def app_stylesheet(c: Colours) -> str:
    """Widget CSS: a focus ring on every focusable pane so focus is always visible.

    Entry boxes keep a visible edge when not focused (1px outline + 1px padding,
    so the 2px focus ring does not move the text); the line edits inside spin
    boxes and combo boxes stay frameless, their parent draws the edge.
    """
    return f"""
QTreeView:focus, QListView:focus, QTextBrowser:focus, QLineEdit:focus, QTabBar:focus,
QPlainTextEdit:focus, QTextEdit:focus, QTableView:focus, QScrollArea:focus {{
  border: 2px solid {c.focus};
}}
QTreeView, QListView, QTextBrowser, QTableView, QScrollArea {{
  border: 2px solid transparent;
}}
QLineEdit, QPlainTextEdit, QTextEdit {{
  border: 1px solid {c.outline}; padding: 1px;
}}
QLineEdit:focus, QPlainTextEdit:focus, QTextEdit:focus {{ padding: 0px; }}
QLineEdit:disabled, QPlainTextEdit:disabled, QTextEdit:disabled {{
  border-color: {c.disabled};
}}
QAbstractSpinBox QLineEdit, QComboBox QLineEdit, QAbstractSpinBox QLineEdit:focus,
QComboBox QLineEdit:focus {{
  border: 0px; padding: 0px;
}}
"""


def colours_for(theme: str) -> Colours:
    if theme in PALETTES:
        return PALETTES[theme]
    app = QGuiApplication.instance()
    palette = QGuiApplication.palette() if app is not None else QPalette()
    return colours_from_palette(palette)
