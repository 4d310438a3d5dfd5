from django.apps import AppConfig
from django.db.models.signals import post_migrate


class NewsroomConfig(AppConfig):
    name = "dateline.newsroom"
    label = "newsroom"
    verbose_name = "Newsroom"

    def ready(self):
        post_migrate.connect(_roles_after_migrate, dispatch_uid="dateline_roles")


def _roles_after_migrate(sender, app_config=None, using="default", **kwargs):
    # Runs once per migrate, after the last app (permissions exist by then).
    from django.apps import apps

    last = [config for config in apps.get_app_configs() if config.models_module][-1]
    if app_config is None or app_config.label != last.label:
        return
    from .roles import roles_ensure  # models: not importable while apps.py itself loads

    roles_ensure()
