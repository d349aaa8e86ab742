"""Checks for metadata fields (pack.yaml, module.yaml and item headers)."""

from __future__ import annotations

import re
from typing import Any

from kit.core.packformat.problems import Report
from kit.core.packformat.yamlio import Doc
from kit.i18n import _

ID_RE = re.compile(r"^[a-z0-9][a-z0-9._-]{0,99}$")
SEMVER_RE = re.compile(
    r"^(0|[1-9]\d*)\.(0|[1-9]\d*)\.(0|[1-9]\d*)(?:-[0-9A-Za-z.-]+)?(?:\+[0-9A-Za-z.-]+)?$"
)
LANG_RE = re.compile(r"^[a-z]{2,3}(?:[-_][A-Za-z0-9]{2,8})*$")
SPDX_RE = re.compile(r"^[A-Za-z0-9.+-]+(?:\s+(?:AND|OR|WITH)\s+[A-Za-z0-9.+-]+)*$")


class FieldChecker:
    """Reads typed fields from a Doc, reporting each problem with its line."""

    def __init__(self, doc: Doc, report: Report, path: str, known: set[str]) -> None:
        self.doc, self.report, self.path = doc, report, path
        for key in doc.data:
            if key not in known:
                report.error(path, doc.line(key), _("unknown field '{key}'").format(key=key))

    def _err(self, key: str, message: str) -> None:
        self.report.error(self.path, self.doc.line(key), message)

    def text(self, key: str, required: bool = False, default: str = "") -> str:
        value = self.doc.data.get(key)
        if value is None or value == "":
            if required:
                self._err(key, _("missing '{key}'").format(key=key))
            return default
        if isinstance(value, (int, float)) and not isinstance(value, bool):
            value = str(value)
        if not isinstance(value, str):
            self._err(key, _("'{key}' must be text").format(key=key))
            return default
        return value.strip()

    def pattern(self, key: str, regex: re.Pattern[str], what: str, required: bool = True) -> str:
        value = self.text(key, required=required)
        if value and not regex.match(value):
            self._err(
                key,
                _("'{key}' must be {what}, not '{value}'").format(key=key, what=what, value=value),
            )
            return ""
        return value

    def number(
        self, key: str, default: int | None = None, low: int = 0, high: int = 100000
    ) -> int | None:
        value = self.doc.data.get(key)
        if value is None:
            return default
        if (
            isinstance(value, bool)
            or not isinstance(value, (int, float))
            or not low <= value <= high
        ):
            self._err(
                key,
                _("'{key}' must be a number from {low} to {high}").format(
                    key=key, low=low, high=high
                ),
            )
            return default
        return int(value)

    def text_list(self, key: str, required: bool = False) -> list[str]:
        value = self.doc.data.get(key)
        if value is None:
            if required:
                self._err(key, _("missing '{key}'").format(key=key))
            return []
        if isinstance(value, str):
            value = [value]
        if not isinstance(value, list) or not all(
            isinstance(v, (str, int, float)) and not isinstance(v, bool) for v in value
        ):
            self._err(key, _("'{key}' must be a list of texts").format(key=key))
            return []
        return [str(v).strip() for v in value]

    def authors(self, key: str) -> list[dict[str, Any]]:
        value = self.doc.data.get(key)
        if value is None:
            return []
        out: list[dict[str, Any]] = []
        if not isinstance(value, list):
            self._err(
                key, _("'{key}' must be a list of names or '{{name, url}}' entries").format(key=key)
            )
            return out
        for entry in value:
            if isinstance(entry, str):
                out.append({"name": entry.strip()})
            elif isinstance(entry, dict) and isinstance(entry.get("name"), str):
                out.append({k: str(v) for k, v in entry.items() if k in ("name", "url", "role")})
            else:
                self._err(
                    key,
                    _("each of '{key}' must be a name or a '{{name, url}}' entry").format(key=key),
                )
        return out
