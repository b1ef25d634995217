"""``guide schemes``: the scheme finder on the command line, filtered, sorted, compared, as CSV.

``guide schemes [--stage ID] [--nation N] [--funder F] [--open-soon] [--sort COL]
[--desc]`` lists schemes as a text table; ``--csv FILE`` writes the same rows
for a spreadsheet (``-`` for stdout); ``--compare ID ID [ID [ID]]`` lines two
to four schemes up field by field (with ``--csv``, as a CSV file). "Open now or
soon" is judged against today (``GUIDE_TODAY`` shifts it).
"""

from __future__ import annotations

import argparse
import sys

from guide.cli import CommandError, add_global_options
from guide.clock import from_environment
from guide.commands.common import load_model
from guide.content.model import NATIONS
from guide.schemes import (
    MAX_COMPARE,
    SORT_KEYS,
    SchemeTable,
    compare,
    comparison_csv,
    table_csv,
    write_csv,
)
from guide.schemes.compare import TABLE_COLUMNS


def register(sub: argparse._SubParsersAction) -> None:
    p = sub.add_parser(
        "schemes",
        help="list, filter, sort and compare funding schemes; --csv for a spreadsheet",
        description="The scheme finder: every funding scheme with its funder, stage, nations, "
        "length, research time and next round.",
    )
    p.add_argument("--stage", metavar="SECTION_ID", help="only schemes for this stage")
    p.add_argument("--nation", choices=NATIONS, help="only schemes open to this nation")
    p.add_argument("--funder", metavar="NAME", help="only this funder (for example NIHR, MRC)")
    p.add_argument("--open-soon", action="store_true", help="only schemes open now or opening soon")
    p.add_argument("--sort", choices=SORT_KEYS, default="name", help="column to sort by")
    p.add_argument("--desc", action="store_true", help="sort from the largest or latest")
    p.add_argument(
        "--compare",
        nargs="+",
        metavar="ID",
        help=f"compare 2 to {MAX_COMPARE} schemes by id, field by field",
    )
    p.add_argument("--csv", metavar="FILE", help="write CSV to FILE ('-' for the screen)")
    add_global_options(p, suppress=True)
    p.set_defaults(func=cmd_schemes)


def cmd_schemes(args: argparse.Namespace) -> int:
    try:
        clock = from_environment()
    except ValueError as exc:
        raise CommandError(str(exc)) from None
    table = SchemeTable.from_model(load_model(args), clock)
    if args.stage and args.stage not in {s for s, _ in table.stages}:
        known = ", ".join(s for s, _ in table.stages)
        raise CommandError(f"no schemes for stage {args.stage!r}; use one of {known}")
    if args.funder and args.funder not in table.funders():
        raise CommandError(
            f"no funder called {args.funder!r}; use one of {', '.join(table.funders())}"
        )
    if args.compare:
        rows = []
        for scheme_id in args.compare:
            row = table.get(scheme_id)
            if row is None:
                raise CommandError(f"no scheme with the id {scheme_id!r} (try: guide schemes)")
            rows.append(row)
        try:
            lines = compare(rows)
        except ValueError as exc:
            raise CommandError(str(exc)) from None
        if args.csv:
            _write(args.csv, comparison_csv(rows))
        else:
            for line in lines:
                print(f"{line.label}:")
                for row, value in zip(rows, line.values, strict=True):
                    print(f"  {row.id}: {value}")
        return 0
    rows = table.select(
        stage=args.stage,
        nation=args.nation,
        funder=args.funder,
        open_soon=args.open_soon,
        sort=args.sort,
        descending=args.desc,
    )
    if args.csv:
        _write(args.csv, table_csv(rows))
        return 0
    if not rows:
        print("No schemes match these filters.", file=sys.stderr)
        return 0
    for row in rows:
        print(f"{row.id}  {row.name}")
        for label, get in TABLE_COLUMNS[1:]:
            print(f"    {label}: {get(row)}")
    return 0


def _write(target: str, text: str) -> None:
    if target == "-":
        sys.stdout.write(text)
        return
    try:
        write_csv(target, text)
    except OSError as exc:
        raise CommandError(f"could not write {target}: {exc.strerror or exc}") from None
