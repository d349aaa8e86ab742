"""Room quizzes and polls in the presenter: the question full screen on the projector,
answers ticked by name or counted on the console, results revealed as a bar chart."""
