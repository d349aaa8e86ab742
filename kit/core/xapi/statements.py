"""Records to xAPI 1.0.3 statements (https://github.com/adlnet/xAPI-Spec).

* actor: an account, homePage = this installation's (or organisation's) home page,
  name = the profile's stable random id (a check-in of a participant without a profile:
  the participant's id). No names: profiles hold no consent to share one.
* verb: the ADL verb of `kit.core.records.verbs` (viewed = experienced, ...).
* object: an Activity whose id is an IRI built from the pack and item ids (or the
  workshop session or poll id) under `activity_base`.
* result: score (scaled 0..1, raw, min, max), success, completion, response.
* context: the workshop as registration (a UUID), the pack as parent activity.
* id: uuid5 of the record's id, so the same record always makes the same statement.
"""

from __future__ import annotations

import json
import sqlite3
import uuid
from collections.abc import Mapping
from typing import Any
from urllib.parse import quote

from kit.core.records import verbs
from kit.core.records.events import Event
from kit.core.records.timeutil import parse_utc, to_text

NAMESPACE = uuid.UUID("5b0f3c1e-6a7d-5c52-9d1e-7b1f0a9c4e21")
DEFAULT_ACTIVITY_BASE = "https://training-kit.invalid/xapi/activities/"
PLATFORM = "Training Kit"
VERSION = "1.0.3"
ATTENDED_IRI = verbs.ADL + "attended"
CHECKIN_VERBS = ("attended", "attended-on-paper")


def statement_id(kind: str, record_id: str) -> str:
    """The statement id of a record: the same on every computer, every time."""
    return str(uuid.uuid5(NAMESPACE, f"{kind}:{record_id}"))


def registration(workshop_id: str) -> str:
    """A workshop id as an xAPI registration UUID (the id itself when it is one)."""
    try:
        return str(uuid.UUID(workshop_id))
    except ValueError:
        return str(uuid.uuid5(NAMESPACE, f"workshop:{workshop_id}"))


def _part(text: str) -> str:
    return quote(str(text), safe="")


def item_iri(base: str, pack_id: str, item_id: str) -> str:
    return f"{base}pack/{_part(pack_id)}/item/{_part(item_id)}"


def pack_iri(base: str, pack_id: str) -> str:
    return f"{base}pack/{_part(pack_id)}"


def actor(home_page: str, name: str) -> dict[str, Any]:
    return {"objectType": "Agent", "account": {"homePage": home_page, "name": name}}


def _timestamp(text: str) -> str:
    return to_text(parse_utc(text))


def _response(value: Any) -> str:
    if isinstance(value, str):
        return value
    return json.dumps(value, ensure_ascii=False, sort_keys=True)


def _result(event: Event) -> dict[str, Any] | None:
    data: Mapping[str, Any] = event.result
    out: dict[str, Any] = {}
    score = data.get("score")
    if event.verb in ("passed", "failed"):
        out["success"] = event.verb == "passed"
        out["completion"] = True
        if isinstance(score, int | float) and not isinstance(score, bool):
            raw = max(0.0, min(100.0, float(score)))
            out["score"] = {"scaled": raw / 100.0, "raw": raw, "min": 0.0, "max": 100.0}
    elif event.verb == "completed":
        out["completion"] = True
    if isinstance(data.get("correct"), bool):
        out["success"] = data["correct"]
    if "response" in data:
        out["response"] = _response(data["response"])
    return out or None


def from_event(event: Event, home_page: str, base: str = DEFAULT_ACTIVITY_BASE) -> dict[str, Any]:
    """The xAPI statement of one learner event."""
    context: dict[str, Any] = {"platform": PLATFORM}
    if event.object_type == verbs.ITEM:
        object_iri = item_iri(base, str(event.pack_id), str(event.item_id))
        context["contextActivities"] = {
            "parent": [{"objectType": "Activity", "id": pack_iri(base, str(event.pack_id))}]
        }
        question = event.result.get("question")
        if event.verb == "answered" and question is not None:
            object_iri += f"/question/{_part(str(question))}"
    else:
        kind = "workshop-session" if event.object_type == verbs.WORKSHOP_SESSION else "poll"
        object_iri = f"{base}{kind}/{_part(str(event.object_id))}"
    if event.context:
        context["registration"] = registration(event.context)
    statement: dict[str, Any] = {
        "id": statement_id("event", event.id),
        "actor": actor(home_page, event.profile_id),
        "verb": {"id": verbs.xapi_iri(event.verb), "display": {"en-US": event.verb}},
        "object": {"objectType": "Activity", "id": object_iri},
        "timestamp": to_text(event.at),
        "context": context,
        "version": VERSION,
    }
    result = _result(event)
    if result:
        statement["result"] = result
    return statement


def from_checkin(
    row: Mapping[str, Any] | sqlite3.Row, home_page: str, base: str = DEFAULT_ACTIVITY_BASE
) -> dict[str, Any]:
    """The "attended" statement of one workshop check-in row (id, workshop_id,
    session_id, participant_id, at, profile_id or None)."""
    who = str(row["profile_id"] or row["participant_id"])
    return {
        "id": statement_id("checkin", str(row["id"])),
        "actor": actor(home_page, who),
        "verb": {"id": ATTENDED_IRI, "display": {"en-US": "attended"}},
        "object": {
            "objectType": "Activity",
            "id": f"{base}workshop-session/{_part(str(row['session_id']))}",
        },
        "timestamp": _timestamp(str(row["at"])),
        "context": {"platform": PLATFORM, "registration": registration(str(row["workshop_id"]))},
        "version": VERSION,
    }
