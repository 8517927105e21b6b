"""The published data contract, declared once; schemas and file formats are derived from it."""
