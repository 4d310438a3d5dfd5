"""Every receiver of the publishing layer, and the only ones that invalidate caches (listed in
docs/architecture.md).

1. The entry into the pipeline: Article.publish/unpublish, which Wagtail calls, send the
   newsroom's two signals (dateline.newsroom.signals); received here and nowhere else.
2. Changes made outside the pipeline that readers see: pages of the editions (Wagtail's
   publish/unpublish, page privacy), people, tags, the directory, settings, the weather in
   the header. Articles themselves are invalidated by the pipeline, step by step.
"""

from django.db.models.signals import post_delete, post_save
from django.dispatch import receiver
from taggit.models import Tag
from wagtail.models import PageViewRestriction
from wagtail.signals import page_published, page_unpublished

from dateline.directory.models import GovernmentBody, GovernmentBodyCategory
from dateline.newsroom.models import Author, Edition, Person
from dateline.newsroom.signals import article_publish_done, article_unpublish_asked
from dateline.pagecache.invalidation import edition_invalidate
from dateline.public.models import SubscribeSettings
from dateline.weather.models import Observation

from .pipeline import article_published, article_unpublish


@receiver(article_publish_done, dispatch_uid="publishing-published")
def _article_publish_done(sender, *, article_id, revision, user, **kwargs):
    article_published(article_id=article_id, revision=revision, user=user)


@receiver(article_unpublish_asked, dispatch_uid="publishing-unpublish")
def _article_unpublish_asked(sender, *, article, user, set_expired, log_action, **kwargs):
    article_unpublish(article=article, user=user, set_expired=set_expired, log_action=log_action)


@receiver(page_published)
@receiver(page_unpublished)
def _page_changed(sender, instance, **kwargs):
    home = instance.get_parent().url if instance.depth > 2 else ""
    edition_invalidate(instance.locale.language_code, urls=[instance.url, home])


LOCALIZED = (Person, Author, GovernmentBody, GovernmentBodyCategory)


def _localized_changed(sender, instance, **kwargs):
    edition_invalidate(instance.locale.language_code)


def _site_changed(sender, instance, **kwargs):
    edition_invalidate()  # every page of every edition: the language switcher, the footer


def _tag_changed(sender, instance, created=False, **kwargs):
    if not created:  # a new tag is on no page yet
        edition_invalidate()  # tags are shared by the editions' articles


def _restriction_changed(sender, instance, **kwargs):
    # A page made private (or public again) must not be served from a copy cached before.
    edition_invalidate()


def _weather_changed(sender, instance, **kwargs):
    # The header's weather: the articles' own text stays as it is (see articles_scope).
    edition_invalidate(instance.edition.language, articles=False)


for model in LOCALIZED:
    post_save.connect(_localized_changed, sender=model, dispatch_uid=f"cache-{model}")
    post_delete.connect(_localized_changed, sender=model, dispatch_uid=f"cache-d-{model}")
post_save.connect(_site_changed, sender=Edition, dispatch_uid="cache-edition")
post_save.connect(_site_changed, sender=SubscribeSettings, dispatch_uid="cache-settings")
post_save.connect(_tag_changed, sender=Tag, dispatch_uid="cache-tag")
post_delete.connect(_tag_changed, sender=Tag, dispatch_uid="cache-d-tag")
post_save.connect(_restriction_changed, sender=PageViewRestriction, dispatch_uid="cache-vr")
post_delete.connect(_restriction_changed, sender=PageViewRestriction, dispatch_uid="cache-d-vr")
post_save.connect(_weather_changed, sender=Observation, dispatch_uid="cache-weather")
