"""Realistic probiotic label sheets for the benchmarks, built from the shipped reference tables.

One row per strain per product (columns product, brand, strain, cfu_per_serving, servings_per_day,
claims), 1-12 strains per product (about 5 on average). The strain cells mix what real labels
carry: current and pre-2020 names (Lacticaseibacillus / Lactobacillus rhamnosus), abbreviations
("L. rhamnosus GG"), aliases, deposits and trade names from reference/names.csv, species-only
lines, typos, look-alike letters, trademark signs, unknown designations and unknown organisms, and
now and then two strains in one cell. Counts come in the forms labels use ("10 billion",
"1 x 10^9", "1 x 109", "5e9 CFU", "10B", "500 mg", "... at time of manufacture"), as one total or
per strain; claims use the phrases of reference/outcomes.csv plus ones strainscore does not know.

The same seed gives the same rows. Run:

    python benchmarks/generate.py --products 10000 -o labels.xlsx
    python benchmarks/generate.py --rows 1000000 -o labels.csv
"""

from __future__ import annotations

import argparse
import csv
import random
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path

REFERENCE = Path(__file__).resolve().parents[1] / "reference"
HEADER = ("product", "brand", "strain", "cfu_per_serving", "servings_per_day", "claims")
# Strains per product, 1..12: many single-strain products, a long tail of blends (mean ~5).
STRAIN_COUNT_WEIGHTS = (16, 10, 10, 10, 10, 9, 8, 8, 6, 5, 4, 4)

Row = tuple[str, str, str, object, object, str]


@dataclass(frozen=True)
class KnownStrain:
    species_names: tuple[str, ...]  # current name first, then old names
    designation: str
    aliases: tuple[str, ...]  # aliases, deposits, trade names and old full names (names.csv)


@dataclass(frozen=True)
class Vocabulary:
    """Everything the generator draws names and claims from."""

    strains: tuple[KnownStrain, ...]
    species: tuple[str, ...]  # current and old species names, for species-only lines
    claims: tuple[str, ...]


def _read(name: str, reference: Path) -> list[dict[str, str]]:
    with (reference / name).open(encoding="utf-8", newline="") as fh:
        return list(csv.DictReader(fh))


def _species_name(genus: str, species: str, subspecies: str) -> str:
    if not subspecies:
        return f"{genus} {species}"
    rank = "var." if genus == "Saccharomyces" else "subsp."
    return f"{genus} {species} {rank} {subspecies}"


def load_vocabulary(reference: Path = REFERENCE) -> Vocabulary:
    """Names, designations and claim phrases from a reference folder."""
    names = _read("names.csv", reference)
    old_names: dict[str, list[str]] = {}
    aliases: dict[str, list[str]] = {}
    for n in names:
        if n["current_name"]:
            old_names.setdefault(n["current_name"], []).append(n["name"])
        elif n["strain_id"]:
            aliases.setdefault(n["strain_id"], []).append(n["name"])
    strains = []
    for s in _read("strains.csv", reference):
        current = _species_name(s["genus"], s["species"], s["subspecies"])
        plain = f"{s['genus']} {s['species']}"
        forms = [current, *old_names.get(current, ()), *old_names.get(plain, ())]
        if plain not in forms:
            forms.append(plain)  # "Bifidobacterium longum 35624", subspecies left out
        strains.append(
            KnownStrain(
                tuple(dict.fromkeys(forms)),
                s["designation"],
                tuple(aliases.get(s["strain_id"], ())),
            )
        )
    # Species-only lines name the species products are made of (those of the reference's
    # strains), not every species of the taxonomy: few labels print Lactobacillus jinshani.
    sold = {f.split(" subsp. ")[0] for st in strains for f in st.species_names[:1]}
    species = [
        r["current_name"]
        for r in _read("species.csv", reference)
        if r["current_name"].split(" subsp. ")[0] in sold
    ]
    species += [n["name"] for n in names if n["current_name"].split(" subsp. ")[0] in sold]
    claims = []
    for o in _read("outcomes.csv", reference):
        claims.append(o["label"].lower())
        claims += [p.strip() for p in o["phrases"].split(";") if p.strip()]
    return Vocabulary(tuple(strains), tuple(dict.fromkeys(species)), tuple(dict.fromkeys(claims)))


# Real commercial designations that the reference does not hold (paired with a species).
UNKNOWN_DESIGNATIONS = (
    ("Lactobacillus acidophilus", "La-14"),
    ("Lactobacillus acidophilus", "La-5"),
    ("Lactobacillus acidophilus", "DDS-1"),
    ("Lactobacillus plantarum", "Lp-115"),
    ("Lactiplantibacillus plantarum", "LP-115"),
    ("Bifidobacterium breve", "M-16V"),
    ("Bifidobacterium longum", "BB536"),
    ("Lactobacillus paracasei", "Lpc-37"),
    ("Bifidobacterium lactis", "Bl-04"),
    ("Bifidobacterium lactis", "Bi-07"),
    ("Lactobacillus rhamnosus", "GR-1"),
    ("Lactobacillus reuteri", "RC-14"),
    ("Lactobacillus salivarius", "Ls-33"),
    ("Lactobacillus gasseri", "BNR17"),
    ("Streptococcus thermophilus", "St-21"),
    ("Bacillus coagulans", "Unique IS-2"),
    ("Lactobacillus casei", "Lc-11"),
    ("Lactobacillus rhamnosus", "Lr-32"),
    ("Lactobacillus helveticus", "Lh-22"),
    ("Bifidobacterium bifidum", "Bb-06"),
)
UNKNOWN_ORGANISMS = (
    "Bacillus megaterium",
    "Lactobacillus kefiranofaciens",
    "Propionibacterium freudenreichii",
    "Bacillus indicus HU36",
    "Bacillus subtilis HU58",
    "Aspergillus oryzae",
    "Weissella cibaria CMU",
    "Lactobacillus sakei",
    "Enterococcus durans",
    "Proprietary probiotic blend",
    "Soil-based organisms",
    "Kefir grains culture",
)
OTHER_CLAIMS = (
    "gluten free",
    "non-GMO",
    "shelf stable",
    "vegan",
    "supports overall wellness",
    "no refrigeration needed",
    "clinically studied",
    "doctor formulated",
)
BRAND_WORDS = (
    ("Pure", "Vital", "Green", "Nature's", "Bio", "True", "Daily", "Bright", "Wild", "Clear"),
    ("Labs", "Health", "Naturals", "Nutrition", "Wellness", "Botanics", "Life", "Essentials"),
)
PRODUCT_WORDS = (
    ("Daily", "Ultimate", "Women's", "Men's", "Kids", "Calm", "Gut", "Mood", "Immune", "Senior"),
    ("Probiotic", "Flora", "Balance", "Biome", "Restore", "Defense", "Digest", "Harmony"),
)
LOOKALIKES = {"a": "а", "o": "о", "e": "е", "c": "с", "p": "р"}  # Cyrillic letters
SUPERSCRIPT = str.maketrans("0123456789", "⁰¹²³⁴⁵⁶⁷⁸⁹")


class LabelGenerator:
    """Rows of realistic label sheets; the same seed gives the same rows."""

    def __init__(
        self, seed: int = 8, vocabulary: Vocabulary | None = None, strains: int | None = None
    ) -> None:
        self.rng = random.Random(seed)
        self.strains = strains  # strains per product; None: drawn from STRAIN_COUNT_WEIGHTS
        self.vocab = vocabulary or load_vocabulary()
        # A catalogue has a few hundred invented designations, not a new one on every row.
        rng = random.Random(seed + 1)
        self.invented = tuple(
            f"{rng.choice('ABCDKLMPRSTX')}{rng.choice('ABCDKLMPRSTX')}-{rng.randint(1, 999)}"
            for _ in range(300)
        )

    def rows(self, *, products: int | None = None, rows: int | None = None) -> Iterator[Row]:
        """Rows for `products` products, or exactly `rows` rows (the last product cut short)."""
        if (products is None) == (rows is None):
            raise ValueError("give products or rows")
        written = 0
        i = 0
        while (products is not None and i < products) or (rows is not None and written < rows):
            i += 1
            for row in self.product(i):
                if rows is not None and written == rows:
                    return
                yield row
                written += 1

    def product(self, index: int) -> list[Row]:
        rng = self.rng
        name = f"{rng.choice(PRODUCT_WORDS[0])} {rng.choice(PRODUCT_WORDS[1])} #{index}"
        brand = f"{rng.choice(BRAND_WORDS[0])} {rng.choice(BRAND_WORDS[1])}"
        if rng.random() < 0.05:
            brand = ""
        n = self.strains or rng.choices(range(1, 13), weights=STRAIN_COUNT_WEIGHTS)[0]
        cells: list[str] = []
        while len(cells) < n:  # a label lists each strain once
            cell = self.strain_cell()
            if cell not in cells:
                cells.append(cell)
        counts = self.counts(n)
        servings: object = rng.choices((1, 2, 3, "", "1-2 capsules"), (60, 20, 5, 14, 1))[0]
        claims = self.claims()
        claims_on_every_row = rng.random() < 0.7
        return [
            (
                name,
                brand,
                cell,
                count,
                servings,
                claims if (claims_on_every_row or k == 0) else "",
            )
            for k, (cell, count) in enumerate(zip(cells, counts, strict=True))
        ]

    # --- strain cells -------------------------------------------------------------------------

    def strain_cell(self) -> str:
        rng = self.rng
        text = self.strain_text()
        if rng.random() < 0.02:  # two strains in one cell
            text += rng.choice((", ", " and ", " + ", "; ")) + self.strain_text()
        return text

    def strain_text(self) -> str:
        rng = self.rng
        r = rng.random()
        if r < 0.62:
            text = self.known_strain()
        elif r < 0.78:
            text = rng.choice(self.vocab.species)
        elif r < 0.90:
            species, designation = (
                rng.choice(UNKNOWN_DESIGNATIONS)
                if rng.random() < 0.6
                else (rng.choice(self.vocab.species), rng.choice(self.invented))
            )
            text = f"{self.species_form(species)} {designation}"
        else:
            text = rng.choice(UNKNOWN_ORGANISMS)
        r = rng.random()
        if r < 0.05:
            text = self.typo(text)
        elif r < 0.07:
            text = self.lookalike(text)
        elif r < 0.10:
            text += rng.choice(("®", "™", " (TM)"))
        return text

    def known_strain(self) -> str:
        rng = self.rng
        s = rng.choice(self.vocab.strains)
        species = self.species_form(rng.choice(s.species_names))
        designation = s.designation
        r = rng.random()
        if r < 0.10:
            designation = designation.replace("-", "").replace(" ", "")
        elif r < 0.15:
            designation = designation.replace("-", " ")
        r = rng.random()
        if s.aliases and r < 0.15:
            return rng.choice(s.aliases)
        if s.aliases and r < 0.22:
            return f"{species} {designation} ({rng.choice(s.aliases)})"
        return f"{species} {designation}"

    def species_form(self, name: str) -> str:
        """The name as written, or abbreviated: 'L. rhamnosus', 'B. animalis subsp. lactis'."""
        genus, _, rest = name.partition(" ")
        if rest and self.rng.random() < 0.35:
            return f"{genus[0]}. {rest}"
        return name

    def typo(self, text: str) -> str:
        """One slip in the genus or species word: a letter dropped, doubled, swapped or changed."""
        rng = self.rng
        words = text.split(" ")
        candidates = [i for i, w in enumerate(words[:2]) if len(w) > 4 and w.isalpha()]
        if not candidates:
            return text
        i = rng.choice(candidates)
        w = words[i]
        k = rng.randrange(1, len(w) - 1)
        kind = rng.randrange(4)
        if kind == 0:
            w = w[:k] + w[k + 1 :]
        elif kind == 1:
            w = w[:k] + w[k] + w[k:]
        elif kind == 2:
            w = w[: k - 1] + w[k] + w[k - 1] + w[k + 1 :]
        else:
            w = w[:k] + rng.choice("aeiou") + w[k + 1 :]
        words[i] = w
        return " ".join(words)

    def lookalike(self, text: str) -> str:
        """A Cyrillic letter in the name, or 'l' for '1' in a designation."""
        if "1" in text and self.rng.random() < 0.5:
            return text.replace("1", "l", 1)
        for latin, cyrillic in LOOKALIKES.items():
            if latin in text:
                return text.replace(latin, cyrillic, 1)
        return text

    # --- counts, servings, claims -------------------------------------------------------------

    def counts(self, n: int) -> list[object]:
        """Per-strain counts, one total on the first row, the total on every row, or none."""
        rng = self.rng
        pattern = rng.choices(
            ("per-strain", "total-first", "total-every", "none"), (40, 30, 15, 15)
        )
        if pattern[0] == "per-strain":
            return [self.count() for _ in range(n)]
        if pattern[0] == "total-first":
            return [self.count(), *[""] * (n - 1)]
        if pattern[0] == "total-every":
            return [self.count()] * n
        return [""] * n

    def count(self) -> object:
        rng = self.rng
        billions = rng.choice((1, 2, 3, 5, 6, 10, 15, 20, 25, 30, 50, 100))
        mantissa, exponent = (billions, 9) if billions < 10 else (billions / 10, 10)
        m = f"{mantissa:g}"
        forms = (
            (f"{billions} billion", 14),
            (f"{billions} Billion CFU", 10),
            (f"{billions}B", 8),
            (f"{billions} bn", 3),
            (f"{m} x 10^{exponent}", 8),
            (f"{m}x10{str(exponent).translate(SUPERSCRIPT)}", 4),
            (f"{m} x 10{exponent}", 4),  # a superscript lost in copy-paste: "1 x 109"
            (f"{m}e{exponent} CFU", 5),
            (f"{m}·10^{exponent}", 2),
            (f"{billions} billion CFU at time of manufacture", 6),
            (f"{billions * 1_000_000_000:,}", 4),
            (f"{billions * 1000} million", 2),
            (float(billions * 1_000_000_000), 10),  # a number cell
            (f"{rng.choice((100, 250, 500))} mg", 3),
            (f"{billions} billion spores", 1),
            (rng.choice(("see label", "N/A", "proprietary")), 1),
        )
        return rng.choices([f for f, _ in forms], [w for _, w in forms])[0]

    def claims(self) -> str:
        rng = self.rng
        k = rng.choices((0, 1, 2, 3), (20, 35, 30, 15))[0]
        picked = [
            rng.choice(self.vocab.claims) if rng.random() < 0.8 else rng.choice(OTHER_CLAIMS)
            for _ in range(k)
        ]
        return rng.choice((", ", "; ")).join(dict.fromkeys(picked))


def write_csv(path: Path, rows: Iterator[Row]) -> int:
    """Write a UTF-8 CSV with a header; returns the number of data rows."""
    n = 0
    with path.open("w", encoding="utf-8", newline="") as fh:
        w = csv.writer(fh)
        w.writerow(HEADER)
        for row in rows:
            w.writerow(row)
            n += 1
    return n


def write_xlsx(path: Path, rows: Iterator[Row]) -> int:
    """Write a workbook (openpyxl write-only) with one 'Labels' sheet; returns the data rows."""
    from openpyxl import Workbook

    wb = Workbook(write_only=True)
    ws = wb.create_sheet("Labels")
    ws.append(HEADER)
    n = 0
    for row in rows:
        ws.append(row)
        n += 1
    wb.save(path)
    return n


def write(
    path: Path,
    *,
    products: int | None = None,
    rows: int | None = None,
    strains: int | None = None,
    seed: int = 8,
) -> int:
    """Write a label sheet (.xlsx or .csv by suffix); returns the number of data rows."""
    gen = LabelGenerator(seed, strains=strains)
    data = gen.rows(products=products, rows=rows)
    if path.suffix.lower() == ".xlsx":
        return write_xlsx(path, data)
    if path.suffix.lower() == ".csv":
        # A CSV cell holds text: numbers written as labels print them.
        return write_csv(path, ((*r[:3], _as_text(r[3]), *r[4:]) for r in data))
    raise ValueError(f"{path}: write .xlsx or .csv")


def _as_text(value: object) -> object:
    return f"{value:.0f}" if isinstance(value, float) else value


def main(argv: list[str] | None = None) -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    size = parser.add_mutually_exclusive_group(required=True)
    size.add_argument("--products", type=int, help="number of products")
    size.add_argument("--rows", type=int, help="exactly this many rows")
    parser.add_argument("--strains", type=int, help="strains per product (default: 1-12)")
    parser.add_argument("--seed", type=int, default=8)
    parser.add_argument("-o", "--output", type=Path, required=True, help="a .xlsx or .csv path")
    args = parser.parse_args(argv)
    n = write(
        args.output, products=args.products, rows=args.rows, strains=args.strains, seed=args.seed
    )
    print(f"wrote {n:,} rows to {args.output}")


if __name__ == "__main__":
    main()
