"""A file's layout kept when it is rewritten: line endings, a BOM, a missing final newline."""

from __future__ import annotations

from dataclasses import dataclass

from setsquare._text import BOM


@dataclass(frozen=True)
class Style:
    """How a file's text is laid out on disk, beyond its content."""

    #: "\n" or "\r\n" when every line ends so; None for mixed endings, left as written
    newline: str | None = "\n"
    bom: bool = False
    final_newline: bool = True

    @classmethod
    def of(cls, data: bytes) -> Style:
        crlf = data.count(b"\r\n")
        lone = data.count(b"\n") - crlf
        newline = "\r\n" if crlf and not lone else "\n" if not crlf else None
        return cls(
            newline=newline,
            bom=data.startswith(BOM.encode()),
            final_newline=not data.strip() or data.endswith(b"\n"),
        )

    def apply(self, text: str) -> bytes:
        text = text.removeprefix(BOM)
        if self.newline is not None:
            text = text.replace("\r\n", "\n")
        if not self.final_newline:
            text = text.removesuffix("\r\n") if text.endswith("\r\n") else text.removesuffix("\n")
        if self.newline == "\r\n":
            text = text.replace("\n", "\r\n")
        return ((BOM if self.bom else "") + text).encode("utf-8")
