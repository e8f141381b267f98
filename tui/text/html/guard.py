"""Make hostile HTML cheap to parse before any parser sees it.

The stdlib `HTMLParser` (under both html2text and our fallback) goes quadratic on some
malformed input: 20,000 copies of ``<a b='>'`` take minutes. So every ``<`` that does not
begin a well-formed tag, end tag, comment or declaration is escaped to ``&lt;`` (which is
also how a browser shows it), using possessive patterns that cannot backtrack. Then quote,
list and table nesting beyond `MAX_NESTING` is flattened (html2text prefixes every line
with one marker per level: 5,000 nested quotes would be ~25 MB of ">").
"""

from __future__ import annotations

import re

MAX_NESTING = 24

# Python 3.11 possessive quantifiers (*+, ++, ?+) and atomic groups keep each match attempt
# linear; a quoted value runs to the next matching quote, so all attempts together are too.
_WELL_FORMED = re.compile(
    r"""<(?:
        [A-Za-z][^\s/>"'=<]*+
        (?>[\s/]++(?>[^\s/>"'=<]++(?>\s*+=\s*+(?>"[^"]*+"|'[^']*+'|[^\s"'<>`]*+))?+)?+)*+
        | /[A-Za-z][^<>]*+
        | [!?][^<>]*+
    )>""",
    re.VERBOSE,
)
_NESTING_TAG = re.compile(r"<(/?)(blockquote|ul|ol|dl|table)\b[^<>]*>", re.IGNORECASE)
_NESTING_GROUP = {"blockquote": "quote", "ul": "list", "ol": "list", "dl": "list", "table": "table"}


def defuse_stray_brackets(html: str) -> str:
    """Escape every "<" that does not start a well-formed tag, comment or declaration."""
    out: list[str] = []
    i = 0
    end = -2  # where the last search found "-->"; -1 once none is left (never search again)
    while (j := html.find("<", i)) >= 0:
        out.append(html[i:j])
        if html.startswith("<!--", j):
            if end != -1 and end < j + 4:
                end = html.find("-->", j + 4)
            if end >= 0:
                out.append(html[j : end + 3])
                i = end + 3
                continue
        elif m := _WELL_FORMED.match(html, j):
            out.append(m.group())
            i = m.end()
            continue
        out.append("&lt;")
        i = j + 1
    out.append(html[i:])
    return "".join(out)


def flatten_deep_nesting(html: str, limit: int = MAX_NESTING) -> str:
    """Turn quote/list/table tags nested deeper than `limit` (and their end tags) into divs."""
    depth: dict[str, int] = {}
    dropped: dict[str, int] = {}

    def visit(m: re.Match[str]) -> str:
        group = _NESTING_GROUP[m.group(2).lower()]
        if m.group(1):  # an end tag closes the innermost open tag: a dropped one first
            if dropped.get(group):
                dropped[group] -= 1
                return "</div>"
            depth[group] = max(depth.get(group, 0) - 1, 0)
            return m.group(0)
        if depth.get(group, 0) >= limit:
            dropped[group] = dropped.get(group, 0) + 1
            return "<div>"  # still a block (keeps line breaks), but adds no level
        depth[group] = depth.get(group, 0) + 1
        return m.group(0)

    return _NESTING_TAG.sub(visit, html)


def prepare(html: str) -> str:
    """`html` made safe to hand to an HTML parser in roughly linear time."""
    return flatten_deep_nesting(defuse_stray_brackets(html))
