"""From PDF pages to typed, stitched tables: camelot on the pages that hold tables, then assembly."""
