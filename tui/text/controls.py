"""Which characters and escape sequences are unsafe in a terminal, and what replaces them.

Kept apart from `sanitize` so the policy (this file) reads on its own:

* complete escape sequences (CSI, OSC, DCS/SOS/PM/APC, two-byte ESC x, and their 8-bit C1
  forms) are dropped entirely: what they would *do* is invisible, so nothing is hidden;
* any remaining C0 control becomes its Unicode "control picture" (NUL -> ␀, ESC -> ␛), DEL -> ␡
  and a C1 control -> U+FFFD, so a stray control stays visible instead of silently vanishing;
* format characters (Cf: bidi overrides/isolates/marks, zero-width space/joiners, BOM, soft
  hyphen, tag characters) are dropped: they only reorder or hide text, and dropping the ZWJ also
  keeps emoji widths predictable (terminals disagree on ZWJ sequences);
* surrogates (Cs, unencodable) and unassigned code points (Cn, incl. noncharacters) -> U+FFFD;
* other spaces (Zs, e.g. NBSP) -> " "; line/paragraph separators are line breaks;
* private-use characters (Co) are kept: no terminal interprets them, they are one cell wide,
  and they carry real content (Apple's logo U+F8FF, icon fonts).
"""

from __future__ import annotations

import re
import unicodedata
from functools import lru_cache

REPLACEMENT = "\ufffd"

# ST (string terminator) is ESC \ or 8-bit 0x9C; OSC may also end with BEL.
# Bodies exclude ESC and every C1 so each match attempt stops at the next control: linear time.
_ST = r"(?:\x1b\\|\x9c)"
ESCAPE_SEQUENCE = re.compile(
    r"(?:\x1b\[|\x9b)[0-?]*[ -/]*[@-~]"  # CSI, e.g. \x1b[31m, \x9b2J
    rf"|(?:\x1b\]|\x9d)[^\x00-\x1f\x7f-\x9f]*(?:\x07|{_ST})"  # OSC, e.g. \x1b]52;c;...\x07
    rf"|(?:\x1b[PX^_]|[\x90\x98\x9e\x9f])[^\x1b\x80-\x9f]*{_ST}"  # DCS, SOS, PM, APC
    r"|\x1b(?:[ -/]+[0-~]|[0-OQ-WYZ\\`-~])"  # other escapes: ESC c (reset), ESC ( B, ESC 7
)

# Characters that end a line, besides "\n" ("\r\n" is folded into "\n" first).
LINE_BREAKS = frozenset("\r\v\f\x85\u2028\u2029")


@lru_cache(maxsize=4096)
def replacement(ch: str) -> str:
    """What a non-printable, non-line-break character becomes ("" means dropped)."""
    cp = ord(ch)
    if cp < 0x20:
        return chr(0x2400 + cp)  # control pictures: ␀ ␁ ... ␛ ... ␟
    if cp == 0x7F:
        return "\u2421"  # ␡
    if cp < 0xA0:
        return REPLACEMENT  # C1 has no control pictures
    category = unicodedata.category(ch)
    if category == "Cf":
        return ""
    if category == "Zs":
        return " "
    if category == "Co":
        return ch
    return REPLACEMENT  # Cs, Cn (and anything else Python deems non-printable)
