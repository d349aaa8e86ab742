"""The Learners tab of workshop mode: every learner's progress from all merged records."""
