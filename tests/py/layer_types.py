"""Field types of vector layers as pyogrio and fiona read them (tests/gis_schema.rs).

Usage: layer_types.py FILE... ; prints one JSON object: {file: {layer: {field: {...}}}} with,
per field, pyogrio's GDAL type name and pandas dtype, fiona's schema type, and whether every
value is null (geopandas, through pyogrio).
"""

import json
import sys

import fiona
import pyogrio


def layer_names(path):
    return [name for name, _ in pyogrio.list_layers(path)]


def describe(path):
    out = {}
    for layer in layer_names(path):
        info = pyogrio.read_info(path, layer=layer)
        frame = pyogrio.read_dataframe(path, layer=layer)
        with fiona.open(path, layer=layer) as src:
            fiona_types = dict(src.schema["properties"])
        fields = {}
        for name, gdal_type in zip(info["fields"], info["dtypes"]):
            column = frame[name] if name in frame.columns else None
            fields[name] = {
                "pyogrio": str(gdal_type),
                "pandas": str(column.dtype) if column is not None else None,
                "fiona": fiona_types.get(name),
                "all_null": bool(column.isna().all()) if column is not None else None,
            }
        out[layer] = {
            "fields": fields,
            "geometry": info.get("geometry_type"),
            "count": int(info["features"]),
        }
    return out


def main():
    print(json.dumps({path: describe(path) for path in sys.argv[1:]}, indent=1, sort_keys=True))


if __name__ == "__main__":
    main()
