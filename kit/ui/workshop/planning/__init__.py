"""Planning a workshop: the workshops list, details, agenda editor (kit.ui.workshop.home)."""
