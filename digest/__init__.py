"""digest: turn several outlets' reports of one story into one browsable storyline."""

__version__ = "0.1.0"
