"""One language of the translation view: its name and a progress bar of what is done."""

from __future__ import annotations

from PySide6.QtWidgets import QProgressBar, QVBoxLayout, QWidget

from kit.i18n import _, format_number, format_percent
from kit.languages import name_in_interface
from kit.ui.operations import editor_translate as ops
from kit.ui.widgets.plain import plain_label


def language_row(s: ops.LanguageStatus) -> QWidget:
    """A language's name, its progress bar and what is done (N of M, fuzzy)."""
    row = QWidget()
    v = QVBoxLayout(row)
    v.setContentsMargins(6, 4, 6, 4)
    name = _("{name} ({code})").format(name=name_in_interface(s.lang), code=s.lang)
    v.addWidget(plain_label(name))
    bar = QProgressBar()
    bar.setRange(0, max(s.total, 1))
    bar.setValue(s.translated)
    bar.setTextVisible(False)
    bar.setAccessibleName(name)
    bar.setStyleSheet("QProgressBar { max-height: 8px; }")
    v.addWidget(bar)
    if s.has_file:
        text = _("{percent}: {done} of {total}, {fuzzy} to check").format(
            percent=format_percent(s.percent / 100),
            done=format_number(s.translated),
            total=format_number(s.total),
            fuzzy=format_number(s.fuzzy),
        )
    elif s.found:
        text = _("Translated files found ({percent}): start to bring them in").format(
            percent=format_percent(s.percent / 100)
        )
    else:
        text = _("Not started")
    detail = plain_label(text)
    detail.setProperty("role", "muted")
    v.addWidget(detail)
    row.setObjectName(f"lang-{s.lang}")
    return row
