"""Needs assessment: which skills a community needs, and which packs teach them.

Survey items marked `needs_assessment: true` (kit.core.needs.survey), their anonymous
responses (store, records migration m010_needs), the results with Borich's need score
and the small-group rule (results; the method in docs/needs-assessment.md), files to
carry responses between computers (exchange) and the results written out (writers).
"""

from kit.core.needs.store import IMPORTED, KIOSK, MODES, PAPER, NeedsResponses, Response
from kit.core.needs.survey import NeedsError, NeedsSurvey, from_item

__all__ = [
    "IMPORTED",
    "KIOSK",
    "MODES",
    "PAPER",
    "NeedsError",
    "NeedsResponses",
    "NeedsSurvey",
    "Response",
    "from_item",
]
