"""The newsroom's roles as groups with permissions, and the desk review workflow.

`roles_ensure` runs after every migrate (see apps.py), so a fresh database has the roles and
a changed list of permissions reaches existing databases. It only adds: permissions an
administrator grants by hand stay.
"""

from django.contrib.auth.models import Group, Permission
from django.contrib.contenttypes.models import ContentType
from django.db import transaction
from wagtail.models import (
    Collection,
    GroupCollectionPermission,
    Workflow,
    WorkflowContentType,
    WorkflowTask,
)

from .desks import (
    ADMINISTRATORS,
    CHIEF_EDITORS,
    DESK_EDITORS,
    PARTNER_MANAGERS,
    REPORTERS,
)
from .models import Article, DeskApprovalTask

WORKFLOW_NAME = "Desk review"

REPORTER_PERMISSIONS = [
    "wagtailadmin.access_admin",
    "newsroom.add_article",
    "newsroom.change_article",
    "newsroom.lock_article",
    "newsroom.view_person",
    "newsroom.view_author",
]
DESK_EDITOR_PERMISSIONS = [
    *REPORTER_PERMISSIONS,
    "newsroom.publish_article",
    "newsroom.unlock_article",
    "newsroom.add_person",
    "newsroom.change_person",
    "newsroom.add_author",
    "newsroom.change_author",
    "simple_translation.submit_translation",
]
CHIEF_EDITOR_PERMISSIONS = [
    *DESK_EDITOR_PERMISSIONS,
    "newsroom.kill_article",
    "newsroom.delete_article",
    "newsroom.view_desk",
]
PARTNER_MANAGER_PERMISSIONS = ["wagtailadmin.access_admin", "wire.*"]
# Images: everyone who writes may upload and choose photos.
IMAGE_PERMISSIONS = ["add_image", "choose_image", "change_image"]


def _permissions(names: list[str]) -> list[Permission]:
    found = []
    for name in names:
        app_label, codename = name.split(".")
        permissions = Permission.objects.filter(content_type__app_label=app_label)
        if codename != "*":
            permissions = permissions.filter(codename=codename)
        found.extend(permissions)
    return found


@transaction.atomic
def roles_ensure() -> dict[str, Group]:
    spec = {
        REPORTERS: REPORTER_PERMISSIONS,
        DESK_EDITORS: DESK_EDITOR_PERMISSIONS,
        CHIEF_EDITORS: CHIEF_EDITOR_PERMISSIONS,
        PARTNER_MANAGERS: PARTNER_MANAGER_PERMISSIONS,
    }
    groups = {}
    for name, permissions in spec.items():
        group, _ = Group.objects.get_or_create(name=name)
        group.permissions.add(*_permissions(permissions))
        groups[name] = group
    administrators, _ = Group.objects.get_or_create(name=ADMINISTRATORS)
    administrators.permissions.add(*Permission.objects.all())
    groups[ADMINISTRATORS] = administrators
    _image_permissions_ensure([groups[REPORTERS], groups[DESK_EDITORS], groups[CHIEF_EDITORS]])
    _workflow_ensure(approvers=[groups[DESK_EDITORS], groups[CHIEF_EDITORS]])
    return groups


def _image_permissions_ensure(groups: list[Group]) -> None:
    root = Collection.get_first_root_node()
    if root is None:
        return
    for group in groups:
        for permission in _permissions([f"wagtailimages.{name}" for name in IMAGE_PERMISSIONS]):
            GroupCollectionPermission.objects.get_or_create(
                group=group, collection=root, permission=permission
            )


def _workflow_ensure(*, approvers: list[Group]) -> None:
    """Articles go through the desk's review: submit → desk editor approves (and publishes)."""
    workflow, _ = Workflow.objects.get_or_create(name=WORKFLOW_NAME)
    if not WorkflowTask.objects.filter(workflow=workflow).exists():
        task, _ = DeskApprovalTask.objects.get_or_create(name="Desk editor approval")
        task.groups.set(approvers)
        WorkflowTask.objects.create(workflow=workflow, task=task, sort_order=0)
    content_type = ContentType.objects.get_for_model(Article)
    WorkflowContentType.objects.get_or_create(
        content_type=content_type, defaults={"workflow": workflow}
    )
