"""First look at a PDF: identity, readability and the cheap text layer of every page."""
