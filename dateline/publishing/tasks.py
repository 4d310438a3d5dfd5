"""Background work of the publishing pipeline, run by django-tasks."""

from django_tasks import task

from dateline.newsroom.models import Article
from dateline.newsroom.selectors import public_filter
from dateline.pagecache.invalidation import article_invalidate, frontend_purge_enqueue
from dateline.pagecache.tasks import PRIORITY


@task(priority=PRIORITY)
def embargo_lift(article_id: int) -> str:
    """At an embargo's end the article joins the public pages: invalidate what they cached."""
    article = Article.objects.filter(public_filter(), pk=article_id).select_related(
        "rubric", "locale"
    )
    article = article.first()
    if article is None:
        return "not public (yet, or any more)"
    frontend_purge_enqueue(article_invalidate(article))
    return "purged"
