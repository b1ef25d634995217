"""Search in the window: the field always in view above the side panels, the results in a
tab beside the tree, and Go ▸ Search (Ctrl+K, Ctrl+L) to jump into the field.

The index is built after the first paint, so search never delays the window appearing.
"""

from __future__ import annotations

from guide.ui.host import Host
from guide.ui.search.panel import SearchPanel

PANEL_ID = "search"


def install(host: Host) -> SearchPanel:
    panel = SearchPanel(host.model, host.open_id)
    host.add_panel(PANEL_ID, panel, panel.tr("Search"))
    # The field stays in view above the tabs; using it brings the results tab forward.
    host.add_side_header(panel.header)
    panel.activated.connect(lambda: host.show_panel(PANEL_ID))

    def show_search() -> None:
        host.show_panel(PANEL_ID)
        panel.focus_search()

    host.bind("search", show_search)
    host.after_first_paint(panel.start_indexing)
    # Content reloaded (F5, or a save in watch mode): search the new content.
    host.modelChanged.connect(lambda: panel.rebuild_index(host.model))
    return panel
