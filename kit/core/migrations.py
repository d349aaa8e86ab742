"""Named, append-only schema migrations that cost nothing when nothing is pending.

The steps are applied by sqlite-utils (its ``Migrations`` and its ``_sqlite_migrations``
table), but importing sqlite-utils takes about 90 ms, the largest single part of the
app's start-up. A `MigrationSet` therefore only records the steps; `up_to_date(conn)`
reads with plain sqlite3 which steps a database has, and sqlite-utils is imported
(`as_sqlite_utils()`) only when one is actually pending::

    migrations = MigrationSet("kit.library")

    @migrations()
    def m001_initial(db: Database) -> None: ...

    if not migrations.up_to_date(conn):
        migrations.as_sqlite_utils().apply(Database(conn))

Anything else asked of a MigrationSet (``apply``, ``applied``, ``pending``,
``_migrations``: what tests and tools use) is answered by the sqlite-utils object.
"""

from __future__ import annotations

import sqlite3
from collections.abc import Callable
from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:
    from sqlite_utils.migrations import Migrations

TABLE = "_sqlite_migrations"  # sqlite-utils' Migrations.migrations_table


class MigrationSet:
    """The steps of one migration set, in order; see the module docstring."""

    migrations_table = TABLE

    def __init__(self, name: str) -> None:
        self.name = name
        self.steps: list[tuple[str, Callable[[Any], None]]] = []
        self._applier: Migrations | None = None

    def __call__(self) -> Callable[[Callable[[Any], None]], Callable[[Any], None]]:
        def register(fn: Callable[[Any], None]) -> Callable[[Any], None]:
            if any(name == fn.__name__ for name, _fn in self.steps):
                raise ValueError(f"Migration {fn.__name__} is already in {self.name}")
            self.steps.append((fn.__name__, fn))
            self._applier = None
            return fn

        return register

    @property
    def names(self) -> list[str]:
        return [name for name, _fn in self.steps]

    def applied_names(self, conn: sqlite3.Connection) -> list[str]:
        """The names this database has applied from this set, oldest first."""
        if not _table_exists(conn, TABLE):
            return []
        rows = conn.execute(
            f"SELECT name FROM {TABLE} WHERE migration_set = ? ORDER BY rowid", [self.name]
        ).fetchall()
        return [str(r[0]) for r in rows]

    def unknown_applied(self, conn: sqlite3.Connection) -> list[str]:
        """Applied steps this version does not know (the database is from a newer app)."""
        known = set(self.names)
        return [name for name in self.applied_names(conn) if name not in known]

    def up_to_date(self, conn: sqlite3.Connection) -> bool:
        """Whether every step is applied and the table has the shape sqlite-utils wants.

        When this is True, sqlite-utils' ``apply`` would change nothing.
        """
        if not set(self.names) <= set(self.applied_names(conn)):
            return False
        columns = conn.execute(f"PRAGMA table_info({TABLE})").fetchall()
        pks = [str(c[1]) for c in sorted(columns, key=lambda c: c[5]) if c[5]]
        return pks == ["id"]

    def __getattr__(self, attr: str) -> Any:
        if attr.startswith("__") or attr in ("name", "steps", "_applier"):
            raise AttributeError(attr)
        return getattr(self.as_sqlite_utils(), attr)

    def as_sqlite_utils(self) -> Migrations:
        """The same steps as a sqlite-utils ``Migrations`` (imports sqlite-utils)."""
        if self._applier is None:
            from sqlite_utils.migrations import Migrations

            applier = Migrations(self.name)
            for name, fn in self.steps:
                applier(name=name)(fn)
            self._applier = applier
        return self._applier


def _table_exists(conn: sqlite3.Connection, name: str) -> bool:
    row = conn.execute(
        "SELECT 1 FROM sqlite_master WHERE type = 'table' AND name = ?", [name]
    ).fetchone()
    return row is not None


def run_statements(db: Any, *statements: str) -> None:
    """A step's SQL, statement by statement on the open transaction: executescript() would
    COMMIT first and make a half-applied migration possible."""
    for sql in statements:
        db.conn.execute(sql)
