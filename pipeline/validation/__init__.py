"""Reconciliation of a document's numbers with each other, and quarantine of tables that fail it."""
