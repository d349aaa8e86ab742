"""The Report tab of workshop mode and the report's PDF (kit.ui.workshop.report.pdf)."""
