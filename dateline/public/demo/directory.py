"""Projects, services and the directory of government bodies of one edition."""

from wagtail.models import Page

from dateline.directory.models import (
    GovernmentBody,
    GovernmentBodyCategory,
    ProjectPage,
    ServicePage,
)

from ..structure import child_page_ensure
from . import data
from .indexes import indexes_update


def projects_ensure(index: Page, language: str, photos: list) -> dict[str, ProjectPage]:
    projects = {}
    for number, row in enumerate(data.directory()["projects"]):
        projects[row["slug"]] = child_page_ensure(
            index,
            ProjectPage,
            slug=row["slug"],
            title=row["title"][language],
            summary=row["summary"][language],
            body=row["body"][language],
            image=photos[number * 7 % len(photos)],
            translation_key=data.translation_key(f"project:{row['slug']}"),
        )
    return projects


def project_rubrics() -> dict[str, list[str]]:
    """Which rubrics' articles each project collects."""
    return {row["slug"]: row["rubrics"] for row in data.directory()["projects"]}


def services_ensure(index: Page, language: str) -> None:
    for row in data.directory()["services"]:
        child_page_ensure(
            index,
            ServicePage,
            slug=row["slug"],
            title=row["title"][language],
            summary=row["summary"][language],
            body=row["body"][language],
            translation_key=data.translation_key(f"service:{row['slug']}"),
        )


def government_bodies_ensure(locale_id: int, language: str) -> None:
    if GovernmentBodyCategory.objects.filter(locale_id=locale_id).exists():
        return
    directory = data.directory()
    categories = {}
    for order, row in enumerate(directory["categories"]):
        categories[row["key"]] = GovernmentBodyCategory.objects.create(
            locale_id=locale_id,
            translation_key=data.translation_key(f"government-body-category:{row['key']}"),
            name=row["name"][language],
            sort_order=order,
        )
    bodies = GovernmentBody.objects.bulk_create(
        GovernmentBody(
            locale_id=locale_id,
            translation_key=data.translation_key(f"government-body:{row['key']}"),
            category=categories[row["category"]],
            name=row["name"][language],
            website=f"https://{row['key']}.example.org/",
            address=_address(row, language),
            phone=row["phone"],
        )
        for row in directory["bodies"]
    )
    indexes_update(GovernmentBody, bodies)


def _address(row: dict, language: str) -> str:
    directory = data.directory()
    return directory["address"][language].format(
        number=row["number"],
        street=directory["streets"][row["street"]][language],
        city=data.places()["cities"][row["city"]][language]["nom"],
    )
