"""What search engines and social networks read: JSON-LD, Open Graph, X cards, hreflang."""

import json
from datetime import UTC, datetime, timedelta

import pytest
from lxml import html
from wagtail.test.utils.form_data import querydict_from_html

from dateline.newsroom.models import Rubric
from dateline.public.models import SubscribeSettings
from dateline.public.seo import og_locale
from dateline.test import administrator_make, article_make, author_make, edition_make, image_make

PUBLISHED = datetime(2026, 11, 26, 9, 46, tzinfo=UTC)  # 12:46 in Minsk
RUSSIAN_BODY = ("Депутаты приняли бюджет — во втором чтении.", "Заседание длилось четыре часа.")


def head(client, url):
    response = client.get(url)
    assert response.status_code == 200, (url, response.status_code)
    return html.fromstring(response.content)


def news_article(tree) -> dict:
    scripts = tree.cssselect('script[type="application/ld+json"]')
    assert len(scripts) == 1
    return json.loads(scripts[0].text)


def meta(tree) -> dict[str, list[str]]:
    """Open Graph (property=) and X (name=) tags: name → contents, in page order."""
    found: dict[str, list[str]] = {}
    for tag in tree.cssselect("head meta[property], head meta[name]"):
        found.setdefault(tag.get("property") or tag.get("name"), []).append(tag.get("content"))
    return found


@pytest.fixture
def story(english):
    edition, _, rubrics = english
    article = article_make(
        rubrics["politics"],
        headline="Minister outlines plans",
        lead="The minister spoke to deputies on Thursday.",
        published_at=PUBLISHED,
        lead_image=image_make("Minister", size=(1600, 900)),
        lead_image_caption="The minister at the podium",
    )
    article.last_published_at = PUBLISHED + timedelta(hours=2, minutes=5)
    article.authors.add(author_make(edition.locale_id, "Anna Kovalenko"))
    article.authors.add(author_make(edition.locale_id, "Boris Levin"))
    article.tags.add("budget")
    article.save()
    return article


def hreflang_links(tree) -> dict[str, str]:
    """{language: URL} of a page's <link rel="alternate" hreflang> tags."""
    return {
        link.get("hreflang"): link.get("href")
        for link in tree.cssselect('link[rel="alternate"][hreflang]')
    }


def test_article_page_describes_the_story_as_a_schema_org_news_article(client, story):
    data = news_article(head(client, story.url))
    page_url = f"http://testserver{story.url}"
    assert data["@context"] == "https://schema.org"
    assert data["@type"] == "NewsArticle"
    assert data["headline"] == "Minister outlines plans"
    assert data["description"] == "The minister spoke to deputies on Thursday."
    assert data["mainEntityOfPage"] == {"@type": "WebPage", "@id": page_url}
    assert data["url"] == page_url
    assert data["datePublished"] == "2026-11-26T12:46:00+03:00"
    assert data["dateModified"] == "2026-11-26T14:51:00+03:00"
    assert data["author"] == [
        {
            "@type": "Person",
            "name": "Anna Kovalenko",
            "url": "http://testserver/en/authors/anna-kovalenko/",
        },
        {
            "@type": "Person",
            "name": "Boris Levin",
            "url": "http://testserver/en/authors/boris-levin/",
        },
    ]
    assert data["publisher"] == {
        "@type": "Organization",
        "name": "Dateline News Agency",
        "url": "http://testserver/en/",
    }
    assert data["inLanguage"] == "en"
    assert data["articleSection"] == "Politics"
    assert data["dateline"] == "MINSK, 26 November (DNA) -"
    assert data["keywords"] == ["budget"]
    assert len(data["image"]) == 3
    for url, crop in zip(data["image"], ("1200x675", "1200x900", "1200x1200"), strict=True):
        assert url.startswith("http://testserver/media/images/") and f"fill-{crop}" in url


def test_json_ld_cannot_end_its_script_element(client, english):
    _, _, rubrics = english
    headline = 'Hackers write </script><script>alert("x")</script> & <!-- in headlines'
    article = article_make(rubrics["politics"], headline=headline)
    response = client.get(article.url)
    source = response.content.decode()
    start = source.index('<script type="application/ld+json">')
    script = source[start : source.index("</script>", start)]
    assert "<" not in script[len('<script type="application/ld+json">') :]
    assert news_article(html.fromstring(response.content))["headline"] == headline


def test_story_without_byline_is_authored_by_the_agency_and_logo_is_given(
    client, english, settings
):
    settings.PUBLISHER_LOGO_URL = "/static/public/logo.png"
    _, _, rubrics = english
    article = article_make(rubrics["economy"], headline="Exports grow")
    data = news_article(head(client, article.url))
    logo = {"@type": "ImageObject", "url": "http://testserver/static/public/logo.png"}
    assert data["publisher"]["logo"] == logo
    assert data["author"] == [data["publisher"]]
    assert "image" not in data


def test_embargoed_story_was_modified_no_earlier_than_readers_first_saw_it(client, english):
    _, _, rubrics = english
    article = article_make(rubrics["politics"], published_at=PUBLISHED - timedelta(hours=3))
    article.embargo_until = article.public_at = PUBLISHED  # partners had it three hours early
    article.save()
    data = news_article(head(client, article.url))
    assert data["datePublished"] == data["dateModified"] == "2026-11-26T12:46:00+03:00"


def test_article_page_has_open_graph_and_a_large_x_card_for_its_photo(client, story):
    tags = meta(head(client, story.url))
    page_url = f"http://testserver{story.url}"
    assert tags["og:type"] == ["article"]
    assert tags["og:title"] == ["Minister outlines plans"]
    assert tags["og:description"] == ["The minister spoke to deputies on Thursday."]
    assert tags["og:url"] == [page_url]
    assert tags["og:site_name"] == ["Dateline News Agency"]
    assert tags["og:locale"] == ["en_US"]
    [image] = tags["og:image"]
    assert image.startswith("http://testserver/media/images/") and "width-1200" in image
    assert (tags["og:image:width"], tags["og:image:height"]) == (["1200"], ["675"])
    assert tags["og:image:alt"] == ["The minister at the podium"]
    assert tags["article:published_time"] == ["2026-11-26T12:46:00+03:00"]
    assert tags["article:modified_time"] == ["2026-11-26T14:51:00+03:00"]
    assert tags["article:section"] == ["Politics"]
    assert tags["article:tag"] == ["budget"]
    assert tags["twitter:card"] == ["summary_large_image"]
    assert tags["twitter:title"] == ["Minister outlines plans"]
    assert tags["twitter:image"] == [image]
    assert "twitter:site" not in tags


def test_story_without_photo_gets_a_summary_card_and_the_agency_account(client, english):
    _, _, rubrics = english
    links = SubscribeSettings.load()
    links.x_url = "https://x.com/dateline_news"
    links.save()
    article = article_make(rubrics["economy"], headline="Exports grow")
    tags = meta(head(client, article.url))
    assert tags["twitter:card"] == ["summary"]
    assert tags["twitter:site"] == ["@dateline_news"]
    assert "og:image" not in tags and "twitter:image" not in tags


def test_story_without_photo_is_shared_with_its_editions_default_picture(client, english):
    edition, _, rubrics = english
    edition.default_image = image_make("Agency card", size=(1600, 840))
    edition.save()
    article = article_make(rubrics["economy"], headline="Exports grow")
    tree = head(client, article.url)
    tags = meta(tree)
    [image] = tags["og:image"]
    assert image.startswith("http://testserver/media/images/agency-card") and "width-1200" in image
    assert (tags["og:image:width"], tags["og:image:height"]) == (["1200"], ["630"])
    assert tags["og:image:alt"] == ["Dateline News Agency"]
    assert tags["twitter:card"] == ["summary_large_image"]
    assert tags["twitter:image"] == [image]
    assert news_article(tree)["image"] == {
        "@type": "ImageObject",
        "url": image,
        "width": 1200,
        "height": 630,
    }


def test_a_story_with_its_own_photo_is_not_shared_with_the_default(client, english, story):
    edition, _, _ = english
    edition.default_image = image_make("Agency card", size=(1600, 840))
    edition.save()
    tree = head(client, story.url)
    assert "agency-card" not in meta(tree)["og:image"][0]
    assert all("agency-card" not in url for url in news_article(tree)["image"])


def test_edition_home_without_a_photo_is_shared_with_the_default_picture(client, english):
    edition, _, rubrics = english
    edition.default_image = image_make("Agency card", size=(1600, 840))
    edition.save()
    article_make(rubrics["economy"], headline="Exports grow")
    tags = meta(head(client, "/en/"))
    assert "agency-card" in tags["og:image"][0]
    assert tags["twitter:card"] == ["summary_large_image"]


def test_translations_name_each_other_in_hreflang_and_og_locale(client, russian):
    _, _, ru_rubrics = russian
    en_politics = Rubric.objects.get(locale__language_code="en", slug="politics")
    story = article_make(en_politics, headline="Parliament adopts the budget")
    translated = article_make(
        ru_rubrics["politics"],
        headline="Парламент принял бюджет",
        translation_key=story.translation_key,
    )
    tree = head(client, translated.url)
    assert tree.cssselect("link[rel=canonical]")[0].get("href") == (
        f"http://testserver{translated.url}"
    )
    assert hreflang_links(tree) == {
        "en": f"http://testserver{story.url}",
        "ru": f"http://testserver{translated.url}",
        "x-default": f"http://testserver{story.url}",
    }
    assert hreflang_links(head(client, story.url)) == hreflang_links(tree)
    tags = meta(tree)
    assert tags["og:locale"] == ["ru_RU"]
    assert tags["og:locale:alternate"] == ["en_US"]
    assert news_article(tree)["inLanguage"] == "ru"


def test_a_story_without_an_english_version_names_one_x_default_on_each_version(client, russian):
    _, _, ru_rubrics = russian
    _, _, be_rubrics = edition_make("be")
    story = article_make(ru_rubrics["politics"], headline="Парламент принял бюджет")
    translated = article_make(
        be_rubrics["politics"],
        headline="Парламент прыняў бюджэт",
        translation_key=story.translation_key,
    )
    expected = {
        "ru": f"http://testserver{story.url}",
        "be": f"http://testserver{translated.url}",
        # The first of the site's languages it has (ru before be), the same on both pages.
        "x-default": f"http://testserver{story.url}",
    }
    assert hreflang_links(head(client, translated.url)) == expected
    assert hreflang_links(head(client, story.url)) == expected


def test_a_story_in_one_edition_names_no_translations(client, english):
    _, _, rubrics = english
    article = article_make(rubrics["economy"], headline="Exports grow")
    tree = head(client, article.url)
    assert tree.cssselect("link[rel=canonical]")[0].get("href") == f"http://testserver{article.url}"
    assert hreflang_links(tree) == {}


def test_edition_home_has_open_graph_canonical_and_hreflang_to_the_other_editions(client, russian):
    _, _, rubrics = russian
    main = article_make(
        rubrics["politics"], headline="Парламент принял бюджет", lead_image=image_make("Зал")
    )
    tree = head(client, "/ru/")
    assert tree.cssselect("link[rel=canonical]")[0].get("href") == "http://testserver/ru/"
    assert hreflang_links(tree) == {
        "en": "http://testserver/en/",
        "ru": "http://testserver/ru/",
        "x-default": "http://testserver/",
    }
    tags = meta(tree)
    assert tags["og:type"] == ["website"]
    assert tags["og:url"] == ["http://testserver/ru/"]
    assert tags["og:title"] == ["Информационное агентство Дейтлайн — Русская версия"]
    assert tags["og:locale"] == ["ru_RU"] and tags["og:locale:alternate"] == ["en_US"]
    assert tags["og:image:alt"] == [main.headline]
    assert tags["og:image"][0].startswith("http://testserver/media/images/")
    assert tags["twitter:card"] == ["summary_large_image"]
    assert tree.cssselect('script[type="application/ld+json"]') == []


@pytest.mark.parametrize(
    ("language", "expected"), [("en", "en_US"), ("ru", "ru_RU"), ("be", "be_BY"), ("zh", "zh_CN")]
)
def test_open_graph_locale_of_each_edition_language(language, expected):
    assert og_locale(language) == expected


def test_chinese_article_says_zh(client, english):
    _, _, rubrics = edition_make("zh")
    article = article_make(rubrics["economy"], headline="出口增长")
    tree = head(client, article.url)
    assert news_article(tree)["inLanguage"] == "zh"
    assert meta(tree)["og:locale"] == ["zh_CN"]


def test_json_ld_counts_chinese_characters_and_russian_words(client, russian):
    _, _, ru_rubrics = russian
    _, _, zh_rubrics = edition_make("zh")
    chinese = article_make(
        zh_rubrics["economy"],
        headline="出口增长",
        paragraphs=("今年出口增长了百分之五。", "Minsk 和 Beijing 签署了协议。"),  # 11 + 8
    )
    russian_story = article_make(
        ru_rubrics["economy"],
        headline="Бюджет принят",
        paragraphs=RUSSIAN_BODY,  # 6 + 4
    )
    assert news_article(head(client, chinese.url))["wordCount"] == 19
    assert news_article(head(client, russian_story.url))["wordCount"] == 10


def test_a_rubric_names_its_address_and_its_translations_for_search_engines(client, russian):
    tree = html.fromstring(client.get("/en/politics/?utm_source=newsletter").content)
    assert (
        tree.cssselect('link[rel="canonical"]')[0].get("href") == "http://testserver/en/politics/"
    )
    assert hreflang_links(tree) == {
        "en": "http://testserver/en/politics/",
        "ru": "http://testserver/ru/politics/",
        "x-default": "http://testserver/en/politics/",
    }
    all_news = head(client, "/ru/news/")
    assert (
        all_news.cssselect('link[rel="canonical"]')[0].get("href") == "http://testserver/ru/news/"
    )
    assert hreflang_links(all_news)["x-default"] == "http://testserver/en/news/"
    older = html.fromstring(client.get("/en/news/?before=1780000000000000-1").content)
    assert not older.cssselect('link[rel="canonical"]')


def test_an_administrator_chooses_the_editions_default_picture_in_the_admin(client, english):
    edition, _, rubrics = english
    card = image_make("Agency card", size=(1600, 840))
    client.force_login(administrator_make())
    url = f"/admin/snippets/newsroom/edition/edit/{edition.pk}/"
    page = client.get(url).content.decode()
    data = querydict_from_html(page, form_id="w-editor-form")
    data["default_image"] = str(card.pk)
    response = client.post(url, data)
    assert response.status_code == 302, response.content.decode()[:2000]
    edition.refresh_from_db()
    assert edition.default_image == card
    client.logout()
    article = article_make(rubrics["economy"], headline="Exports grow")
    assert "agency-card" in meta(head(client, article.url))["og:image"][0]
