"""The tree's "Questions and practicalities" group and question results in the search panel.

Sections that are not pathway stages (the questions page, pay and leave, applying, time
out of programme...) cut across every stage, so the tree keeps them apart from the stages.
"""

from __future__ import annotations

from guide.content.model import QUESTIONS_PAGE_ID, SECTION_IDS
from guide.ui.host import GROUP_PREFIX
from guide.ui.roles import Role
from guide.ui.search.panel import SearchPanel
from tests.ui.helpers import make_window

STAGES = SECTION_IDS[:5]


def _children(window, group: str) -> list[str]:
    row = window.nav.rows_for(GROUP_PREFIX + group)[0]
    return [row.child(r).data(Role.ID) for r in range(row.rowCount())]


def test_stages_group_holds_only_the_pathway_stages(qtbot, shipped_model):
    window = make_window(qtbot, shipped_model)
    assert _children(window, "stages") == list(STAGES)


def test_other_sections_sit_in_their_own_group_after_the_stages(qtbot, shipped_model):
    window = make_window(qtbot, shipped_model)
    top = [window.nav.index(r, 0).data(Role.ID) for r in range(window.nav.rowCount())]
    assert top.index(GROUP_PREFIX + "practicalities") == top.index(GROUP_PREFIX + "stages") + 1
    expected = [
        s.id
        for s in shipped_model.sections()
        if s.id not in SECTION_IDS  # neither a stage nor a top-level fixed section
    ]
    children = _children(window, "practicalities")
    assert children == expected
    assert children[0] == QUESTIONS_PAGE_ID
    window.tree.setCurrentIndex(window.nav.index_for("pay-contracts-leave"))
    assert window.current_id == "pay-contracts-leave"


def test_search_results_name_a_question_and_filter_to_questions(qtbot, shipped_model):
    widget = SearchPanel(shipped_model, lambda *a, **k: None, debounce_ms=10)
    qtbot.addWidget(widget)
    with qtbot.waitSignal(widget.indexReady, timeout=10000):
        widget.start_indexing()
    assert widget.kind_label("question") == "Question and answer"
    widget.box.setText("Will my pay drop if I leave training to do a PhD?")
    widget.run_query()
    widget.kind_combo.setCurrentIndex(widget.kind_combo.findData("question"))
    kinds = {widget.results.item(i).data(Role.RESULT).kind for i in range(widget.results.count())}
    assert kinds == {"question"}
    assert widget.results.item(0).data(Role.RESULT).id == "q-pay-drop-phd"
