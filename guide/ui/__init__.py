"""The desktop interface (Qt widgets), one folder per feature.

``app`` starts Qt and hands over at the first paint; ``shell`` is the window
(tree, side panels, menus and toolbar from ``commands``, status bar, saved
layout); ``reader``, ``search``, ``diagram`` and ``checklist`` are features, which
reach the window only through ``host.Host`` and never import the shell or each
other; ``style`` holds themes and palettes. ``roles`` and ``preferences`` are
shared by all. Dependencies point one way (import-linter checks it in
``make test``): app → shell → features → style, host, commands → the Qt-free
domain packages (content, search, progress, diagram).
"""
