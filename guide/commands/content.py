"""``guide list``, ``guide show`` and ``guide validate``."""

from __future__ import annotations

import argparse
import json
import sys

from guide.cli import CommandError, add_global_options
from guide.commands.common import clock_of, load_model
from guide.content.model import KINDS
from guide.content.pages import PageComposer
from guide.content.render import html_to_text


def register(sub: argparse._SubParsersAction) -> None:
    p = sub.add_parser("list", help="list every item with its id, kind and title")
    p.add_argument("--json", action="store_true", help="print JSON with every field")
    p.add_argument("--kind", choices=KINDS, help="only items of this kind")
    add_global_options(p, suppress=True)
    p.set_defaults(func=cmd_list)

    p = sub.add_parser("show", help="print one item")
    p.add_argument("id", help="the item's id, for example pre-doctoral")
    p.add_argument(
        "--format", choices=("text", "markdown", "html"), default="text", help="output format"
    )
    add_global_options(p, suppress=True)
    p.set_defaults(func=cmd_show)

    p = sub.add_parser(
        "validate", help="check all content; print FILE:LINE: message for each problem"
    )
    add_global_options(p, suppress=True)
    p.set_defaults(func=cmd_validate)


def cmd_list(args: argparse.Namespace) -> int:
    model = load_model(args)
    items = [i for i in model if not args.kind or i.kind == args.kind]
    if args.json:
        json.dump([i.to_json() for i in items], sys.stdout, indent=2, ensure_ascii=False)
        sys.stdout.write("\n")
    else:
        for item in items:
            print(f"{item.id:<40} {item.kind:<10} {item.title}")
    return 0


def cmd_show(args: argparse.Namespace) -> int:
    model = load_model(args)
    item = model.get(args.id)
    if item is None:
        raise CommandError(f"no item with id {args.id!r} (see 'guide list')")
    composer = PageComposer(model, clock=clock_of(args))
    if args.format == "markdown":
        print(f"# {item.title}\n\n{item.body}".rstrip())
    elif args.format == "html":
        print(composer.compose(item).html)
    else:
        # The composed page always starts with its title, so its text is never empty.
        print(html_to_text(composer.compose(item).html))
    return 0


def cmd_validate(args: argparse.Namespace) -> int:
    model = load_model(args)
    for problem in model.problems:
        print(problem)
    if model.problems:
        print(f"{len(model.problems)} problem(s) found", file=sys.stderr)
        return 1
    print(f"{len(model)} items checked: no problems", file=sys.stderr)
    return 0
