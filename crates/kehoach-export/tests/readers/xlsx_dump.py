"""Reads an .xlsx with openpyxl and prints, as JSON, each sheet's title,
frozen pane, merged ranges and cells (value, number format, font)."""
import json
import sys

from openpyxl import load_workbook


def main(path):
    book = load_workbook(path)
    sheets = []
    for ws in book.worksheets:
        rows = []
        for row in ws.iter_rows():
            rows.append([
                {"value": c.value, "format": c.number_format, "font": c.font.name, "bold": bool(c.font.b)}
                for c in row
            ])
        sheets.append({
            "title": ws.title,
            "freeze": ws.freeze_panes,
            "merged": sorted(str(r) for r in ws.merged_cells.ranges),
            "rows": rows,
        })
    json.dump({"sheets": sheets}, sys.stdout, ensure_ascii=False)


if __name__ == "__main__":
    main(sys.argv[1])
