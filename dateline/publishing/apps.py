from django.apps import AppConfig


class PublishingConfig(AppConfig):
    """The top layer: what a publish sets off in every other app (docs/architecture.md)."""

    name = "dateline.publishing"
    label = "publishing"
    verbose_name = "Publishing"

    def ready(self):
        # Connects the receivers listed in docs/architecture.md: the one entry from Wagtail's
        # publish/unpublish into the pipeline, and invalidation on saves of other models.
        from . import receivers  # noqa: F401
