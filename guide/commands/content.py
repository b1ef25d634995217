"""``guide list``, ``guide show``, ``guide validate`` and ``guide review``."""

from __future__ import annotations

import argparse
import datetime as dt
import json
import sys
from typing import Any

from guide.cli import CommandError, add_global_options
from guide.commands.common import clock_of, load_model
from guide.content.model import KINDS, ContentModel, Edition, Item
from guide.content.pages import PageComposer
from guide.content.render import html_to_text
from guide.content.review import DEFAULT_WITHIN, due_for_review, parse_within


def register(sub: argparse._SubParsersAction) -> None:
    p = sub.add_parser("list", help="list every item with its id, kind and title")
    p.add_argument(
        "--json", action="store_true", help="print JSON with every field and where it came from"
    )
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
    p.add_argument(
        "--strict",
        action="store_true",
        help="treat warnings (content due for review, unreachable folders) as errors",
    )
    add_global_options(p, suppress=True)
    p.set_defaults(func=cmd_validate)

    p = sub.add_parser(
        "review",
        help="list pages and schemes due for review, with FILE:LINE",
        description="Pages past or near their next_review, schemes past their next check "
        "(or a year after last_checked) and schemes whose listed rounds have all closed.",
    )
    p.add_argument(
        "--within",
        type=_within,
        default=DEFAULT_WITHIN,
        metavar="PERIOD",
        help="also list what falls due within PERIOD, for example 60d, 8w, 2m (default 30d)",
    )
    p.add_argument("--json", action="store_true", help="print a JSON array")
    add_global_options(p, suppress=True)
    p.set_defaults(func=cmd_review)


def _within(text: str) -> dt.timedelta:
    try:
        return parse_within(text)
    except ValueError as exc:
        raise argparse.ArgumentTypeError(str(exc)) from None


def origin(model: ContentModel, item: Item) -> dict[str, Any]:
    """Where an item came from: its file, its folder, and what it replaces."""
    edition = model.edition_of(item)
    out: dict[str, Any] = {"file": f"{item.path}:{item.line}"}
    if edition is not None:
        out["folder"] = edition.root
        out["folder_title"] = edition.title
        out["local"] = edition.scope == "local"
    if item.overrides:
        out["overrides"] = item.overrides
    return out


def cmd_list(args: argparse.Namespace) -> int:
    model = load_model(args)
    items = [i for i in model if not args.kind or i.kind == args.kind]
    if args.json:
        rows = [{**i.to_json(), "origin": origin(model, i)} for i in items]
        json.dump(rows, sys.stdout, indent=2, ensure_ascii=False)
        sys.stdout.write("\n")
    else:
        for item in items:
            print(f"{item.id:<40} {item.kind:<10} {item.title}")
    return 0


def cmd_show(args: argparse.Namespace) -> int:
    model = load_model(args)
    item = model.get(args.id)
    if item is None:
        failed = model.failed.get(args.id)
        if failed is not None:
            why = "; ".join(str(p) for p in failed.problems)
            raise CommandError(f"{args.id!r} could not be loaded: {why}")
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


def _describe(number: int, edition: Edition, model: ContentModel) -> str:
    bits = [edition.scope]
    if edition.edition:
        bits.append(f"edition {edition.edition.isoformat()}")
    if edition.publisher:
        bits.append(f"from {edition.publisher}")
    text = f"  {number}. {edition.title} ({', '.join(bits)})\n     {edition.root}"
    if edition.source:
        text += f"\n     chosen by: {edition.source}"
    replaced = [i for i in model if i.overrides and model.edition_of(i) is edition]
    if replaced:
        names = ", ".join(f"{i.id} (was {i.overrides})" for i in replaced[:5])
        more = f" and {len(replaced) - 5} more" if len(replaced) > 5 else ""
        text += f"\n     replaces {len(replaced)} earlier item(s): {names}{more}"
    return text


def cmd_validate(args: argparse.Namespace) -> int:
    model = load_model(args)
    review = [
        due.problem(strict=args.strict) for due in due_for_review(model, clock_of(args).today())
    ]
    problems = [*model.problems, *review]
    if args.strict:
        problems = [p if p.is_error else _as_error(p) for p in problems]
    print("Content folders, in the order they are layered:", file=sys.stderr)
    for number, edition in enumerate(model.editions, start=1):
        print(_describe(number, edition, model), file=sys.stderr)
    for problem in problems:
        print(problem.explained())
    errors = sum(p.is_error for p in problems)
    warnings = len(problems) - errors
    if errors:
        print(f"{errors} problem(s) found" + (f", {warnings} warning(s)" if warnings else ""),
              file=sys.stderr)  # fmt: skip
        return 1
    tail = f", {warnings} warning(s) (see above)" if warnings else ": no problems"
    print(f"{len(model)} items checked{tail}", file=sys.stderr)
    return 0


def _as_error(problem: Any) -> Any:

    return problem._replace(severity="error")


def cmd_review(args: argparse.Namespace) -> int:
    model = load_model(args)
    due = due_for_review(model, clock_of(args).today(), args.within)
    if args.json:
        json.dump([d.to_json() for d in due], sys.stdout, indent=2, ensure_ascii=False)
        sys.stdout.write("\n")
        return 0
    for entry in due:
        print(entry)
    overdue = sum(d.overdue for d in due)
    print(
        f"{overdue} overdue, {len(due) - overdue} due soon" if due else "nothing due for review",
        file=sys.stderr,
    )
    return 0
