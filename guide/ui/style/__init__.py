"""Themes: palettes and style sheets, the outlined Fusion style, theme-coloured icons."""
