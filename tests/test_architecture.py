"""The code's shape: no import cycle anywhere in guide/ (type-only imports count too).

import-linter (``make test``) checks the layers of guide/ui and that features are
independent; this test checks the whole package, module by module, because a
cycle anywhere makes "what may this line touch" unanswerable.
"""

from __future__ import annotations

import grimp


def import_cycles(package: str) -> list[list[str]]:
    """Groups of modules that import each other, directly or through others (Tarjan)."""
    graph = grimp.build_graph(package, cache_dir=None)
    index: dict[str, int] = {}
    low: dict[str, int] = {}
    stack: list[str] = []
    on_stack: set[str] = set()
    groups: list[list[str]] = []

    def visit(module: str) -> None:
        index[module] = low[module] = len(index)
        stack.append(module)
        on_stack.add(module)
        for imported in graph.find_modules_directly_imported_by(module):
            if imported not in index:
                visit(imported)
                low[module] = min(low[module], low[imported])
            elif imported in on_stack:
                low[module] = min(low[module], index[imported])
        if low[module] == index[module]:
            group = []
            while True:
                member = stack.pop()
                on_stack.discard(member)
                group.append(member)
                if member == module:
                    break
            if len(group) > 1:
                groups.append(sorted(group))

    for module in sorted(graph.modules):
        if module not in index:
            visit(module)
    return groups


def test_no_module_in_guide_is_part_of_an_import_cycle() -> None:
    assert import_cycles("guide") == []
