from wagtail import hooks
from wagtail.admin.filters import WagtailFilterSet
from wagtail.admin.panels import FieldPanel, FieldRowPanel, MultiFieldPanel, PublishingPanel
from wagtail.snippets.models import register_snippet
from wagtail.snippets.views.snippets import SnippetViewSet, SnippetViewSetGroup

from . import admin_views
from .dashboard import DeskDashboardPanel
from .models import Article, Author, Desk, Edition, Person
from .panels import TranslationsPanel


class ArticleFilterSet(WagtailFilterSet):
    class Meta:
        model = Article
        fields = ["rubric", "live", "urgency", "authors"]


class ArticleViewSet(SnippetViewSet):
    model = Article
    icon = "doc-full"
    menu_label = "Articles"
    menu_order = 100
    add_to_admin_menu = True
    list_display = ["headline", "rubric", "locale", "urgency", "public_at", "embargo_until"]
    list_export = ["headline", "rubric", "locale", "urgency", "first_published_at", "live"]
    filterset_class = ArticleFilterSet
    # No search_fields: the search backend looks through every indexed field (restricting
    # fields trips SQLite FTS5 with "no such column").
    ordering = ["-public_at", "-id"]
    list_per_page = 50
    index_view_class = admin_views.ArticleIndexView
    add_view_class = admin_views.ArticleCreateView
    edit_view_class = admin_views.ArticleEditView
    copy_view_class = admin_views.ArticleCopyView
    unlock_view_class = admin_views.ArticleUnlockView
    unpublish_view_class = admin_views.ArticleUnpublishView
    chooser_viewset_class = admin_views.ArticleChooserViewSet

    panels = [
        FieldPanel("headline"),
        FieldPanel("lead"),
        FieldRowPanel([FieldPanel("rubric"), FieldPanel("urgency"), FieldPanel("dateline_city")]),
        MultiFieldPanel(
            [
                FieldPanel("lead_image"),
                FieldPanel("lead_image_caption"),
                FieldPanel("lead_image_credit"),
            ],
            heading="Lead photo",
        ),
        FieldPanel("body"),
        FieldPanel("authors"),
        FieldPanel("people"),
        FieldPanel("tags"),
        FieldPanel("projects"),
        FieldPanel("slug"),
        MultiFieldPanel(
            [FieldPanel("embargo_until"), FieldPanel("change_kind"), FieldPanel("change_note")],
            heading="Release",
        ),
        PublishingPanel(),
        TranslationsPanel(heading="Other editions"),
    ]

    def construct_view(self, view_class, **kwargs):
        # Every view of one article (edit, history, revisions, preview, lock, workflow…), those
        # Wagtail adds later included, first checks that the user may edit that article.
        return super().construct_view(admin_views.access_checked(view_class), **kwargs)

    @property
    def permission_policy(self):
        return admin_views.ArticlePermissionPolicy(self.model)


class EditionViewSet(SnippetViewSet):
    model = Edition
    icon = "globe"
    list_display = ["name", "locale", "agency_short_name", "home_city", "timezone"]


class PersonViewSet(SnippetViewSet):
    model = Person
    icon = "user"
    list_display = ["name", "position", "locale"]


class AuthorViewSet(SnippetViewSet):
    model = Author
    icon = "edit"
    list_display = ["name", "locale", "user"]


class DeskViewSet(SnippetViewSet):
    model = Desk
    icon = "group"
    list_display = ["name", "edition", "group"]


class NewsroomGroup(SnippetViewSetGroup):
    menu_label = "Newsroom"
    menu_icon = "folder-open-inverse"
    menu_order = 110
    items = (EditionViewSet, DeskViewSet, PersonViewSet, AuthorViewSet)


register_snippet(ArticleViewSet)
register_snippet(NewsroomGroup)


@hooks.register("construct_homepage_panels")
def desk_dashboard(request, panels):
    if request.user.has_perm("newsroom.change_article"):
        panels.append(DeskDashboardPanel())
