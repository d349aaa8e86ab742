"""Trainer mode's translation view."""
