"""The records file: a zip with manifest.json and records.jsonl, read with limits.

    manifest.json   {"format": "training-kit-records", "version": 1, "created": ...,
                     "device_id": ..., "counts": {table: rows}, "sha256": hex}
    records.jsonl   one line per row: ["events", {"id": ..., ...}]

The SHA-256 in the manifest is that of records.jsonl. Reading refuses, with one
sentence (RecordFileError), a file that is not a zip, has other members, declares or
inflates to more than the limits, fails its checksum, has another format or version,
or holds a row of an unknown table, with a missing, extra or wrongly typed column.
"""

from __future__ import annotations

import hashlib
import json
import os
import zipfile
from collections.abc import Callable
from pathlib import Path
from typing import Any

from kit.core.errors import KitError
from kit.core.recordfiles.tables import BY_NAME, MAX_TEXT, value_ok
from kit.core.records.timeutil import utc_now_text
from kit.i18n import _

FORMAT = "training-kit-records"
VERSION = 1
MANIFEST = "manifest.json"
ROWS = "records.jsonl"
SUFFIX = ".kitrecords"
MAX_MANIFEST = 64 * 1024
MAX_ROWS_BYTES = 512 * 1024 * 1024  # JSON lines inflated
MAX_RATIO = 200  # inflated / compressed: more is a zip bomb, not records
RATIO_FROM = 8 * 1024 * 1024  # the ratio is checked on members larger than this

Rows = dict[str, list[dict[str, Any]]]


class RecordFileError(KitError):
    """A records file was refused (message: one sentence, naming the file)."""


def write_file(
    dest: Path,
    rows: Rows,
    device_id: str,
    *,
    progress: Callable[[int, int], None] | None = None,
    cancel: Callable[[], bool] | None = None,
) -> Path:
    """Write `rows` (table -> list of row dicts) to `dest` atomically (temp, fsync, rename)."""
    total = sum(len(v) for v in rows.values())
    partial = dest.with_name(dest.name + ".partial")
    digest = hashlib.sha256()
    done = 0
    try:
        with zipfile.ZipFile(partial, "w", compression=zipfile.ZIP_DEFLATED) as zf:
            with zf.open(ROWS, "w") as out:
                for table, table_rows in rows.items():
                    for row in table_rows:
                        line = json.dumps([table, row], ensure_ascii=False, separators=(",", ":"))
                        data = (line + "\n").encode("utf-8")
                        digest.update(data)
                        out.write(data)
                        done += 1
                        if done % 2000 == 0:
                            if cancel is not None and cancel():
                                raise RecordFileError(_("The copy was cancelled."))
                            if progress is not None:
                                progress(done, total)
            manifest = {
                "format": FORMAT,
                "version": VERSION,
                "created": utc_now_text(),
                "device_id": device_id,
                "counts": {t: len(v) for t, v in rows.items()},
                "sha256": digest.hexdigest(),
            }
            zf.writestr(MANIFEST, json.dumps(manifest, indent=1, sort_keys=True))
        with partial.open("rb") as fh:
            os.fsync(fh.fileno())
        os.replace(partial, dest)
    except BaseException:
        partial.unlink(missing_ok=True)
        raise
    if progress is not None:
        progress(total, total)
    return dest


def _read_member(zf: zipfile.ZipFile, name: str, limit: int, label: str) -> bytes:
    info = zf.getinfo(name)
    too_dense = info.file_size > max(RATIO_FROM, MAX_RATIO * info.compress_size)
    if info.file_size > limit or too_dense:
        raise RecordFileError(_("{file} is too large to be a records file.").format(file=label))
    with zf.open(info) as fh:
        data = fh.read(limit + 1)
    if len(data) > limit or len(data) != info.file_size:
        raise RecordFileError(_("{file} is too large to be a records file.").format(file=label))
    return data


def read_file(path: Path) -> Rows:
    """The checked rows of the records file at `path` (RecordFileError when refused)."""
    label = path.name
    try:
        with zipfile.ZipFile(path) as zf:
            names = sorted(zf.namelist())
            if names != sorted([MANIFEST, ROWS]):
                raise RecordFileError(
                    _("{file} is not a Training Kit records file.").format(file=label)
                )
            manifest_bytes = _read_member(zf, MANIFEST, MAX_MANIFEST, label)
            data = _read_member(zf, ROWS, MAX_ROWS_BYTES, label)
    except FileNotFoundError:
        raise RecordFileError(_("There is no file {file}.").format(file=label)) from None
    except IsADirectoryError:
        raise RecordFileError(
            _("{file} is a folder, not a records file.").format(file=label)
        ) from None
    except (zipfile.BadZipFile, zipfile.LargeZipFile, EOFError, NotImplementedError):
        raise RecordFileError(
            _("{file} is damaged or not a records file.").format(file=label)
        ) from None
    manifest = _manifest(manifest_bytes, label)
    if hashlib.sha256(data).hexdigest() != manifest["sha256"]:
        raise RecordFileError(
            _("{file} is damaged: its checksum does not match.").format(file=label)
        )
    return parse_rows(data.splitlines(), label)


def _manifest(data: bytes, label: str) -> dict[str, Any]:
    try:
        manifest = json.loads(data.decode("utf-8"))
    except (UnicodeDecodeError, ValueError):
        manifest = None
    if not isinstance(manifest, dict) or manifest.get("format") != FORMAT:
        raise RecordFileError(_("{file} is not a Training Kit records file.").format(file=label))
    version = manifest.get("version")
    if not isinstance(version, int) or isinstance(version, bool) or version != VERSION:
        raise RecordFileError(
            _(
                "{file} was written by another version of Training Kit (format {version}); "
                "update the app to read it."
            ).format(file=label, version=str(version)[:20])
        )
    if not isinstance(manifest.get("sha256"), str):
        raise RecordFileError(_("{file} has no checksum.").format(file=label))
    return manifest


def parse_rows(lines: list[bytes], label: str) -> Rows:
    """Rows by table from JSON lines; RecordFileError on the first line that is wrong.

    All lines are decoded in one call (JSON text never holds a raw newline, so the lines
    joined by commas are one array); only when that fails are they read one by one, to
    name the line.
    """
    lines = [line for line in lines if line.strip()]
    try:
        values = json.loads(b"[" + b",".join(lines) + b"]")
    except (UnicodeDecodeError, ValueError):
        values = None
    rows: Rows = {}
    for number, line in enumerate(lines, 1):
        if values is not None:
            problem = _bad_value(values[number - 1], rows)
        else:
            problem = _bad_line(line, rows)
        if problem:
            raise RecordFileError(
                _("{file} has a wrong record on line {line} ({problem}).").format(
                    file=label, line=number, problem=problem
                )
            )
    return rows


def _bad_line(line: bytes, rows: Rows) -> str | None:
    try:
        value = json.loads(line)
    except (UnicodeDecodeError, ValueError):
        return _("not JSON")
    return _bad_value(value, rows)


def _bad_value(value: Any, rows: Rows) -> str | None:
    if not (type(value) is list and len(value) == 2 and type(value[1]) is dict):
        return _("not a table and a row")
    table = BY_NAME.get(value[0]) if isinstance(value[0], str) else None
    if table is None:
        return _("an unknown table")
    row = value[1]
    if row.keys() != table.name_set:
        return _("the columns of {table} are not right").format(table=table.name)
    for column, kind in table.columns:
        item = row[column]
        if type(item) is str and kind[0] == "t" and len(item) <= MAX_TEXT:
            continue  # the common case, without a call
        if not value_ok(kind, item):
            return _("{table}.{column} has a wrong value").format(table=table.name, column=column)
    rows.setdefault(table.name, []).append(row)
    return None
