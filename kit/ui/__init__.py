"""Qt widgets. Talks to kit.core only through kit.ui.operations, off the GUI thread."""
