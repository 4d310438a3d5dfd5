"""Search latency over a large archive on PostgreSQL: p50 and p95 per kind of query.

    .venv/bin/python bench/search.py                       # 100,000 articles
    .venv/bin/python bench/search.py --articles 1000000
    .venv/bin/python bench/search.py --reuse               # keep the articles of the last run

Builds (or, with --reuse, reuses) the database `dateline_bench_search` on the PostgreSQL server
of --postgres (its own database is only used to create the scratch one; `test` is never
touched). Four editions share the articles evenly over the last ten years; headlines, leads and
bodies are drawn from small word lists of each language with a Zipf-like spread, so that
some words are in most articles and others in a few. (Not `manage.py generate_archive`: it
repeats a pool of 400 articles per edition, so each word is in no article or in thousands, and
the cost of a search is mostly how many articles its words are in.) The articles are indexed
through Dateline's
search backend (what `manage.py update_index` does), then each kind of query — one word, two
words, with and without filters (a rubric, a one-year date range) — is asked through the
search selector (the database's work) and through the search page (everything a reader
waits for, with a warm Wagtail cache), in English, Russian and Chinese.
"""

import argparse
import os
import random
import statistics
import sys
import time
import uuid
from datetime import UTC, datetime, timedelta
from pathlib import Path
from urllib.parse import urlsplit, urlunsplit

ROOT = Path(__file__).resolve().parent.parent
SCRATCH_DATABASE = "dateline_bench_search"
LANGUAGES = ("en", "ru", "be", "zh")
YEARS = 10
BATCH = 2000
INDEX_BATCH = 1000
RUNS = 3  # each query is asked this many times; the first (cold) answer is dropped

WORDS = {
    "en": (
        "minister government president parliament budget economy growth export import "
        "industry factory farmers harvest grain tractor hockey football championship team "
        "match season school university students teachers hospital doctors health vaccine "
        "road bridge railway station airport flights tourism hotel museum theatre concert "
        "festival exhibition agreement cooperation delegation visit talks summit elections "
        "deputies law decree tax prices inflation salary pension energy gas oil power plant "
        "nuclear weather rain snow frost forecast police court crime fire rescue accident "
        "border customs trade partners investment bank loan currency ruble dollar record "
        "award medal olympic athlete coach stadium arena youth children family housing "
        "construction apartment city region district village capital Minsk Brest Gomel "
        "Grodno Vitebsk Mogilev China Russia Europe Africa science research space satellite"
    ),
    "ru": (
        "министр правительство президент парламент бюджет экономика рост экспорт импорт "
        "промышленность завод фермеры урожай зерно трактор хоккей футбол чемпионат команда "
        "матч сезон школа университет студенты учителя больница врачи здоровье вакцина "
        "дорога мост железная вокзал аэропорт рейсы туризм гостиница музей театр концерт "
        "фестиваль выставка соглашение сотрудничество делегация визит переговоры саммит "
        "выборы депутаты закон указ налог цены инфляция зарплата пенсия энергия газ нефть "
        "электростанция атомная погода дождь снег мороз прогноз милиция суд преступление "
        "пожар спасатели авария граница таможня торговля партнеры инвестиции банк кредит "
        "валюта рубль доллар рекорд награда медаль олимпийский спортсмен тренер стадион "
        "арена молодежь дети семья жилье строительство квартира город область район "
        "деревня столица Минск Брест Гомель Гродно Витебск Могилев Китай Россия Европа"
    ),
    "be": (
        "міністр урад прэзідэнт парламент бюджэт эканоміка рост экспарт імпарт "
        "прамысловасць завод фермеры ураджай збожжа трактар хакей футбол чэмпіянат каманда "
        "матч сезон школа універсітэт студэнты настаўнікі бальніца урачы здароўе вакцына "
        "дарога мост чыгунка вакзал аэрапорт рэйсы турызм гасцініца музей тэатр канцэрт "
        "фестываль выстава пагадненне супрацоўніцтва дэлегацыя візіт перамовы саміт "
        "выбары дэпутаты закон указ падатак цэны інфляцыя заробак пенсія энергія газ нафта "
        "Мінск Брэст Гомель Гродна Віцебск Магілёў Кітай Расія Еўропа горад вобласць раён"
    ),
    "zh": (
        "部长 政府 总统 议会 预算 经济 增长 出口 进口 工业 工厂 农民 收获 粮食 拖拉机 冰球 足球 "
        "锦标赛 球队 比赛 赛季 学校 大学 学生 教师 医院 医生 健康 疫苗 道路 桥梁 铁路 车站 机场 "
        "航班 旅游 酒店 博物馆 剧院 音乐会 节日 展览 协议 合作 代表团 访问 会谈 峰会 选举 代表 "
        "法律 命令 税收 价格 通货膨胀 工资 养老金 能源 天然气 石油 电站 核电 天气 下雨 下雪 霜冻 "
        "预报 警察 法院 犯罪 火灾 救援 事故 边境 海关 贸易 伙伴 投资 银行 贷款 货币 卢布 美元 "
        "纪录 奖励 奖牌 奥运 运动员 教练 体育场 青年 儿童 家庭 住房 建设 公寓 城市 地区 村庄 "
        "首都 明斯克 布列斯特 戈梅利 格罗德诺 维捷布斯克 莫吉廖夫 中国 俄罗斯 欧洲 白俄罗斯"
    ),
}
VOCABULARY = {language: words.split() for language, words in WORDS.items()}
# Russian and Belarusian words change their endings: articles use them in several forms.
ENDINGS = {"ru": ("", "а", "у", "ом", "ы", "ов"), "be": ("", "а", "у", "ам", "ы", "аў")}
QUERIES = {
    "en": (["president"], ["hockey"], ["vaccine"], ["minister", "talks"], ["grain", "export"]),
    "ru": (
        ["президента"],
        ["хоккею"],
        ["вакцины"],
        ["министра", "переговоры"],
        ["зерна", "экспорт"],
    ),
    "zh": (["总统"], ["冰球"], ["疫苗"], ["部长", "会谈"], ["粮食", "出口"]),
}


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--articles", type=int, default=100_000)
    parser.add_argument(
        "--postgres",
        default="postgres://postgres@127.0.0.1:5432/postgres",
        help="a PostgreSQL server URL (its database is only used to create the scratch one)",
    )
    parser.add_argument("--reuse", action="store_true", help="keep the stories already there")
    parser.add_argument("--database", default=SCRATCH_DATABASE, help="the scratch database")
    parser.add_argument("--jobs", type=int, default=os.cpu_count() or 1, help="index processes")
    args = parser.parse_args()
    os.environ["DATABASE_URL"] = _database(args.postgres, args.database, reuse=args.reuse)
    os.environ["TASKS_BACKEND"] = "django_tasks.backends.immediate.ImmediateBackend"
    os.environ["SEARCH_RATE_LIMIT"] = "1000000000"
    os.environ.setdefault("DJANGO_SETTINGS_MODULE", "dateline.settings")
    sys.path.insert(0, str(ROOT))
    _run(args.articles, args.jobs)


def _database(server: str, name: str, *, reuse: bool) -> str:
    import psycopg

    with psycopg.connect(server, autocommit=True) as connection:
        exists = connection.execute(
            "SELECT 1 FROM pg_database WHERE datname = %s", [name]
        ).fetchone()
        if not (reuse and exists):
            connection.execute(f'DROP DATABASE IF EXISTS "{name}"')
            connection.execute(f'CREATE DATABASE "{name}"')
    return urlunsplit(urlsplit(server)._replace(path=f"/{name}"))


def _run(count: int, jobs: int) -> None:
    import django

    django.setup()
    from django.core.management import call_command
    from django.db import connection

    from dateline.newsroom.models import Article

    call_command("migrate", verbosity=0)
    editions = _editions()
    if Article.objects.exists():
        count = Article.objects.count()
        print(f"reusing {count:,} stories")
    else:
        started = time.perf_counter()
        _articles(editions, count)
        print(f"inserted {count:,} stories in {time.perf_counter() - started:.0f} s")
    started = time.perf_counter()
    if _index(jobs):
        print(f"indexed them in {time.perf_counter() - started:.0f} s ({jobs} processes)")
        with connection.cursor() as cursor:
            cursor.execute("VACUUM ANALYZE")
    _report_sizes()
    _measure_all(editions)
    _measure_other_editions_words(editions)
    _measure_admin()


def _editions() -> dict:
    from dateline.newsroom.models import Edition
    from dateline.test import edition_make

    if Edition.objects.count() == len(LANGUAGES):
        from dateline.newsroom.models import Rubric

        return {
            e.language: (e, {r.slug: r for r in Rubric.objects.filter(locale_id=e.locale_id)})
            for e in Edition.objects.select_related("locale")
        }
    made = {language: edition_make(language) for language in LANGUAGES}
    return {language: (edition, rubrics) for language, (edition, _h, rubrics) in made.items()}


class Sentences:
    """Made-up sentences, drawn from a pool per language and length (making each is slow)."""

    def __init__(self, rng: random.Random, pool: int = 5000):
        self.rng, self.pool, self.made = rng, pool, {}

    def __call__(self, language: str, words: int) -> str:
        key = (language, words)
        if key not in self.made:
            self.made[key] = [_sentence(self.rng, language, words) for _ in range(self.pool)]
        return self.rng.choice(self.made[key])


def _sentence(rng: random.Random, language: str, words: int) -> str:
    vocabulary = VOCABULARY[language]
    # Zipf-like: the first words of the list are much more common than the last.
    picked = [
        vocabulary[min(int(rng.paretovariate(0.9)) - 1, len(vocabulary) - 1)] for _ in range(words)
    ]
    if language in ENDINGS:
        picked = [w + rng.choice(ENDINGS[language]) for w in picked]
    if language == "zh":
        return "".join(picked) + "。"
    return " ".join(picked).capitalize() + "."


def _articles(editions: dict, count: int) -> None:
    from dateline.newsroom.models import Article

    sentence = Sentences(random.Random(7))  # noqa: S311 — made-up articles, the same every run
    now = datetime.now(UTC)
    span = timedelta(days=365 * YEARS)
    per_edition = count // len(editions)
    step = span / per_edition
    rows = []
    for i in range(per_edition):
        moment = now - span + step * i
        for language, (edition, rubrics) in editions.items():
            body = [
                {"type": "paragraph", "value": f"<p>{sentence(language, 25)}</p>"} for _ in range(4)
            ]
            headline = sentence(language, 7)[:250]
            rows.append(
                Article(
                    headline=headline,
                    slug=f"story-{i}",
                    lead=sentence(language, 18),
                    body=body,
                    dateline_city="Minsk",
                    rubric=list(rubrics.values())[i % 3],
                    locale_id=edition.locale_id,
                    translation_key=uuid.uuid4(),
                    live=i % 100 != 1,
                    killed_at=moment if i % 100 == 2 else None,
                    first_published_at=moment,
                    last_published_at=moment,
                    public_at=moment if i % 100 != 1 else None,
                    version=1,
                )
            )
        if len(rows) >= BATCH:
            _copy(rows)
            rows = []
    _copy(rows)


def _copy(articles: list) -> None:
    """Insert with COPY: bulk_create binds each value into the SQL text (~300 articles/s)."""
    from django.db import connection

    from dateline.newsroom.models import Article

    fields = [f for f in Article._meta.concrete_fields if not f.primary_key]
    columns = ", ".join(connection.ops.quote_name(f.column) for f in fields)
    with connection.cursor() as cursor:
        copy_sql = f"COPY {Article._meta.db_table} ({columns}) FROM STDIN"
        with cursor.cursor.copy(copy_sql) as copy:
            for article in articles:
                article._state.adding = True
                copy.write_row(
                    [f.get_db_prep_save(f.pre_save(article, add=True), connection) for f in fields]
                )


def _index(jobs: int) -> int:
    """What `manage.py update_index` does for articles, a thousand at a time, in `jobs`
    processes. Resumable: a batch whose last article is in the index is done. The number of
    batches indexed."""
    import multiprocessing

    from django.db import connections
    from django.db.models import Max, Min

    from dateline.newsroom.models import Article

    span = Article.objects.aggregate(first=Min("pk"), last=Max("pk"))
    if span["first"] is None or _indexed(Article) >= Article.objects.count():
        return 0
    batches = range(span["first"], span["last"] + 1, INDEX_BATCH)
    # As for any bulk load, the GIN indexes are built once at the end: kept up to date row by
    # row they make the load three times slower by the millionth article.
    # (Built again however the load ends, an interrupt included: a later --reuse run would
    # not know they had been there.)
    gin = _gin_indexes_drop()
    try:
        connections.close_all()  # each process opens its own
        with multiprocessing.get_context("fork").Pool(jobs) as pool:
            done = sum(pool.imap_unordered(_index_batch, batches, chunksize=8))
    finally:
        started = time.perf_counter()
        _gin_indexes_create(gin)
        print(f"  GIN indexes built in {time.perf_counter() - started:.0f} s", flush=True)
    return done


def _indexed(model) -> int:
    from django.contrib.contenttypes.models import ContentType
    from wagtail.search.models import IndexEntry

    return IndexEntry.objects.filter(content_type=ContentType.objects.get_for_model(model)).count()


def _gin_indexes_drop() -> list[str]:
    """Drop the search table's GIN indexes; their definitions, to create them again."""
    from django.db import connection

    with connection.cursor() as cursor:
        cursor.execute(
            "SELECT indexname, indexdef FROM pg_indexes "
            "WHERE tablename = 'wagtailsearch_indexentry' AND indexdef LIKE '%USING gin%'"
        )
        found = cursor.fetchall()
        for name, _definition in found:
            cursor.execute(f'DROP INDEX "{name}"')
    return [definition for _name, definition in found]


def _gin_indexes_create(definitions: list[str]) -> None:
    from django.db import connection

    with connection.cursor() as cursor:
        cursor.execute("SET maintenance_work_mem = '1GB'")
        for definition in definitions:
            cursor.execute(definition)


def _index_batch(first_pk: int) -> int:
    from django.contrib.contenttypes.models import ContentType
    from django.db import transaction
    from wagtail.search.backends import get_search_backend
    from wagtail.search.models import IndexEntry

    from dateline.newsroom.models import Article

    batch = list(Article.objects.filter(pk__gte=first_pk, pk__lt=first_pk + INDEX_BATCH))
    content_type = ContentType.objects.get_for_model(Article)
    if (
        not batch
        or IndexEntry.objects.filter(
            content_type=content_type, object_id=str(max(a.pk for a in batch))
        ).exists()
    ):
        return 0
    with transaction.atomic():
        get_search_backend().add_bulk(Article, batch)
    if (first_pk // INDEX_BATCH) % 50 == 0:
        print(f"  indexed up to story {first_pk + INDEX_BATCH:,}", flush=True)
    return 1


def _report_sizes() -> None:
    from django.db import connection

    with connection.cursor() as cursor:
        cursor.execute(
            "SELECT pg_size_pretty(pg_total_relation_size('newsroom_article')), "
            "pg_size_pretty(pg_total_relation_size('wagtailsearch_indexentry'))"
        )
        articles, index = cursor.fetchone()
    print(f"sizes: articles {articles}, search index {index}")


def _measure_all(editions: dict) -> None:
    from datetime import date

    from django.test import Client

    from dateline.search.selectors import (
        Filters,
        best_matches,
        find_matches,
        local_midnight,
        newest_first_page,
        relevance_page,
    )

    client = Client()
    rows = []
    for language, queries in QUERIES.items():
        edition, rubrics = editions[language]
        year = datetime.now(UTC).year - 3
        one_year = Filters(
            rubric_id=rubrics["politics"].pk,
            since=local_midnight(date(year, 1, 1), edition.tz),
            until=local_midnight(date(year + 1, 1, 1), edition.tz),
        )
        for words in queries:
            query = " ".join(words)
            for filtered in (False, True):
                for by_relevance in (True, False):
                    filters = one_year if filtered else Filters()

                    def ask(
                        query=query,
                        filters=filters,
                        by_relevance=by_relevance,
                        locale_id=edition.locale_id,
                        language=language,
                    ):
                        search = {
                            "locale_id": locale_id,
                            "language": language,
                            "query": query,
                            "filters": filters,
                        }
                        if by_relevance:
                            return relevance_page(best_matches(**search), number=1)[0]
                        return newest_first_page(find_matches(**search)).articles

                    params = {"q": query, **({} if by_relevance else {"sort": "date"})}
                    if filtered:
                        params.update(
                            rubric="politics", to=f"{year}-12-31", **{"from": f"{year}-01-01"}
                        )
                    url = f"/{language}/search/"
                    found = len(ask())
                    selector = _timed(ask)
                    page = _timed(lambda url=url, params=params: client.get(url, params))
                    rows.append(
                        (language, len(words), filtered, by_relevance, found, selector, page)
                    )
    _print(rows)


# Words common in one edition asked in another: a reader types English on the Russian site, or
# Russian on the Belarusian one (both stemmed by PostgreSQL's russian configuration).
OTHER_EDITIONS_WORDS = (("ru", "president"), ("ru", "minister talks"), ("be", "министра"))


def _measure_other_editions_words(editions: dict) -> None:
    from dateline.search.selectors import (
        Filters,
        best_matches,
        find_matches,
        newest_first_page,
        relevance_page,
    )

    timings = []
    for language, query in OTHER_EDITIONS_WORDS:
        edition, _rubrics = editions[language]
        search = {
            "locale_id": edition.locale_id,
            "language": language,
            "query": query,
            "filters": Filters(),
        }
        timings.extend(
            _timed(lambda search=search: relevance_page(best_matches(**search), number=1))
        )
        timings.extend(_timed(lambda search=search: newest_first_page(find_matches(**search))))
    timings.sort()
    p95 = timings[min(len(timings) - 1, round(0.95 * (len(timings) - 1)))]
    print(
        f"\nanother edition's words ({', '.join(q for _l, q in OTHER_EDITIONS_WORDS)}), "
        f"selector: p50 {statistics.median(timings):.1f} ms, p95 {p95:.1f} ms"
    )


def _measure_admin() -> None:
    """The admin's article list searched as an editor types (Wagtail's autocomplete)."""
    from django.contrib.auth.models import User
    from django.test import Client
    from django.urls import reverse

    editor, _ = User.objects.get_or_create(
        username="bench-editor", defaults={"is_superuser": True, "is_staff": True}
    )
    client = Client()
    client.force_login(editor)
    url = reverse("wagtailsnippets_newsroom_article:list")
    timings = []
    for query in ("president", "президент", "hockey final", "总统"):
        timings.extend(_timed(lambda query=query: client.get(url, {"q": query})))
    timings.sort()
    p95 = timings[min(len(timings) - 1, round(0.95 * (len(timings) - 1)))]
    print(f"\nadmin article list, ?q=: p50 {statistics.median(timings):.1f} ms, p95 {p95:.1f} ms")


def _timed(call) -> list[float]:
    call()  # warm: the first answer also pays for connecting and caches
    timings = []
    for _ in range(RUNS):
        started = time.perf_counter()
        call()
        timings.append((time.perf_counter() - started) * 1000)
    return timings


def _print(rows) -> None:
    header = ("lang", "words", "filters", "sort", "found", "selector ms", "page ms")
    print("{:4} {:5} {:8} {:9} {:>5} {:>12} {:>9}".format(*header))
    for language, words, filtered, by_relevance, found, selector, page in rows:
        print(
            f"{language:4} {words:<5} {'yes' if filtered else 'no':8} "
            f"{'relevance' if by_relevance else 'date':9} {found:>5} "
            f"{statistics.median(selector):12.1f} {statistics.median(page):9.1f}"
        )
    groups: dict[tuple, list[float]] = {}
    for _language, words, filtered, by_relevance, _found, selector, page in rows:
        key = (words, filtered, by_relevance)
        groups.setdefault(("selector", *key), []).extend(selector)
        groups.setdefault(("page", *key), []).extend(page)
    print("\np50 / p95 over languages, queries and runs:")
    for (what, words, filtered, by_relevance), timings in sorted(groups.items()):
        timings.sort()
        p95 = timings[min(len(timings) - 1, round(0.95 * (len(timings) - 1)))]
        print(
            f"  {what:8} {words} word{'s' if words > 1 else ' '} "
            f"{'filtered  ' if filtered else 'unfiltered'} "
            f"{'relevance' if by_relevance else 'date     '}"
            f"  p50 {statistics.median(timings):7.1f} ms   p95 {p95:7.1f} ms"
        )


if __name__ == "__main__":
    main()
