"""Optional features that plug into the main window.

Each name is a module with ``install(window: MainWindow) -> None``, called once
after the core window is built, in this order. Keep start-up fast: build heavy
things lazily (``register_view`` factories) or after the first paint
(``QTimer.singleShot(0, ...)``).
"""

from __future__ import annotations

FEATURES: tuple[str, ...] = (
    "guide.ui.search_panel",
    "guide.ui.checklist_view",
    "guide.ui.diagram_feature",
    "guide.ui.content_check",
)
