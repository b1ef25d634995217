"""The pathway diagram view: its picture, the pickers, export to PNG and SVG, printing."""
