"""The features the window installs, by module: each has ``install(host: Host)``.

``CORE_FEATURES`` come with the window (they are part of the first screen);
``FEATURES`` come after the first paint in the app, so their imports (sqlite3,
the progress record, the diagram's layout engine) never delay the window
appearing. A feature module is imported only here, by name, so the shell has no
import-time dependency on it. Keep ``install`` cheap: register views through
factories, and leave heavy work to ``host.after_first_paint``.
"""

from __future__ import annotations

import importlib
import sys
import traceback
from collections.abc import Sequence

from guide.ui.host import Host

CORE_FEATURES: tuple[str, ...] = (
    "guide.ui.reader.bookmarks",
    "guide.ui.reader.printing",
)

FEATURES: tuple[str, ...] = (
    "guide.ui.search.feature",
    "guide.ui.checklist.feature",
    "guide.ui.diagram.feature",
    "guide.ui.content_check.feature",
    # The one check of the content files after a start, on its own so that it runs
    # whichever other features install.
    "guide.ui.recheck.feature",
    "guide.ui.folders.feature",
    "guide.ui.schemes.feature",
    # Last: binds Go-menu entries for the views the features above registered.
    "guide.ui.goto.feature",
)


def install_features(host: Host, names: Sequence[str]) -> None:
    for name in names:
        try:
            importlib.import_module(name).install(host)
        except Exception:  # a broken feature must not stop the guide opening
            print(f"guide: feature {name} failed to install:", file=sys.stderr)
            traceback.print_exc()
