"""`kit workshop prepost set|answer|show`: a workshop's pre-test and post-test
(kit.core.workshops.prepost). Registered from kit.cli.workshop."""

from __future__ import annotations

import argparse
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import asdict
from typing import Any

from kit.cli.output import print_json, read_secret
from kit.i18n import _, format_number


def register(wsub: argparse._SubParsersAction) -> None:
    pp = wsub.add_parser("prepost", help=_("a workshop's pre-test and post-test"))
    sub = pp.add_subparsers(dest="prepost_command", metavar=_("COMMAND"), required=True)
    p = sub.add_parser(
        "set",
        help=_("choose the questions of the pre-test and post-test"),
        description=_(
            "Make a quiz or a rating survey of an installed pack (PACK/ITEM), or the built-in "
            "confidence survey (confidence), the workshop's pre-test and post-test. "
            "Example: kit workshop prepost set 'Wiki editing' getting-started/check-learning"
        ),
    )
    p.add_argument("workshop", metavar=_("WORKSHOP"))
    p.add_argument("questions", metavar="PACK/ITEM")
    p.add_argument("--json", action="store_true", help=_("print JSON"))
    p.set_defaults(func=cmd_set)
    p = sub.add_parser(
        "answer",
        help=_("keep one participant's answers to the pre-test or post-test"),
        description=_(
            "Keep one response, paired through a learner profile (its PIN is read from the "
            "terminal or standard input) or a code the participant made up. Example: kit "
            "workshop prepost answer 'Wiki editing' pre --code MJ14 --answer c1=2 --answer c2=3"
        ),
    )
    p.add_argument("workshop", metavar=_("WORKSHOP"))
    p.add_argument("phase", choices=("pre", "post"))
    who = p.add_mutually_exclusive_group(required=True)
    who.add_argument("--profile", metavar=_("NAME"), help=_("the learner profile answering"))
    who.add_argument("--code", metavar=_("CODE"), help=_("the code the participant made up"))
    p.add_argument(
        "--answer",
        action="append",
        default=[],
        metavar="QUESTION=ANSWER",
        help=_("repeatable; several choices comma-separated"),
    )
    p.add_argument("--json", action="store_true", help=_("print JSON"))
    p.set_defaults(func=cmd_answer)
    p = sub.add_parser(
        "show", help=_("show the questions (ids for --answer), the pairs and the room's change")
    )
    p.add_argument("workshop", metavar=_("WORKSHOP"))
    p.add_argument("--json", action="store_true", help=_("print JSON"))
    p.set_defaults(func=cmd_show)


@contextmanager
def _opened(args: argparse.Namespace) -> Iterator[tuple[Any, Any, Any]]:
    from kit.core.library import Library
    from kit.core.paths import resolve_data_dir
    from kit.core.records import Records
    from kit.core.workshops import Workshops

    data_dir = resolve_data_dir(args.data_dir)
    with Records(data_dir) as records, Library(data_dir) as library:
        yield records, library, Workshops(records.rdb).find(args.workshop)


def cmd_set(args: argparse.Namespace) -> int:
    from kit.core.workshops.prepost import PrePost, load_instrument

    pack_id, _sep, item_id = args.questions.rpartition("/")
    with _opened(args) as (records, library, shop):
        chosen = PrePost(records.rdb).choose(shop.id, load_instrument(library, pack_id, item_id))
    if args.json:
        print_json({"workshop": shop.id, "questions": chosen.ref, "kind": chosen.kind})
    else:
        print(
            _("The pre-test and post-test of {workshop} are now: {title}.").format(
                workshop=shop.title, title=chosen.title
            )
        )
    return 0


def _key(records: Any, args: argparse.Namespace) -> Any:
    from kit.cli.records import find_profile
    from kit.core.workshops.prepost import code_key, profile_key

    if args.code is not None:
        return code_key(args.code)
    who = find_profile(records, args.profile)
    pin = read_secret(_("PIN of {name}: ").format(name=who.name)) if who.has_pin else None
    return profile_key(records, who.id, pin)


def cmd_answer(args: argparse.Namespace) -> int:
    from kit.core.workshops import WorkshopError
    from kit.core.workshops.prepost import PrePost, load_instrument, parse_answer

    with _opened(args) as (records, library, shop):
        pp = PrePost(records.rdb)
        chosen = pp.instrument(shop.id)
        if chosen is None:
            raise WorkshopError(
                _("Choose the pre/post test first: kit workshop prepost set WORKSHOP PACK/ITEM.")
            )
        instrument = load_instrument(library, chosen.pack_id, chosen.item_id)
        answers = dict(parse_answer(instrument, text) for text in args.answer)
        key = _key(records, args)
        value = pp.answer(shop.id, args.phase, key, answers, instrument)
    if args.json:
        print_json({"phase": args.phase, "score": value, "answered": len(answers)})
    else:
        shown = "-" if value is None else format_number(round(value, 2))
        print(_("Kept the answers; score {score}.").format(score=shown))
    return 0


def _asked(instrument: Any) -> list[dict[str, Any]]:
    """The questions as `answer` takes them: ids and answer texts, never which is right."""
    return [
        {
            "id": str(q["id"]),
            "type": str(q.get("type")),
            "prompt": str(q.get("prompt") or ""),
            "choices": [
                {"id": str(c["id"]), "text": str(c["text"])} for c in q.get("choices") or []
            ],
        }
        for q in instrument.questions
    ]


def cmd_show(args: argparse.Namespace) -> int:
    from kit.core.errors import KitError
    from kit.core.workshops.prepost import PrePost, load_instrument, section

    with _opened(args) as (records, library, shop):
        chosen = PrePost(records.rdb).instrument(shop.id)
        part = section(records.rdb, shop)
        try:
            asked = (
                _asked(load_instrument(library, chosen.pack_id, chosen.item_id)) if chosen else []
            )
        except KitError:  # its pack was removed: the results stay readable
            asked = []
    if args.json:
        print_json(
            {
                "questions": chosen.ref if chosen else None,
                "asked": asked,
                "section": asdict(part) if part else None,
            }
        )
        return 0
    if chosen is None:
        print(_("{workshop} has no pre/post test yet.").format(workshop=shop.title))
        return 0
    print(_("Pre/post test: {title}").format(title=chosen.title))
    for q in asked:
        options = ", ".join(f"{c['id']}={c['text']}" for c in q["choices"])
        print(f"  {q['id']}: {q['prompt']}" + (f" [{options}]" if options else ""))
    if part is None:
        print(_("No answers yet."))
        return 0
    for figure in part.figures:
        value = "-" if figure.value is None else format_number(figure.value)
        print(f"{figure.label}: {value}")
        print(f"    {figure.definition}")
    for table in part.tables:
        print(table.title)
        for row in table.rows:
            print("  " + "  ".join("-" if c is None else str(c) for c in row))
    for note in part.notes:
        print(note)
    return 0
