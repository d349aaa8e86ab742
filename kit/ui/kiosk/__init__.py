"""The pass-the-laptop kiosk: anonymous answers from one person after another."""
