"""The reader: lessons, slides, activities, quizzes and surveys, one item at a time.

    page = ReaderPage(ctx)
    page.open_item("getting-started", "read-lessons")
    page.back_requested.connect(...)            # back to the library
    page.item_requested.connect(...)            # (pack id, item id) the page moved to
    page.certificate_requested.connect(...)     # (pack id, module id); else the page saves it

`kit.ui.reader.certificate.save_certificate(parent, ctx, pack_id, module_id)` saves the
certificate of a completed module as PDF.
"""

from kit.ui.reader.page import ReaderPage

__all__ = ["ReaderPage"]
