"""The questions catalogue seen as a page: questions grouped by topic, in editors' order.

Topics are free text in each question; they appear in the order their first
question does in the catalogue, so editors arrange the page by arranging the file.
"""

from __future__ import annotations

import re

from guide.content.model import ContentModel, Item

_NOT_ANCHOR = re.compile(r"[^a-z0-9]+")


def questions_by_topic(model: ContentModel) -> list[tuple[str, list[Item]]]:
    """(topic, questions) pairs, topics and questions in catalogue order."""
    groups: dict[str, list[Item]] = {}
    for question in model.of_kind("question"):
        groups.setdefault(str(question.get("topic", "")).strip(), []).append(question)
    return list(groups.items())


def topic_anchor(topic: str) -> str:
    """The heading anchor of a topic on the questions page: ``topic-money-and-contracts``."""
    return "topic-" + (_NOT_ANCHOR.sub("-", topic.lower()).strip("-") or "other")
