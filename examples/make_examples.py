"""Build the example label workbooks in this folder (fictional products, real strains).

Run: python examples/make_examples.py [NAME.xlsx ...]   (re-creates the .xlsx files beside this
script; all of them when no name is given). Then examples/make_reports.sh regenerates the reports.

Each workbook shows the quirks real labels have (old names, trade names and deposits, species-only
lines, one total count for a blend, lost superscripts, counts at time of manufacture, mg units,
typos); ABOUT says which, and goes on the workbook's About sheet.
"""

from __future__ import annotations

import sys
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


# Products of the workbooks added after the first: (product, brand, strain, cfu, servings, claims).
P = "Placebo Free Co (fictional)"
Q = "Example Naturals (fictional)"
R = "Sample Pharma (fictional)"
BARRIER = (
    "Bifidobacterium bifidum W23, Bifidobacterium lactis W52, Lactobacillus acidophilus W37, "
    "Lactobacillus brevis W63, Lactobacillus casei W56, Lactobacillus salivarius W24, "
    "Lactococcus lactis W19, Lactococcus lactis W58"
)
VIVOMIXX = (
    "Streptococcus thermophilus NCIMB 30438",
    "Bifidobacterium breve NCIMB 30441",
    "Bifidobacterium longum NCIMB 30435",
    "Bifidobacterium infantis NCIMB 30436",
    "Lactobacillus acidophilus NCIMB 30442",
    "Lactobacillus plantarum NCIMB 30437",
    "Lactobacillus paracasei NCIMB 30439",
    "Lactobacillus delbrueckii subsp. bulgaricus NCIMB 30440",
)
EXAMPLES.update(
    {
        "psychobiotic-labels.xlsx": [
            [
                "Serene Mind Duo",
                P,
                "Lactobacillus helveticus Rosell-52",
                "3 x 109 CFU",
                2,
                "stress relief, calm mood",
            ],
            [
                "Serene Mind Duo",
                P,
                "Bifidobacterium longum Rosell-175",
                "",
                2,
                "stress relief, calm mood",
            ],
            [
                "Mum's Mood Support",
                P,
                "L. rhamnosus HN001 (DR20™)",
                "6 x 109",
                1,
                "postpartum mood, baby blues",
            ],
            ["Brain Balance 1714", Q, "B. longum 1714-Serenitas", "1 x 10^9", 1, "focus, stress"],
            ["Daily Calm Shot", Q, "Lactobacillus casei Shirota", "6.5 billion", 1, "calm, sleep"],
            [
                "Student Stress Pack",
                Q,
                "Lactobacillus plantarum P8, Lactobacillus gasseri CP2305",
                "10 billion",
                1,
                "exam stress, memory",
            ],
            ["Stress-Less JB", R, "Lactobacillus rhamnosus JB-1", "1 x 10^9", 1, "stress relief"],
        ],
        "gut-labels.xlsx": [
            [
                "Antibiotic Ally",
                R,
                "Lactobacillus rhamnosus GG (ATCC 53103)",
                "10 billion CFU",
                1,
                "during antibiotics, antibiotic-associated diarrhoea",
            ],
            [
                "Antibiotic Ally",
                R,
                "Saccharomyces boulardii CNCM I-745",
                "250 mg",
                2,
                "during antibiotics, antibiotic-associated diarrhoea",
            ],
            [
                "Colic Calm Drops",
                R,
                "L. reuteri DSM 17938 (Protectis)",
                "1 x 10^8 CFU per 5 drops",
                1,
                "infant colic, less crying",
            ],
            [
                "IBS Soothe",
                Q,
                "Bifidobacterium infantis 35624",
                "1 x 10^8",
                1,
                "IBS symptoms, bloating",
            ],
            [
                "Regular Transit",
                Q,
                "Bifidobacterium lactis HN019 (HOWARU Bifido)",
                "17.2 billion",
                1,
                "bowel regularity",
            ],
            ["Lp Comfort", P, "Lactobacillus plantarum 299v", "10 billion", 1, "bloating"],
            [
                "Kids Tummy Chew",
                P,
                "Bifidobacterium lactis BB-12, Streptococcus thermophilus",
                "3 billion",
                1,
                "digestive comfort",
            ],
        ],
        "blend-labels.xlsx": [
            ["Barrier Mood 8", Q, BARRIER, "2.5 billion CFU", 2, "mood support"],
            *[
                [
                    "Octo Blend 450",
                    R,
                    strain,
                    "450 billion CFU at time of manufacture" if i == 0 else "",
                    1,
                    "low mood" if i == 0 else "",
                ]
                for i, strain in enumerate(VIVOMIXX)
            ],
            [
                "Half Calm (one strain of a studied pair)",
                P,
                "Lactobacillus helveticus R0052",
                "3 billion",
                1,
                "anxiety",
            ],
            [
                "Proprietary Happy Blend",
                P,
                "Proprietary blend (Lactobacillus acidophilus, Bifidobacterium bifidum, "
                "Bifidobacterium longum)",
                "500 mg",
                1,
                "happy mood, emotional balance",
            ],
        ],
        "messy-labels.xlsx": [
            ["Gut Guard", Q, "Lactobacilus rhamnosus GG", "1·10^10", 1, "immune, gut"],
            ["Gut Guard", Q, "Bifidobacterium animalis ssp. lactis BB12", "", 1, ""],
            ["Reuteri Baby", Q, "Lactobaccillus reuteri DSM17938", "10B", 1, "colic"],
            ["Boulardii 5", R, "Saccharomyces boulardi", "5 x 10⁹", 2, "travel tummy"],
            ["NCFM Daily", R, "L. acidophillus NCFM (ATCC SD5221)", "1 x 109", 1, "bloating"],
            [
                "Old and New",
                P,
                "Lacticaseibacillus rhamnosus GG; Lactobacillus paracasei Shirota",
                "20 billion",
                1,
                "calm",
            ],
            ["Deposit Only", P, "ATCC 531O3", "6 billion", 1, ""],
            ["Spore Shield", P, "Bacillus coagulans GBI-30, 6086", "2 billion spores", 1, "IBS"],
            ["Mystery Flora", P, "Lactobacillus sp. XY-12", "lots", 1, "wellbeing"],
        ],
    }
)
ABOUT = {
    "psychobiotic-labels.xlsx": "Psychobiotic products with mood claims: aliases (Rosell-52, "
    "1714-Serenitas), a trade name (DR20), a re-identified strain (L. casei Shirota), a null trial "
    "(JB-1), a superscript lost in copy-paste ('3 x 109'), one total count for two strains.",
    "gut-labels.xlsx": "Gastrointestinal products: LGG with its deposit, S. boulardii CNCM I-745 "
    "in mg, L. reuteri DSM 17938 for infant colic, an old subspecies name (B. infantis 35624), a "
    "trade name (HOWARU Bifido), and a species-only line (Streptococcus thermophilus).",
    "blend-labels.xlsx": "Blends: a studied 8-strain blend held whole in one cell, an 8-strain "
    "product with one total count 'at time of manufacture' on its first row, one strain of a "
    "studied pair bought alone, and a proprietary blend of species only, in mg.",
    "messy-labels.xlsx": "Labels as they are copied: typos (Lactobacilus, boulardi, acidophillus), "
    "'BB12' and 'DSM17938' without spaces, '1·10^10', '10B', '5 x 10⁹', '1 x 109', old and new "
    "genus names on one label, a deposit with a letter O for a zero, spores, an unreadable count.",
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
    if name in ABOUT:
        about["A2"] = ABOUT[name]
        about.column_dimensions["A"].width = 120
        for letter, width in zip("ABCDEF", (28, 28, 48, 30, 16, 40), strict=True):
            ws.column_dimensions[letter].width = width
    path = HERE / name
    wb.save(path)
    return path


if __name__ == "__main__":
    chosen = sys.argv[1:] or list(EXAMPLES)
    for name in chosen:
        print(build(name, EXAMPLES[name]))
