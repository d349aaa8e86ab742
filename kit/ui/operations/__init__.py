"""The one path from the screens to the core: small typed functions that submit work to
`ctx.worker` and return the `Job` (results arrive on the GUI thread)."""
