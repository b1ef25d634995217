"""Full-text search over the guide's content (no Qt): SQLite FTS5, or a plain scan without it.

``SearchIndex.build(model)`` indexes every item; ``index.search(query)`` returns a
``SearchResponse`` of ranked ``SearchResult``s with highlighted snippets.
"""

from guide.search.backends import fts5_available
from guide.search.index import SearchIndex, SearchResponse, SearchResult
from guide.search.snippets import Snippet

__all__ = ["SearchIndex", "SearchResponse", "SearchResult", "Snippet", "fts5_available"]
