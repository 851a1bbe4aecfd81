"""Reads a .docx with python-docx and prints what the official report's
test checks, as JSON: the sections' page geometry, the body paragraphs and
every table cell with their runs (text, font, size, bold, italic)."""
import json
import sys

from docx import Document


def run_of(r):
    return {
        "text": r.text,
        "font": r.font.name,
        "size": r.font.size.pt if r.font.size is not None else None,
        "bold": bool(r.bold),
        "italic": bool(r.italic),
    }


def paragraph_of(p):
    return {"text": p.text, "runs": [run_of(r) for r in p.runs]}


def section_of(s):
    return {
        "width_mm": round(s.page_width.mm, 1),
        "height_mm": round(s.page_height.mm, 1),
        "landscape": int(s.orientation) == 1,
        "top_mm": round(s.top_margin.mm, 1),
        "bottom_mm": round(s.bottom_margin.mm, 1),
        "left_mm": round(s.left_margin.mm, 1),
        "right_mm": round(s.right_margin.mm, 1),
        "different_first_page": bool(s.different_first_page_header_footer),
    }


def main(path):
    doc = Document(path)
    out = {
        "sections": [section_of(s) for s in doc.sections],
        "paragraphs": [paragraph_of(p) for p in doc.paragraphs],
        "tables": [
            [[[paragraph_of(p) for p in cell.paragraphs] for cell in row.cells] for row in table.rows]
            for table in doc.tables
        ],
    }
    json.dump(out, sys.stdout, ensure_ascii=False)


if __name__ == "__main__":
    main(sys.argv[1])
