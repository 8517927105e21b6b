"""Corrections: a curator's documented fixes to what a source or the extraction got wrong."""
