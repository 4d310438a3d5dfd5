from django.apps import AppConfig


class PublicConfig(AppConfig):
    name = "dateline.public"
    label = "public"
    verbose_name = "Public site"
