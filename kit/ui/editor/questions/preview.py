""" "Preview as a learner": the quiz or survey in the reader's own widgets, nothing recorded.

The text being edited is read as `kit pack build` reads it; the reader's QuizView or
SurveyView shows the item with a session where nobody is signed in, so answers can be
checked and the score seen, and nothing reaches the records.
"""

from __future__ import annotations

from PySide6.QtWidgets import (
    QDialog,
    QDialogButtonBox,
    QLabel,
    QMessageBox,
    QVBoxLayout,
    QWidget,
)

from kit.core import itemtypes
from kit.core.authoring.questioncheck import read_as_learner
from kit.core.render import render_markdown
from kit.i18n import _
from kit.ui.context import AppContext, Session
from kit.ui.editor.contract import EditorEnv
from kit.ui.operations.reader import ItemView
from kit.ui.reader.quiz import QuizView
from kit.ui.reader.survey import SurveyView


class LearnerPreview(QDialog):
    def __init__(self, env: EditorEnv, item: dict, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setWindowTitle(_("Preview as a learner: {title}").format(title=item.get("title")))
        session = Session(language=env.ctx.language, text_scale=env.ctx.text_scale)
        self.ctx = AppContext(services=env.ctx.services, session=session)  # nobody signed in
        lang = env.ctx.content_language or env.ctx.language or "en"
        scored = itemtypes.is_scored(item.get("type"))
        self.view: QuizView | SurveyView = QuizView(self.ctx) if scored else SurveyView(self.ctx)
        self.view.show_view(
            ItemView(
                pack={"id": "preview", "title": _("Preview")},
                module={"id": "preview", "title": _("Preview"), "items": [item]},
                item=item,
                index=0,
                lang=lang,
                body_html=render_markdown(str(item.get("body") or ""), lang=lang),
            )
        )
        note = QLabel(_("This is how learners see it. Try the answers: nothing is saved."))
        note.setWordWrap(True)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close)
        buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addWidget(note)
        layout.addWidget(self.view, 1)
        layout.addWidget(buttons)
        self.resize(760, 640)


def open_preview(env: EditorEnv, text: str, relpath: str, parent: QWidget) -> QDialog | None:
    """Show the preview (not modal); a file that cannot be shown yet says why."""
    item, problems = read_as_learner(text, relpath or "item.md")
    if item is None:
        errors = [p for p in problems if not p.warning]
        reason = errors[0].message if errors else _("it has no questions yet")
        QMessageBox.information(
            parent,
            _("Preview as a learner"),
            _("This cannot be shown to learners yet: {reason}").format(reason=reason),
        )
        return None
    dialog = LearnerPreview(env, item, parent)
    dialog.show()
    return dialog
