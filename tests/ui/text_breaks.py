"""Where Qt's rich-text layout broke lines in a document: a check that no word is split."""

from __future__ import annotations

from PySide6.QtGui import QTextDocument


def words_split_across_lines(document: QTextDocument) -> list[str]:
    """Every word that a line break cuts in two ("Foundatio|n"), in document order.

    A break between two letters or digits is inside a word; breaks after a space, a
    hyphen or a slash are where a reader expects them.
    """
    document.documentLayout().documentSize()  # lays out the whole document, not only what shows
    split: list[str] = []
    block = document.begin()
    while block.isValid():
        text, layout = block.text(), block.layout()
        for number in range(1, layout.lineCount()):
            at = layout.lineAt(number).textStart()
            if 0 < at < len(text) and text[at - 1].isalnum() and text[at].isalnum():
                start = at
                while start > 0 and text[start - 1].isalnum():
                    start -= 1
                end = at
                while end < len(text) and text[end].isalnum():
                    end += 1
                split.append(f"{text[start:at]}|{text[at:end]}")
        block = block.next()
    return split
