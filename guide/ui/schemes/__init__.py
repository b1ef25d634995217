"""The scheme finder view: every funding scheme in a sortable, filterable table, with compare."""
