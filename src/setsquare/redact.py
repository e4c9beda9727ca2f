"""Mask credentials in URLs before any text reaches a terminal, a log or a file.

The rule, applied to every ``scheme://userinfo@host`` in the text, any scheme,
any case:

- The authority runs from ``://`` to the first ``/``, whitespace, or a character
  that cannot appear unencoded in a URL (``"<>`\\``; ``'`` can, in a password);
  the userinfo ends at its LAST ``@``, so a password holding ``@`` is masked
  whole (pip splits the netloc the same way). ``?`` and ``#`` do not end it: an
  unencoded one in a password is masked too; over-masking a bare-host query is
  the safe side.
- ssh transports (``ssh``, ``git+ssh``, ``svn+ssh``, ``sftp``...) log in as a
  user, conventionally ``git``: the user is shown and only a password is
  masked, so ``git+ssh://git@host/x.git`` is unchanged.
- Every other scheme masks the whole userinfo, a user alone included: hosts
  take tokens as the user (``https://TOKEN@host``, ``https://TOKEN:x-oauth-basic@host``).
- A user or password that is only ``${VAR}`` references (pip expands those,
  upper case only) is a placeholder, not a secret, and stays visible.

Text without ``scheme://`` is left alone: ``ada@example.org`` and the ``@`` of a
PEP 508 ``name @ url`` are not userinfo.
"""

from __future__ import annotations

import re

__all__ = ["redact"]

#: The scheme is the whole run of scheme characters before ``://``, so pip's
#: attached ``-ihttps://`` is caught too. The look-behind lets a match start only
#: at the beginning of a run, and the authority ends the pattern, so nothing
#: backtracks beyond one run: a 1 MB line costs one pass, never a quadratic one
#: (and no possessive quantifiers, which Python 3.10's re lacks).
_URL = re.compile(r"(?<![A-Za-z0-9+.-])(?P<scheme>[A-Za-z0-9+.-]+)://(?P<authority>[^\s/\"<>`\\]*)")
#: pip's ``ENV_VAR_RE`` (req_file.py): only these are expanded, so only these are placeholders.
_PLACEHOLDER = re.compile(r"(?:\$\{[A-Z0-9_]+\})+")
_SSH = frozenset({"ssh", "sftp"})
_MASK = "****"


def _part(text: str) -> str:
    return text if not text or _PLACEHOLDER.fullmatch(text) else _MASK


def _userinfo(scheme: str, userinfo: str) -> str:
    user, colon, password = userinfo.partition(":")
    if _SSH.intersection(scheme.lower().split("+")):
        return f"{user}{colon}{_part(password)}" if colon else userinfo
    masked = [_part(user), *((_part(password),) if colon else ())]
    if all(part == _MASK for part in masked):
        # One mask for the whole userinfo: whether a password was there is not shown either.
        return _MASK
    return ":".join(masked)


def _mask(match: re.Match[str]) -> str:
    userinfo, at, host = match["authority"].rpartition("@")
    if not at or not userinfo:
        return match[0]
    return f"{match['scheme']}://{_userinfo(match['scheme'], userinfo)}@{host}"


def redact(text: str) -> str:
    """*text* with the credentials of every URL in it replaced by ``****``.

    Scheme and host stay, so the message still says where:
    ``https://user:p@ss@host/simple`` becomes ``https://****@host/simple``.
    """
    return _URL.sub(_mask, text)
