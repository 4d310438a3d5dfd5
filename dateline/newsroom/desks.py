"""Who may do what in the newsroom: roles (groups) and desks (rubrics per group)."""

from django.contrib.auth.models import Group
from django.db.models import Q, QuerySet

from .models import Article
from .models.desks import (  # noqa: F401 (the roles, here with the rest of who may do what)
    ADMINISTRATORS,
    CHIEF_EDITORS,
    DESK_EDITORS,
    PARTNER_MANAGERS,
    REPORTERS,
    desk_rubric_ids,
    is_chief,
    user_works_rubric,
)


def can_publish(user, *rubric_ids: int | None) -> bool:
    """Publishing needs the publish permission and, for a desk editor, the desk's rubrics."""
    if not user.has_perm("newsroom.publish_article"):
        return False
    return all(user_works_rubric(user, rubric_id) for rubric_id in rubric_ids)


def can_edit(user, article: Article) -> bool:
    """Reporters edit their own articles until published; editors those of their desks."""
    if is_chief(user):
        return True
    if user.has_perm("newsroom.publish_article"):
        return user_works_rubric(user, article.rubric_id)
    return article.owner_id == user.pk and not article.live


def can_unlock(user, article: Article) -> bool:
    """Editors with the unlock permission lift any lock they may edit under; a reporter lifts
    any lock on their own draft, so that nobody can shut them out of it."""
    if not can_edit(user, article):
        return False
    return user.has_perm("newsroom.unlock_article") or article.owner_id == user.pk


def articles_visible(user, articles: QuerySet[Article]) -> QuerySet[Article]:
    """The articles `user` may find in the admin: those they may edit, and published ones.

    A reporter never sees another's draft, a desk editor never another desk's (lists,
    search, chooser, site history); every article view answers by `can_edit` itself.
    """
    if is_chief(user):
        return articles
    published = Q(live=True, killed_at__isnull=True)
    if user.has_perm("newsroom.publish_article"):
        return articles.filter(published | Q(rubric_id__in=desk_rubric_ids(user)))
    return articles.filter(published | Q(owner_id=user.pk))


def can_kill(user) -> bool:
    return user.has_perm("newsroom.kill_article")


def groups_of_roles() -> dict[str, Group]:
    return {group.name: group for group in Group.objects.filter(name__in=ROLE_NAMES)}


ROLE_NAMES = [REPORTERS, DESK_EDITORS, CHIEF_EDITORS, PARTNER_MANAGERS, ADMINISTRATORS]
