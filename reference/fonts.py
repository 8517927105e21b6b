"""The one CJK font the reference PDF is set in.

Government disclosures embed their CJK fonts; a PDF that relies on a viewer's fallback font has
no glyph widths an extractor could trust. WenQuanYi Micro Hei is free, packaged by Debian, and
reportlab can embed it as a TrueType subset with a ToUnicode map, so every glyph extracts back to
its character.
"""

from __future__ import annotations

from pathlib import Path

from reportlab.pdfbase import pdfmetrics
from reportlab.pdfbase.ttfonts import TTFont

FONT_NAME = "WQYMicroHei"
FONT_PATH = Path("/usr/share/fonts/truetype/wqy/wqy-microhei.ttc")
FONT_PACKAGE = "fonts-wqy-microhei"


class FontMissingError(RuntimeError):
    """The font file is absent; the PDF cannot be reproduced without exactly this font."""


def register_font(path: Path = FONT_PATH) -> str:
    """Register the font with reportlab (idempotent) and return its name.

    Raises FontMissingError naming the Debian package when the file is missing: a substitute
    font would change every glyph width and so the committed PDF's bytes.
    """
    if FONT_NAME in pdfmetrics.getRegisteredFontNames():
        return FONT_NAME
    if not path.is_file():
        raise FontMissingError(
            f"font file {path} not found; install the Debian package {FONT_PACKAGE} "
            f"(apt-get install {FONT_PACKAGE}) to typeset the reference PDF"
        )
    pdfmetrics.registerFont(TTFont(FONT_NAME, str(path), subfontIndex=0))
    return FONT_NAME
