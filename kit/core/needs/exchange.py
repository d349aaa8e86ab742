"""Needs-assessment responses carried between computers in one JSON file.

    {"format": "training-kit-needs-responses", "format_version": 1,
     "survey": {"pack_id": ..., "item_id": ...},
     "responses": [{"id": 32 hex digits, "version": ..., "day": "2026-12-02",
                    "answers": {question id: choice id | [choice ids] | text}}],
     "sha256": digest of the rest (canonical JSON)}

Anonymous as the records are: no profile, no time of day. Importing reads and checks
every file first (the checksum, every field, every answer against the installed
survey) and then stores all new responses in one transaction, marked "imported"; a
response whose id is already here is skipped, so importing a file twice adds nothing.
A damaged or hostile file is refused with one sentence and nothing changes.
"""

from __future__ import annotations

import datetime
import hashlib
import json
import re
from collections.abc import Callable, Mapping, Sequence
from pathlib import Path
from typing import Any

from kit.core import strictjson
from kit.core.fsutil import write_atomic
from kit.core.needs.store import IMPORTED, NeedsResponses, Response, checked_answers
from kit.core.needs.survey import NeedsError, NeedsSurvey
from kit.i18n import _

FORMAT = "training-kit-needs-responses"
FORMAT_VERSION = 1
MAX_FILE_BYTES = 64 * 1024 * 1024
_ID = re.compile(r"[0-9a-f]{32}")


def digest(payload: Mapping[str, Any]) -> str:
    canonical = json.dumps(payload, sort_keys=True, ensure_ascii=False, separators=(",", ":"))
    return hashlib.sha256(canonical.encode("utf-8")).hexdigest()


def export_responses(store: NeedsResponses, survey: NeedsSurvey, path: Path) -> int:
    """Write every response to `survey` to `path` (whole or not at all); returns how many."""
    responses = store.responses(survey)
    payload: dict[str, Any] = {
        "format": FORMAT,
        "format_version": FORMAT_VERSION,
        "survey": {"pack_id": survey.pack_id, "item_id": survey.item_id},
        "responses": [
            {"id": r.id, "version": r.version, "day": r.day, "answers": dict(r.answers)}
            for r in responses
        ],
    }
    payload["sha256"] = digest(payload)
    data = json.dumps(payload, ensure_ascii=False, indent=1, sort_keys=True).encode("utf-8")
    write_atomic(path, data)
    return len(responses)


def _refuse(path: Path, reason: str) -> NeedsError:
    return NeedsError(
        _("{file} was not imported: {reason}. Nothing was changed.").format(
            file=path.name, reason=reason
        )
    )


def _load(path: Path) -> dict[str, Any]:
    try:
        with path.open("rb") as fh:
            data = fh.read(MAX_FILE_BYTES + 1)
    except OSError as exc:
        raise _refuse(path, exc.strerror or _("it could not be read")) from None
    if len(data) > MAX_FILE_BYTES:
        raise _refuse(path, _("it is too large to be a file of responses"))
    try:
        payload = strictjson.loads(data)
    except strictjson.StrictJSONError as exc:
        raise _refuse(path, _("it {reason}").format(reason=_(exc.reason))) from None
    except UnicodeDecodeError:
        raise _refuse(path, _("it is not a text file")) from None
    if not isinstance(payload, dict) or payload.get("format") != FORMAT:
        raise _refuse(path, _("it is not a file of needs-assessment responses"))
    version = payload.get("format_version")
    if isinstance(version, int) and version > FORMAT_VERSION:
        raise _refuse(path, _("it was made by a newer Training Kit; update this one"))
    if version != FORMAT_VERSION:
        raise _refuse(path, _("its format version is not one this Training Kit knows"))
    claimed = payload.pop("sha256", None)
    if claimed != digest(payload):
        raise _refuse(path, _("it is damaged (its checksum does not match)"))
    return payload


def _response(survey: NeedsSurvey, raw: Any) -> Response:
    """One response of a file, every field checked; ValueError when one is wrong."""
    if not isinstance(raw, dict) or set(raw) - {"id", "version", "day", "answers"}:
        raise ValueError
    rid, version, day, answers = (
        raw.get("id"),
        raw.get("version"),
        raw.get("day"),
        raw.get("answers"),
    )
    if not (isinstance(rid, str) and _ID.fullmatch(rid)):
        raise ValueError
    if not (isinstance(version, str) and len(version) <= 64 and version.isprintable()):
        raise ValueError
    if not isinstance(day, str) or datetime.date.fromisoformat(day).isoformat() != day:
        raise ValueError
    if not isinstance(answers, dict) or not all(_answer_shape(v) for v in answers.values()):
        raise ValueError
    checked = checked_answers(survey, answers)
    if not checked:
        raise ValueError
    return Response(rid, survey.pack_id, survey.item_id, version, IMPORTED, day, checked)


def _answer_shape(value: Any) -> bool:
    if isinstance(value, list):
        return len(value) <= 100 and all(isinstance(v, str) for v in value)
    return isinstance(value, str)


def read_file(path: Path, find_survey: Callable[[str, str], NeedsSurvey | None]) -> list[Response]:
    """The responses of one file, checked; NeedsError (one sentence) when refused.
    `find_survey(pack_id, item_id)` gives the installed survey, None if not installed."""
    payload = _load(path)
    survey_ref = payload.get("survey")
    responses = payload.get("responses")
    if not isinstance(survey_ref, dict) or not isinstance(responses, list):
        raise _refuse(path, _("it is not a file of needs-assessment responses"))
    pack_id, item_id = survey_ref.get("pack_id"), survey_ref.get("item_id")
    if not isinstance(pack_id, str) or not isinstance(item_id, str):
        raise _refuse(path, _("it does not say which survey it answers"))
    survey = find_survey(pack_id, item_id)
    if survey is None:
        raise _refuse(
            path,
            _("it answers the survey {survey}, which is not installed here").format(
                survey=f"{pack_id}/{item_id}"
            ),
        )
    out = []
    for number, raw in enumerate(responses, start=1):
        try:
            out.append(_response(survey, raw))
        except (ValueError, NeedsError):
            raise _refuse(
                path, _("response {number} in it is not valid").format(number=number)
            ) from None
    return out


def import_files(
    store: NeedsResponses,
    paths: Sequence[Path],
    find_survey: Callable[[str, str], NeedsSurvey | None],
) -> tuple[int, int]:
    """Import every file, all or nothing; returns (new responses, already here)."""
    responses = [r for path in paths for r in read_file(path, find_survey)]
    added = store.add(responses)
    return added, len({r.id for r in responses}) - added
