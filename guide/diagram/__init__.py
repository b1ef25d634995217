"""The pathway diagram's data and layout, without Qt widgets.

``data`` validates ``data/pathway.yaml`` into a ``Pathway``; ``layout`` turns a
pathway and a nation into positioned boxes and routed lines; ``outline`` gives
the same content as an ordered text alternative. ``guide.ui.diagram.page``
draws it.
"""
