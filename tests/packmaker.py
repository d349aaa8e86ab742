"""Build real, small packs (from the `kit pack new` example) for catalog tests."""

from __future__ import annotations

from pathlib import Path

from kit.core.packformat.build import build_pack
from kit.core.packformat.scaffold import new_pack_source


def make_pack(
    work: Path,
    out: Path,
    pack_id: str = "first-aid",
    version: str = "1.0.0",
    key: Path | None = None,
    min_app: str = "0.1.0",
    title: str = "First aid",
) -> Path:
    """Build PACK_ID-VERSION.kitpack into `out` (signed with `key` if given)."""
    src = work / f"src-{pack_id}-{version}"
    new_pack_source(src, pack_id)
    yaml = (src / "pack.yaml").read_text(encoding="utf-8")
    yaml = yaml.replace("\nversion: 0.1.0", f"\nversion: {version}")
    yaml = yaml.replace("\nmin_app_version: 0.1.0", f"\nmin_app_version: {min_app}")
    yaml = yaml.replace("title: My first pack", f"title: {title}")
    (src / "pack.yaml").write_text(yaml, encoding="utf-8")
    out.mkdir(parents=True, exist_ok=True)
    return build_pack(src, out, sign_key=key)
