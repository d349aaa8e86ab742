"""The screens of the learner app, one module each (the main window only switches)."""
