"""Which editor shows which file: a kind for each file, a class for each kind.

`KINDS` maps a kind to "module:Class" (imported when first needed, so trainer mode starts
without loading every form). The kind of a file comes from its path and, for an item,
from the `type:` of its header (kit.core.authoring.project.file_kind).
"""

from __future__ import annotations

from importlib import import_module

KINDS: dict[str, str] = {
    "pack": "kit.ui.editor.metadata.pack_form:PackMetaEditor",
    "module": "kit.ui.editor.metadata.module_form:ModuleMetaEditor",
    "quiz": "kit.ui.editor.questions.quiz_form:QuizEditor",
    "survey": "kit.ui.editor.questions.survey_form:SurveyEditor",
    "markdown": "kit.ui.editor.markdown.editor:MarkdownEditor",
    "text": "kit.ui.editor.markdown.plain:PlainTextEditor",
}


def editor_class(kind: str) -> type:
    """The class for `kind`; a kind without an editor yet falls back to markdown, then text."""
    for name in (kind, "markdown", "text"):
        target = KINDS.get(name)
        if target is None:
            continue
        module, _, cls = target.partition(":")
        try:
            return getattr(import_module(module), cls)
        except (ImportError, AttributeError):
            continue
    raise LookupError(kind)
