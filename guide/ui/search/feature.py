"""The search panel in the window: a tab beside the tree and Go ▸ Search (Ctrl+K, Ctrl+L).

The index is built after the first paint, so search never delays the window appearing.
"""

from __future__ import annotations

from guide.ui.host import Host
from guide.ui.search.panel import SearchPanel

PANEL_ID = "search"


def install(host: Host) -> SearchPanel:
    panel = SearchPanel(host.model, host.open_id)
    host.add_panel(PANEL_ID, panel, panel.tr("Search"))

    def show_search() -> None:
        host.show_panel(PANEL_ID)
        panel.focus_search()

    host.bind("search", show_search)
    host.after_first_paint(panel.start_indexing)
    return panel
