"""Training Kit: offline skills training with content packs."""

__version__ = "0.1.0"
