"""Quizzes and surveys edited with forms (trainer mode): no file syntax to learn.

quiz_form.QuizEditor and survey_form.SurveyEditor follow kit.ui.editor.contract; the
file's text goes through kit.core.authoring.questionform, so what the trainer did not
change stays byte for byte as written.
"""
