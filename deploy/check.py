"""Run the production recipe here and check what docs/production.md promises.

    .venv/bin/python deploy/check.py            # a fresh SQLite database with the demo
    .venv/bin/python deploy/check.py --database-url postgres://postgres@127.0.0.1:5432/x

Starts gunicorn (2 workers), the task worker, nginx (deploy/nginx.conf) and a redis-server
for the cache (or uses --redis-url), each on a port found free, then checks as a reader would:
nginx answers a page from its cache; an article published in the newsroom is on All news, the
edition home, the rubric, the RSS feed and its own URL through nginx within a second (PURGE
from the worker); a signed-in editor is never served from nginx's cache. Prints the times;
exits non-zero when a check fails.
"""

import argparse
import os
import shutil
import subprocess
import sys
import time
import urllib.request

import redis
from stack import CHECK_PACKAGES, PYTHON, ROOT, Stack, debian_packages_ensure, free_port

HEADLINE = "Recipe check: river shipping season opens"


# nginx's address, once started.
SITE = {"url": ""}


def get(path: str, cookie: str = "") -> tuple[int, dict, str]:
    request = urllib.request.Request(SITE["url"] + path)  # noqa: S310
    if cookie:
        request.add_header("Cookie", cookie)
    try:
        with urllib.request.urlopen(request, timeout=10) as response:  # noqa: S310
            return response.status, dict(response.headers), response.read().decode()
    except urllib.error.HTTPError as error:
        return error.code, dict(error.headers), error.read().decode()


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--database-url")
    parser.add_argument("--redis-url", help="Default: a redis-server of the check's own.")
    args = parser.parse_args()
    debian_packages_ensure(CHECK_PACKAGES)
    run_dir = ROOT / "var" / "recipe"
    shutil.rmtree(run_dir, ignore_errors=True)
    stack = Stack(run_dir)
    failures = []
    try:
        if args.redis_url:
            redis.Redis.from_url(args.redis_url).flushdb()
        env = {
            "DATABASE_URL": args.database_url or f"sqlite:///{run_dir / 'db.sqlite3'}",
            "REDIS_URL": args.redis_url or stack.redis(port=free_port()),
            "DJANGO_SETTINGS_MODULE": "dateline.settings",
        }
        os.environ.update(env)
        site_prepare()
        # Ports taken just before the servers start, so that nothing else takes them between.
        app_port, nginx_port = free_port(), free_port()
        SITE["url"] = f"http://127.0.0.1:{nginx_port}"
        env |= {"FRONTEND_CACHE_PURGE_URL": f"{SITE['url']}/purge", "SITE_URL": SITE["url"]}
        os.environ.update(env)
        stack.gunicorn(port=app_port, env=env)
        stack.worker(env=env)
        stack.nginx(
            port=nginx_port,
            app_port=app_port,
            static_root=ROOT / "static",
            media_root=ROOT / "media",
        )
        failures += check_cached()
        failures += check_publish_reaches_readers()
        failures += check_editors_bypass()
    finally:
        stack.stop()
    if failures:
        print("FAILED:\n  " + "\n  ".join(failures))
        sys.exit(1)
    print("recipe check passed")


def site_prepare() -> None:
    manage = [str(PYTHON), "manage.py"]
    subprocess.run([*manage, "migrate", "--noinput", "-v0"], cwd=ROOT, check=True)  # noqa: S603
    subprocess.run([*manage, "demo_content"], cwd=ROOT, check=True)  # noqa: S603
    subprocess.run([*manage, "collectstatic", "--noinput", "-v0"], cwd=ROOT, check=True)  # noqa: S603


def check_cached() -> list[str]:
    get("/en/news/")
    status, headers, _ = get("/en/news/")
    print(f"second reader of /en/news/: {status}, nginx {headers.get('X-Cache-Status')}")
    return [] if headers.get("X-Cache-Status") == "HIT" else ["nginx did not keep /en/news/"]


def check_publish_reaches_readers() -> list[str]:
    import django

    sys.path.insert(0, str(ROOT))
    django.setup()
    from dateline.newsroom.models import Rubric

    rubric = Rubric.objects.get(locale__language_code="en", slug="politics")
    for path in ("/en/", "/en/news/", "/en/politics/", "/en/rss.xml"):
        get(path)  # cached by nginx before the publish
    # A first article warms this process up (imports, connections), as a running newsroom is.
    article_publish_in_admin(rubric, "Recipe check: warming up")
    article = article_publish_in_admin(rubric, HEADLINE, publish=False)
    started = time.monotonic()
    article_publish_in_admin(rubric, HEADLINE, article=article)
    print(f"publish (in the newsroom's process) took {time.monotonic() - started:.2f} s")
    waiting = ["/en/news/", "/en/", "/en/politics/", "/en/rss.xml", article.url]
    seen = {}
    while waiting and time.monotonic() - started < 5:
        for path in list(waiting):
            status, _, body = get(path)
            if status == 200 and "river shipping season opens" in body:
                seen[path] = time.monotonic() - started
                waiting.remove(path)
        time.sleep(0.005)
    for path, seconds in seen.items():
        print(f"publish → visible through nginx at {path}: {seconds:.2f} s")
    failures = [f"{path}: not visible within 5 s" for path in waiting]
    failures += [f"{path}: {seconds:.2f} s > 1 s" for path, seconds in seen.items() if seconds > 1]
    return failures


def article_publish_in_admin(rubric, headline, *, publish=True, article=None):
    from dateline.newsroom.models import Article

    if article is None:
        article = Article(
            headline=headline,
            lead="The first barges left the port this morning.",
            body=[{"type": "paragraph", "value": "<p>Shipping resumes after the winter.</p>"}],
            dateline_city="Minsk",
            rubric=rubric,
            locale_id=rubric.locale_id,
        )
        article.save()
    if publish:
        article.save_revision().publish()
    return article


def check_editors_bypass() -> list[str]:
    status, headers, _ = get("/en/news/", cookie="sessionid=editor")
    print(f"signed-in editor: {status}, nginx {headers.get('X-Cache-Status')}")
    return [] if headers.get("X-Cache-Status") == "BYPASS" else ["an editor got nginx's copy"]


if __name__ == "__main__":
    main()
