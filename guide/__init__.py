"""Clinical Academic Pathway Guide: an offline guide to the UK clinical academic pathway.

The package is split by domain, with one-way dependencies:
``content`` (load, validate, render), ``search``, ``progress`` — none of which import
Qt widgets — and ``ui`` (widgets), which talks to them through small interfaces.
"""

__version__ = "0.1.0"
APP_NAME = "Clinical Academic Pathway Guide"
# Used for folder names (user data location) and the bundle; no spaces keeps paths simple.
APP_SLUG = "ClinicalAcademicGuide"
