"""CPU time one request costs a worker, in process: every reader page type, rendered.

    .venv/bin/python bench/render.py                      # the database DATABASE_URL names
    .venv/bin/python bench/render.py --profile article-nothing-cached

No HTTP, no other process: the WSGI application (the page cache's fast path included) is
called as gunicorn would call it, with the page cache off, and `time.process_time` counts the
CPU this process spent (the database's too on SQLite, which runs in process). Two modes:
"parts cached" (menus, Recent news and each article's text kept, as in production after the
first reader) and "nothing cached" (everything rendered for every request). The median of
`--turns` runs of `--requests` requests is kept. Use it to compare two commits on the same
machine and database (the numbers of one run only); `bench/site.py` measures requests/s.
"""

import argparse
import cProfile
import io
import os
import pstats
import statistics
import sys
import time
from pathlib import Path
from wsgiref.util import setup_testing_defaults

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))
os.environ.setdefault("DJANGO_SETTINGS_MODULE", "dateline.settings")
os.environ["PAGE_CACHE_SECONDS"] = "0"
os.environ.setdefault("ALLOWED_HOSTS", "*")
os.environ.setdefault("SEARCH_RATE_LIMIT", "1000000000")

MODES = {
    "parts-cached": {"PAGE_PARTS_CACHE_SECONDS": 60, "ARTICLE_CACHE_SECONDS": 3600},
    "nothing-cached": {"PAGE_PARTS_CACHE_SECONDS": 0, "ARTICLE_CACHE_SECONDS": 0},
}


def pages() -> dict[str, str]:
    from dateline.newsroom.models import Article

    article = (
        Article.objects.filter(live=True, locale__language_code="en", lead_image__isnull=False)
        .order_by("-public_at")
        .first()
    )
    return {
        "article": article.url,
        "home": "/en/",
        "rubric": "/en/politics/",
        "all-news": "/en/news/",
        "rss": "/en/rss.xml",
    }


def request(application, path: str) -> bytes:
    path, _, query = path.partition("?")
    environ = {"PATH_INFO": path, "QUERY_STRING": query, "HTTP_HOST": "127.0.0.1"}
    setup_testing_defaults(environ)
    answer = {}

    def start_response(status, headers, exc_info=None):
        answer["status"] = status

    body = b"".join(application(environ, start_response))
    if not answer["status"].startswith("200"):
        raise SystemExit(f"{path}: {answer['status']}")
    return body


def measure(application, path: str, *, requests: int, turns: int) -> float:
    request(application, path)  # warm: imports, templates, what the mode keeps
    times = []
    for _ in range(turns):
        start = time.process_time()
        for _ in range(requests):
            request(application, path)
        times.append((time.process_time() - start) / requests * 1000)
    return statistics.median(times)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--requests", type=int, default=200)
    parser.add_argument("--turns", type=int, default=3)
    parser.add_argument("--page", action="append", help="Only these (article, home, …).")
    parser.add_argument("--profile", metavar="PAGE-MODE", help="cProfile one page in one mode.")
    args = parser.parse_args()

    import django
    from django.conf import settings

    django.setup()
    from dateline.wsgi import application

    paths = pages()
    if args.profile:
        page, _, mode = args.profile.partition("-")
        for name, value in MODES[mode].items():
            setattr(settings, name, value)
        for _ in range(20):
            request(application, paths[page])
        profiler = cProfile.Profile()
        profiler.enable()
        for _ in range(args.requests):
            request(application, paths[page])
        profiler.disable()
        out = io.StringIO()
        pstats.Stats(profiler, stream=out).sort_stats("cumulative").print_stats(60)
        print(out.getvalue())
        return
    print(f"{'page':<10} {'mode':<15} {'CPU ms/request':>15}")
    for mode, values in MODES.items():
        for name, value in values.items():
            setattr(settings, name, value)
        for page, path in paths.items():
            if args.page and page not in args.page:
                continue
            cost = measure(application, path, requests=args.requests, turns=args.turns)
            print(f"{page:<10} {mode:<15} {cost:>15.2f}", flush=True)


if __name__ == "__main__":
    main()
