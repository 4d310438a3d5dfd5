"""Every wire format validates against IPTC's own schema, for every demo story and the odd ones."""

import io
import json
from datetime import timedelta

from django.contrib.auth.models import User
from django.core.management import call_command
from django.utils import timezone
from lxml import etree

from dateline.newsroom.models import Article, ArticleVersion, VersionKind
from dateline.publishing.pipeline import article_kill
from dateline.test import article_make, edition_make, partner_make
from dateline.wire.formats import FORMATS, NEWSML_G2, NINJS_16, NINJS_31
from dateline.wire.formats.render import render_item, render_page
from dateline.wire.items import item_from_version
from dateline.wire.schemas import newsml_schema, ninjs_validator
from dateline.wire.selectors import partner_versions, with_item_relations


def assert_valid(body: bytes, format_name: str, label: str) -> None:
    if format_name == NEWSML_G2:
        schema = newsml_schema()
        document = etree.fromstring(body)
        assert schema.validate(document), (label, str(schema.error_log))
        return
    errors = list(ninjs_validator(format_name).iter_errors(json.loads(body)))
    assert not errors, (label, format_name, [e.message for e in errors[:5]])


def test_every_demo_story_validates_in_every_format(db, settings, tmp_path):
    settings.MEDIA_ROOT = tmp_path
    call_command("demo_content", articles_per_edition=8, stdout=io.StringIO())
    chief = User.objects.get(username="admin")
    stories = list(Article.objects.order_by("pk"))
    killed, embargoed, corrected = stories[0], stories[1], stories[2]
    article_kill(article=killed, user=chief, reason="The quoted figures were wrong.")
    _embargo(embargoed)
    _correct(corrected, "An earlier version misspelled the minister's name.")
    partner, _ = partner_make(editions=["en", "ru", "be", "zh"], embargo_allowed=True)

    versions = list(with_item_relations(partner_versions(partner=partner, now=timezone.now())))
    assert len(versions) == Article.objects.count() == 32
    items = [item_from_version(v, show_embargo=True) for v in versions]
    by_uri = {item.uri: item for item in items}
    for format_name in FORMATS:
        for item in items:
            body, _ = render_item(item, format_name)
            assert_valid(body, format_name, item.uri)
    page, _ = render_page(items, NEWSML_G2, next_cursor=None, latest=None, sent=timezone.now())
    assert newsml_schema().validate(etree.fromstring(page)), newsml_schema().error_log

    assert any(item.canceled for item in items)
    assert any(item.embargoed for item in items)
    assert any(item.ednote.startswith("Correction") for item in items)
    assert any(item.picture for item in items) and any(item.people for item in items)
    assert len(by_uri) == 32


def _embargo(article: Article) -> None:
    now = timezone.now()
    Article.objects.filter(pk=article.pk).update(
        first_published_at=now, public_at=now + timedelta(hours=3)
    )


def _correct(article: Article, note: str) -> None:
    article.version += 1
    article.save(update_fields=["version"])
    ArticleVersion.objects.create(
        article=article,
        number=article.version,
        kind=VersionKind.CORRECTION,
        note=note,
        created_at=timezone.now(),
    )


CHINESE_BODY = ("今年出口增长了百分之五。", "Minsk 和 Beijing 签署了协议。")  # 11 + 8
RUSSIAN_BODY = ("Депутаты приняли бюджет — во втором чтении.", "Заседание длилось четыре часа.")


def test_a_chinese_story_counts_its_characters_and_a_russian_one_its_words(english):
    _, _, zh_rubrics = edition_make("zh")
    _, _, ru_rubrics = edition_make("ru")
    chinese = article_make(
        zh_rubrics["economy"], headline="出口增长", lead="议会通过了预算。", paragraphs=CHINESE_BODY
    )
    russian = article_make(
        ru_rubrics["economy"],
        headline="Бюджет",
        lead="Депутаты одобрили бюджет.",
        paragraphs=RUSSIAN_BODY,
    )
    # The body partners republish opens with the dateline and lead: "DNAMINSK12月5日电 —
    # 议会通过了预算。" is 5 + 7, "MINSK, 5 декабря (ДНА) - Депутаты одобрили бюджет." 7.
    for article, words in ((chinese, 12 + 19), (russian, 7 + 10)):
        version = with_item_relations(ArticleVersion.objects.filter(article=article)).get()
        item = item_from_version(version, show_embargo=False)
        ninjs = json.loads(render_item(item, NINJS_31)[0])
        assert ninjs["bodies"][0]["wordCount"] == words, article.headline
        assert json.loads(render_item(item, NINJS_16)[0])["wordcount"] == words
        newsml = etree.fromstring(render_item(item, NEWSML_G2)[0])
        assert newsml.xpath("//*[local-name()='contentSet']/*/@wordcount") == [str(words)]
