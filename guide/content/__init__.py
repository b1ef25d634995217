"""Content layer: load, validate and render the guide's YAML and Markdown files.

Imports no Qt at all, so the CLI, search and tests use it without a window.
``load_content`` is imported on first use: the loader pulls in the YAML parser and the
validators, which the app does not need when it opens from the content cache
(``guide.content.cache``).
"""

from typing import TYPE_CHECKING, Any

from guide.content.model import ContentModel, Item, Problem

if TYPE_CHECKING:
    from guide.content.loader import load_content

__all__ = ["ContentModel", "Item", "Problem", "load_content"]


def __getattr__(name: str) -> Any:
    if name == "load_content":
        from guide.content.loader import load_content

        return load_content
    raise AttributeError(f"module {__name__!r} has no attribute {name!r}")
