"""Portable mode: the app and its data on a USB stick (FAT32 or exFAT).

- `location`: whether the app runs portable (a `kit-portable.txt` marker beside the
  executable, `--portable` or KIT_PORTABLE=1) and where its data folder is then.
- `health`: the start and end of a run on the stick: a "running" marker, the check of
  both databases after an unclean eject, restoring the records from the newest sound
  backup (saying so), emptying a damaged library, and the backup kept at each start.
- `fat`: what a FAT file system cannot hold (symlinks, files over 4 GB, names that
  differ only in case), for checking a data folder's layout.
"""
