"""Reconciliation of a document's numbers with each other, and the verification status it gives each amount."""
