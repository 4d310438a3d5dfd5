from wagtail import hooks
from wagtail.admin.filters import WagtailFilterSet
from wagtail.snippets.models import register_snippet
from wagtail.snippets.views.snippets import SnippetViewSet, SnippetViewSetGroup

from .models import Article, Author, Edition, Person


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
    list_display = ["headline", "rubric", "locale", "urgency", "first_published_at"]
    list_export = ["headline", "rubric", "locale", "urgency", "first_published_at", "live"]
    filterset_class = ArticleFilterSet
    # No search_fields: the search backend looks through every indexed field (restricting
    # fields trips SQLite FTS5 with "no such column").
    ordering = ["-first_published_at", "-id"]
    list_per_page = 50


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


class NewsroomGroup(SnippetViewSetGroup):
    menu_label = "Newsroom"
    menu_icon = "folder-open-inverse"
    menu_order = 110
    items = (EditionViewSet, PersonViewSet, AuthorViewSet)


register_snippet(ArticleViewSet)
register_snippet(NewsroomGroup)


@hooks.register("register_log_actions")
def register_editorial_log_actions(actions):
    actions.register_action("dateline.kill", "Kill", "Killed (withdrawn everywhere)")
    actions.register_action("dateline.restore", "Restore", "Restored after a kill")
