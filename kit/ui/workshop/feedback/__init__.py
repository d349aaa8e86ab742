"""Workshop mode's Feedback tab: cards typed from paper, the kiosk survey, showing back."""
