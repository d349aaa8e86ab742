"""Modes: what the app is being used for (a learner reading; next, a workshop on two
screens, a pack editor). Each is a small class declaring its windows and actions as data
(kit.ui.modes.base); the composition root (kit.app) picks one and opens its windows."""
