"""Factories and personas for Dateline's tests: plain functions, no JSON fixtures."""

from datetime import datetime, timedelta
from io import BytesIO

from django.contrib.auth.models import Group, User
from django.core.files.images import ImageFile
from django.urls import reverse
from django.utils import timezone
from PIL import Image as PILImage
from wagtail.images import get_image_model

from dateline.newsroom.desks import (
    ADMINISTRATORS,
    CHIEF_EDITORS,
    DESK_EDITORS,
    PARTNER_MANAGERS,
    REPORTERS,
)
from dateline.newsroom.models import (
    Article,
    ArticleVersion,
    Author,
    Desk,
    Edition,
    Person,
    Rubric,
    Urgency,
    VersionKind,
)
from dateline.public.models import EditionHomePage, SubscribeSettings
from dateline.public.structure import edition_ensure, rubric_ensure, sections_ensure
from dateline.wire.partners import partner_create

EDITIONS = {
    "en": {
        "home_title": "Home",
        "name": "English edition",
        "agency_name": "Dateline News Agency",
        "agency_short_name": "DNA",
        "home_city": "Minsk",
        "sections": ("All news", "Projects", "Services", "Government Bodies"),
        "rubrics": (("Politics", "politics"), ("Economy", "economy"), ("Sport", "sport")),
    },
    "ru": {
        "home_title": "Главная",
        "name": "Русская версия",
        "agency_name": "Информационное агентство Дейтлайн",
        "agency_short_name": "ДНА",
        "home_city": "Минск",
        "sections": ("Все новости", "Проекты", "Сервисы", "Органы власти"),
        "rubrics": (("Политика", "politics"), ("Экономика", "economy"), ("Спорт", "sport")),
    },
    "be": {
        "home_title": "Галоўная",
        "name": "Беларуская версія",
        "agency_name": "Інфармацыйнае агенцтва Дэйтлайн",
        "agency_short_name": "ДНА",
        "home_city": "Мінск",
        "sections": ("Усе навіны", "Праекты", "Сэрвісы", "Органы ўлады"),
        "rubrics": (("Палітыка", "politics"), ("Эканоміка", "economy"), ("Спорт", "sport")),
    },
    "zh": {
        "home_title": "首页",
        "name": "中文版",
        "agency_name": "日界线通讯社",
        "agency_short_name": "DNA",
        "home_city": "明斯克",
        "sections": ("全部新闻", "专题", "服务", "政府机构"),
        "rubrics": (("政治", "politics"), ("经济", "economy"), ("体育", "sport")),
        "dateline_pattern": "{agency}{city}{date}电 —",
        "dateline_date_format": "M月d日",
        "published_format": "y年M月d日 HH:mm",
        "header_date_format": "y年M月d日EEEE",
        "day_heading_format": "y年M月d日",
    },
}


def edition_make(language: str = "en") -> tuple[Edition, EditionHomePage, dict[str, Rubric]]:
    """An edition as the demo has it: home, All news and sections, three rubrics."""
    spec = dict(EDITIONS[language])
    sections = spec.pop("sections")
    rubrics = spec.pop("rubrics")
    home_title = spec.pop("home_title")
    edition, home = edition_ensure(
        language=language,
        home_title=home_title,
        home_latitude="53.9023",
        home_longitude="27.5619",
        **spec,
    )
    sections_ensure(
        home,
        dict(zip(("news", "projects", "services", "government-bodies"), sections, strict=True)),
    )
    rubric_pages = {slug: rubric_ensure(home, title=title, slug=slug) for title, slug in rubrics}
    SubscribeSettings.load()  # as a running site has it (made on first use)
    return edition, home, rubric_pages


def image_make(title: str = "Photo", size=(800, 533), color=(40, 90, 160)):
    buffer = BytesIO()
    PILImage.new("RGB", size, color).save(buffer, "JPEG")
    return get_image_model().objects.create(
        title=title, file=ImageFile(buffer, name=f"{title.lower().replace(' ', '-')}.jpg")
    )


def article_make(
    rubric: Rubric,
    *,
    headline: str = "Parliament adopts the budget for next year",
    published_at: datetime | None = None,
    lead: str = "Deputies approved the budget in the second reading.",
    city: str = "Minsk",
    paragraphs: tuple[str, ...] = ("The session lasted four hours.",),
    quote: str | None = None,
    urgency: int = Urgency.ROUTINE,
    live: bool = True,
    **fields,
) -> Article:
    published_at = published_at or timezone.now() - timedelta(hours=1)
    body = [{"type": "paragraph", "value": f"<p>{text}</p>"} for text in paragraphs]
    if quote:
        body.insert(1, {"type": "quote", "value": {"text": quote, "attribution": "The minister"}})
    article = Article.objects.create(
        headline=headline,
        lead=lead,
        body=body,
        dateline_city=city,
        rubric=rubric,
        locale_id=rubric.locale_id,
        urgency=urgency,
        live=live,
        first_published_at=published_at if live else None,
        last_published_at=published_at if live else None,
        public_at=published_at if live else None,
        version=1 if live else 0,
        **fields,
    )
    if live:
        ArticleVersion.objects.create(
            article=article, number=1, kind=VersionKind.FIRST, created_at=published_at
        )
    return article


def person_make(locale_id: int, name: str = "Ivan Petrovich", **fields) -> Person:
    return Person.objects.create(locale_id=locale_id, name=name, **fields)


def author_make(locale_id: int, name: str = "Anna Kovalenko", **fields) -> Author:
    return Author.objects.create(locale_id=locale_id, name=name, **fields)


def editor_form(client, url: str, **changes):
    """The admin's article form as the browser would send it, with `changes` applied.

    The body editor is drawn by JavaScript, so a body must be given as StreamField data
    (`body=[("paragraph", "<p>…</p>")]`) when the form is posted.
    """
    from wagtail.test.utils.form_data import (
        nested_form_data,
        querydict_from_html,
        rich_text,
        streamfield,
    )

    response = client.get(url)
    assert response.status_code == 200, (url, response.status_code)
    data = querydict_from_html(response.content.decode(), form_id="w-editor-form")
    body = changes.pop("body", [("paragraph", "<p>The text of the story.</p>")])
    blocks = [(kind, rich_text(value) if kind == "paragraph" else value) for kind, value in body]
    changes["body"] = streamfield(blocks)
    for key, value in nested_form_data(changes).items():
        data[key] = value
    return data


def admin_publish(client, article: Article, **changes):
    """Post the article's edit form with the Publish action, as an editor does."""

    url = reverse("wagtailsnippets_newsroom_article:edit", args=[article.pk])
    data = editor_form(client, url, **changes)
    data["action-publish"] = "action-publish"
    return client.post(url, data)


# Personas: users in the newsroom's roles (dateline.newsroom.roles), as the admin makes them.
PASSWORD = "correct-horse-battery"


def user_in_role(username: str, role: str):

    user = User.objects.create_user(username, password=PASSWORD, first_name=username.title())
    user.groups.add(Group.objects.get(name=role))
    return user


def reporter_make(username: str = "reporter"):
    return user_in_role(username, REPORTERS)


def desk_editor_make(*rubrics: Rubric, username: str = "deskeditor", desk: str = "Desk"):
    """A desk editor on a desk that covers `rubrics` (all of one edition)."""

    user = user_in_role(username, DESK_EDITORS)
    group = Group.objects.create(name=f"{desk} desk ({username})")
    edition = Edition.objects.get(locale_id=rubrics[0].locale_id)
    desk_row = Desk.objects.create(name=desk, edition=edition, group=group)
    desk_row.rubrics.set(rubrics)
    user.groups.add(group)
    return user


def chief_editor_make(username: str = "chief"):
    return user_in_role(username, CHIEF_EDITORS)


def partner_manager_make(username: str = "partners"):
    """Runs the wire in the admin: partners, keys, webhooks, deliveries; writes no articles."""
    return user_in_role(username, PARTNER_MANAGERS)


def administrator_make(username: str = "admin"):
    """Every permission, through the Administrators role rather than the superuser flag."""
    return user_in_role(username, ADMINISTRATORS)


def partner_make(
    name: str = "Regional Daily",
    *,
    editions=("en",),
    rubrics=None,
    embargo_allowed: bool = False,
):
    """A wire partner with products and its first API key; returns (partner, key secret)."""

    partner, issued = partner_create(
        name=name, editions=list(editions), rubrics=rubrics, embargo_allowed=embargo_allowed
    )
    return partner, issued.secret


def auth(secret: str) -> dict:
    """The header a wire partner sends its key in."""
    return {"HTTP_AUTHORIZATION": f"Bearer {secret}"}
