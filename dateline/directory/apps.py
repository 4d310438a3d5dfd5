from django.apps import AppConfig


class DirectoryConfig(AppConfig):
    name = "dateline.directory"
    label = "directory"
    verbose_name = "Directory: government bodies, projects, services"
