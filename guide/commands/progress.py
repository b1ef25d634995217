"""``guide progress``: list, set, export and import the personal checklist from the command line."""

from __future__ import annotations

import argparse
import datetime as dt
import json
import sys
from pathlib import Path

from guide.cli import CommandError, add_global_options
from guide.commands.common import clock_of, load_model
from guide.content.model import NATIONS, ContentModel
from guide.paths import user_home
from guide.progress import ProgressStore
from guide.progress.checklist import coming_up, find, stage_groups
from guide.progress.dates import DateError, parse_date
from guide.progress.document import ProgressFormatError
from guide.progress.export import describe_import
from guide.progress.location import MoveError, Opened, move_record, open_record
from guide.progress.model import STATUS_LABELS, STATUSES

_KEEP = object()  # "--due not given": different from "--due none", which clears it


def register(sub: argparse._SubParsersAction) -> None:
    p = sub.add_parser("progress", help="your progress checklist: list, set, export, import")
    add_global_options(p, suppress=True)
    actions = p.add_subparsers(dest="action", metavar="ACTION", parser_class=type(p))
    actions.required = True

    q = actions.add_parser("list", help="every milestone with your status, by stage")
    q.add_argument("--json", action="store_true", help="print JSON objects")
    add_global_options(q, suppress=True)
    q.set_defaults(func=cmd_list)

    q = actions.add_parser("set", help="set a milestone's status")
    q.add_argument("id", help="the milestone id (see 'guide progress list')")
    q.add_argument("status", choices=STATUSES, metavar="STATUS", help=", ".join(STATUSES))
    q.add_argument(
        "--date",
        type=_date,
        help="date done, for example 10 Aug 2026 or 10/08/2026 (with done; default today)",
    )
    q.add_argument("--note", help="replace the milestone's notes (no patient information)")
    add_global_options(q, suppress=True)
    q.set_defaults(func=cmd_set)

    q = actions.add_parser("profile", help="show or change your profile")
    q.add_argument("--name", help="your name, shown on the supervisor summary")
    q.add_argument("--nation", choices=NATIONS, help="the nation you train in")
    q.add_argument("--stage", help="your current checklist stage id, for example f1")
    q.add_argument("--specialty", help="your specialty interest")
    q.add_argument("--foundation-start", type=_date, help="foundation start date")
    add_global_options(q, suppress=True)
    q.set_defaults(func=cmd_profile)

    q = actions.add_parser("add", help="add a milestone of your own, with a due date if you like")
    q.add_argument("title", help="what you plan to do")
    q.add_argument("--stage", required=True, help="the checklist stage id it belongs to, e.g. f1")
    q.add_argument("--due", type=_date, help="your deadline, for example 31 Jan 2027")
    q.add_argument("--remind", type=int, metavar="DAYS", help="calendar reminder DAYS before")
    q.add_argument("--timing", default="", help="when, in words")
    add_global_options(q, suppress=True)
    q.set_defaults(func=cmd_add)

    q = actions.add_parser("edit", help="change one of your own milestones")
    q.add_argument("id", help="its id (see 'guide progress list')")
    q.add_argument("--title")
    q.add_argument("--stage")
    q.add_argument(
        "--due", type=_optional_date, default=_KEEP, help="a new deadline, or 'none' to clear it"
    )
    q.add_argument("--remind", type=int, metavar="DAYS", help="calendar reminder DAYS before")
    q.add_argument("--timing")
    add_global_options(q, suppress=True)
    q.set_defaults(func=cmd_edit)

    q = actions.add_parser("remove", help="remove one of your own milestones")
    q.add_argument("id", help="its id (see 'guide progress list')")
    add_global_options(q, suppress=True)
    q.set_defaults(func=cmd_remove)

    q = actions.add_parser(
        "folder", help="show or change the folder your checklist is kept in (OneDrive, H:, USB)"
    )
    q.add_argument("path", nargs="?", help="keep the checklist here from now on (moved safely)")
    q.add_argument(
        "--default", action="store_true", help="keep it in the app's own data folder again"
    )
    add_global_options(q, suppress=True)
    q.set_defaults(func=cmd_folder)

    q = actions.add_parser("coming", help="what is coming up in the next 90 days")
    add_global_options(q, suppress=True)
    q.set_defaults(func=cmd_coming)

    q = actions.add_parser(
        "export", help="export your checklist: PDF summary, calendar (ICS), CSV or JSON"
    )
    q.add_argument(
        "--format",
        choices=("pdf", "markdown", "ics", "csv", "json"),
        required=True,
        help="pdf: summary for a supervisor; markdown: the same summary as plain text for an "
        "e-portfolio; ics: coming dates for Outlook or another calendar",
    )
    q.add_argument(
        "--all-stages",
        action="store_true",
        help="summary: every stage, not just your current and previous one",
    )
    q.add_argument("-o", "--output", required=True, metavar="FILE", help="file to write")
    add_global_options(q, suppress=True)
    q.set_defaults(func=cmd_export)

    q = actions.add_parser("import", help="merge a JSON export in (the newest change wins)")
    q.add_argument("file", help="a JSON file from 'guide progress export --format json'")
    add_global_options(q, suppress=True)
    q.set_defaults(func=cmd_import)


def _date(text: str) -> dt.date:
    try:
        return parse_date(text)
    except DateError as exc:
        raise argparse.ArgumentTypeError(str(exc)) from None


def _optional_date(text: str) -> dt.date | None:
    return None if text.strip().lower() in ("none", "") else _date(text)


def open_record_for(args: argparse.Namespace, model: ContentModel | None = None) -> Opened:
    """The record wherever the user keeps it, saying on stderr what was noticed or merged."""
    opened = open_record(user_home(getattr(args, "home", None)), clock=clock_of(args))
    for notice in opened.notices:
        print(f"guide: {notice}", file=sys.stderr)
    lines = opened.merge_report(model) if model is not None else [h for h, _ in opened.merged]
    for line in lines:
        print(f"guide: {line}", file=sys.stderr)
    return opened


def open_store(args: argparse.Namespace, model: ContentModel | None = None) -> ProgressStore:
    return open_record_for(args, model).store


def _saved(store: ProgressStore) -> None:
    if store.pending:
        raise CommandError(store.error or "your change could not be saved")


def cmd_list(args: argparse.Namespace) -> int:
    model = load_model(args)
    store = open_store(args, model)
    groups = stage_groups(model, store.data)
    if args.json:
        rows = [
            {
                "id": row.milestone.id,
                "title": row.milestone.title,
                "stage": group.stage.id,
                "status": row.entry.status,
                "date_done": row.entry.date_done.isoformat() if row.entry.date_done else None,
                "notes": row.entry.notes,
                "evidence": row.entry.evidence,
                "own": row.milestone.own,
                "due": row.milestone.due.isoformat() if row.milestone.due else None,
                "remind_days": row.milestone.remind_days,
            }
            for group in groups
            for row in group.rows
        ]
        json.dump(rows, sys.stdout, indent=2, ensure_ascii=False)
        sys.stdout.write("\n")
        return 0
    for group in groups:
        print(f"{group.stage.title} ({group.done} of {group.total} done)")
        for row in group.rows:
            date = row.entry.date_done.isoformat() if row.entry.date_done else ""
            if row.milestone.due and not date:
                date = "due " + row.milestone.due.isoformat()
            print(
                f"  {row.milestone.id:<40} {STATUS_LABELS[row.entry.status]:<15} {date:<10} "
                f"{row.milestone.title}"
            )
    return 0


def cmd_set(args: argparse.Namespace) -> int:
    model = load_model(args)
    store = open_store(args, model)
    if find(model, store.data, args.id) is None:
        raise CommandError(f"no milestone with id {args.id!r} (see 'guide progress list')")
    if args.date and args.status != "done":
        raise CommandError("--date goes only with the status done")
    try:
        store.set_status(args.id, args.status, args.date)
        if args.note is not None:
            store.update_entry(args.id, notes=args.note)
    except ValueError as exc:
        raise CommandError(str(exc)) from None
    _saved(store)
    return 0


def cmd_profile(args: argparse.Namespace) -> int:
    model = load_model(args)
    store = open_store(args, model)
    changes = {
        name: value
        for name, value in (
            ("name", args.name),
            ("nation", args.nation),
            ("stage", args.stage),
            ("specialty", args.specialty),
            ("foundation_start", args.foundation_start),
        )
        if value is not None
    }
    if "stage" in changes:
        _stage_id(model, str(changes["stage"]))
    if changes:
        try:
            store.set_profile(**changes)
        except ValueError as exc:
            raise CommandError(str(exc)) from None
        _saved(store)
    p = store.profile
    print(f"name: {p.name or '-'}")
    print(f"nation: {p.nation or '-'}\nstage: {p.stage or '-'}\nspecialty: {p.specialty or '-'}")
    print(f"foundation start: {p.foundation_start.isoformat() if p.foundation_start else '-'}")
    return 0


def _stage_id(model: ContentModel, stage: str) -> str:
    """``stage`` if it is a checklist stage of this content; otherwise the one line argparse
    gives for any other bad choice (the stages come from the content, so argparse cannot)."""
    stage_ids = [s.id for s in model.checklist_stages]
    if stage not in stage_ids:
        raise CommandError(
            f"argument --stage: invalid choice: {stage!r} (choose from {', '.join(stage_ids)})"
        )
    return stage


def cmd_add(args: argparse.Namespace) -> int:
    model = load_model(args)
    store = open_store(args, model)
    try:
        own_id = store.add_own(
            args.title,
            _stage_id(model, args.stage),
            timing=args.timing,
            due=args.due,
            remind_days=args.remind,
        )
    except ValueError as exc:
        raise CommandError(str(exc)) from None
    _saved(store)
    print(own_id)
    return 0


def cmd_edit(args: argparse.Namespace) -> int:
    model = load_model(args)
    store = open_store(args, model)
    if args.id not in store.own_milestones():
        raise CommandError(f"you have no milestone of your own with id {args.id!r}")
    fields: dict[str, object] = {
        name: value
        for name, value in (("title", args.title), ("timing", args.timing))
        if value is not None
    }
    if args.stage is not None:
        fields["stage"] = _stage_id(model, args.stage)
    if args.due is not _KEEP:
        fields["due"] = args.due
    if args.remind is not None:
        fields["remind_days"] = args.remind
    try:
        store.update_own(args.id, **fields)
    except ValueError as exc:
        raise CommandError(str(exc)) from None
    _saved(store)
    return 0


def cmd_remove(args: argparse.Namespace) -> int:
    store = open_store(args)
    if args.id not in store.own_milestones():
        raise CommandError(f"you have no milestone of your own with id {args.id!r}")
    store.delete_own(args.id)
    _saved(store)
    return 0


def cmd_folder(args: argparse.Namespace) -> int:
    model = load_model(args)
    opened = open_record_for(args, model)
    if args.path and args.default:
        raise CommandError("give a folder or --default, not both")
    target = opened.home if args.default else Path(args.path) if args.path else None
    if target is not None:
        try:
            opened = move_record(opened, target, clock=clock_of(args))
        except MoveError as exc:
            raise CommandError(str(exc)) from None
        for notice in opened.notices:
            print(notice, file=sys.stderr)
    chosen = opened.location.folder
    print(f"kept in: {chosen or opened.home}{'' if chosen else ' (the default)'}")
    if opened.offline:
        print(f"working on the local copy: {opened.folder}")
    return 0


def cmd_coming(args: argparse.Namespace) -> int:
    model = load_model(args)
    store = open_store(args, model)
    found = coming_up(model, store.data, store.clock.today())
    if not found:
        print("Nothing is coming up in the next 90 days for your stage and nation.")
    for c in found:
        when = ("overdue since " if c.overdue else "due ") + c.when if c.due else c.when
        print(f"{when:<28} {c.milestone.title}")
    return 0


def cmd_export(args: argparse.Namespace) -> int:
    model = load_model(args)
    store = open_store(args, model)
    out = Path(args.output)
    if not out.parent.is_dir():
        raise CommandError(f"cannot write {out}: the folder {out.parent} does not exist")
    try:
        if args.format == "json":
            store.export_json(out)
        elif args.format == "markdown":
            from guide.progress.files import atomic_write
            from guide.progress.summary import summary_markdown

            text = summary_markdown(
                model, store.data, store.clock.today(), include_all=args.all_stages
            )
            atomic_write(out, text.encode("utf-8"))
        elif args.format == "ics":
            from guide.progress.files import atomic_write
            from guide.progress.ics import to_ics

            atomic_write(out, to_ics(model, store.data, store.clock.today(), store.clock.now()))
        elif args.format == "csv":
            from guide.progress.export import to_csv
            from guide.progress.files import atomic_write

            atomic_write(out, to_csv(model, store.data).encode("utf-8-sig"))
        else:
            from guide.progress.pdf import write_pdf

            write_pdf(model, store.data, out, store.clock.today(), include_all=args.all_stages)
    except OSError as exc:
        raise CommandError(f"cannot write {out}: {exc.strerror or exc}") from None
    print(f"wrote {out}", file=sys.stderr)
    return 0


def cmd_import(args: argparse.Namespace) -> int:
    model = load_model(args)
    store = open_store(args, model)
    try:
        result = store.import_file(Path(args.file))
    except OSError as exc:
        raise CommandError(f"cannot read {args.file}: {exc.strerror or exc}") from None
    except ProgressFormatError as exc:
        raise CommandError(f"{args.file} cannot be imported: {exc}") from None
    for line in describe_import(model, store.data, result):
        print(line)
    _saved(store)
    return 0
