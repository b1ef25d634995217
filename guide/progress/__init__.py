"""The personal progress checklist: the record, how it is saved, merged and exported.

No QtWidgets here (only ``pdf.py`` uses QtGui), so all of it runs and is tested
without a window. ``ProgressStore`` is the entry point.
"""

from guide.progress.store import FILE_NAME, ProgressStore

__all__ = ["FILE_NAME", "ProgressStore"]
