"""`kit import ...`: turn existing open training material into pack sources."""

from __future__ import annotations

import argparse
import sys
from pathlib import Path

from kit.i18n import _, ngettext


def register(sub: argparse._SubParsersAction) -> None:
    imp = sub.add_parser("import", help=_("turn existing training material into pack sources"))
    isub = imp.add_subparsers(dest="import_command", metavar=_("COMMAND"), required=True)
    p = isub.add_parser(
        "wikiedu",
        help=_("Wiki Education Dashboard training (one pack source per library)"),
        description=_(
            "Write one pack source per library of a Dashboard training folder (libraries/, "
            "modules/, slides/). Example: kit import wikiedu training_content/wiki_ed -o packs/"
        ),
    )
    p.add_argument("src", metavar="TRAINING_DIR")
    _common(p)
    p.set_defaults(func=cmd_wikiedu)
    p = isub.add_parser(
        "carpentries",
        help=_("a Carpentries (Workbench) lesson (one pack source)"),
        description=_(
            "Write one pack source for a Carpentries Workbench lesson (config.yaml, "
            "episodes/). Example: kit import carpentries lc-wikidata -o packs/"
        ),
    )
    p.add_argument("src", metavar="LESSON_DIR")
    p.add_argument("--id", help=_("the pack's id (default: from the lesson's source address)"))
    _common(p)
    p.set_defaults(func=cmd_carpentries)


def _common(p: argparse.ArgumentParser) -> None:
    p.add_argument("-o", "--output", metavar="OUT_DIR", required=True, help=_("where to write"))
    p.add_argument(
        "--fetch-media", action="store_true", help=_("download remote images into the packs")
    )
    p.add_argument(
        "--cache", metavar="DIR", help=_("keep downloads here (default: OUT_DIR/.media-cache)")
    )
    p.add_argument(
        "--media-mirror",
        metavar="URL",
        help=_("fetch remote media from this server instead (same paths)"),
    )
    p.add_argument("--timeout", type=float, default=20.0, metavar="SECONDS", help=_("per download"))
    p.add_argument(
        "--video-dir",
        metavar="DIR",
        help=_("local video files named after their YouTube id (ID.mp4, ID.webm)"),
    )
    p.add_argument("--pack-version", default="1.0.0", metavar="VERSION")


def _options(args: argparse.Namespace):  # -> ImportOptions
    from kit.core.errors import KitError
    from kit.core.importers.common import ImportOptions
    from kit.core.packformat.fields import SEMVER_RE

    if not SEMVER_RE.match(args.pack_version):
        raise KitError(_("'{v}' is not a version such as 1.0.0.").format(v=args.pack_version))
    if args.media_mirror and not args.media_mirror.startswith(("http://", "https://")):
        raise KitError(_("--media-mirror must be an http or https address."))
    out = Path(args.output)
    return ImportOptions(
        fetch_media=args.fetch_media,
        cache_dir=Path(args.cache) if args.cache else out / ".media-cache",
        media_mirror=args.media_mirror,
        timeout=max(1.0, args.timeout),
        video_dir=Path(args.video_dir) if args.video_dir else None,
        pack_version=args.pack_version,
    )


def _print_report(report) -> int:  # report: ImportReport
    for warning in report.warnings:
        print(_("warning: {w}").format(w=warning), file=sys.stderr)
    for path in report.packs:
        print(_("Wrote {path}").format(path=path))
    n = len(report.packs)
    print(
        ngettext("{n} pack source written", "{n} pack sources written", n).format(n=n)
        + "; "
        + ngettext("{n} warning", "{n} warnings", len(report.warnings)).format(
            n=len(report.warnings)
        )
        + "; "
        + _(
            "media: {fetched} downloaded, {cached} from the cache, {failed} failed, "
            "{placeholders} placeholders, {videos} videos linked."
        ).format(
            fetched=report.media_fetched,
            cached=report.media_cached,
            failed=len(report.media_failed),
            placeholders=report.placeholders,
            videos=report.videos,
        )
    )
    print(_("Check each with: kit pack validate DIR"))
    return 0


def cmd_wikiedu(args: argparse.Namespace) -> int:
    from kit.core.importers.wikiedu import import_wikiedu

    return _print_report(import_wikiedu(Path(args.src), Path(args.output), _options(args)))


def cmd_carpentries(args: argparse.Namespace) -> int:
    from kit.core.importers.carpentries import import_carpentries

    report = import_carpentries(Path(args.src), Path(args.output), _options(args), args.id)
    return _print_report(report)
