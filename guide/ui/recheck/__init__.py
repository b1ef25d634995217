"""The one look at the content files after a start: what changed while the guide was closed
is read again shortly after the first paint, and the status bar says so."""
