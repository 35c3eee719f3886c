"""The hand-labelled evaluation sets and their scorer."""
