"""One pack on the library page: its header and its modules with progress and items."""

from __future__ import annotations

from PySide6.QtCore import Signal
from PySide6.QtWidgets import (
    QFrame,
    QHBoxLayout,
    QProgressBar,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from kit.core import itemtypes
from kit.core.library.plaintext import readable_text
from kit.i18n import _, format_number, ngettext
from kit.ui.operations.library import PackView
from kit.ui.widgets.forms import button, label
from kit.ui.widgets.style import set_role
from kit.ui.widgets.text import (
    STATUS_MARKS,
    format_minutes,
    item_type_name,
    module_minutes,
    pack_minutes,
    status_text,
)


def markdown_text(markdown: object) -> str:
    """A description written in Markdown, as the plain text a reader sees (no marks)."""
    return readable_text(str(markdown))


def card_frame(role: str = "card") -> tuple[QFrame, QVBoxLayout]:
    frame = QFrame()
    set_role(frame, role)
    layout = QVBoxLayout(frame)
    layout.setContentsMargins(18, 14, 18, 14)
    layout.setSpacing(6)
    return frame, layout


class ModuleCard(QFrame):
    """A module: title, summary, progress bar, time, a Start/Continue button, its items."""

    open_item = Signal(str, str)  # pack id, item id

    def __init__(self, pack_id: str, module: dict, progress, parent=None) -> None:
        super().__init__(parent)
        set_role(self, "card")
        self.pack_id = pack_id
        self.module = module
        self.progress = progress
        self.statuses = dict(progress.items) if progress is not None else {}
        layout = QVBoxLayout(self)
        layout.setContentsMargins(18, 14, 18, 14)
        layout.setSpacing(6)
        title = str(module.get("title") or module.get("id"))
        layout.addWidget(label(title, "heading"))
        if module.get("summary"):
            layout.addWidget(label(markdown_text(module["summary"]), "muted"))
        layout.addLayout(self._progress_row(title))
        self.items_box = QWidget()
        self.items_box.hide()
        self.items_built = False
        layout.addWidget(self.items_box)

    def _progress_row(self, title: str) -> QHBoxLayout:
        row = QHBoxLayout()
        done = self.progress.done if self.progress is not None else 0
        total = self.progress.total if self.progress is not None else len(self.module["items"])
        self.bar = QProgressBar()
        self.bar.setRange(0, max(total, 1))
        self.bar.setValue(done)
        self.bar.setTextVisible(False)
        self.bar.setFixedWidth(160)
        self.bar.setAccessibleName(_("Progress in {module}").format(module=title))
        row.addWidget(self.bar)
        parts = [
            _("{done} of {total} done").format(done=format_number(done), total=format_number(total))
        ]
        minutes = format_minutes(module_minutes(self.module))
        if minutes:
            parts.append(_("about {time}").format(time=minutes))
        self.summary = label(" · ".join(parts), "muted", wrap=False)
        row.addWidget(self.summary)
        row.addStretch(1)
        self.toggle = button(
            _("Show items"), accessible=_("Show the items of {module}").format(module=title)
        )
        self.toggle.setCheckable(True)
        self.toggle.toggled.connect(self.show_items)
        row.addWidget(self.toggle)
        self.start = button(self._start_text(done, total), "primary",
                            accessible=_("Open {module}").format(module=title), slot=self.open_next)  # fmt: skip
        self.start.setEnabled(bool(self.module.get("items")))
        row.addWidget(self.start)
        return row

    @staticmethod
    def _start_text(done: int, total: int) -> str:
        if total and done >= total:
            return _("Review")
        return _("Continue") if done else _("Start")

    def next_item_id(self) -> str | None:
        """The first unfinished item of the module (the first item when all are done)."""
        items = self.module.get("items", [])
        for item in items:
            counted = itemtypes.counts_towards_progress(item["type"])
            if counted and self.statuses.get(item["id"], "not_started") != "done":
                return str(item["id"])
        return str(items[0]["id"]) if items else None

    def open_next(self) -> None:
        item_id = self.next_item_id()
        if item_id:
            self.open_item.emit(self.pack_id, item_id)

    def show_items(self, shown: bool) -> None:
        if shown and not self.items_built:
            self._build_items()
        self.items_box.setVisible(shown)
        self.toggle.setText(_("Hide items") if shown else _("Show items"))

    def _build_items(self) -> None:
        self.items_built = True
        box = QVBoxLayout(self.items_box)
        box.setContentsMargins(0, 6, 0, 0)
        box.setSpacing(0)
        for item in self.module.get("items", []):
            status = str(self.statuses.get(item["id"], "not_started"))
            kind = item_type_name(str(item.get("type", "")))
            minutes = format_minutes(item.get("minutes"))
            text = f"{STATUS_MARKS.get(status, '○')}  {item.get('title') or item['id']}"
            detail = " · ".join(p for p in (kind, minutes) if p)
            row = QPushButton(f"{text}    —  {detail}" if detail else text)
            set_role(row, "link")
            row.setAccessibleName(
                _("{title}, {kind}, {status}").format(
                    title=item.get("title") or item["id"], kind=kind, status=status_text(status)
                )
            )
            row.setProperty("item_id", item["id"])
            row.setProperty("status", status)
            if status == "done":
                row.setStyleSheet("color: #1e6b34;")
            row.clicked.connect(lambda _c=False, i=item["id"]: self.open_item.emit(self.pack_id, i))
            box.addWidget(row)

    def item_buttons(self) -> list[QPushButton]:
        if not self.items_built:
            self._build_items()
        return self.items_box.findChildren(QPushButton)


class PackPanel(QWidget):
    """The selected pack: header with details and badges, then one card per module."""

    open_item = Signal(str, str)
    details_requested = Signal(str)

    def __init__(self, view: PackView, parent=None) -> None:
        super().__init__(parent)
        self.view = view
        pack = view.pack
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.setSpacing(12)
        head = QHBoxLayout()
        head.addWidget(label(str(pack.get("title") or pack["id"]), "title"), 1)
        top = QVBoxLayout()  # the button at the top beside a title on two lines
        top.addWidget(
            button(_("Details"), accessible=_("Details of this pack"),
                   slot=lambda: self.details_requested.emit(view.id)),
        )  # fmt: skip
        top.addStretch(1)
        head.addLayout(top)
        layout.addLayout(head)
        if pack.get("description"):
            layout.addWidget(label(markdown_text(pack["description"]), "muted"))
        layout.addLayout(self._meta_row(pack))
        self.modules: list[ModuleCard] = []
        for module in pack.get("modules", []):
            card = ModuleCard(view.id, module, view.progress.get(module["id"]))
            card.open_item.connect(self.open_item)
            self.modules.append(card)
            layout.addWidget(card)
        layout.addStretch(1)

    @staticmethod
    def _meta_row(pack: dict) -> QHBoxLayout:
        row = QHBoxLayout()
        row.setSpacing(8)
        count = len(pack.get("modules", []))
        parts = [ngettext("{n} module", "{n} modules", count).format(n=format_number(count))]
        minutes = format_minutes(pack_minutes(pack))
        if minutes:
            parts.append(_("about {time}").format(time=minutes))
        if pack.get("license"):
            parts.append(str(pack["license"]))
        row.addWidget(label(" · ".join(parts), "muted", wrap=False))
        if pack.get("verified"):
            text = _("Verified: {publisher}").format(publisher=pack.get("publisher"))
            badge = label(text, "badge-ok", wrap=False)
        elif pack.get("origin") == "bundled":
            badge = label(_("Included with Training Kit"), "badge-neutral", wrap=False)
        else:
            badge = label(_("Unverified publisher"), "badge-warn", wrap=False)
        badge.setAccessibleName(badge.text())
        row.addWidget(badge)
        row.addStretch(1)
        return row

    def module_card(self, module_id: str) -> ModuleCard | None:
        return next((m for m in self.modules if m.module.get("id") == module_id), None)
