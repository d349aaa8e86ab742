"""The Pre/post tab of workshop mode (kit.ui.operations.prepost)."""
