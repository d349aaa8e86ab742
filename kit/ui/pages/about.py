"""About Training Kit: version, licence, who made the bundled content, the data folder;
and the keyboard shortcuts (F1)."""

from __future__ import annotations

import platform

import PySide6
from PySide6.QtCore import Qt, QUrl, Signal, qVersion
from PySide6.QtGui import QDesktopServices, QKeySequence
from PySide6.QtWidgets import (
    QFormLayout,
    QGridLayout,
    QHBoxLayout,
    QScrollArea,
    QVBoxLayout,
    QWidget,
)

from kit import __version__
from kit.i18n import N_, _
from kit.ui.context import AppContext
from kit.ui.operations import library as ops
from kit.ui.widgets.forms import button, label
from kit.ui.widgets.style import set_role

APP_LICENCE = "GPL-3.0-or-later"


def _page(widget: QWidget, title: str, back) -> QVBoxLayout:
    """A page with a Back button and a title; returns the scrolled column to fill."""
    widget.setObjectName("page")
    outer = QVBoxLayout(widget)
    outer.setContentsMargins(28, 20, 28, 12)
    head = QHBoxLayout()
    head.addWidget(button(_("Back"), accessible=_("Back to the library"), slot=back))
    head.addWidget(label(title, "title"), 1)
    outer.addLayout(head)
    scroll = QScrollArea()
    scroll.setWidgetResizable(True)
    scroll.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
    body = QWidget()
    body.setObjectName("page")
    column = QVBoxLayout(body)
    column.setContentsMargins(0, 8, 8, 8)
    column.setSpacing(10)
    scroll.setWidget(body)
    outer.addWidget(scroll, 1)
    return column


def _selectable(text: str):
    shown = label(text)
    shown.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
    return shown


class AboutPage(QWidget):
    back_requested = Signal()
    loaded = Signal()

    def __init__(self, ctx: AppContext, parent=None) -> None:
        super().__init__(parent)
        self.ctx = ctx
        column = _page(self, _("About Training Kit"), self.back_requested.emit)
        column.addWidget(label(_("Offline skills training with content packs."), "muted"))
        form = QFormLayout()
        self.fields: dict[str, str] = {}
        folder = str(ctx.data.root)
        for name, value in ((_("Version"), __version__),
                            (_("Licence"), _("{licence}: free software; you may share and "
                                             "change it under the same licence.").format(
                                                 licence=APP_LICENCE)),
                            (_("Data folder"), folder),
                            (_("Runs on"), _("Python {python}, Qt {qt}, PySide6 {pyside}").format(
                                python=platform.python_version(), qt=qVersion(),
                                pyside=PySide6.__version__))):  # fmt: skip
            form.addRow(name, _selectable(value))
            self.fields[name] = value
        column.addLayout(form)
        open_folder = button(_("Open the data folder"),
                             slot=lambda: QDesktopServices.openUrl(QUrl.fromLocalFile(folder)))  # fmt: skip
        column.addWidget(open_folder, 0, Qt.AlignmentFlag.AlignLeft)
        column.addWidget(label(_("Included content"), "heading"))
        self.credits = QVBoxLayout()
        column.addLayout(self.credits)
        column.addWidget(label(_("Software it is built with"), "heading"))
        self.components = QVBoxLayout()
        column.addLayout(self.components)
        self.component_rows: list[str] = []
        ops.software_components(ctx).success(self.show_components).run(self)
        column.addStretch(1)
        self.credit_texts: list[str] = []
        ops.bundled_credits(ctx).success(self.show_credits).failure(self.show_credits_failed).run(
            self
        )

    def show_credits(self, packs: list[dict]) -> None:
        self.credit_texts = []
        if not packs:
            self.credits.addWidget(label(_("No included pack is installed."), "muted"))
        for pack in packs:
            text = _credit(pack)
            self.credit_texts.append(text)
            self.credits.addWidget(label(str(pack.get("title") or pack["id"]), "heading"))
            self.credits.addWidget(_selectable(text))
        self.loaded.emit()

    def show_components(self, parts: list) -> None:
        for part in parts:
            text = _("{name} {version}: {licence}").format(
                name=part.name, version=part.version, licence=part.licence or _("not stated")
            )
            self.component_rows.append(text)
            self.components.addWidget(_selectable(text))

    def show_credits_failed(self, message: str) -> None:
        self.credits.addWidget(set_role(label(message), "error"))
        self.loaded.emit()


def _credit(pack: dict) -> str:
    authors = ", ".join(
        str(a.get("name") if isinstance(a, dict) else a) for a in pack.get("authors") or []
    )
    parts = [
        _("Attribution: {text}").format(text=pack.get("attribution") or _("not stated")),
        _("Licence: {licence}").format(licence=pack.get("license") or _("not stated")),
    ]
    if authors:
        parts.append(_("Authors: {names}").format(names=authors))
    return "\n".join(parts)


# Keys handled inside pages (the window's own actions are read from the window).
PAGE_SHORTCUTS = (
    (N_("Reading"), "Alt+Right", N_("Next item")),
    (N_("Reading"), "Alt+Left", N_("Previous item")),
    (N_("Reading"), "Alt+Up", N_("Back to the library")),
    (N_("Reading"), "Ctrl+=", N_("Larger text")),
    (N_("Reading"), "Ctrl+-", N_("Smaller text")),
    (N_("Reading"), "Ctrl+0", N_("Normal text size")),
    (N_("Slides"), "Right", N_("Next slide")),
    (N_("Slides"), "Left", N_("Previous slide")),
    (N_("Get packs"), "Ctrl+F", N_("Filter the packs")),
    (N_("Get packs"), "F5", N_("Refresh the catalogs")),
)


def keys_text(keys: str | QKeySequence) -> str:
    """Keys as the platform writes them (Qt's catalog translates Ctrl, Alt…)."""
    sequence = keys if isinstance(keys, QKeySequence) else QKeySequence(keys)
    return sequence.toString(QKeySequence.SequenceFormat.NativeText)


class ShortcutsPage(QWidget):
    """Every keyboard shortcut: the window's actions, then those of the pages."""

    back_requested = Signal()
    loaded = Signal()

    def __init__(self, actions: list, parent=None) -> None:
        super().__init__(parent)
        column = _page(self, _("Keyboard shortcuts"), self.back_requested.emit)
        self.rows: list[tuple[str, str]] = []
        groups: list[tuple[str, list[tuple[str, str]]]] = [(_("Everywhere"), [])]
        for action in actions:
            keys = [keys_text(k) for k in action.shortcuts() if not k.isEmpty()]
            if keys and action.text() and action.isVisible():  # not My progress, signed out
                text = keys[0]
                for other in keys[1:]:
                    text = _("{keys} or {other}").format(keys=text, other=other)
                groups[0][1].append((text, action.text().replace("&", "")))
        for group, keys, what in PAGE_SHORTCUTS:
            if groups[-1][0] != _(group):
                groups.append((_(group), []))
            groups[-1][1].append((keys_text(keys), _(what)))
        for title, rows in groups:
            column.addWidget(label(title, "heading"))
            grid = QGridLayout()
            grid.setColumnStretch(1, 1)
            for index, (keys, what) in enumerate(rows):
                key_label = label(keys, "badge-neutral", wrap=False)
                grid.addWidget(key_label, index, 0, Qt.AlignmentFlag.AlignLeft)
                grid.addWidget(label(what), index, 1)
                self.rows.append((keys, what))
            column.addLayout(grid)
        column.addStretch(1)
