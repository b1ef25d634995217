"""Qt widgets. Only this package imports QtWidgets; it talks to content, search and
progress through their plain-Python interfaces and Qt models built on them."""
