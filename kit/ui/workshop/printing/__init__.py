"""Printing a workshop: agenda, handouts, sign-in sheet and materials checklist as PDF
(the Print tab of kit.ui.workshop.home)."""
