"""The app's look: one stylesheet, sizes scaled with the text size setting."""

from __future__ import annotations

from PySide6.QtWidgets import QApplication

from kit.core.paths import RESOURCES_DIR
from kit.i18n import current_language, uses_arabic_script
from kit.ui.fonts import with_bundled_families

ACCENT = "#2363b8"
_CHEVRON = (RESOURCES_DIR / "icons" / "chevron-down.svg").as_posix()
_BASE_POINTS: dict[int, float] = {}


def stylesheet(scale: float, rtl: bool = False) -> str:
    """The app's stylesheet; `rtl` puts start-side marks (the selected pack's bar) on the right.

    Sub-controls and paddings (a menu button's arrow) are mirrored by Qt itself.
    """
    start = "right" if rtl else "left"

    def pt(size: float) -> str:
        return f"{size * scale:.1f}pt"

    return f"""
    QMainWindow, QWidget#page {{ background: #f5f6f8; }}
    QWidget#sidebar {{ background: #ffffff; border-right: 1px solid #dde1e6; }}
    QToolBar {{ background: #ffffff; border: none; border-bottom: 1px solid #dde1e6;
               padding: 6px 10px; spacing: 8px; }}
    QLabel[role="title"] {{ font-size: {pt(20)}; font-weight: 600; color: #1d2430; }}
    QLabel[role="heading"] {{ font-size: {pt(14)}; font-weight: 600; color: #1d2430; }}
    QLabel[role="muted"] {{ color: #5d6877; }}
    QLabel[role="error"] {{ color: #b3261e; font-weight: 600; }}
    QLabel[role="badge-warn"] {{ color: #8a5300; background: #fff1d6; border-radius: 4px;
                                padding: 2px 6px; }}
    QLabel[role="badge-ok"] {{ color: #1e6b34; background: #e2f4e7; border-radius: 4px;
                              padding: 2px 6px; }}
    QLabel[role="badge-neutral"] {{ color: #3c4654; background: #eceff3; border-radius: 4px;
                                   padding: 2px 6px; }}
    QFrame[role="card"] {{ background: #ffffff; border: 1px solid #dde1e6; border-radius: 10px; }}
    QFrame[role="continue"] {{ background: #e8f0fb; border: 1px solid #bcd0ee;
                              border-radius: 10px; }}
    QPushButton {{ padding: 6px 14px; border-radius: 6px; border: 1px solid #c5ccd6;
                  background: #ffffff; }}
    QPushButton:hover {{ background: #eef2f7; }}
    QPushButton:focus {{ border: 2px solid {ACCENT}; }}
    QPushButton[role="primary"] {{ background: {ACCENT}; color: white; border: 1px solid {ACCENT};
                                  font-weight: 600; }}
    QPushButton[role="primary"]:hover {{ background: #1b4f93; }}
    QPushButton[role="danger"] {{ background: #b3261e; color: white; border: 1px solid #b3261e;
                                 font-weight: 600; }}
    QToolButton[role="profile"] {{ background: #ffffff; border: 1px solid #dde1e6;
                                  border-radius: 14px; padding: 14px; font-size: {pt(12)};
                                  font-weight: 600; color: #1d2430; }}
    QToolButton[role="profile"]:hover {{ background: #eef4fd; border-color: {ACCENT}; }}
    QToolButton[role="profile"]:focus {{ border: 2px solid {ACCENT}; }}
    QToolButton[role="profile-new"] {{ background: transparent; border: 2px dashed #b5bfcc;
                                      border-radius: 14px; padding: 14px; font-size: {pt(12)};
                                      color: #3b4656; }}
    QToolButton[role="profile-new"]:hover {{ border-color: {ACCENT}; color: {ACCENT}; }}
    QToolButton[role="swatch"] {{ border: 2px solid transparent; border-radius: 18px; }}
    QToolButton[role="swatch"]:checked {{ border: 3px solid #1d2430; }}
    QToolButton[role="swatch"]:focus {{ border: 3px solid {ACCENT}; }}
    QPushButton[role="link"] {{ border: none; background: transparent; color: {ACCENT};
                               text-align: left; padding: 2px 4px; }}
    QPushButton[role="link"]:hover {{ text-decoration: underline; }}
    QLineEdit {{ padding: 6px 8px; border: 1px solid #c5ccd6; border-radius: 6px;
                background: #ffffff; }}
    QLineEdit:focus {{ border: 2px solid {ACCENT}; }}
    QComboBox {{ padding: 5px 8px; border: 1px solid #c5ccd6; border-radius: 6px;
                background: #ffffff; color: #1d2430; min-height: 1.4em; }}
    QComboBox:hover {{ background: #eef2f7; }}
    QComboBox:focus, QComboBox:on {{ border: 2px solid {ACCENT}; }}
    QComboBox::drop-down {{ border: none; width: 24px; }}
    QComboBox::down-arrow {{ image: url("{_CHEVRON}"); width: 12px; height: 12px; }}
    QComboBox QAbstractItemView {{ background: #ffffff; border: 1px solid #c5ccd6;
                                  selection-background-color: #e8f0fb;
                                  selection-color: #1d2430; outline: none; padding: 4px; }}
    QListWidget#packs {{ background: #ffffff; border: none; outline: none; }}
    QListWidget#packs::item {{ padding: 10px 12px; border-bottom: 1px solid #eef0f3;
                              color: #1d2430; }}
    QListWidget#packs::item:selected {{ background: #e8f0fb; color: #1d2430;
                                       border-{start}: 4px solid {ACCENT}; }}
    QProgressBar {{ border: none; background: #e4e8ee; border-radius: 4px; max-height: 8px;
                   text-align: right; }}
    QProgressBar::chunk {{ background: #2e8b57; border-radius: 4px; }}
    QScrollArea {{ border: none; background: transparent; }}
    QToolButton[popupMode="2"] {{ padding: 4px 8px; padding-right: 24px; }}
    QToolButton[popupMode="2"]::menu-indicator {{ image: url("{_CHEVRON}"); width: 10px;
        height: 10px; subcontrol-origin: padding; subcontrol-position: right center;
        right: 8px; }}
    """


ARABIC_SCRIPT_SCALE = 1.2  # Arabic letters at 10 pt look like Latin ones at about 8 pt
LINE_HEIGHT_PERCENT = 150  # between wrapped lines of Arabic script (marks need the room)


def script_scale(language: str | None = None) -> float:
    """How much larger the interface's text is drawn for the script of `language`."""
    return ARABIC_SCRIPT_SCALE if uses_arabic_script(language) else 1.0


def apply_style(app: QApplication, scale: float) -> None:
    """Set the stylesheet and the base font size for `scale` (1.0 = the system's size),
    larger for a language in Arabic script (script_scale).

    Call it again after the layout direction or the language changes.
    """
    scale *= script_scale()
    font = with_bundled_families(app.font(), current_language())
    base = _BASE_POINTS.setdefault(id(app), font.pointSizeF() if font.pointSizeF() > 0 else 10.0)
    font.setPointSizeF(base * scale)
    app.setFont(font)
    rtl = app.isRightToLeft()
    app.setStyleSheet(stylesheet(scale, rtl))


def set_role(widget, role: str):
    """Give a widget a style role (see `stylesheet`) and return it."""
    widget.setProperty("role", role)
    return widget
