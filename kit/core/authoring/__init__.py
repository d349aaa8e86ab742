"""Authoring: what trainer mode (kit.ui.editor) does to a pack source folder.

The files stay the source of truth (docs/pack-format.md): every change is a text edit of
one file, a file the editor did not change is never rewritten, and unsaved edits are kept
in a recovery journal until they reach the file. Each module holds one part: the project
and its files, the outline's edits, the recovery journal, the question and metadata forms,
translation, building and publishing.
"""
