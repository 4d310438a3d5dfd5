"""Who may do what in the newsroom: roles (groups) and desks (rubrics per group)."""

from django.contrib.auth.models import Group
from django.db.models import Q, QuerySet

from .models import Article

CHIEF_EDITORS = "Chief editors"
DESK_EDITORS = "Desk editors"
REPORTERS = "Reporters"
PARTNER_MANAGERS = "Partner managers"
ADMINISTRATORS = "Administrators"


def _in_group(user, name: str) -> bool:
    cache = getattr(user, "_dateline_groups", None)
    if cache is None:
        cache = set(user.groups.values_list("name", flat=True))
        user._dateline_groups = cache
    return name in cache


def is_chief(user) -> bool:
    return user.is_superuser or _in_group(user, CHIEF_EDITORS) or _in_group(user, ADMINISTRATORS)


def desk_rubric_ids(user) -> set[int]:
    """The rubrics of every desk the user works on."""
    cache = getattr(user, "_dateline_desk_rubrics", None)
    if cache is None:
        from .models import Desk

        cache = set(
            Desk.objects.filter(group__in=user.groups.all()).values_list("rubrics", flat=True)
        )
        cache.discard(None)
        user._dateline_desk_rubrics = cache
    return cache


def user_works_rubric(user, rubric_id: int | None) -> bool:
    return is_chief(user) or (rubric_id is not None and rubric_id in desk_rubric_ids(user))


def can_publish(user, *rubric_ids: int | None) -> bool:
    """Publishing needs the publish permission and, for a desk editor, the desk's rubrics."""
    if not user.has_perm("newsroom.publish_article"):
        return False
    return all(user_works_rubric(user, rubric_id) for rubric_id in rubric_ids)


def can_edit(user, article: Article) -> bool:
    """Reporters edit their own stories until published; editors those of their desks."""
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
    """The stories `user` may find in the admin: those they may edit, and published ones.

    A reporter never sees another's draft, a desk editor never another desk's (lists,
    search, chooser, site history); every story view answers by `can_edit` itself.
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
