"""Workshop mode's presenter: the audience view on the projector, the console on the laptop."""
