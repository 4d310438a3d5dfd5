from django.db import models


class Generation(models.Model):
    """A counter per cache scope (an edition's language, or "site"); cached pages and page
    parts are keyed by it, so raising it invalidates everything cached in that scope at once.

    It lives in the database, not in the cache: the raise commits with the change that caused
    it (a reader can never see the new generation with the old article, or the reverse), it
    reaches every process (web workers, the task worker) and a Redis outage cannot lose it.
    """

    scope = models.CharField(max_length=16, primary_key=True)
    value = models.BigIntegerField(default=0)

    class Meta:
        # Its table from when it lived in pagecache: the page layout and the article parts
        # (in public, below pagecache) are keyed by it too, so it moved down to the newsroom.
        db_table = "pagecache_generation"

    def __str__(self):
        return f"{self.scope}: {self.value}"
