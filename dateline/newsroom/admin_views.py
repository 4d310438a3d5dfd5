"""Newsroom views in the Wagtail admin: who sees which article, the editor's rules. (Kill and
restore are the publishing pipeline's: dateline/publishing/admin_views.py.)"""

from django.contrib.contenttypes.models import ContentType
from django.core.exceptions import PermissionDenied
from django.db.models import CharField, F, Q
from django.db.models.functions import Cast
from django.http import Http404
from django.template.response import TemplateResponse
from django.utils.functional import cached_property
from wagtail.admin.paginator import WagtailPaginator
from wagtail.admin.views.generic.models import CopyViewMixin
from wagtail.admin.views.reports.audit_logging import LogEntriesView
from wagtail.models import ModelLogEntry
from wagtail.permission_policies.base import ModelPermissionPolicy
from wagtail.search.backends import get_search_backend
from wagtail.snippets.views import chooser, snippets

from . import desks
from .models import Article


class ArticlePermissionPolicy(ModelPermissionPolicy):
    """Model permissions, narrowed per article by owner (reporters) and desk (editors)."""

    def user_has_permission_for_instance(self, user, action, instance):
        if not super().user_has_permission_for_instance(user, action, instance):
            return False
        if action in ("change", "delete", "lock"):
            return desks.can_edit(user, instance)
        if action == "unlock":
            return desks.can_unlock(user, instance)
        if action == "publish":
            return desks.can_publish(user, instance.rubric_id)
        return True


def forbidden(request, message: str):
    return TemplateResponse(
        request, "newsroom/admin/forbidden.html", {"message": message}, status=403
    )


NOT_YOURS = "This story belongs to another reporter or to a desk you are not on."


class ArticleAccessMixin:
    """Every admin view of one article answers 403 unless the user may edit it (desks.can_edit),
    before Wagtail's own checks, which mostly ask for the model's permissions only: a reporter
    never reads, previews, compares, locks or copies another's draft."""

    refused = False

    def setup(self, request, *args, **kwargs):
        try:
            super().setup(request, *args, **kwargs)
        except PermissionDenied:
            # Preview and copy check the article while loading it; they answer as the others.
            self.refused = True

    def dispatch(self, request, *args, **kwargs):
        article = getattr(self, "object", None)
        if self.refused or (article and article.pk and not desks.can_edit(request.user, article)):
            return forbidden(request, NOT_YOURS)
        return super().dispatch(request, *args, **kwargs)


def _posted_rubric_id(request) -> int | None:
    try:
        return int(request.POST.get("rubric", ""))
    except ValueError:
        return None


class PublishRulesMixin:
    """Refuse a publish the user may not do before anything is saved: 403, nothing changes."""

    def post(self, request, *args, **kwargs):
        if "action-publish" in request.POST:
            refusal = self.publish_refusal(request)
            if refusal:
                return forbidden(request, refusal)
        return super().post(request, *args, **kwargs)

    def publish_refusal(self, request) -> str:
        user = request.user
        if not user.has_perm("newsroom.publish_article"):
            return "Reporters cannot publish: submit the story to the desk for review instead."
        existing = getattr(self, "object", None)
        rubric_ids = {_posted_rubric_id(request)}
        if existing is not None and existing.pk:
            if existing.killed_at is not None:
                return (
                    "This story was killed. A chief editor must restore it before it is "
                    "published again."
                )
            rubric_ids.add(existing.rubric_id)
        rubric_ids.discard(None)
        if not desks.can_publish(user, *rubric_ids):
            return (
                "Your desk does not cover this rubric: a desk editor of that rubric or a chief "
                "editor must publish it."
            )
        return ""


# An editor's search counts its matches up to this many: counting every article with a common
# word took a second at a million articles, for a pager nobody pages to the end of.
SEARCH_COUNT_LIMIT = 1000


class CountLimitedPaginator(WagtailPaginator):
    @cached_property
    def count(self) -> int:
        return self.object_list[:SEARCH_COUNT_LIMIT].count()


class ArticleIndexView(snippets.IndexView):
    """The article list. A search finds drafts and published articles alike (as Wagtail's
    does) but lists them in the list's own order, newest first, rather than ranked: editors
    look for the article they are working on, and ranking every match of a common word took
    two seconds at a million articles."""

    def get_base_queryset(self):
        # The list shows each article's rubric and edition: read with the articles, not per row.
        articles = super().get_base_queryset().select_related("rubric", "locale")
        return desks.articles_visible(self.request.user, articles)

    def order_queryset(self, queryset):
        # Drafts (no public time yet) first on every database: PostgreSQL puts NULL first in
        # a descending order, SQLite last.
        ordering = self.ordering if isinstance(self.ordering, list | tuple) else [self.ordering]
        return queryset.order_by(*[_nulls_first(field) for field in ordering if field])

    def search_queryset(self, queryset):
        if not self.is_searching:
            return queryset
        # Wagtail only sorts results by indexed fields: the list's order is put back after.
        results = get_search_backend().autocomplete(
            self.search_query, queryset.order_by(), order_by_relevance=False
        )
        return results.get_queryset().order_by(*queryset.query.order_by)

    def get_paginator(self, queryset, *args, **kwargs):
        if self.is_searching:
            return CountLimitedPaginator(queryset, *args, **kwargs)
        return super().get_paginator(queryset, *args, **kwargs)


def _nulls_first(field: str):
    if field == "-public_at":
        return F("public_at").desc(nulls_first=True)
    return field


class ArticleCreateView(PublishRulesMixin, snippets.CreateView):
    def save_instance(self):
        self.form.instance.owner = self.request.user
        return super().save_instance()


class ArticleEditView(PublishRulesMixin, snippets.EditView):
    pass


class ArticleCopyView(CopyViewMixin, ArticleCreateView):
    """A copy is a new draft of whoever copies (not of the original's owner)."""


class ArticleUnlockView(snippets.UnlockView):
    def user_has_permission(self, permission):
        # Wagtail asks for the model's unlock permission, which reporters lack.
        if permission == self.permission_required:
            return desks.can_unlock(self.request.user, self.object)
        return super().user_has_permission(permission)


class ArticleUnpublishView(snippets.UnpublishView):
    """Wagtail's Unpublish through the publishing path: a version partners get as withheld."""

    def unpublish(self):
        refusal = self.run_hook("before_unpublish", self.request, self.object)
        if refusal is not None:
            return refusal
        self.object.unpublish(user=self.request.user)  # Article.unpublish: the pipeline
        return self.run_hook("after_unpublish", self.request, self.object)


def access_checked(view_class):
    """`view_class` with ArticleAccessMixin first, unless it has it already."""
    if issubclass(view_class, ArticleAccessMixin):
        return view_class
    return type(f"Article{view_class.__name__}", (ArticleAccessMixin, view_class), {})


class VisibleArticlesMixin:
    def get_object_list(self):
        return desks.articles_visible(self.request.user, super().get_object_list())


class ArticleChosenView(chooser.SnippetChosenView):
    def get_object(self, pk):
        article = super().get_object(pk)
        if not desks.articles_visible(self.request.user, Article.objects.filter(pk=article.pk)):
            raise Http404
        return article


class ArticleChooserViewSet(chooser.SnippetChooserViewSet):
    """The article chooser offers what the article list shows."""

    choose_view_class = type("ChooseView", (VisibleArticlesMixin, chooser.ChooseView), {})
    choose_results_view_class = type(
        "ChooseResultsView", (VisibleArticlesMixin, chooser.ChooseResultsView), {}
    )
    chosen_view_class = ArticleChosenView


class SiteHistoryView(LogEntriesView):
    """Wagtail's site history report without the entries of articles the user may not see."""

    def filter_queryset(self, queryset):
        queryset = super().filter_queryset(queryset)
        if queryset.model is not ModelLogEntry or desks.is_chief(self.request.user):
            return queryset
        visible = desks.articles_visible(self.request.user, Article.objects.all())
        visible_ids = visible.annotate(key=Cast("pk", CharField())).values("key")
        return queryset.filter(
            ~Q(content_type=ContentType.objects.get_for_model(Article))
            | Q(object_id__in=visible_ids)
        )
