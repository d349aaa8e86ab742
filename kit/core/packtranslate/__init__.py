"""Translating packs with PO files: extract, update, status and apply (kit pack translate).

A pack source keeps one PO file per language in translations/LANG.po; `apply` writes its
translations into the translation files of the pack format (translations/LANG/...).
"""

from kit.core.packtranslate.workflow import apply, extract, status, update

__all__ = ["apply", "extract", "status", "update"]
