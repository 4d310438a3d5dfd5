from wagtail.snippets.models import register_snippet
from wagtail.snippets.views.snippets import SnippetViewSet, SnippetViewSetGroup

from .models import GovernmentBody, GovernmentBodyCategory


class GovernmentBodyViewSet(SnippetViewSet):
    model = GovernmentBody
    icon = "site"
    list_display = ["name", "category", "locale", "phone"]
    list_filter = ["category"]
    search_fields = ["name"]


class GovernmentBodyCategoryViewSet(SnippetViewSet):
    model = GovernmentBodyCategory
    icon = "list-ul"
    list_display = ["name", "locale"]


class DirectoryGroup(SnippetViewSetGroup):
    menu_label = "Government bodies"
    menu_icon = "site"
    menu_order = 120
    items = (GovernmentBodyViewSet, GovernmentBodyCategoryViewSet)


register_snippet(DirectoryGroup)
