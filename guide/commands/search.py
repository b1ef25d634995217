"""``guide search``: ranked search from the command line, one query or a batch on stdin.

``guide search QUERY [--json] [--limit N] [--kind KIND]`` prints the results (with
filters and no query it lists everything they allow, e.g. every scheme for Wales);
``guide search --stdin [--limit N]`` reads one query per line and prints one
JSON array per line (for batch use and benchmarks). JSON results are objects
with ``id``, ``kind``, ``title``, ``snippet`` (matched words marked ``**``)
and ``score``. "Did you mean" suggestions and the note about a missing FTS5
go to stderr, so stdout stays machine-readable.
"""

from __future__ import annotations

import argparse
import json
import sys

from guide.cli import CommandError, add_global_options
from guide.commands.common import load_model
from guide.content.model import KINDS, NATIONS
from guide.search import SearchIndex, SearchResponse


def register(sub: argparse._SubParsersAction) -> None:
    p = sub.add_parser(
        "search",
        help="search the guide; --stdin reads one query per line and prints JSON lines",
        description="Search every page, scheme, story, milestone and glossary term. "
        "Acronyms, former scheme names and small typos are understood.",
    )
    p.add_argument(
        "query",
        nargs="*",
        help="what to search for, for example: research after CCT (leave out to list "
        "everything the filters allow)",
    )
    p.add_argument("--json", action="store_true", help="print a JSON array of results")
    p.add_argument(
        "--stdin",
        action="store_true",
        help="read one query per line from stdin; print one JSON array per line",
    )
    p.add_argument("--limit", type=_positive, default=10, metavar="N", help="at most N results")
    p.add_argument("--kind", choices=KINDS, action="append", help="only this kind (repeatable)")
    p.add_argument("--stage", metavar="SECTION_ID", help="only items for this stage")
    p.add_argument("--nation", choices=NATIONS, help="only items that apply in this nation")
    add_global_options(p, suppress=True)
    p.set_defaults(func=cmd_search)


def _positive(text: str) -> int:
    try:
        value = int(text)
    except ValueError:
        raise argparse.ArgumentTypeError(f"{text!r} is not a whole number") from None
    if value < 1:
        raise argparse.ArgumentTypeError("must be 1 or more")
    return value


def _search(index: SearchIndex, query: str, args: argparse.Namespace) -> SearchResponse:
    try:
        return index.search(
            query, limit=args.limit, kinds=args.kind, stage=args.stage, nation=args.nation
        )
    except ValueError as exc:  # an unknown stage id
        raise CommandError(str(exc)) from None


def cmd_search(args: argparse.Namespace) -> int:
    query = " ".join(args.query).strip()
    if args.stdin and query:
        raise CommandError("give a query or --stdin, not both")
    filtered = bool(args.kind or args.stage or args.nation)
    if not args.stdin and not query and not filtered:
        raise CommandError(
            "give something to search for, a filter (--kind, --stage, --nation) or --stdin "
            "(try --help)"
        )
    index = SearchIndex.build(load_model(args))
    if index.notice:
        print(f"guide: note: {index.notice}", file=sys.stderr)
    if args.stdin:
        for line in sys.stdin:
            response = _search(index, line.rstrip("\r\n"), args)
            sys.stdout.write(_json(response) + "\n")
            sys.stdout.flush()
        return 0
    response = _search(index, query, args)
    if response.suggestion:
        print(f"Did you mean: {response.suggestion}?", file=sys.stderr)
    if args.json:
        print(_json(response, indent=2))
    elif not response.results:
        print("No results.", file=sys.stderr)
    else:
        for result in response.results:
            print(f"{result.id}  ({result.kind})  {result.title}")
            print(f"    {result.snippet.marked()}")
    return 0


def _json(response: SearchResponse, indent: int | None = None) -> str:
    return json.dumps([r.to_json() for r in response.results], ensure_ascii=False, indent=indent)
