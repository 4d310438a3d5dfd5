import zoneinfo

from django.core.exceptions import ValidationError
from django.core.validators import MaxValueValidator, MinValueValidator
from django.db import models
from wagtail.admin.panels import FieldPanel, FieldRowPanel, MultiFieldPanel


def validate_timezone(value: str) -> None:
    if value not in zoneinfo.available_timezones():
        raise ValidationError(f"“{value}” is not an IANA time zone such as Europe/Minsk.")


def validate_dateline_pattern(value: str) -> None:
    try:
        value.format(city="CITY", date="DATE", agency="AGENCY")
    except (KeyError, IndexError, ValueError) as error:
        raise ValidationError(
            "Use only the placeholders {city}, {date} and {agency}, "
            "e.g. “{city}, {date} ({agency}) -”."
        ) from error


class Edition(models.Model):
    """One language edition of the agency: its locale, agency names and house style."""

    locale = models.OneToOneField(
        "wagtailcore.Locale", on_delete=models.PROTECT, related_name="edition"
    )
    name = models.CharField(max_length=100, help_text="e.g. “English edition”.")
    agency_name = models.CharField(max_length=150)
    agency_short_name = models.CharField(
        max_length=30, help_text="Used in datelines, e.g. “DNA” or, in Cyrillic, “ДНА”."
    )
    home_city = models.CharField(max_length=80, help_text="In the edition's language.")
    home_latitude = models.DecimalField(
        max_digits=7,
        decimal_places=4,
        validators=[MinValueValidator(-90), MaxValueValidator(90)],
    )
    home_longitude = models.DecimalField(
        max_digits=7,
        decimal_places=4,
        validators=[MinValueValidator(-180), MaxValueValidator(180)],
    )
    timezone = models.CharField(
        max_length=64, default="Europe/Minsk", validators=[validate_timezone]
    )
    dateline_pattern = models.CharField(
        max_length=100,
        default="{city}, {date} ({agency}) -",
        validators=[validate_dateline_pattern],
        help_text="Placeholders: {city}, {date}, {agency}.",
    )
    # CLDR date patterns (https://unicode.org/reports/tr35/tr35-dates.html), formatted by Babel
    # so that month names take the right grammatical case (Russian “30 ноября”).
    dateline_date_format = models.CharField(max_length=40, default="d MMMM")
    published_format = models.CharField(max_length=40, default="d MMMM y, HH:mm")
    header_date_format = models.CharField(max_length=40, default="EEEE, d MMMM y")
    day_heading_format = models.CharField(max_length=40, default="d MMMM y")
    time_format = models.CharField(max_length=20, default="HH:mm")
    plus_sign_on_temperatures = models.BooleanField(
        default=False, help_text="Write “+5°C” rather than “5°C”."
    )
    default_image = models.ForeignKey(
        "wagtailimages.Image",
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
        help_text="Shown by shared links and search engines for stories without a photo: "
        "the agency's logo or a picture of the city, at least 1200 pixels wide.",
    )

    panels = [
        FieldPanel("locale"),
        FieldPanel("name"),
        FieldRowPanel([FieldPanel("agency_name"), FieldPanel("agency_short_name")]),
        FieldPanel("default_image"),
        MultiFieldPanel(
            [
                FieldPanel("home_city"),
                FieldRowPanel([FieldPanel("home_latitude"), FieldPanel("home_longitude")]),
                FieldPanel("timezone"),
            ],
            heading="Home city",
        ),
        MultiFieldPanel(
            [
                FieldPanel("dateline_pattern"),
                FieldPanel("dateline_date_format"),
                FieldPanel("published_format"),
                FieldPanel("header_date_format"),
                FieldPanel("day_heading_format"),
                FieldPanel("time_format"),
                FieldPanel("plus_sign_on_temperatures"),
            ],
            heading="House style",
        ),
    ]

    class Meta:
        ordering = ["locale__id"]

    def __str__(self) -> str:
        return self.name

    @property
    def language(self) -> str:
        return self.locale.language_code

    @property
    def tz(self) -> zoneinfo.ZoneInfo:
        return zoneinfo.ZoneInfo(self.timezone)
