"""The needs-assessment results view (ResultsView), its charts, exports and PDF."""
