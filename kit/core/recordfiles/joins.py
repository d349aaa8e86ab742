"""Joining two profiles that are the same person: append-only rows in profile_aliases.

A join says "`other` is the same learner as `keep`". Joins travel in records files and
merge like events, so the answer must depend only on the set of joins, never on the
order they arrived in: profiles linked by joins form one group, and the group is shown
as the member that was never joined into another (the smallest id among several such,
or among all members when joins go round in a circle).
"""

from __future__ import annotations

import uuid

from kit.core.errors import KitError
from kit.core.records.db import RecordsDB
from kit.core.records.timeutil import utc_now_text
from kit.i18n import _


def canonical_map(rdb: RecordsDB) -> dict[str, str]:
    """Every profile id named in a join -> the id its group is shown as."""
    pairs = [
        (str(r[0]), str(r[1])) for r in rdb.query("SELECT keep_id, other_id FROM profile_aliases")
    ]
    parent: dict[str, str] = {}

    def find(x: str) -> str:
        parent.setdefault(x, x)
        while parent[x] != x:
            parent[x] = parent[parent[x]]
            x = parent[x]
        return x

    for keep, other in pairs:
        a, b = find(keep), find(other)
        if a != b:
            parent[max(a, b)] = min(a, b)
    joined = {other for _keep, other in pairs}
    groups: dict[str, list[str]] = {}
    for member in list(parent):
        groups.setdefault(find(member), []).append(member)
    result: dict[str, str] = {}
    for members in groups.values():
        heads = [m for m in members if m not in joined] or members
        head = min(heads)
        for m in members:
            result[m] = head
    return result


def resolve(mapping: dict[str, str], profile_id: str) -> str:
    return mapping.get(profile_id, profile_id)


def join_profiles(rdb: RecordsDB, keep_id: str, other_id: str) -> None:
    """Record that `other_id` is the same learner as `keep_id` (KitError when not possible)."""
    known = {
        str(r[0])
        for r in rdb.query("SELECT id FROM profiles WHERE id IN (?, ?)", [keep_id, other_id])
    }
    for pid in (keep_id, other_id):
        if pid not in known:
            raise KitError(_("There is no profile with the id {id}.").format(id=pid[:40]))
    mapping = canonical_map(rdb)
    if resolve(mapping, keep_id) == resolve(mapping, other_id):
        raise KitError(_("These two profiles are already joined."))
    with rdb.write() as db:
        db.execute(
            "INSERT INTO profile_aliases (id, keep_id, other_id, at, device_id) "
            "VALUES (?, ?, ?, ?, ?)",
            [uuid.uuid4().hex, keep_id, other_id, utc_now_text(), rdb.device_id],
        )
