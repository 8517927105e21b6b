"""Normalisation of the text of one printed table cell or line."""

import math
import re
import unicodedata

_QUOTES = str.maketrans({"“": '"', "”": '"', "‘": "'", "’": "'", "＂": '"'})
_SPACES = re.compile(r"\s+")


def clean_cell(text: object) -> str:
    """Return the cell's text as one line, with the line breaks a wrapping cell inserted removed.

    Word and Excel exports wrap long cell text inside words (``本年收入合\\n计``); the break is
    layout, not content, so it is removed without inserting a space. Missing cells (NaN/None)
    become the empty string.
    """
    if text is None or (isinstance(text, float) and math.isnan(text)):
        return ""
    return _SPACES.sub(" ", str(text).replace("\r", "").replace("\n", "")).strip()


def fold_for_matching(text: str) -> str:
    """Fold the typographic variants of a title or header label so one pattern can match them all.

    NFKC turns full-width letters, digits and colons into their ASCII forms; curly quotes become
    straight ones (the 三公 table is printed as “三公”, "三公" or ＂三公＂); whitespace disappears,
    since CJK titles are often letter-spaced (``部 门 收 支 总 表``).
    """
    folded = unicodedata.normalize("NFKC", text).translate(_QUOTES)
    return _SPACES.sub("", folded)


_LIST_MARKER = re.compile(r"^(其中:)?(\([一二三四五六七八九十\d]+\)|[一二三四五六七八九十]+、|\d+[.、])?")
"""What a row label starts with to place it in a printed list: 其中：, （一）, 一、, 1. or 1、."""


def row_label_core(label: str) -> str:
    """A row label folded, without the list markers that only number it (``其中：（一）因公出国（境）支出``
    is the row of ``因公出国(境)支出``; ``一、一般公共服务支出`` the 类 ``一般公共服务支出``)."""
    return _LIST_MARKER.sub("", fold_for_matching(label), count=1)
