"""The frame around an item: header (where am I, progress), footer (Previous/Next), banner."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtWidgets import (
    QFrame,
    QHBoxLayout,
    QProgressBar,
    QPushButton,
    QSizePolicy,
    QVBoxLayout,
    QWidget,
)

from kit.core.records import ModuleProgress, Status
from kit.i18n import _, format_number, ngettext
from kit.ui.operations.reader import ItemView
from kit.ui.widgets.plain import ElidedLabel, plain_label
from kit.ui.widgets.text import item_type_name

STYLE = """
#readerPage {{ background: #ffffff; }}
#readerHeader {{ background: #f6f7f9; border-bottom: 1px solid #dde1e6; }}
#readerFooter {{ background: #f6f7f9; border-top: 1px solid #dde1e6; }}
#crumbs {{ color: #57606a; }}
#itemTitle {{ font-size: {title}pt; font-weight: 600; color: #1f2328; }}
#itemMeta {{ color: #57606a; }}
#untranslatedNote {{ color: #6e7781; font-style: italic; }}
#typeChip {{ background: #e7eefc; color: #1a4fa0; border-radius: 8px; padding: 1px 8px;
            font-weight: 600; }}
#progressText, #positionText, #slideCounter {{ color: #57606a; }}
QProgressBar#moduleProgress {{ border: none; background: #e4e7eb; border-radius: 3px;
                              max-height: 6px; min-height: 6px; }}
QProgressBar#moduleProgress::chunk {{ background: #2e9e5b; border-radius: 3px; }}
#completeBanner {{ background: #e8f6ee; border-top: 1px solid #b5e0c6; }}
#completeText {{ color: #14532d; font-weight: 600; }}
#messageText {{ color: #57606a; font-size: {message}pt; }}
#messageText[error="true"] {{ color: #b42318; }}
"""


def reader_style(scale: float) -> str:
    """The reader's frame at a text size (its title grows with the text)."""
    return STYLE.format(title=f"{17 * scale:.1f}", message=f"{12 * scale:.1f}")


class Header(QFrame):
    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("readerHeader")
        self.back = QPushButton(_("← Library"))
        self.back.setAccessibleName(_("Back to the library"))
        self.back.setToolTip(_("Back to the library (Alt+Up)"))
        self.crumbs = ElidedLabel("crumbs", accessible=_("Pack and module"))
        self.smaller = QPushButton(_("A−"))
        self.smaller.setAccessibleName(_("Smaller text"))
        self.smaller.setToolTip(_("Smaller text (Ctrl+-)"))
        self.larger = QPushButton(_("A+"))
        self.larger.setAccessibleName(_("Larger text"))
        self.larger.setToolTip(_("Larger text (Ctrl+=)"))
        for button in (self.smaller, self.larger):
            button.setFixedWidth(44)
        self.title = plain_label(name="itemTitle", wrap=True, accessible=_("Item title"))
        # Wrapped, and never wider than the window (an unbreakable word is cut instead).
        self.title.setSizePolicy(QSizePolicy.Policy.Ignored, QSizePolicy.Policy.Preferred)
        self.chip = plain_label(name="typeChip", accessible=_("Kind of item"))
        self.meta = plain_label(name="itemMeta", accessible=_("Time needed"))
        # Discreet: the item (or part of it) is not in the language the learner reads in.
        self.untranslated = plain_label(name="untranslatedNote", accessible=_("Translation"))
        self.untranslated.hide()
        self.bar = QProgressBar()
        self.bar.setObjectName("moduleProgress")
        self.bar.setTextVisible(False)
        self.bar.setFixedWidth(180)
        self.bar.setAccessibleName(_("Progress through the module"))
        self.progress_text = plain_label(
            name="progressText", accessible=_("Progress through the module")
        )

        top = QHBoxLayout()
        top.addWidget(self.back)
        top.addSpacing(12)
        top.addWidget(self.crumbs, 1)
        top.addWidget(self.smaller)
        top.addWidget(self.larger)
        bottom = QHBoxLayout()
        bottom.addWidget(self.chip)
        bottom.addSpacing(8)
        bottom.addWidget(self.meta)
        bottom.addSpacing(8)
        bottom.addWidget(self.untranslated)
        bottom.addStretch(1)
        bottom.addWidget(self.progress_text)
        bottom.addSpacing(8)
        bottom.addWidget(self.bar)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(20, 12, 20, 12)
        layout.setSpacing(6)
        layout.addLayout(top)
        layout.addWidget(self.title)
        layout.addLayout(bottom)

    back_to = "library"  # or "search": the page Back returns to
    _back_label: tuple[str, bool] | None = None  # what the Back button was labelled for

    def set_back_to(self, target: str) -> None:
        self.back_to = target
        self._label_back(self.layoutDirection() == Qt.LayoutDirection.RightToLeft)

    def _label_back(self, rtl: bool) -> None:
        if self._back_label == (self.back_to, rtl):
            return  # already so: setting a tooltip again sends events to the button
        self._back_label = (self.back_to, rtl)
        if self.back_to == "search":
            self.back.setText(_("→ Results") if rtl else _("← Results"))
            self.back.setAccessibleName(_("Back to the search results"))
            self.back.setToolTip(_("Back to the search results (Alt+Up)"))
        else:
            self.back.setText(_("→ Library") if rtl else _("← Library"))
            self.back.setAccessibleName(_("Back to the library"))
            self.back.setToolTip(_("Back to the library (Alt+Up)"))

    def show_view(self, view: ItemView) -> None:
        self._label_back(view.rtl)
        pack_title = str(view.pack.get("title") or view.pack["id"])
        module_title = str(view.module.get("title") or view.module["id"])
        self.crumbs.setText(f"{pack_title}  ›  {module_title}")
        self.title.setText(str(view.item.get("title") or view.item["id"]))
        self.chip.setText(item_type_name(view.kind))
        minutes = int(view.item.get("minutes") or 0)
        self.meta.setText(
            ngettext("about {n} minute", "about {n} minutes", minutes).format(
                n=format_number(minutes)
            )
            if minutes
            else ""
        )
        self.untranslated.setText(view.translation_note)
        self.untranslated.setVisible(bool(view.translation_note))
        if view.progress is not None:
            self.show_progress(view.progress)
        else:
            self.progress_text.setText("")
            self.bar.hide()

    def show_progress(self, progress: ModuleProgress) -> None:
        self.bar.show()
        self.bar.setRange(0, max(progress.total, 1))
        self.bar.setValue(progress.done)
        text = _("{done} of {total} done").format(
            done=format_number(progress.done), total=format_number(progress.total)
        )
        self.progress_text.setText(text)
        self.bar.setAccessibleDescription(text)


class Footer(QFrame):
    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("readerFooter")
        self.previous = QPushButton(_("← Previous"))
        self.previous.setAccessibleName(_("Previous item"))
        self.previous.setToolTip(_("Previous item (Alt+Left)"))
        self.next = QPushButton(_("Next →"))
        self.next.setAccessibleName(_("Next item"))
        self.next.setToolTip(_("Next item (Alt+Right)"))
        self.next.setDefault(True)
        self.done = QPushButton(_("Mark as done"))
        self.done.setAccessibleName(_("Mark as done"))
        self.position = ElidedLabel("positionText", accessible=_("Position in the module"))
        self.position.setAlignment(Qt.AlignmentFlag.AlignCenter)
        layout = QHBoxLayout(self)
        layout.setContentsMargins(20, 10, 20, 10)
        layout.addWidget(self.previous)
        layout.addWidget(self.position, 1)  # takes what is left, cut short on a narrow window
        layout.addWidget(self.done)
        layout.addSpacing(8)
        layout.addWidget(self.next)
        for button in (self.previous, self.next, self.done):
            button.setMinimumWidth(120)
        self._done = False

    def show_view(self, view: ItemView) -> None:
        total = len(view.items)
        self.position.setText(
            _("Item {n} of {total}").format(
                n=format_number(view.index + 1), total=format_number(max(total, 1))
            )
        )
        self.previous.setEnabled(view.neighbour(-1) is not None)
        last = view.neighbour(+1) is None
        # Arrows point the way the text runs.
        self.previous.setText(_("→ Previous") if view.rtl else _("← Previous"))
        if last:
            self.next.setText(_("Finish"))
        else:
            self.next.setText(_("Next ←") if view.rtl else _("Next →"))
        self.done.setVisible(view.completable and view.status is not None)
        self.set_done(view.status is Status.DONE)

    def is_done(self) -> bool:
        return self._done

    def set_done(self, done: bool) -> None:
        self._done = done
        self.done.setText(_("✓ Done") if done else _("Mark as done"))
        self.done.setEnabled(not done)


class Banner(QFrame):
    """Shown when the module has just been completed: offers the certificate."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("completeBanner")
        self.text = plain_label(name="completeText", wrap=True, accessible=_("Module complete"))
        self.certificate = QPushButton(_("Save my certificate…"))
        self.certificate.setAccessibleName(_("Save my certificate"))
        layout = QHBoxLayout(self)
        layout.setContentsMargins(20, 10, 20, 10)
        layout.addWidget(self.text, 1)
        layout.addWidget(self.certificate)
        self.hide()

    def offer(self, module_title: str) -> None:
        self.text.setText(
            _("Well done! You have completed “{module}”.").format(module=module_title)
        )
        self.show()
        self.certificate.setFocus()


class MessagePanel(QWidget):
    """Opening…, or why an item cannot be shown."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.label = plain_label(name="messageText", wrap=True, accessible=_("Message"))
        self.label.setAlignment(Qt.AlignmentFlag.AlignCenter)
        layout = QVBoxLayout(self)
        layout.addWidget(self.label)

    def show_text(self, text: str, *, error: bool = False) -> None:
        self.label.setText(text)
        self.label.setProperty("error", "true" if error else "false")
        self.label.style().unpolish(self.label)
        self.label.style().polish(self.label)
