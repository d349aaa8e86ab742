"""Whether a records database has exactly the schema Training Kit makes.

A backup is a whole SQLite database, so it can carry more than rows: a trigger that
deletes every new event, a view that shadows a table, a table without a column the
app relies on. Restoring such a file would make the app say "saved" while records
vanish. So a backup is accepted only when its normalised ``sqlite_master`` (every
table, column, index, trigger and view, with its SQL) equals that of a fresh
records.db at the backup's own schema version, built here in memory from the same
migration steps; `records check` compares the live database with the current version.

The one allowance is the bookkeeping table ``_sqlite_migrations``, which older
sqlite-utils releases created with another primary key: it must have the same columns
and only unique indexes, and like every other table it may have no trigger or view.
"""

from __future__ import annotations

import re
import sqlite3
from functools import lru_cache

from kit.core.migrations import TABLE as BOOKKEEPING
from kit.core.records.migrations import migrations
from kit.i18n import N_, _

Key = tuple[str, str]  # (type, name)
Definition = tuple[str, str | None]  # (table it belongs to, normalised SQL)

BOOKKEEPING_COLUMNS = {"migration_set", "name", "applied_at"}
BOOKKEEPING_INDEX = f"idx_{BOOKKEEPING}_migration_set_name"
EXTRA = {
    "table": N_("there is a table {name} that Training Kit does not make"),
    "index": N_("there is an index {name} that Training Kit does not make"),
    "trigger": N_("there is a trigger {name} that Training Kit does not make"),
    "view": N_("there is a view {name} that Training Kit does not make"),
}
_TOKENS = re.compile(
    r"""('(?:[^']|'')*'|"(?:[^"]|"")*"|\[[^\]]*\]|`(?:[^`]|``)*`|\s+|[^'"\[`\s]+)"""
)


class NotRecords(Exception):
    """The database is not learner records at all (no known schema steps)."""


class FromNewerApp(Exception):
    """The database has schema steps this app does not know."""


def normalise_sql(sql: str | None) -> str | None:
    """`sql` with each run of whitespace outside quotes made one space."""
    if sql is None:
        return None
    parts = [" " if part.isspace() else part for part in _TOKENS.findall(sql)]
    return "".join(parts).strip()


def objects(conn: sqlite3.Connection) -> dict[Key, Definition]:
    """Every schema object of the main database, by (type, name)."""
    rows = conn.execute("SELECT type, name, tbl_name, sql FROM main.sqlite_master").fetchall()
    return {(str(t), str(n)): (str(tbl), normalise_sql(sql)) for t, n, tbl, sql in rows}


def version_of(conn: sqlite3.Connection) -> int:
    """How many of this app's migration steps the database has applied, in order.

    Raises NotRecords when it has none (or not in this app's order) and FromNewerApp
    when it has a step this app does not know.
    """
    applied = migrations.applied_names(conn)
    if migrations.unknown_applied(conn):
        raise FromNewerApp()
    if not applied or applied != migrations.names[: len(applied)]:
        raise NotRecords()
    return len(applied)


@lru_cache(maxsize=8)
def expected_objects(version: int) -> dict[Key, Definition]:
    """The schema of a fresh records.db after the first `version` migration steps."""
    from sqlite_utils import Database

    conn = sqlite3.connect(":memory:")
    try:
        names = migrations.names
        stop = names[version] if version < len(names) else None
        migrations.as_sqlite_utils().apply(Database(conn), stop_before=stop)
        return objects(conn)
    finally:
        conn.close()


def _is_bookkeeping(key: Key, definition: Definition) -> bool:
    return key[0] in ("table", "index") and definition[0] == BOOKKEEPING


def _bookkeeping_problems(conn: sqlite3.Connection, actual: dict[Key, Definition]) -> list[str]:
    if ("table", BOOKKEEPING) not in actual:
        return [_("{name} is missing").format(name=BOOKKEEPING)]
    columns = {str(r[1]) for r in conn.execute(f"PRAGMA main.table_xinfo({BOOKKEEPING})")}
    problems = []
    if not BOOKKEEPING_COLUMNS <= columns <= BOOKKEEPING_COLUMNS | {"id"}:
        problems.append(_("{name} is not as Training Kit makes it").format(name=BOOKKEEPING))
    for (kind, name), (table, _sql) in sorted(actual.items()):
        if kind != "index" or table != BOOKKEEPING:
            continue
        unique = conn.execute(
            'SELECT 1 FROM pragma_index_list(?) WHERE name = ? AND "unique" = 1',
            [BOOKKEEPING, name],
        ).fetchone()
        allowed = name == BOOKKEEPING_INDEX or name.startswith("sqlite_autoindex_")
        if not (allowed and unique):
            problems.append(_(EXTRA["index"]).format(name=name))
    return problems


def problems(conn: sqlite3.Connection, version: int) -> list[str]:
    """How the schema differs from a fresh one at `version`: one phrase each; [] if equal.

    Each phrase fits after "The learner records have a problem: ".
    """
    actual = objects(conn)
    expected = {k: v for k, v in expected_objects(version).items() if not _is_bookkeeping(k, v)}
    found = _bookkeeping_problems(conn, actual)
    actual = {k: v for k, v in actual.items() if not _is_bookkeeping(k, v)}
    for kind, name in sorted(actual.keys() - expected.keys()):
        template = EXTRA.get(kind, EXTRA["table"])
        found.append(_(template).format(name=name))
    for _kind, name in sorted(expected.keys() - actual.keys()):
        found.append(_("{name} is missing").format(name=name))
    for key in sorted(actual.keys() & expected.keys()):
        if actual[key] != expected[key]:
            found.append(_("{name} is not as Training Kit makes it").format(name=key[1]))
    return found


def current_problems(conn: sqlite3.Connection) -> list[str]:
    """Schema problems of a database that should be at this app's version."""
    try:
        version = version_of(conn)
    except (NotRecords, FromNewerApp):
        return [_("the list of schema steps is not one Training Kit writes")]
    found = problems(conn, version)
    if version != len(migrations.names):
        found.append(_("not all schema steps are applied"))
    return found
