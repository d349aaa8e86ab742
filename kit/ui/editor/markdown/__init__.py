"""Trainer mode's text editors: Markdown items beside a live preview, and plain text."""
