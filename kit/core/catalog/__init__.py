"""Catalogs of downloadable packs, sources, resumable downloads and USB hand-over.

- `catalog`: build, parse and verify catalog.json.
- `sources`: the places packs come from (URLs and folders), kept in sources.json.
- `download`: resumable, verified HTTP (and folder) downloads with progress.
- `get`: find packs across sources, check them and install them; updates.
- `export`: write installed packs and a catalog to a folder (a USB stick).
"""

CATALOG_FORMAT = 1
CATALOG_NAME = "catalog.json"
