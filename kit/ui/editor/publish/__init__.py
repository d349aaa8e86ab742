"""Build, export and publish dialogs of trainer mode."""
