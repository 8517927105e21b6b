"""Scoring the pipeline's output against hand-verified labels of real disclosures."""
