"""A workshop's register and check-ins (kit.ui.workshop.home)."""
