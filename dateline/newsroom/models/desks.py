from django.db import models
from wagtail.admin.panels import FieldPanel
from wagtail.models import AbstractGroupApprovalTask

# The roles, and who works which rubric: here beside Desk, which the desk's approval task
# asks; dateline.newsroom.desks holds the rest of who may do what.
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
        cache = set(
            Desk.objects.filter(group__in=user.groups.all()).values_list("rubrics", flat=True)
        )
        cache.discard(None)
        user._dateline_desk_rubrics = cache
    return cache


def user_works_rubric(user, rubric_id: int | None) -> bool:
    return is_chief(user) or (rubric_id is not None and rubric_id in desk_rubric_ids(user))


class Desk(models.Model):
    """A desk of the newsroom: the group of editors who look after some rubrics of an edition.

    A desk editor edits, approves and publishes only in the rubrics of the desks whose group
    they are in; chief editors work everywhere.
    """

    name = models.CharField(max_length=100)
    edition = models.ForeignKey("newsroom.Edition", on_delete=models.CASCADE, related_name="desks")
    group = models.ForeignKey(
        "auth.Group",
        on_delete=models.PROTECT,
        related_name="desks",
        help_text="Members of this group work this desk.",
    )
    rubrics = models.ManyToManyField("newsroom.Rubric", related_name="desks")

    panels = [FieldPanel("name"), FieldPanel("edition"), FieldPanel("group"), FieldPanel("rubrics")]

    class Meta:
        ordering = ["edition", "name"]
        constraints = [
            models.UniqueConstraint(fields=["edition", "name"], name="unique_desk_name_per_edition")
        ]

    def __str__(self) -> str:
        return f"{self.name} ({self.edition})"


class DeskApprovalTask(AbstractGroupApprovalTask):
    """Review by the desk: members of the chosen groups approve, each only in their rubrics."""

    def _covers(self, obj, user) -> bool:
        rubric_id = getattr(obj, "rubric_id", None)
        return user.is_superuser or (
            self._user_in_groups(user) and user_works_rubric(user, rubric_id)
        )

    def user_can_access_editor(self, obj, user):
        return self._covers(obj, user)

    def locked_for_user(self, obj, user):
        return not self._covers(obj, user)

    def get_actions(self, obj, user):
        return super().get_actions(obj, user) if self._covers(obj, user) else []

    @classmethod
    def get_description(cls):
        return "Editors of the desk that covers the story's rubric approve it"

    class Meta:
        verbose_name = "desk approval task"
