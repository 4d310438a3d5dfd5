from .articles import Article, ArticleTag, ArticleVersion, ChangeKind, Urgency, VersionKind
from .desks import Desk, DeskApprovalTask
from .editions import Edition
from .people import Author, Person
from .rubrics import Rubric

__all__ = [
    "Article",
    "ArticleTag",
    "ArticleVersion",
    "ChangeKind",
    "VersionKind",
    "Author",
    "Edition",
    "Person",
    "Desk",
    "DeskApprovalTask",
    "Rubric",
    "Urgency",
]
