"""The ``guide`` command line: opens the app, or runs a subcommand.

Each subcommand lives in ``guide/commands/`` and registers itself through
``register(subparsers)``; it receives the parsed arguments and returns an exit
code. Errors a user can cause (unknown ids, bad arguments, unreadable files)
are one line on stderr and a non-zero exit, never a traceback.
"""

from __future__ import annotations

import argparse
import importlib
import sys
from collections.abc import Sequence

from guide import APP_NAME, __version__

COMMAND_MODULES: tuple[str, ...] = (
    "guide.commands.content",
    "guide.commands.progress",
    "guide.commands.search",
    "guide.commands.schemes",
    "guide.commands.screenshot",
)


class CommandError(Exception):
    """A user-facing failure: printed as one line, exit code 1 (or ``code``)."""

    def __init__(self, message: str, code: int = 1) -> None:
        super().__init__(message)
        self.code = code


class _Parser(argparse.ArgumentParser):
    """argparse that reports bad arguments in one line instead of usage plus error."""

    def error(self, message: str) -> None:  # type: ignore[override]
        self.exit(2, f"{self.prog}: error: {message} (try --help)\n")


def build_parser() -> argparse.ArgumentParser:
    parser = _Parser(
        prog="guide",
        description=f"{APP_NAME}: an offline guide to the UK clinical academic pathway. "
        "With no command, opens the app.",
    )
    parser.add_argument("--version", action="version", version=f"%(prog)s {__version__}")
    add_global_options(parser)
    parser.add_argument(
        "--self-test",
        action="store_true",
        help="check the content, search, rendering and progress storage, then exit",
    )
    parser.add_argument(
        "--watch",
        action="store_true",
        help="for content editors: reload the content whenever a content file is saved",
    )
    sub = parser.add_subparsers(dest="command", metavar="COMMAND", parser_class=_Parser)
    for name in COMMAND_MODULES:
        importlib.import_module(name).register(sub)
    return parser


def add_global_options(parser: argparse.ArgumentParser, *, suppress: bool = False) -> None:
    """--content and --home, accepted before or after the subcommand."""
    default = argparse.SUPPRESS if suppress else None
    parser.add_argument(
        "--content",
        action="append",
        metavar="DIR",
        default=default,
        help="extra content folder layered over the bundled content (repeatable)",
    )
    parser.add_argument(
        "--home",
        metavar="DIR",
        default=default,
        help="folder for your own data (progress, preferences); default: $GUIDE_HOME, "
        "then the per-user app data folder",
    )


class _NotForTheApp(Exception):
    pass


class _QuietParser(argparse.ArgumentParser):
    def error(self, message: str) -> None:  # type: ignore[override]
        raise _NotForTheApp(message)


def _app_arguments(argv: Sequence[str]) -> argparse.Namespace | None:
    """The parsed options when ``argv`` just opens the app (no command, help or version),
    found without importing every command module: that costs start-up ~40 ms."""
    if not argv:  # the usual start (a shortcut, a double-click): no parser, no gettext look-ups
        return argparse.Namespace(
            content=None, home=None, self_test=False, watch=False, command=None
        )
    light = _QuietParser(prog="guide", add_help=False)
    add_global_options(light)
    light.add_argument("--self-test", action="store_true")
    light.add_argument("--watch", action="store_true")
    try:
        args, rest = light.parse_known_args(list(argv))
    except _NotForTheApp:  # a malformed option: the full parser reports it
        return None
    if rest:
        return None
    args.command = None
    return args


def main(argv: Sequence[str] | None = None) -> int:
    quick = _app_arguments(sys.argv[1:] if argv is None else argv)
    args = quick if quick is not None else build_parser().parse_args(argv)
    try:
        if args.self_test:
            from guide.selftest import run_self_test

            return run_self_test(args)
        if args.command is None:
            from guide.ui.app import run_app

            return run_app(args)
        return int(args.func(args) or 0)
    except CommandError as exc:
        print(f"guide: {exc}", file=sys.stderr)
        return exc.code
    except KeyboardInterrupt:
        return 130
    except BrokenPipeError:
        return 0
