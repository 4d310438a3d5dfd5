"""Requests/s and p50/p99 of every public page type, served as docs/production.md says.

    make bench                                # both scales below, then docs/benchmarks.md
    .venv/bin/python bench/site.py --scale 10k=postgres://…/dateline_bench_10k

Each scale is a PostgreSQL database filled by `demo_content` plus `generate_archive --index`
(its articles in the search index; created and filled here when missing or short; resumable).
For each, on this machine:
gunicorn (sync, --workers, persistent database connections, Redis cache) serves Dateline
with the page cache off ("uncached": every request renders) and on; nginx (deploy/nginx.conf)
sits in front of the cached one; the references are the smallest Django app answering with a
saved copy of the same article page (bench/minimal_app.py, same gunicorn) and nginx serving
that copy as a file. wrk (-t2 -c32, --duration seconds each, after a warm-up) measures one
URL at a time, so every number in a table comes from the same run on the same machine.
"""

import argparse
import json
import os
import re
import shutil
import subprocess
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT / "deploy"))

from stack import PYTHON, Stack, debian_packages_ensure, wait_http  # noqa: E402

PG = "postgres://postgres@127.0.0.1:5432"
SCALES = {"10k": (f"{PG}/dateline_bench_10k", 10_000), "1M": (f"{PG}/dateline_bench_1m", 1_000_000)}
REDIS = "redis://127.0.0.1:6379/4"
PORTS = {
    "uncached": 8701,
    "cached": 8702,
    "nginx": 8700,
    "minimal": 8703,
    "file": 8704,
    "bare": 8705,
}
ARTICLES_IN_TURN = 1_000


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--scale", action="append", help="label=DATABASE_URL[,articles]")
    parser.add_argument("--duration", type=int, default=10)
    parser.add_argument("--workers", type=int, default=2)
    parser.add_argument("--output", help="Write the Markdown tables to this file too.")
    parser.add_argument(
        "--reference",
        action="append",
        default=[],
        metavar="NAME=URL",
        help="Another site, already running here, measured in the same run (e.g. Wagtail's "
        "bakerydemo: see docs/benchmarks.md).",
    )
    args = parser.parse_args()
    debian_packages_ensure()
    scales = SCALES
    if args.scale:
        scales = {}
        for item in args.scale:
            label, rest = item.split("=", 1)
            url, _, articles = rest.partition(",")
            scales[label] = (url, int(articles or 0))
    subprocess.run([PYTHON, "manage.py", "collectstatic", "--noinput", "-v0"], cwd=ROOT, check=True)
    results = {}
    for label, (url, articles) in scales.items():
        database_prepare(url, articles)
        results[label] = scale_measure(url, args)
    report = markdown(results, args)
    print(report)
    if args.output:
        Path(args.output).write_text(report)


def manage(url: str, *command: str) -> str:
    env = {**os.environ, "DATABASE_URL": url}
    done = subprocess.run(
        [PYTHON, "manage.py", *command], cwd=ROOT, env=env, check=True, capture_output=True
    )
    return done.stdout.decode()


def database_prepare(url: str, articles: int) -> None:
    name = url.rsplit("/", 1)[1]
    server = url.rsplit("/", 1)[0]
    query = f"select 1 from pg_database where datname='{name}'"  # noqa: S608 (our own name)
    exists = subprocess.run(
        ["psql", f"{server}/postgres", "-tAc", query],
        capture_output=True,
        check=True,
    ).stdout.strip()
    if not exists:
        subprocess.run(["psql", f"{server}/postgres", "-c", f"create database {name}"], check=True)
    manage(url, "migrate", "--noinput", "-v0")
    manage(url, "demo_content")
    if articles:
        print(f"{name}: making sure {articles:,} archive stories are there…", file=sys.stderr)
        # Indexed for search as publishing would: the search rows ask the whole archive.
        manage(url, "generate_archive", "--articles", str(articles), "--index")


FIXTURES = """
import json
from dateline.newsroom.models import Article
from dateline.lib.cursors import Cursor
from dateline.newsroom.selectors import published_articles
from dateline.wire.models import Partner
from dateline.wire.partners import api_key_issue, partner_create

en = published_articles(locale_id=Article.objects.filter(locale__language_code="en")
                        .values("locale_id")[:1])
# The same page at every scale: the newest demo story with a photo (archive stories have none).
newest = en.filter(lead_image__isnull=False).select_related("rubric").first()
# Page 1,000 of All news, or the edition's last page when it has fewer.
deep_offset = min(20 * 999, en.count() - 20) - 1
deep = en.select_related(None).only("id", "public_at")[deep_offset]
partner = Partner.objects.filter(name="Benchmark").first()
key = (api_key_issue(partner=partner) if partner
       else partner_create(name="Benchmark", editions=["en"])[1]).secret
many = en.select_related(None).select_related("rubric").only("id", "slug", "rubric")
print(json.dumps({
    "article": newest.url,
    # The edition's newest stories, for readers spread over many pages.
    "articles": [article.url for article in many[:COUNT]],
    "before_1000": str(Cursor(deep.public_at, deep.pk)),
    "deep_page": (deep_offset + 1) // 20 + 1,
    "stories": Article.objects.count(),
    "key": key,
    "word": "parliament",  # in the demo's and the archive's headlines alike
}))
"""


def scale_measure(url: str, args) -> dict:
    code = FIXTURES.replace("COUNT", str(ARTICLES_IN_TURN))
    fixtures = json.loads(manage(url, "shell", "-c", code).strip().splitlines()[-1])
    run_dir = ROOT / "var" / "bench-site"
    shutil.rmtree(run_dir, ignore_errors=True)
    stack = Stack(run_dir)
    base_env = {
        "DATABASE_URL": url,
        "DATABASE_CONN_MAX_AGE": "600",
        "REDIS_URL": REDIS,
        "SEARCH_RATE_LIMIT": "1000000000",
        "WIRE_RATE_LIMIT": "1000000000",
        "ALLOWED_HOSTS": "*",
    }
    subprocess.run(["redis-cli", "-u", REDIS, "flushdb"], check=True, capture_output=True)
    rows = {}
    try:
        uncached = stack.gunicorn(
            port=PORTS["uncached"],
            env={**base_env, "PAGE_CACHE_SECONDS": "0"},
            workers=args.workers,
        )
        # Nothing cached at all: menus, Recent news and the article's text rendered every time.
        stack.gunicorn(
            port=PORTS["bare"],
            env={
                **base_env,
                "PAGE_CACHE_SECONDS": "0",
                "PAGE_PARTS_CACHE_SECONDS": "0",
                "ARTICLE_CACHE_SECONDS": "0",
            },
            workers=args.workers,
        )
        stack.gunicorn(port=PORTS["cached"], env=base_env, workers=args.workers)
        stack.nginx(
            port=PORTS["nginx"],
            app_port=PORTS["cached"],
            static_root=ROOT / "static",
            media_root=ROOT / "media",
        )
        saved = run_dir / "saved" / "article.html"
        saved.parent.mkdir()
        saved.write_bytes(fetch(f"http://127.0.0.1:{PORTS['uncached']}{fixtures['article']}"))
        stack.gunicorn(
            port=PORTS["minimal"],
            env={"BENCH_SAVED_PAGE": str(saved), "PYTHONPATH": str(ROOT / "bench")},
            workers=args.workers,
            app="minimal_app",
        )
        file_server_start(stack, run_dir, saved.parent)

        app = f"http://127.0.0.1:{PORTS['uncached']}"
        key_header = f"Authorization: Bearer {fixtures['key']}"
        pages = [
            ("Article", app + fixtures["article"], None),
            ("Edition home", app + "/en/", None),
            ("Rubric", app + "/en/politics/", None),
            ("All news, page 1", app + "/en/news/", None),
            (
                "All news, page 1,000 (or the last)",
                app + f"/en/news/?before={fixtures['before_1000']}",
                None,
            ),
            ("RSS", app + "/en/rss.xml", None),
            ("Wire item list (partner API)", app + "/api/wire/v1/items", key_header),
            ("Search, one word", app + f"/en/search/?q={fixtures['word']}", None),
        ]
        for name, target, header in pages:
            rows[(name, "uncached")] = wrk(target, args.duration, header)
        for reference in args.reference:
            name, _, target = reference.partition("=")
            rows[("Reference", name)] = wrk(target, args.duration)
        bare = f"http://127.0.0.1:{PORTS['bare']}{fixtures['article']}"
        rows[("Article", "uncached, nothing cached (no parts, text rendered)")] = wrk(
            bare, args.duration
        )
        rows[(f"{ARTICLES_IN_TURN:,} stories in turn", "uncached, texts cached")] = wrk_in_turn(
            app, fixtures["articles"], run_dir, args.duration
        )
        # The rows compared as ratios are measured in turns, three times each (the median is
        # kept): on two shared cores one 10 s run of a 100,000/s server varies by ±20 %.
        fast = {
            ("Article", "cached (Dateline's page cache)"): PORTS["cached"],
            ("Reference", "minimal Django view, same page"): PORTS["minimal"],
            ("Article", "through nginx (recipe)"): PORTS["nginx"],
        }
        runs = {key: [] for key in [*fast, ("Reference", "nginx serving the saved page")]}
        for _ in range(3):
            for key, port in fast.items():
                url = f"http://127.0.0.1:{port}{fixtures['article']}"
                runs[key].append(wrk(url, args.duration))
            file_url = f"http://127.0.0.1:{PORTS['file']}/article.html"
            runs[("Reference", "nginx serving the saved page")].append(wrk(file_url, args.duration))
        for key, results in runs.items():
            rows[key] = sorted(results, key=lambda result: result["rps"])[1]
        memory = workers_memory(uncached)
    finally:
        stack.stop()
    return {
        "fixtures": fixtures,
        "rows": rows,
        "memory_mb": memory,
        "page_bytes": saved_size(run_dir),
    }


def saved_size(run_dir: Path) -> int:
    return (run_dir / "saved" / "article.html").stat().st_size


def fetch(url: str) -> bytes:
    import urllib.request

    with urllib.request.urlopen(url, timeout=30) as response:  # noqa: S310
        return response.read()


def file_server_start(stack: Stack, run_dir: Path, root: Path) -> None:
    conf = run_dir / "file-nginx.conf"
    conf.write_text(
        f"""worker_processes auto; pid {run_dir}/file-nginx.pid; error_log {run_dir}/file.log;
events {{ worker_connections 4096; }}
http {{ access_log off; sendfile on; tcp_nopush on; keepalive_requests 100000;
  client_body_temp_path {run_dir}/fb; proxy_temp_path {run_dir}/fp;
  fastcgi_temp_path {run_dir}/ff; uwsgi_temp_path {run_dir}/fu; scgi_temp_path {run_dir}/fs;
  server {{ listen 127.0.0.1:{PORTS["file"]}; root {root};
    location / {{ default_type "text/html; charset=utf-8"; }} }} }}
"""
    )
    process = subprocess.Popen(
        ["/usr/sbin/nginx", "-c", str(conf), "-p", str(run_dir), "-g", "daemon off;"]
    )
    stack.processes.append(process)
    wait_http(f"http://127.0.0.1:{PORTS['file']}/article.html")


LATENCY = re.compile(r"^\s+(50|99)%\s+([\d.]+)(us|ms|s)\s*$", re.MULTILINE)
UNIT = {"us": 0.001, "ms": 1.0, "s": 1000.0}


def wrk(url: str, duration: int, header: str | None = None, script: Path | None = None) -> dict:
    command = ["wrk", "-t2", "-c32", "--latency"]
    if header:
        command += ["-H", header]
    if script:
        command += ["-s", str(script)]
    # A warm-up (caches, connections, the workers' first requests), then the measurement.
    subprocess.run([*command, "-d2s", url], check=True, capture_output=True)
    output = subprocess.run(
        [*command, f"-d{duration}s", url], check=True, capture_output=True, text=True
    ).stdout
    rate = float(re.search(r"Requests/sec:\s+([\d.]+)", output).group(1))
    latency = {p: float(v) * UNIT[u] for p, v, u in LATENCY.findall(output)}
    errors = re.search(r"Non-2xx or 3xx responses: (\d+)", output)
    result = {"rps": rate, "p50": latency.get("50"), "p99": latency.get("99")}
    result["non_2xx"] = int(errors.group(1)) if errors else 0
    if result["non_2xx"]:
        print(
            f"WARNING: {url} answered {result['non_2xx']} requests with an error", file=sys.stderr
        )
    print(f"{url}: {rate:,.0f}/s p50 {result['p50']} ms p99 {result['p99']} ms", file=sys.stderr)
    return result


def wrk_in_turn(app: str, paths: list[str], run_dir: Path, duration: int) -> dict:
    """Readers spread over many articles: each path once (each article's text is then cached,
    as after its first reader), then wrk asks them in turn."""
    for path in paths:
        fetch(app + path)
    script = run_dir / "in-turn.lua"
    script.write_text(
        f"local paths = {{{', '.join(json.dumps(path) for path in paths)}}}\n"
        "local i = 0\n"
        "request = function()\n"
        "  i = i % #paths + 1\n"
        '  return wrk.format("GET", paths[i])\n'
        "end\n"
    )
    return wrk(app + paths[0], duration, script=script)


def workers_memory(master_pid: int) -> float:
    """Largest resident memory (MB) among the master's workers, after all the requests."""
    children = Path(f"/proc/{master_pid}/task/{master_pid}/children").read_text().split()
    sizes = []
    for pid in children:
        status = Path(f"/proc/{pid}/status").read_text()
        sizes.append(int(re.search(r"VmRSS:\s+(\d+) kB", status).group(1)) / 1024)
    return max(sizes)


def markdown(results: dict, args) -> str:
    labels = list(results)
    lines = [
        f"Machine: {os.cpu_count()} cores, {time.strftime('%Y-%m-%d')}; gunicorn sync "
        f"×{args.workers}, PostgreSQL 15, Redis 7, nginx 1.22; wrk -t2 -c32, "
        f"{args.duration} s per row. Stories: "
        + ", ".join(f"{label} = {results[label]['fixtures']['stories']:,}" for label in labels),
        "",
        "| Page | Served | "
        + " | ".join(f"{label} req/s | {label} p50 / p99 ms" for label in labels)
        + (f" | {labels[-1]} ÷ {labels[0]} (time) |" if len(labels) > 1 else ""),
        "|---|---|" + "---:|---:|" * len(labels) + ("---:|" if len(labels) > 1 else ""),
    ]
    for key in results[labels[0]]["rows"]:
        cells = []
        for label in labels:
            row = results[label]["rows"][key]
            flag = f" ({row['non_2xx']} non-2xx)" if row["non_2xx"] else ""
            cells += [f"{row['rps']:,.0f}{flag}", f"{row['p50']:.1f} / {row['p99']:.1f}"]
        if len(labels) > 1:
            first, last = results[labels[0]]["rows"][key], results[labels[-1]]["rows"][key]
            cells.append(f"{first['rps'] / last['rps']:.2f}" if last["rps"] else "—")
        lines.append(f"| {key[0]} | {key[1]} | " + " | ".join(cells) + " |")
    lines.append("")
    for label in labels:
        result = results[label]
        lines.append(
            f"{label}: article page {result['page_bytes']:,} bytes; the deep All news page is "
            f"page {result['fixtures']['deep_page']:,}; largest uncached worker "
            f"after the run: {result['memory_mb']:.0f} MB resident."
        )
    return "\n".join(lines) + "\n"


if __name__ == "__main__":
    main()
