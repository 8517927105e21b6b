"""Header-driven normalisation of typed tables into the published datasets."""
