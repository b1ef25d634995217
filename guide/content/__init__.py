"""Content layer: load, validate and render the guide's YAML and Markdown files.

Imports no Qt at all, so the CLI, search and tests use it without a window.
"""

from guide.content.loader import load_content
from guide.content.model import ContentModel, Item, Problem

__all__ = ["ContentModel", "Item", "Problem", "load_content"]
