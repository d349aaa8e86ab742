"""The page's look: quiet cards on a light background, one blue action per card.

Colours and corners follow the app's stylesheet (kit.ui.widgets.style) so that the page
looks like the library next to it.
"""

import re

from kit.ui.widgets.style import ACCENT


def page_style(scale: float) -> str:
    """The page's stylesheet, its font sizes scaled with the text size setting (1.0 = normal)."""
    return re.sub(
        r"font-size: ([0-9.]+)pt", lambda m: f"font-size: {float(m[1]) * scale:.1f}pt", _STYLE
    )


_STYLE = """
#getPacksPage { background: #f5f6f8; }
#getPacksPage QScrollArea, #getPacksPage #scrollBody { background: transparent; border: none; }
#pageTitle { font-size: 20pt; font-weight: 600; color: #1b1f24; }
#subtitle, #muted { color: #5b6470; }
#sectionTitle { font-size: 11pt; font-weight: 600; color: #1b1f24; padding-top: 6px; }
#offerCard, #downloadRow, #emptyState {
    background: #ffffff; border: 1px solid #dde1e6; border-radius: 10px;
}
#downloadRow[failed="true"] { border-color: #e5a29a; background: #fff8f7; }
#offerTitle { font-size: 12pt; font-weight: 600; color: #1b1f24; }
#downloadRow QLabel[error="true"] { color: #a40e26; }
QListWidget::item { padding: 6px 4px; }
#downloadTitle { font-weight: 600; color: #1b1f24; }
#description { color: #30363d; }
#verified {
    color: #116329; background: #dafbe1; border-radius: 9px; padding: 1px 8px;
    font-size: 9pt; font-weight: 600;
}
#status-installed, #status-older { color: #116329; font-weight: 600; }
#status-update { color: #9a6700; font-weight: 600; }
#status-needs-newer-app { color: #a40e26; }
#status-available { color: #5b6470; }
#notice { border-radius: 6px; padding: 8px 12px; }
#notice[kind="info"] { background: #ddf4ff; color: #0a3069; border: 1px solid #b6e3ff; }
#notice[kind="error"] { background: #ffebe9; color: #82071e; border: 1px solid #ffcecb; }
#sourceWarning {
    background: #fff8c5; color: #4d2d00; border: 1px solid #eedc82; border-radius: 6px;
    padding: 8px 12px;
}
#dialogMessage[error="true"] { color: #a40e26; }
#emptyTitle { font-size: 13pt; font-weight: 600; color: #1b1f24; }
QPushButton { padding: 6px 14px; }
QPushButton[primary="true"] {
    background: ACCENT; color: white; border: 1px solid ACCENT; border-radius: 6px;
    font-weight: 600; min-width: 90px;
}
QPushButton[primary="true"]:hover { background: #1b4f93; }
QPushButton[primary="true"]:focus { border: 2px solid #0a3069; }
#downloadRow QProgressBar {
    border: none; border-radius: 4px; background: #e6e9ed;
}
#downloadRow QProgressBar::chunk { border-radius: 4px; background: ACCENT; }
""".replace("ACCENT", ACCENT)
