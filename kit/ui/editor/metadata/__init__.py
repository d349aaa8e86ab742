"""Forms for pack.yaml (PackMetaEditor) and module.yaml (ModuleMetaEditor)."""
