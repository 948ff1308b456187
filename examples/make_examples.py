"""Build the example label workbooks in this folder (fictional products, real strains).

Run: python examples/make_examples.py   (re-creates the .xlsx files beside this script)
"""

from __future__ import annotations

from pathlib import Path

from openpyxl import Workbook
from openpyxl.comments import Comment

HERE = Path(__file__).parent
NOTE = (
    "Fictional products made for strainscore's examples. The strains are real; the products, "
    "brands, counts and claims are invented and describe no product on sale."
)
HEADER = ["product", "brand", "strain", "cfu_per_serving", "servings_per_day", "claims"]

EXAMPLES: dict[str, list[list[object]]] = {
    "mood-and-gut-labels.xlsx": [
        [
            "Calm Biome Daily",
            "Fictional Labs",
            "Lactobacillus helveticus R0052",
            "1.5 billion",
            1,
            "mood support, stress relief",
        ],
        [
            "Calm Biome Daily",
            "Fictional Labs",
            "Bifidobacterium longum R0175",
            "1.5 billion",
            1,
            "mood support, stress relief",
        ],
        [
            "New Mum Mood",
            "Fictional Labs",
            "Lactobacillus rhamnosus HN001",
            "6 x 10^9 CFU",
            1,
            "postpartum mood, calm",
        ],
        [
            "Gut Comfort Kids",
            "Example Health",
            "L. rhamnosus GG (ATCC 53103)",
            "10B",
            1,
            "during antibiotics",
        ],
        [
            "Gut Comfort Kids",
            "Example Health",
            "Saccharomyces boulardii",
            "5 billion",
            1,
            "during antibiotics",
        ],
        [
            "Happy Gut 12",
            "Example Health",
            "Bifidobacterium lactis, Lactobacillus acidophilus",
            "20 billion CFU at time of manufacture",
            2,
            "happy mood, gut comfort, focus",
        ],
    ],
}


def build(name: str, rows: list[list[object]]) -> Path:
    wb = Workbook()
    ws = wb.active
    ws.title = "Labels"
    ws.append(HEADER)
    for row in rows:
        ws.append(row)
    ws["A1"].comment = Comment(NOTE, "strainscore")
    ws.freeze_panes = "A2"
    about = wb.create_sheet("About")
    about["A1"] = NOTE
    path = HERE / name
    wb.save(path)
    return path


if __name__ == "__main__":
    for name, rows in EXAMPLES.items():
        print(build(name, rows))
