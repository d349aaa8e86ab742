"""Small shared widgets: avatars, message bar, job progress dialog, the app's style."""
