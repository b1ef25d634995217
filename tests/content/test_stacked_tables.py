"""Wide Markdown tables, stacked by row for a narrow reader."""

from __future__ import annotations

from guide.content.stacked_tables import has_wide_table, stack_wide_tables

GRID = """<p>Before.</p>
<table>
<thead>
<tr>
<th>Stage</th>
<th>England</th>
<th>Wales</th>
</tr>
</thead>
<tbody>
<tr>
<td>Pre-doctoral</td>
<td><a class="internal" href="guide:nihr-acf">NIHR ACF</a></td>
<td align="left"></td>
</tr>
<tr>
<td>Doctoral</td>
<td>NIHR Doctoral Award</td>
<td>HCRW Doctoral Fellowship</td>
</tr>
</tbody>
</table>
<p>After.</p>"""

TWO_COLUMNS = "<table><thead><tr><th>A</th><th>B</th></tr></thead><tbody><tr><td>1</td><td>2</td></tr></tbody></table>"
CARD = '<table class="card" width="100%"><tr><th>Funder</th><td>NIHR</td><td>x</td></tr></table>'


def test_each_row_becomes_a_table_headed_by_its_first_cell():
    html = stack_wide_tables(GRID)
    assert html.startswith("<p>Before.</p>") and html.endswith("<p>After.</p>")
    assert html.count('<table class="stacked"') == 2
    assert '<th colspan="2" align="left">Pre-doctoral</th>' in html
    assert (
        '<td class="label" width="30%">England</td>'
        '<td><a class="internal" href="guide:nihr-acf">NIHR ACF</a></td>'
    ) in html
    assert '<td class="label" width="30%">Wales</td><td>HCRW Doctoral Fellowship</td>' in html


def test_an_empty_cell_gets_no_line_of_its_own():
    first_row = stack_wide_tables(GRID).split("</table>")[0]
    assert "Wales" not in first_row


def test_narrow_tables_and_the_composers_cards_are_left_alone():
    assert not has_wide_table(TWO_COLUMNS) and stack_wide_tables(TWO_COLUMNS) == TWO_COLUMNS
    assert not has_wide_table(CARD) and stack_wide_tables(CARD) == CARD
    assert has_wide_table(GRID)
