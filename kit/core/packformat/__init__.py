"""The content pack format: sources a trainer edits, and built .kitpack files.

See docs/pack-format.md for the specification.
"""

from kit.core.itemtypes import NAMES as ITEM_TYPES

FORMAT_VERSION = 1
__all__ = ["FORMAT_VERSION", "ITEM_TYPES", "PACK_SUFFIX", "QUESTION_TYPES", "SURVEY_TYPES"]
QUESTION_TYPES = ("single", "multiple", "truefalse", "short", "order")
SURVEY_TYPES = ("likert", "single", "multiple", "text")
PACK_SUFFIX = ".kitpack"
