"""The content pack format: sources a trainer edits, and built .kitpack files.

See docs/pack-format.md for the specification.
"""

FORMAT_VERSION = 1
ITEM_TYPES = ("lesson", "slides", "quiz", "activity", "survey")
QUESTION_TYPES = ("single", "multiple", "truefalse", "short", "order")
SURVEY_TYPES = ("likert", "single", "multiple", "text")
PACK_SUFFIX = ".kitpack"
