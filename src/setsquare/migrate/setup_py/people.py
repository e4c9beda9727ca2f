"""author/author_email (and maintainer's) into ``[project]`` authors, one person per entry.

Core metadata has one ``Author`` and one ``Author-email`` field; setuptools writes
a ``[project]`` entry with a name and an e-mail as ``Name <e-mail>`` in
``Author-email``, and joins the names of entries without an e-mail into
``Author``. A comma in the name field may separate people ("A, B") or be part of
one name ("Example Software, Inc."), so the names are split only when they pair
up with the e-mails one to one and no part reads as the tail of a company name;
otherwise the name text stays whole, which publishes the very same ``Author``.
"""

from __future__ import annotations

import re

from setsquare.migrate.model import Item

#: A part starting with one of these continues a name rather than starting a person.
_NOT_A_PERSON = re.compile(
    r"(inc|incorporated|ltd|limited|llc|l\.l\.c|gmbh|co|corp|corporation|plc|ag|s\.?a|b\.?v"
    r"|n\.?v|pty|srl|sas|kg|et al)\b\.?|&|and\b|contributors\b|others\b",
    re.IGNORECASE,
)


def kept_whole(role: str) -> str:
    """The ledger's reason when *role*'s names stay one entry."""
    return (
        "kept as one name: its commas do not part people with an e-mail each, "
        f"so METADATA's {role.title()} stays as it was"
    )


def _parts(text: str) -> list[str]:
    return [part.strip() for part in text.split(",") if part.strip()]


def people_items(names: str, emails: str) -> tuple[list[Item], bool]:
    """The entries for *names* and *emails*, and whether the names were kept whole."""
    name_list = _parts(names)
    email_list = _parts(emails)
    if (
        name_list
        and len(name_list) == len(email_list)
        and not any(_NOT_A_PERSON.match(part) for part in name_list[1:])
    ):
        people = [Item({"name": n, "email": e}) for n, e in zip(name_list, email_list, strict=True)]
        return people, False
    # The text as given, so Author is published byte for byte as before.
    whole = names.strip()
    people = [Item({"name": whole})] if whole else []
    people.extend(Item({"email": e}) for e in email_list)
    return people, len(name_list) > 1
