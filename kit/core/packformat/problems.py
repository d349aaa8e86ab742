"""Problems found in a pack source, each tied to a file and a line."""

from __future__ import annotations

from dataclasses import dataclass, field


@dataclass(frozen=True, order=True)
class Problem:
    path: str
    line: int
    message: str
    warning: bool = False

    def __str__(self) -> str:
        kind = "warning: " if self.warning else ""
        return f"{self.path}:{self.line}: {kind}{self.message}"


@dataclass
class Report:
    """Collects problems while a source is read; nothing stops at the first one."""

    problems: list[Problem] = field(default_factory=list)

    def error(self, path: str, line: int, message: str) -> None:
        self.problems.append(Problem(path, max(line, 1), message))

    def warn(self, path: str, line: int, message: str) -> None:
        self.problems.append(Problem(path, max(line, 1), message, warning=True))

    @property
    def errors(self) -> list[Problem]:
        return sorted(p for p in self.problems if not p.warning)

    @property
    def warnings(self) -> list[Problem]:
        return sorted(p for p in self.problems if p.warning)

    @property
    def ok(self) -> bool:
        return not self.errors
