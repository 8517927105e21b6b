"""Parsers for the printed values of budget tables: amounts, units, classification codes, cell text."""
