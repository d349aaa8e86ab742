"""UTC timestamps as stored in records.db: ISO 8601 text ending in Z, microseconds."""

from __future__ import annotations

from datetime import UTC, datetime


def utc_now() -> datetime:
    return datetime.now(UTC)


def to_text(moment: datetime) -> str:
    """`moment` (aware) as e.g. '2024-05-01T12:34:56.789012Z'."""
    return moment.astimezone(UTC).strftime("%Y-%m-%dT%H:%M:%S.%fZ")


def utc_now_text() -> str:
    return to_text(utc_now())


def parse_utc(text: str) -> datetime:
    """The aware UTC datetime of a stored timestamp."""
    return datetime.fromisoformat(text.replace("Z", "+00:00")).astimezone(UTC)
