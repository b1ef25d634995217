"""CLI subcommands, one module per domain; see ``guide.cli.COMMAND_MODULES``."""
