"""Exceptions. Every error carries its details as data (like pydantic's ``ValidationError``)."""

from __future__ import annotations

import re
from typing import Any, Callable, Dict, List, Optional, Tuple, Union

Loc = Tuple[Union[str, int], ...]

_LOC_PART = re.compile(r"([^.\[\]]+)|\[(\d+)\]")


def loc_tuple(path: str) -> Loc:
    """``"schools[0].colour"`` → ``("schools", 0, "colour")``."""
    return tuple(
        int(index) if index else name for name, index in _LOC_PART.findall(path)
    )


class XianjieError(Exception):
    """Base class of every error raised by xianjie."""


class InputError(XianjieError, ValueError):
    """The data could not be read: every problem is listed, located, in ``errors()``."""

    def __init__(
        self,
        message: str,
        issues: List[Dict[str, Any]],
        source_name: Optional[str] = None,
    ) -> None:
        super().__init__(message)
        self.source_name = source_name
        self.lang = "zh"
        self._issues = issues
        self._lookup: Optional[Callable[[Loc], Any]] = None

    def errors(self) -> List[Dict[str, Any]]:
        """One dict per problem: ``loc`` (tuple, as pydantic), ``path`` (the core's string),
        ``type``, ``msg`` (in the check's language), ``input`` (the offending value when the data
        came from Python objects, else ``None``), ``msg_zh``, ``msg_en``, ``line``, ``column``."""
        out = []
        for issue in self._issues:
            loc = loc_tuple(issue["loc"])
            value = None
            if self._lookup is not None:
                try:
                    value = self._lookup(loc)
                except (KeyError, IndexError, TypeError, AttributeError):
                    value = None
            out.append(
                {
                    "loc": loc,
                    "path": issue["loc"],
                    "type": issue["type"],
                    "msg": issue["msg_en"] if self.lang == "en" else issue["msg_zh"],
                    "input": value,
                    "msg_zh": issue["msg_zh"],
                    "msg_en": issue["msg_en"],
                    "line": issue["line"],
                    "column": issue["column"],
                }
            )
        return out

    def error_count(self) -> int:
        """Number of problems."""
        return len(self._issues)


class PackError(XianjieError, ValueError):
    """A pack id, pack file or parameter could not be used.

    ``type`` names the kind of error (``unknown_pack``, ``unknown_param``, ``check``, …, as in the
    core's ``PackError`` JSON Schema); its typed fields are in ``details`` and readable as
    attributes too (``e.id``, ``e.known``); ``msg_zh`` and ``msg_en`` say it in words."""

    _PLACE = ("origin", "line", "column", "loc", "message", "msg_zh", "msg_en", "type")

    def __init__(
        self,
        text: str,
        origin: str,
        line: Optional[int],
        column: Optional[int],
        loc: str,
        message: str,
        data: Optional[Dict[str, Any]] = None,
    ) -> None:
        super().__init__(text)
        data = data or {}
        self.origin = origin
        self.line = line
        self.column = column
        self.loc = loc
        self.message = message
        self.type: str = data.get("type", "")
        self.msg_zh: str = data.get("msg_zh", message)
        self.msg_en: str = data.get("msg_en", message)
        self.details: Dict[str, Any] = {
            k: v for k, v in data.items() if k not in self._PLACE
        }

    def __getattr__(self, name: str) -> Any:
        # Only called when normal lookup fails: the typed fields of this kind of error.
        details = self.__dict__.get("details", {})
        if name in details:
            return details[name]
        raise AttributeError(name)
