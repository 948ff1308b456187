"""Vocabularies and the name key of the reference, importable without pandas or pandera."""

from __future__ import annotations

import re
import unicodedata

DESIGNS = (
    "meta-analysis",
    "systematic-review",
    "rct",
    "crossover-rct",
    "non-randomised",
    "open-label",
    "observational",
    "animal",
    "in-vitro",
)
MECHANISTIC_DESIGNS = frozenset(("animal", "in-vitro"))
CLINICAL_DESIGNS = frozenset(d for d in DESIGNS if d not in MECHANISTIC_DESIGNS)
POOLED_DESIGNS = frozenset(("meta-analysis", "systematic-review"))
EFFECTS = ("benefit", "no-effect", "mixed", "harm")
AGE_GROUPS = ("infant", "child", "adult", "older-adult", "pregnant", "mixed")
# Who a user may say will take the product (--population); every age group but "mixed".
POPULATIONS = ("adult", "older-adult", "pregnant", "child", "infant")
NAME_KINDS = ("old-name", "alias", "deposit", "trade-name", "reidentified", "synonym")
OUTCOME_CATEGORIES = (
    "mental-health",
    "gastrointestinal",
    "immune",
    "urogenital",
    "safety",
    "biomarker",
)
ORGANISM_KINDS = ("bacterium", "yeast")
# What a word in label_words.csv is: see docs/reference-data.md.
LABEL_WORD_KINDS = (
    "species",
    "genus",
    "epithet",
    "designation",
    "strain",
    "lactic-acid-bacteria",
    "bifidobacteria",
    "spores",
    "live-cultures",
    "scale",
    "rank",
    "filler",
    "and",
    "blend",
    "ingredient",
)
LANGUAGE_RE = r"^[a-z]{2}(?:-[A-Z][a-z]{3})?$"  # "ja", "zh-Hans"
# The languages of claim_phrases.csv (ISO 639-1): English and the main label languages.
CLAIM_LANGUAGES = ("en", "de", "fr", "es", "it", "nl")
# Where a study's DOI/PMID is best verified: bibliographic databases, the DOI resolver, trial
# registries and publishers. `reference check` warns about a source_url on any other host (a
# mirror, a retailer, a document-sharing site), so reviewers replace it with a primary page.
PRIMARY_SOURCE_HOSTS = (
    "nlm.nih.gov",  # PubMed, PMC and NLM's other hosts (ncbi.nlm.nih.gov, ...)
    "europepmc.org",
    "doi.org",
    "clinicaltrials.gov",
    "trialsearch.who.int",
    "anzctr.org.au",
    "isrctn.com",
    "irct.ir",
    "chictr.org.cn",
    "umin.ac.jp",
    "jrct.niph.go.jp",
    "cochranelibrary.com",
    "sciencedirect.com",
    "cell.com",
    "thelancet.com",
    "springer.com",
    "nature.com",
    "wiley.com",
    "tandfonline.com",
    "mdpi.com",
    "frontiersin.org",
    "bmj.com",
    "jamanetwork.com",
    "nejm.org",
    "academic.oup.com",
    "plos.org",
    "karger.com",
    "sagepub.com",
    "wageningenacademic.com",
    "brill.com",
    "cambridge.org",
    "biomedcentral.com",
    "hindawi.com",
    "dovepress.com",
    "jstage.jst.go.jp",
    "gastrojournal.org",
    "lww.com",
    "aacrjournals.org",
    "physiology.org",
    "pnas.org",
    "science.org",
    "thieme-connect.com",
    "degruyter.com",
    "ahajournals.org",
    "atsjournals.org",
    "asm.org",
    "microbiologyresearch.org",
    "elsevier.com",
    "jnutbio.com",
    "ajcn.nutrition.org",
    "nutrition.org",
    "psychiatryonline.org",
    "jpeds.com",
    "jaacap.org",
    "sleep-journal.com",
    "e-century.us",
    "scielo.br",
    "scielo.org",
    "koreascience.kr",
    "kjfm.or.kr",
    "wjgnet.com",
    "f6publishing.com",
    "oatext.com",
    "termedia.pl",
    "medicinabalear.org",
    "ijcem.com",
    # PubMed's own short domain, and publishers' sites under older or national names
    "pubmed.gov",
    "informahealthcare.com",
    "jneurosci.org",
    "bjgp.org",
    "jnmjournal.org",
    "springermedizin.de",
    # more publishers' hosts seen on rows: AAP (Pediatrics), IOS Press, the Royal
    # Society of Chemistry, BioPsychoSocial Medicine's BMC site, the Journal of Dairy Science,
    # BMJ's older domain, Cambridge Core
    "aap.org",
    "iospress.com",
    "rsc.org",
    "bpsmedicine.com",
    "journalofdairyscience.org",
    "bmjjournals.com",
    "cambridgecore.org",
)


def is_primary_source(url: str) -> bool:
    """True when `url` is on a primary host (or a subdomain of one)."""
    host = re.sub(r"^https?://", "", url.strip().lower()).split("/", 1)[0].split(":", 1)[0]
    return any(host == h or host.endswith("." + h) for h in PRIMARY_SOURCE_HOSTS)


def split_cell(value: str) -> tuple[str, ...]:
    """A ';'-separated cell (ids, phrases, outcomes) as its parts, blanks dropped."""
    return tuple(p.strip() for p in value.split(";") if p.strip())


def normalise_name(text: str) -> str:
    """The key two names collide on: case, accents, punctuation and spacing ignored."""
    t = unicodedata.normalize("NFKD", text).encode("ascii", "ignore").decode().lower()
    return re.sub(r"[^a-z0-9]+", "", t)
