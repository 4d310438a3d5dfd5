from django.db import models


class Generation(models.Model):
    """A counter per cache scope (an edition's language, or "site"); cached pages and page
    parts are keyed by it, so raising it retires everything cached in that scope at once.

    It lives in the database, not in the cache: the raise commits with the change that caused
    it (a reader can never see the new generation with the old story, or the reverse), it
    reaches every process (web workers, the task worker) and a Redis outage cannot lose it.
    """

    scope = models.CharField(max_length=16, primary_key=True)
    value = models.BigIntegerField(default=0)

    def __str__(self):
        return f"{self.scope}: {self.value}"
