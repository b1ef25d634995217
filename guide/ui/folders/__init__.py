"""Content folders in the window: File ▸ Reload content (F5), watch mode (``guide --watch``),
and Help ▸ What's new (each content folder in use, its edition and its changes)."""
