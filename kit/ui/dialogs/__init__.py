"""Dialogs, apart from the pages: settings, backups, a pack's details, pack sources,
the progress window of a long job and the install flow that uses it."""
