"""The desk's dashboard on the admin home: what waits for release, what went out."""

from django.utils import timezone
from wagtail.admin.ui.components import Component

from . import desks
from .models import Article


class DeskDashboardPanel(Component):
    name = "desk_dashboard"
    template_name = "newsroom/admin/desk_dashboard.html"
    order = 150

    def get_context_data(self, parent_context):
        now = timezone.now()
        user = parent_context["request"].user
        # Scheduled articles are drafts until they go live: only those the user may see.
        articles = desks.articles_visible(user, Article.objects.select_related("rubric", "locale"))
        return {
            "scheduled": articles.filter(
                live=False, latest_revision__approved_go_live_at__isnull=False
            ).order_by("latest_revision__approved_go_live_at")[:20],
            "embargoed": articles.filter(
                live=True, killed_at__isnull=True, public_at__gt=now
            ).order_by("public_at")[:20],
            "latest": articles.filter(
                live=True, killed_at__isnull=True, public_at__lte=now
            ).order_by("-public_at")[:10],
        }
