"""Which source pages count as primary: PubMed, registries, publishers; never a mirror."""

import pytest

from strainscore.reference.vocab import is_primary_source


@pytest.mark.parametrize(
    "url",
    [
        "https://pubmed.ncbi.nlm.nih.gov/28068788/",
        "https://pmc.ncbi.nlm.nih.gov/articles/PMC5652021",
        "https://pubmedhh.nlm.nih.gov/cgi-bin/abstract.cgi?id=21646910",
        "https://www.pubmed.gov/12345",
        "https://doi.org/10.1038/tp.2016.191",
        "https://publications.aap.org/pediatrics/article-abstract/125/5/e1171/72478/x",
        "https://content.iospress.com:443/articles/journal-of-alzheimers-disease/jad220148",
        "http://adc.bmjjournals.com/content/99/11/1014.full.txt",
        "https://core-prod.cambridgecore.org/core/journals/british-journal-of-nutrition/article/x",
        "HTTPS://WWW.MDPI.COM/2072-6643/13/7/2238",
    ],
)
def test_primary_hosts_and_their_subdomains(url: str) -> None:
    assert is_primary_source(url)


@pytest.mark.parametrize(
    "url",
    [
        "http://47.251.13.51:8081/23474283",  # a mirror at a raw address
        "https://www.scribd.com/document/1",
        "https://pillser.com/engine/x",
        "https://www.researchgate.net/publication/1",
        "https://notpubmed.gov.example.com/1",  # a primary name inside another host
        "https://evilnlm.nih.gov.attacker.net/1",
        "https://fakemdpi.com/1",  # ends with a primary name but is not a subdomain of it
    ],
)
def test_mirrors_and_look_alikes_are_not_primary(url: str) -> None:
    assert not is_primary_source(url)
