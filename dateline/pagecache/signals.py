"""Changes made outside the publishing path that readers see: pages of the editions
(Wagtail's publish/unpublish, page privacy), people, tags, the directory, settings, the
weather in the header.
Stories themselves are purged by dateline.newsroom.publishing, where a publish (and
Wagtail's Unpublish, through Article.unpublish) is followed top to bottom.
"""

from django.db.models.signals import post_delete, post_save
from django.dispatch import receiver
from taggit.models import Tag
from wagtail.models import PageViewRestriction
from wagtail.signals import page_published, page_unpublished

from dateline.directory.models import GovernmentBody, GovernmentBodyCategory
from dateline.newsroom.models import Author, Edition, Person
from dateline.public.models import SubscribeSettings
from dateline.weather.models import Observation

from .purge import edition_purge


@receiver(page_published)
@receiver(page_unpublished)
def _page_changed(sender, instance, **kwargs):
    home = instance.get_parent().url if instance.depth > 2 else ""
    edition_purge(instance.locale.language_code, urls=[instance.url, home])


LOCALIZED = (Person, Author, GovernmentBody, GovernmentBodyCategory)


def _localized_changed(sender, instance, **kwargs):
    edition_purge(instance.locale.language_code)


def _site_changed(sender, instance, **kwargs):
    edition_purge()  # every page of every edition: the language switcher, the footer


def _tag_changed(sender, instance, created=False, **kwargs):
    if not created:  # a new tag is on no page yet
        edition_purge()  # tags are shared by the editions' stories


def _restriction_changed(sender, instance, **kwargs):
    # A page made private (or public again) must not be served from a cache kept before.
    edition_purge()


def _weather_changed(sender, instance, **kwargs):
    # The header's weather: the stories' own text stays as it is (see stories_scope).
    edition_purge(instance.edition.language, stories=False)


for model in LOCALIZED:
    post_save.connect(_localized_changed, sender=model, dispatch_uid=f"pagecache-{model}")
    post_delete.connect(_localized_changed, sender=model, dispatch_uid=f"pagecache-d-{model}")
post_save.connect(_site_changed, sender=Edition, dispatch_uid="pagecache-edition")
post_save.connect(_site_changed, sender=SubscribeSettings, dispatch_uid="pagecache-settings")
post_save.connect(_tag_changed, sender=Tag, dispatch_uid="pagecache-tag")
post_delete.connect(_tag_changed, sender=Tag, dispatch_uid="pagecache-d-tag")
post_save.connect(_restriction_changed, sender=PageViewRestriction, dispatch_uid="pagecache-vr")
post_delete.connect(_restriction_changed, sender=PageViewRestriction, dispatch_uid="pagecache-d-vr")
post_save.connect(_weather_changed, sender=Observation, dispatch_uid="pagecache-weather")
