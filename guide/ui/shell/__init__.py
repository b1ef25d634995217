"""The window: tree, side panels, reader area, menus and toolbar from ``commands``, status
bar, saved layout. It implements ``host.Host`` for the features it installs."""
