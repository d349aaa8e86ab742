"""The form for a module.yaml: id, title, summary, objectives, minutes, topic and skill tags.

Only the fields the person changes are written back; `items` is the outline's.
"""

from __future__ import annotations

from PySide6.QtWidgets import QPlainTextEdit, QWidget

from kit.core.authoring import packmeta
from kit.core.errors import KitError
from kit.i18n import _
from kit.ui.editor.contract import EditorEnv
from kit.ui.editor.metadata.idfield import IdField
from kit.ui.editor.metadata.metaform import MetaForm
from kit.ui.editor.metadata.pack_form import line_edit, text_box
from kit.ui.editor.metadata.widgets import SkillTagsChooser


class ModuleMetaEditor(MetaForm):
    """module.yaml as a form (the FileEditor contract of kit.ui.editor.contract)."""

    def __init__(self, env: EditorEnv, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.env = env
        self._tags: tuple[str, ...] = ()
        self.id_field = IdField(packmeta.MODULE_ID_NOTE)
        self.id_field.edited.connect(self.edited)
        self.add_field("id", _("Module &id"), self.id_field, self.id_field.edit)
        self.title = line_edit(self)
        self.add_field("title", _("&Title"), self.title)
        self.summary = text_box(self)
        self.add_field("summary", _("&Summary"), self.summary)
        self.objectives: QPlainTextEdit = text_box(self)
        self.objectives.setPlaceholderText(_("One objective a line: after this module you can..."))
        self.add_field("objectives", _("&Objectives"), self.objectives)
        self.minutes = line_edit(self)
        self.minutes.setPlaceholderText(_("empty: the sum of its items' minutes"))
        self.add_field("minutes", _("&Minutes"), self.minutes)
        self.topics = line_edit(self)
        self.topics.setPlaceholderText(_("lowercase words with dashes, separated by commas"))
        self.add_field("topics", _("To&pic tags"), self.topics)
        self.skills = SkillTagsChooser()
        self.skills.edited.connect(self.edited)
        self.add_field("tags", _("S&kill tags"), self.skills, self.skills.search)
        self.aliases["topics"] = "tags"

    # -- the contract ------------------------------------------------------
    def load(self, relpath: str, text: str) -> None:
        self._text = text
        self.show_only(relpath, ("title", "summary", "objectives"))
        try:
            meta = packmeta.read_module(text).meta
        except KitError as exc:
            self.show_raw(str(exc))
            return
        self.show_form()
        self._tags = meta.tags
        topics, skills = packmeta.split_tags(meta.tags)
        self.loading = True
        try:
            self.id_field.set_value(meta.id, packmeta.module_problems(meta).get("id") is None)
            self.title.setText(meta.title)
            self.summary.setPlainText(meta.summary)
            self.objectives.setPlainText("\n".join(meta.objectives))
            self.minutes.setText(meta.minutes)
            self.topics.setText(", ".join(topics))
            self.skills.set_value(skills)
        finally:
            self.loading = False
        self.after_edit()

    def write(self, text: str) -> str:
        return packmeta.write_module(text, self.meta())

    # -- the form ----------------------------------------------------------
    def meta(self) -> packmeta.ModuleMeta:
        topics = tuple(t.strip() for t in self.topics.text().split(",") if t.strip())
        objectives = self.objectives.toPlainText().splitlines()
        return packmeta.ModuleMeta(
            id=self.id_field.value(),
            title=self.title.text().strip(),
            summary=self.summary.toPlainText().strip(),
            objectives=tuple(o.strip() for o in objectives if o.strip()),
            minutes=self.minutes.text().strip(),
            tags=packmeta.join_tags(self._tags, topics, self.skills.value()),
        )

    def after_edit(self) -> None:
        self.show_problems(packmeta.module_problems(self.meta()))
