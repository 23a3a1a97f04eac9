"""Column types that keep a deal's values exact: Decimals as text (no binary rounding of
money or prices) and dates as ISO-8601 text (readable with any SQLite tool)."""

from __future__ import annotations

import datetime as dt
from decimal import Decimal

from sqlalchemy import JSON, String
from sqlalchemy.types import TypeDecorator


class DecimalText(TypeDecorator):
    """A Decimal stored as its exact text ("4440000.00" stays "4440000.00")."""

    impl = String
    cache_ok = True

    def process_bind_param(self, value, dialect):
        return None if value is None else str(value)

    def process_result_value(self, value, dialect):
        return None if value is None else Decimal(value)


class IsoDate(TypeDecorator):
    """A calendar date as "YYYY-MM-DD"."""

    impl = String
    cache_ok = True
    parse = staticmethod(dt.date.fromisoformat)

    def process_bind_param(self, value, dialect):
        return None if value is None else value.isoformat()

    def process_result_value(self, value, dialect):
        return None if value is None else self.parse(value)


class IsoDateTime(IsoDate):
    """A date and time as ISO text; naive values are US Eastern wall time (the model's rule)."""

    cache_ok = True
    parse = staticmethod(dt.datetime.fromisoformat)


TYPE_ANNOTATION_MAP = {
    Decimal: DecimalText(),
    dt.datetime: IsoDateTime(),
    dt.date: IsoDate(),
    dict: JSON(),
    list: JSON(),
}
