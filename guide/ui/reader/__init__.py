"""The reader: the page view, find in page, "On this page", links, bookmarks, printing."""
