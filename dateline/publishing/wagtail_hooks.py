"""The chief editor's kill and restore in the admin: their URLs, buttons and log actions."""

from django.urls import path, reverse
from wagtail import hooks
from wagtail.admin.widgets.button import Button

from dateline.newsroom import desks
from dateline.newsroom.models import Article

from . import admin_views


@hooks.register("register_admin_urls")
def editorial_action_urls():
    return [
        path("newsroom/articles/<int:pk>/kill/", admin_views.kill_view, name="article_kill"),
        path(
            "newsroom/articles/<int:pk>/restore/", admin_views.restore_view, name="article_restore"
        ),
    ]


@hooks.register("register_snippet_listing_buttons")
def kill_and_restore_buttons(snippet, user, next_url=None):
    if not isinstance(snippet, Article) or not desks.can_kill(user):
        return []
    if snippet.killed_at is not None:
        url = reverse("article_restore", args=[snippet.pk])
        return [Button("Restore", url, icon_name="undo", priority=90)]
    if snippet.live:
        url = reverse("article_kill", args=[snippet.pk])
        return [Button("Kill", url, icon_name="warning", priority=90)]
    return []


@hooks.register("register_log_actions")
def register_editorial_log_actions(actions):
    actions.register_action("dateline.kill", "Kill", "Killed (withdrawn everywhere)")
    actions.register_action("dateline.restore", "Restore", "Restored after a kill")
