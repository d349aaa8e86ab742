"""The one list of what an event can say a learner did, with its xAPI verb.

Each verb names the object types it may be about and the xAPI verb IRI it maps to
(ADL vocabulary, http://adlnet.gov/expapi/verbs/...), so records can later be handed
to a learning record store without a table kept elsewhere. Add a verb here and nowhere
else; an event with a verb not listed, or about an object type its verb does not
allow, is refused.
"""

from __future__ import annotations

from dataclasses import dataclass

ITEM = "item"  # a pack item: (pack_id, item_id)
WORKSHOP_SESSION = "workshop_session"  # one session of a workshop: object_id
POLL = "poll"  # a poll put to a workshop: object_id
OBJECT_TYPES = (ITEM, WORKSHOP_SESSION, POLL)
ADL = "http://adlnet.gov/expapi/verbs/"


@dataclass(frozen=True)
class Verb:
    name: str
    iri: str
    objects: tuple[str, ...]
    meaning: str


REGISTRY: dict[str, Verb] = {
    v.name: v
    for v in (
        Verb("viewed", ADL + "experienced", (ITEM,), "opened a lesson, slides or activity"),
        Verb("started", ADL + "attempted", (ITEM,), "began a quiz attempt or an activity"),
        Verb("answered", ADL + "answered", (ITEM, POLL), "answered one question"),
        Verb("completed", ADL + "completed", (ITEM, WORKSHOP_SESSION), "finished it"),
        Verb("passed", ADL + "passed", (ITEM,), "a quiz attempt at or above the pass mark"),
        Verb("failed", ADL + "failed", (ITEM,), "a quiz attempt below the pass mark"),
        Verb("attended", ADL + "attended", (WORKSHOP_SESSION,), "was at a workshop session"),
        Verb("responded", ADL + "responded", (POLL,), "gave a response to a poll"),
    )
}
NAMES = frozenset(REGISTRY)


def xapi_iri(verb: str) -> str:
    """The xAPI verb IRI of `verb` (KeyError when it is not a verb)."""
    return REGISTRY[verb].iri


def allowed(verb: str, object_type: str) -> bool:
    """Whether `verb` is a known verb that may be said of an `object_type`."""
    known = REGISTRY.get(verb)
    return known is not None and object_type in known.objects
