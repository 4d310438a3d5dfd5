from django.db import models
from django.urls import reverse
from django.utils import translation
from wagtail.admin.panels import FieldPanel
from wagtail.models import TranslatableMixin
from wagtail.search import index

from dateline.lib.slugs import slug_from_text, slug_unused


class SlugPerLocaleMixin:
    """For a model with a slug unique in its locale, edited in Wagtail's admin."""

    def validate_constraints(self, exclude=None):
        # Wagtail's form sets the locale without a field for it, and Django skips a constraint
        # on a field the form lacks: a slug taken in the edition would fail at save (a 500).
        super().validate_constraints(exclude=(exclude or set()) - {"locale"})


class Person(SlugPerLocaleMixin, TranslatableMixin, index.Indexed, models.Model):
    """Someone the news is about: named in articles, shown on a person page."""

    name = models.CharField(max_length=150)
    slug = models.SlugField(max_length=150)
    position = models.CharField(max_length=255, blank=True)
    portrait = models.ForeignKey(
        "wagtailimages.Image", null=True, blank=True, on_delete=models.SET_NULL, related_name="+"
    )
    biography = models.TextField(blank=True)

    panels = [
        FieldPanel("name"),
        FieldPanel("slug"),
        FieldPanel("position"),
        FieldPanel("portrait"),
        FieldPanel("biography"),
    ]
    search_fields = [
        index.SearchField("name"),
        index.AutocompleteField("name"),
        index.SearchField("position"),
        index.FilterField("locale_id"),
    ]

    class Meta(TranslatableMixin.Meta):
        ordering = ["name"]
        verbose_name_plural = "people"
        constraints = [
            models.UniqueConstraint(fields=["locale", "slug"], name="unique_person_slug_per_locale")
        ]

    def __str__(self) -> str:
        return self.name

    def save(self, *args, **kwargs):
        if not self.slug:
            self.slug = slug_from_text(self.name)
        super().save(*args, **kwargs)

    def get_absolute_url(self) -> str:
        with translation.override(self.locale.language_code):
            return reverse("person", kwargs={"slug": self.slug})


class Author(SlugPerLocaleMixin, TranslatableMixin, models.Model):
    """A byline: one of the agency's reporters, named in the edition's language."""

    name = models.CharField(max_length=150)
    slug = models.SlugField(
        max_length=150,
        blank=True,
        help_text="The author page's address; left empty, it is made from the name.",
    )
    user = models.ForeignKey(
        "auth.User", null=True, blank=True, on_delete=models.SET_NULL, related_name="bylines"
    )

    panels = [FieldPanel("name"), FieldPanel("slug"), FieldPanel("user")]

    class Meta(TranslatableMixin.Meta):
        ordering = ["name"]
        constraints = [
            models.UniqueConstraint(fields=["locale", "slug"], name="unique_author_slug_per_locale")
        ]

    def __str__(self) -> str:
        return self.name

    def save(self, *args, **kwargs):
        if not self.slug:
            # Two reporters of one name in an edition get "anna-kovalenko" and "…-2".
            base = slug_from_text(self.name)
            same = Author.objects.filter(locale_id=self.locale_id, slug__startswith=base)
            self.slug = slug_unused(base, set(same.values_list("slug", flat=True)))
        super().save(*args, **kwargs)

    def get_absolute_url(self) -> str:
        with translation.override(self.locale.language_code):
            return reverse("author", kwargs={"slug": self.slug})
