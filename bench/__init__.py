"""Benchmark of the whole pipeline against the camelot script a user would otherwise write.

``python -m bench`` runs everything once on a folder of PDFs and prints each figure next to
its target; see ``bench/__main__.py`` for what is measured and how.
"""
