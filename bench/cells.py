"""How a printed amount and a table cell are compared: the same text once layout is set aside.

Kept apart so the baseline script imports nothing but camelot and this.
"""

import re

_SEPARATORS = re.compile(r"[\s,，]")


def cell_key(text: str) -> str:
    """A cell's text as compared with a labelled amount: no whitespace, no thousands separators."""
    return _SEPARATORS.sub("", text)
