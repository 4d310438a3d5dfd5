from django.db import models
from wagtail.admin.panels import FieldPanel
from wagtail.models import AbstractGroupApprovalTask


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
        from ..desks import user_works_rubric

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
