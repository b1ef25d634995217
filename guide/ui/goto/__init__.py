"""Go-menu entries and shortcuts for the guide's main views and pages."""
