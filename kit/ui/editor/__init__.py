"""Trainer mode (KIT_MODE=editor): write, translate and package packs in the app.

`contract.py` says what an editor of one file offers the window (`FileEditor`) and what
the window gives it (`EditorEnv`); `registry.py` picks the editor for a file.
"""
