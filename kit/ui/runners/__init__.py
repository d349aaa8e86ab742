"""Threads other than the GUI's: the database worker is kit.ui.runners.worker.Worker (one thread
writes each database); kit.ui.runners.network runs catalogs and downloads."""
