"""Go ▸ Pathway diagram, My checklist, Scheme finder, Glossary and Questions, with shortcuts.

Installed after the features that register those views, so an entry is bound (and
shown) only when its view or page exists: a content folder without a questions
page shows no Questions entry, and no menu is ever left empty.
"""

from __future__ import annotations

from collections.abc import Callable

from guide.ui.host import Host

# command -> the view or page it opens (the scheme finder binds its own).
TARGETS: dict[str, str] = {
    "go_diagram": "pathway-diagram",
    "go_checklist": "checklist",
    "go_glossary": "glossary",
    "go_questions": "questions",
}


def install(host: Host) -> None:
    def opener(target: str) -> Callable[[], None]:
        return lambda: host.open_id(target)

    for command, target in TARGETS.items():
        if host.title_of(target):
            host.bind(command, opener(target))
