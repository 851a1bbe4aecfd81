"""Reads kehoach's open data files with third-party libraries and prints
what they found as JSON.

  python open_data_check.py SDMX_CSV OPEN_SDG_CSV...

The SDMX-CSV is read by pysdmx (its SDMX-CSV 1.0 reader); each Open SDG data
file is validated by frictionless against the table schema Open SDG's data
files follow (Year an integer, Units a string, Value a number).
"""

import json
import os
import sys

from frictionless import Resource, Schema, fields
from pysdmx.io import read_sdmx


def read_sdmx_csv(path):
    message = read_sdmx(path)
    out = []
    for dataset in message.data:
        frame = dataset.data
        out.append(
            {
                "structure": str(dataset.short_urn),
                "rows": int(len(frame)),
                "columns": [str(c) for c in frame.columns],
                "series": sorted({str(s) for s in frame["SERIES"]}),
                "years": sorted({str(y) for y in frame["TIME_PERIOD"]}),
            }
        )
    return out


OPEN_SDG_SCHEMA = Schema(
    fields=[
        fields.IntegerField(name="Year", constraints={"required": True}),
        fields.StringField(name="Units"),
        fields.NumberField(name="Value", constraints={"required": True}),
    ]
)


def validate_open_sdg(path):
    # frictionless reads paths relative to a base folder only.
    resource = Resource(
        path=os.path.basename(path),
        basepath=os.path.dirname(path),
        schema=OPEN_SDG_SCHEMA,
    )
    report = resource.validate()
    rows = resource.read_rows() if report.valid else []
    return {
        "valid": bool(report.valid),
        "errors": [row[0] for row in report.flatten(["message"])],
        "rows": [[r["Year"], float(r["Value"])] for r in rows],
    }


def main(argv):
    sdmx_path, *open_sdg = argv
    print(
        json.dumps(
            {
                "sdmx": read_sdmx_csv(sdmx_path),
                "open_sdg": [validate_open_sdg(p) for p in open_sdg],
            },
            ensure_ascii=False,
        )
    )


if __name__ == "__main__":
    main(sys.argv[1:])
