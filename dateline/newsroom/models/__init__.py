from .articles import Article, ArticleTag, ArticleVersion, ChangeKind, Urgency, VersionKind
from .desks import Desk, DeskApprovalTask
from .editions import Edition
from .generations import Generation
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
    "Generation",
    "Person",
    "Desk",
    "DeskApprovalTask",
    "Rubric",
    "Urgency",
]
