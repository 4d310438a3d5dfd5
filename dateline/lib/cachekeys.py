"""Every cache key family, in one place: code builds keys only through these functions.

`generation` is newsroom.generations.generation_key(scope): "all.<n>.<scope>.<m>". Raising a
scope's generation (pagecache.invalidation, called by the publishing pipeline and its
receivers) invalidates every key built on it at once; the old entries expire unread.

Family (key) — what invalidates it:
- page (page:<generation of the edition or "site">:<md5 of host, path, query>) — a raise of
  the edition's generation, or of "site" (sitemaps, robots.txt); "all" for every edition.
- editions (editions:<generation of "all">) — an Edition saved.
- layout (layout:<generation of the edition>:<edition>): menus, weather, banner — any publish
  in the edition, the weather refreshed, people or directory entries saved.
- latest, recent cards, rubric blocks (latest:…, recent-cards:…:<local day>, rubric-blocks:…)
  — any publish in the edition.
- card (process memory only, public/cards.py: a tuple of everything the card shows) — any
  change of what it shows; a rename (generation of "articles-xx"); time (re-cropped pictures).
- subscribe (subscribe:<generation of "all">) — SubscribeSettings saved.
- article part (article:<code fingerprint>:<generation of "articles-xx">:<id.version.time>:…):
  the rendered text — a new version; the people, authors, rubric or tags it names renamed;
  a release that changes its templates.
- feed (feeds:<etag of the feed's newest change>) — a new version in the feed's scope.
- sitemap lastmod (sitemap-lastmod:<edition>:<YYYY-MM>) — time only (months past).
- rate limit (rate:<scope>:<window start>) — time only (its window ends).
"""


def page(generation: str, digest: str) -> str:
    return f"page:{generation}:{digest}"


def editions(generation: str) -> str:
    return f"editions:{generation}"


def layout(generation: str, edition_id: int) -> str:
    return f"layout:{generation}:{edition_id}"


def latest(generation: str, edition_id: int) -> str:
    return f"latest:{generation}:{edition_id}"


def recent_cards(generation: str, edition_id: int, day: str) -> str:
    return f"recent-cards:{generation}:{edition_id}:{day}"


def rubric_blocks(generation: str, edition_id: int) -> str:
    return f"rubric-blocks:{generation}:{edition_id}"


def subscribe(generation: str) -> str:
    return f"subscribe:{generation}"


def article_part(*parts: str) -> str:
    """The rendered text of an article: code fingerprint, generation, version, host, …"""
    return ":".join(["article", *parts])


def feed(etag: str) -> str:
    return f"feeds:{etag}"


def sitemap_lastmod(edition_id: int, month: str) -> str:
    return f"sitemap-lastmod:{edition_id}:{month}"


def rate_limit(scope: str, window_start: int) -> str:
    """scope: "search:<address>", "wire:<key id>", "wire-refused:<address>"."""
    return f"rate:{scope}:{window_start}"
