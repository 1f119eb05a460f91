"""Contributors: the journalists named in the closing credit line."""

from __future__ import annotations

import re

LEAD_RE = re.compile(r"^.*?\bcontributed by\b|^(?:Additional )?reporting by\b|^Contributing:"
                     r"|^(?:The )?Associated Press writers?\b", re.IGNORECASE)
# "AP writer X contributed to this report": the names come before the verb, not after "by".
TAIL_RE = re.compile(r"\s+(?:also\s+)?contributed\b.*$", re.IGNORECASE)
OUTLET_RE = re.compile(r"\s+(?:of|from)\s+(?:The\s+)?[A-Z][\w.&' -]*$")


def contributors_from_credit(credit: str) -> list[str]:
    """'... contributed by Sarah El Deeb, Nataliya Vasilyeva of The Associated Press and by ...'."""
    if not credit:
        return []
    text = TAIL_RE.sub("", LEAD_RE.sub("", credit)).strip().rstrip(".")
    names: list[str] = []
    for group in re.split(r"\s+and\s+by\s+|;\s*", text):
        group = OUTLET_RE.sub("", group.strip())
        for name in re.split(r",\s*|\s+and\s+", group):
            name = re.sub(r"^by\s+", "", name.strip())
            name = re.sub(r"\s+in\s+[A-Z][\w .'-]*$", "", name)  # "Susannah George in Irbil"
            if name and name not in names and name[0].isupper():
                names.append(name)
    return names
