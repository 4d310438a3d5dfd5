"""The search form: what a reader asked for, cleaned, with a message for whatever was off."""

from dataclasses import dataclass, field
from datetime import date, timedelta

from django import forms
from django.core.exceptions import BadRequest
from django.utils import timezone
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy

from dateline.lib.searchtext import query_terms
from dateline.newsroom.models import Edition, Person

from .selectors import MAX_RELEVANCE_PAGES, Filters, local_midnight

MAX_QUERY_CHARS = 200
MAX_WORDS = 10
FIRST_DAY = date(1990, 1, 1)


@dataclass
class SearchRequest:
    query: str = ""  # the words searched for, as shown back to the reader
    filters: Filters = field(default_factory=Filters)
    by_relevance: bool = False
    page: int = 1
    notices: list[str] = field(default_factory=list)
    person: Person | None = None
    tag: object | None = None
    first_day: date | None = None  # the date range as searched (swapped if it was reversed)
    last_day: date | None = None


class SearchForm(forms.Form):
    q = forms.CharField(required=False, label=gettext_lazy("Words"))
    rubric = forms.ChoiceField(required=False, label=gettext_lazy("Rubric"))
    person = forms.CharField(required=False, max_length=150)
    tag = forms.CharField(required=False, max_length=100)
    sort = forms.ChoiceField(
        required=False,
        label=gettext_lazy("Sort"),
        choices=[("", gettext_lazy("Best match")), ("date", gettext_lazy("Newest first"))],
    )
    page = forms.IntegerField(required=False, min_value=1)

    def __init__(self, data, *, edition: Edition, rubrics: list):
        super().__init__(data)
        self.edition = edition
        self.rubrics = {rubric.slug: rubric for rubric in rubrics}
        self.fields["rubric"].choices = [("", _("All rubrics"))] + [
            (rubric.slug, rubric.title) for rubric in rubrics
        ]
        # "from" and "to" read best in a URL but are not Python names.
        dates = {"from": gettext_lazy("From"), "to": gettext_lazy("To")}
        for name, label in dates.items():
            self.fields[name] = forms.DateField(required=False, label=label)
        self.order_fields(["q", "rubric", "from", "to", "sort"])

    def clean_q(self) -> str:
        return " ".join(self.cleaned_data["q"].split())

    def search_request(self) -> SearchRequest:
        """What to search for. A malformed page number is a bad request; the rest is told."""
        self.is_valid()
        if "page" in self.errors:
            raise BadRequest(_("The page number must be a whole number from 1."))
        data, notices = self.cleaned_data, []
        query = self._query(data.get("q", ""), notices)
        since, until = self._dates(data.get("from"), data.get("to"), notices)
        person, tag = self._person(data.get("person"), notices), self._tag(data.get("tag"), notices)
        rubric = self.rubrics.get(data.get("rubric") or "")
        page = data.get("page") or 1
        if page > MAX_RELEVANCE_PAGES:
            notices.append(
                _(
                    "Results by best match stop at page %(last)d: add words or filters, "
                    "or sort by date to go further back."
                )
                % {"last": MAX_RELEVANCE_PAGES}
            )
            page = MAX_RELEVANCE_PAGES
        tz = self.edition.tz
        return SearchRequest(
            query=query,
            filters=Filters(
                rubric_id=rubric.pk if rubric else None,
                person_id=person.pk if person else None,
                tag_id=tag.pk if tag else None,
                since=local_midnight(since, tz) if since else None,
                until=local_midnight(until + timedelta(days=1), tz) if until else None,
            ),
            by_relevance=bool(query) and data.get("sort") != "date",
            page=page,
            notices=notices,
            person=person,
            tag=tag,
            first_day=since,
            last_day=until,
        )

    def _query(self, query: str, notices: list[str]) -> str:
        if len(query) > MAX_QUERY_CHARS:
            query = query[:MAX_QUERY_CHARS].rsplit(" ", 1)[0] or query[:MAX_QUERY_CHARS]
            notices.append(
                _("Your search was long: only its first %(count)d characters were used.")
                % {"count": MAX_QUERY_CHARS}
            )
        words = query_terms(query, limit=MAX_WORDS + 1)
        if query and not words:
            notices.append(
                _("There are no words to look for in “%(query)s”: search with letters or digits.")
                % {"query": query}
            )
            return ""
        if len(words) > MAX_WORDS:
            notices.append(
                _("Only the first %(count)d words of your search were used.") % {"count": MAX_WORDS}
            )
            return " ".join(word.text for word in words[:MAX_WORDS])
        return query

    def _dates(self, since: date | None, until: date | None, notices: list[str]):
        last_day = timezone.localdate() + timedelta(days=366)
        for name, day in (("from", since), ("to", until)):
            if day and not FIRST_DAY <= day <= last_day:
                self.add_error(
                    name,
                    _("Choose a date between %(first)s and %(last)s.")
                    % {"first": FIRST_DAY.isoformat(), "last": last_day.isoformat()},
                )
        since = since if since and "from" not in self.errors else None
        until = until if until and "to" not in self.errors else None
        if since and until and since > until:
            notices.append(_("The dates were the wrong way round: we swapped them."))
            since, until = until, since
        return since, until

    def _person(self, slug: str | None, notices: list[str]) -> Person | None:
        if not slug:
            return None
        person = Person.objects.filter(locale_id=self.edition.locale_id, slug=slug).first()
        if person is None:
            notices.append(_("No one called “%(slug)s” is in this edition.") % {"slug": slug})
        return person

    def _tag(self, slug: str | None, notices: list[str]):
        from taggit.models import Tag

        if not slug:
            return None
        tag = Tag.objects.filter(slug=slug).first()
        if tag is None:
            notices.append(_("There is no tag “%(slug)s”.") % {"slug": slug})
        return tag
