"""Domain and storage. Plain Python: nothing in kit.core imports Qt."""
