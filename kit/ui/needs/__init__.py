"""The Needs tab of workshop mode: needs-assessment surveys collected by kiosk, on paper
and from other computers (issue 13)."""
