"""What the "Get packs" page says: statuses, languages, download figures (babel-formatted)."""

from __future__ import annotations

from datetime import timedelta
from typing import Any

from babel.dates import format_timedelta

from kit.i18n import _, current_locale, format_size
from kit.languages import name_in_interface as language_name


def languages_text(codes: tuple[str, ...] | list[str]) -> str:
    return ", ".join(language_name(c) for c in codes) or _("Language not given")


def status_text(offer: Any) -> str:
    """The one-line status shown on an offer."""
    e = offer.entry
    if offer.status == "installed":
        return _("Installed")
    if offer.status == "update":
        return _("Update available: {old} → {new}").format(old=offer.installed, new=e.version)
    if offer.status == "older":
        return _("A newer version ({installed}) is installed").format(installed=offer.installed)
    if offer.status == "needs-newer-app":
        return _("Needs Training Kit {version} or newer").format(version=e.min_app_version)
    return _("Not installed")


def duration_text(seconds: float) -> str:
    return format_timedelta(
        timedelta(seconds=max(1.0, seconds)), threshold=1.0, locale=current_locale()
    )


def progress_text(p: Any) -> str:
    """'1.2 MB of 5 MB · 250 KB/s · about 15 seconds left' (or the phase being done)."""
    if p.phase == "check":
        return _("Checking the download…")
    if p.phase == "install":
        return _("Installing…")
    if not p.total:
        return _("{done} received").format(done=format_size(p.done))
    parts = [_("{done} of {total}").format(done=format_size(p.done), total=format_size(p.total))]
    if p.speed > 0:
        parts.append(_("{size}/s").format(size=format_size(int(p.speed))))
    if p.eta is not None and p.done < p.total:
        parts.append(_("about {duration} left").format(duration=duration_text(p.eta)))
    return " · ".join(parts)


def received_text(received: int, total: int) -> str:
    return _("Paused · {done} of {total} received").format(
        done=format_size(received), total=format_size(total)
    )


def fraction(done: int, total: int | None) -> int:
    """Progress in thousandths (a QProgressBar holds an int, packs can pass 2 GB)."""
    if not total:
        return 0
    return max(0, min(1000, int(done * 1000 / total)))
