"""Workshops: plan an agenda from installed packs, keep a register and check-ins."""

from kit.core.workshops.delivered import Deliveries, Delivery
from kit.core.workshops.model import (
    AgendaItem,
    Workshop,
    WorkshopError,
    WorkshopSession,
    template_day,
)
from kit.core.workshops.store import CheckIn, Participant, Workshops

__all__ = [
    "AgendaItem",
    "CheckIn",
    "Deliveries",
    "Delivery",
    "Participant",
    "Workshop",
    "WorkshopError",
    "WorkshopSession",
    "Workshops",
    "template_day",
]
