"""Structure checks for a report page that axe-core does not make (captions, scopes, links)."""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from html.parser import HTMLParser

ALLOWED_LINK = re.compile(
    r"^(#[A-Za-z][\w-]*"
    r"|https://doi\.org/10\.\d{4,9}/\S+"
    r"|https://pubmed\.ncbi\.nlm\.nih\.gov/[1-9]\d{0,8}/"
    r"|[0-9]{3,}-[a-z0-9-]+\.html"
    r"|index(-by-[a-z]+)?\.html(#[a-z-]+)?)$"
)
FORBIDDEN_TAGS = {"script", "link", "img", "iframe", "object", "embed", "base", "form", "video",
                  "audio", "source", "frame", "frameset", "applet", "meta-refresh"}  # fmt: skip


@dataclass
class Audit:
    problems: list[str] = field(default_factory=list)
    headings: list[int] = field(default_factory=list)
    ids: list[str] = field(default_factory=list)
    hrefs: list[str] = field(default_factory=list)
    tables: int = 0
    csp: str | None = None
    lang: str | None = None


class _Parser(HTMLParser):
    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.a = Audit()
        self._after_table = False

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        d = dict(attrs)
        if self._after_table and tag != "caption":
            self.a.problems.append(f"table without a caption first (found <{tag}>)")
        self._after_table = tag == "table"
        if tag == "table":
            self.a.tables += 1
        if tag in FORBIDDEN_TAGS:
            self.a.problems.append(f"forbidden element <{tag}>")
        if tag == "th" and d.get("scope") not in ("col", "row"):
            self.a.problems.append(f"<th> without scope col/row: {attrs}")
        if re.fullmatch(r"h[1-6]", tag):
            self.a.headings.append(int(tag[1]))
        if "id" in d and d["id"] is not None:
            self.a.ids.append(d["id"])
        if tag == "html":
            self.a.lang = d.get("lang")
        if tag == "meta" and (d.get("http-equiv") or "").lower() == "content-security-policy":
            self.a.csp = d.get("content")
        if tag == "meta" and (d.get("http-equiv") or "").lower() == "refresh":
            self.a.problems.append("meta refresh")
        for name, value in attrs:
            if name.startswith("on"):
                self.a.problems.append(f"event handler attribute {name}")
            if name in ("src", "srcset", "action", "formaction", "background", "poster"):
                self.a.problems.append(f"loading attribute {name}={value!r}")
            if name == "href" and tag == "a":
                self.a.hrefs.append(value or "")
            elif name in ("href", "xlink:href") and not (value or "").startswith("#"):
                self.a.problems.append(f"<{tag} {name}={value!r}> outside the page")
            if name == "style" and value and "url(" in value:
                self.a.problems.append("url() in a style attribute")


def audit(html: str) -> Audit:
    p = _Parser()
    p.feed(html)
    p.close()
    a = p.a
    for href in a.hrefs:
        if not ALLOWED_LINK.match(href):
            a.problems.append(f"link not built by strainscore: {href!r}")
        if href.startswith("#") and href[1:] not in a.ids:
            a.problems.append(f"link to a missing anchor {href!r}")
    dupes = sorted({i for i in a.ids if a.ids.count(i) > 1})
    if dupes:
        a.problems.append(f"duplicate ids: {dupes[:5]}")
    if a.headings[:1] != [1] or a.headings.count(1) != 1:
        a.problems.append(f"page must start with one h1: {a.headings[:5]}")
    for prev, cur in zip(a.headings, a.headings[1:], strict=False):
        if cur > prev + 1:
            a.problems.append(f"heading level skipped: h{prev} -> h{cur}")
    if "url(" in html.split("</style>")[0].split("<style>")[-1].replace("url(#", ""):
        a.problems.append("url() in the style sheet")
    return a
