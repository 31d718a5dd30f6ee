"""Score and rank products of Vietnam's OCOP programme on the official criteria.

The ``ocop`` engine in Python: the same engine, rubrics and numbers as the ``ocop`` command.
Every method takes the command's input as a dict (or as JSON text) and returns the document
``ocop ... --format json`` prints, as Python values: decimals stay strings (``"69.5"``), exact.

>>> import ocop
>>> engine = ocop.Engine()
>>> result = engine.score({"rubric": "qd26-2026", "product_set": 10, "answers": {...}})
>>> result["stars"], result["total"]

An input that is not valid raises :class:`InvalidInput`, which carries every problem found
(``error.problems``: path, line, column, message), never a partial result.
"""

from __future__ import annotations

import datetime
import json
import operator
from typing import Any, Iterable, Mapping, Optional, Union

from . import _ocop

__all__ = [
    "Engine",
    "OcopError",
    "InvalidInput",
    "UnknownRubric",
    "RubricDataError",
    "__version__",
]

__version__: str = _ocop.__version__

#: A JSON input: a dict (or list), or its JSON text (``str`` or UTF-8 ``bytes``).
Json = Union[Mapping[str, Any], str, bytes]


class OcopError(Exception):
    """Base of the errors the engine raises."""


class InvalidInput(OcopError, ValueError):
    """An input is not valid; nothing was scored.

    ``document`` is the error document the command prints (``{"error": {"kind": "invalid_input",
    "problems": [...]}}``, with ``"file"`` naming ``rules`` or ``costs`` when the problems are in
    those); ``problems`` is its list of problems, each with ``path``, ``line``, ``column``,
    ``message`` and ``kind``.
    """

    def __init__(self, document: dict):
        self.document = document
        self.problems: list = document["error"]["problems"]
        first = self.problems[0]["message"] if self.problems else "invalid input"
        more = f" (and {len(self.problems) - 1} more)" if len(self.problems) > 1 else ""
        super().__init__(first + more)


class UnknownRubric(OcopError, LookupError):
    """No such rubric or product set, or no rubric in force on the date."""


class RubricDataError(OcopError):
    """Rubric files cannot be read, or a product set's data is not valid."""


def _text(value: Json) -> str:
    if isinstance(value, str):
        return value
    if isinstance(value, (bytes, bytearray)):
        return bytes(value).decode("utf-8")
    return json.dumps(value, ensure_ascii=False)


def _optional_text(value: Optional[Json]) -> Optional[str]:
    return None if value is None else _text(value)


def _date(value: Union[str, datetime.date, None]) -> Optional[str]:
    if value is None or isinstance(value, str):
        return value
    # A datetime is a date too; its day is what counts (its isoformat would add the time).
    if isinstance(value, datetime.datetime):
        value = value.date()
    return value.isoformat()


def _english(lang: str) -> bool:
    if lang not in ("vi", "en"):
        raise ValueError(f"lang must be 'vi' or 'en', not {lang!r}")
    return lang == "en"


def _call(function, *args):
    try:
        return function(*args)
    except _ocop.InvalidInputError as error:
        raise InvalidInput(json.loads(error.args[0])) from None
    except _ocop.UnknownRubricError as error:
        raise UnknownRubric(error.args[0]) from None
    except _ocop.RubricDataError as error:
        raise RubricDataError(error.args[0]) from None


class Engine:
    """The engine: the bundled rubrics, or rubric files read from ``rubrics`` (a folder, as
    ``ocop --rubrics DIR`` takes). Immutable and thread-safe: build one and share it."""

    def __init__(self, rubrics: Optional[str] = None):
        self._native = _call(_ocop.Engine, rubrics)

    def score(self, sheet: Json, *, partial: bool = False, lang: str = "vi") -> dict:
        """Scores a council member's sheet: ``ocop score FILE --format json``."""
        return json.loads(self.score_json(sheet, partial=partial, lang=lang))

    def score_json(self, sheet: Json, *, partial: bool = False, lang: str = "vi") -> str:
        """As :meth:`score`, the document as the command's exact JSON text."""
        return _call(self._native.score, _text(sheet), partial, _english(lang))

    def council(
        self,
        session: Json,
        *,
        rules: Optional[Json] = None,
        partial: bool = False,
        lang: str = "vi",
    ) -> dict:
        """Combines a council session into the council's result: ``ocop council FILE --format
        json [--rules RULES]``. ``rules`` overrides the rubric's council defaults (the session's
        own ``council.rules`` still take precedence); the result names it ``rules``."""
        text = _call(
            self._native.council,
            _text(session),
            _optional_text(rules),
            partial,
            _english(lang),
        )
        return json.loads(text)

    def advise(
        self,
        subject: Json,
        *,
        target: Optional[int] = None,
        costs: Optional[Json] = None,
        alternatives: Optional[int] = None,
        partial: bool = False,
        lang: str = "vi",
    ) -> dict:
        """What to improve to reach a star level (by default the next), for a member's sheet or
        a council session's mean: ``ocop advise FILE --format json``. ``costs`` maps criterion
        codes to costs (decimal strings; ``"*"`` for the rest), and the plans then minimise the
        total cost; ``alternatives`` is how many tied plans to list (default 5)."""
        text = _call(
            self._native.advise,
            _text(subject),
            _optional_text(costs),
            target,
            alternatives,
            partial,
            _english(lang),
        )
        return json.loads(text)

    def rank(
        self,
        sessions: Union[str, bytes, Iterable[Json]],
        *,
        source: str = "sessions",
        rules: Optional[Json] = None,
        partial: bool = False,
        lang: str = "vi",
    ) -> dict:
        """Scores and ranks a round: ``ocop rank SOURCE --format json``. ``sessions`` is NDJSON
        text (one session per line) or an iterable of sessions; rows are named ``SOURCE:LINE``.
        Sessions that cannot be scored are listed in ``failures``; the call still succeeds."""
        if isinstance(sessions, (str, bytes, bytearray)):
            ndjson = _text(sessions)
        else:
            ndjson = "".join(_text(session).replace("\n", " ") + "\n" for session in sessions)
        text = _call(
            self._native.rank,
            ndjson,
            source,
            _optional_text(rules),
            partial,
            _english(lang),
        )
        return json.loads(text)

    def rescore(self, sheet: Json, to: str, *, lang: str = "vi") -> dict:
        """Carries an old sheet's answers to another rubric: ``ocop rescore FILE --to RUBRIC
        --format json``."""
        return json.loads(_call(self._native.rescore, _text(sheet), to, _english(lang)))

    def cert(
        self,
        decided: Union[str, datetime.date],
        *,
        on: Union[str, datetime.date, None] = None,
        rubric: Optional[str] = None,
        lang: str = "vi",
    ) -> dict:
        """A certificate's expiry, re-rating window and state on a day (default today): ``ocop
        cert --decided DATE [--on DATE] [--rubric ID] --format json``. Why dates have no
        certificate is said in ``lang``."""
        return json.loads(
            _call(self._native.cert, _date(decided), _date(on), rubric, _english(lang))
        )

    def calendar(
        self,
        year: int,
        *,
        level: Optional[str] = None,
        on: Union[str, datetime.date, None] = None,
        lang: str = "vi",
    ) -> dict:
        """The evaluation rounds a year must have (QĐ 26/2026 Điều 5), of one level
        (``"province"`` or ``"central"``) or both, and for a file proposed on ``on`` the first
        round of each level it can enter: ``ocop calendar YEAR [--level LEVEL] [--on DATE]
        --format json``. A year whose rules set no rounds raises :class:`InvalidInput`."""
        text = _call(
            self._native.calendar, operator.index(year), level, _date(on), _english(lang)
        )
        return json.loads(text)

    def rubrics(self) -> list:
        """The rubrics and their product sets: ``ocop rubrics --format json``."""
        return json.loads(self._native.rubrics())

    def sheet(
        self, rubric: str, product_set: int, *, format: str = "text", lang: str = "vi"
    ) -> str:
        """The blank scoring sheet, ``text``, ``markdown`` or ``html`` (the printable A4 document,
        in Vietnamese): ``ocop sheet --rubric RUBRIC --set N --format FORMAT``."""
        if format not in ("text", "markdown", "html"):
            raise ValueError(f"format must be 'text', 'markdown' or 'html', not {format!r}")
        return _call(self._native.sheet, rubric, product_set, format, _english(lang))
