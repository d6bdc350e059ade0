"""numpy / pandas conversion of row dataclasses.

Money columns stay exact: numpy gets their minor units as int64 (a column
``<field>_minor``) and pandas gets ``decimal.Decimal`` objects; dates
become ``datetime64[D]`` / ``datetime.date``.  numpy and pandas are
imported only when asked for.
"""

import dataclasses
import datetime
from typing import Any, List, Sequence

from .money import Money


def _column_kind(rows: Sequence[Any], name: str):
    for row in rows:
        value = getattr(row, name)
        if value is not None:
            return type(value)
    return float


def array(rows: Sequence[Any], cls) -> Any:
    """A numpy structured array with one field per dataclass field."""
    import numpy as np
    dtype, getters = [], []
    for f in dataclasses.fields(cls):
        kind = _column_kind(rows, f.name)
        if kind is Money:
            dtype.append((f.name + "_minor", np.int64))
            getters.append(lambda r, n=f.name: getattr(r, n).minor)
        elif kind is datetime.date:
            dtype.append((f.name, "datetime64[D]"))
            getters.append(lambda r, n=f.name: np.datetime64(getattr(r, n), "D")
                           if getattr(r, n) else np.datetime64("NaT"))
        elif kind in (int, bool, float):
            dtype.append((f.name, np.float64 if kind is float else np.int64))
            getters.append(lambda r, n=f.name: getattr(r, n))
        else:
            dtype.append((f.name, object))
            getters.append(lambda r, n=f.name: getattr(r, n))
    return np.array([tuple(g(r) for g in getters) for r in rows], dtype=dtype)


def frame(rows: Sequence[Any], cls) -> Any:
    """A pandas DataFrame; money columns hold exact ``Decimal`` amounts."""
    import pandas as pd
    names = [f.name for f in dataclasses.fields(cls)]
    data = {n: [_cell(getattr(r, n)) for r in rows] for n in names}
    return pd.DataFrame(data, columns=names)


def _cell(value: Any) -> Any:
    return value.amount if isinstance(value, Money) else value


__all__: List[str] = ["array", "frame"]
