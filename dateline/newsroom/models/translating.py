"""Wagtail's copy of an article for another edition, pointed at that edition's things."""


def translation_prepare(source, translated):
    """Point a fresh copy (Wagtail's copy_for_translation) at its own edition's things.

    The rubric becomes the target edition's rubric of the same slug; people and bylines
    their translations where they exist. The copy is a draft with no public history.
    """
    locale_id = translated.locale.pk
    Rubric = related_model(source, "rubric")  # noqa: N806
    rubrics = Rubric.objects.filter(locale_id=locale_id)
    rubric = (
        rubrics.filter(translation_key=source.rubric.translation_key).first()
        or rubrics.filter(slug=source.rubric.slug).first()
    )
    if rubric is None:
        raise Rubric.DoesNotExist(
            f"The target edition has no rubric like “{source.rubric.title}”: create it first."
        )
    translated.rubric = rubric
    translated.live = False
    translated.has_unpublished_changes = True
    for field in ("people", "authors", "projects"):
        keys = [obj.translation_key for obj in getattr(source, field).all()]
        getattr(translated, field).set(
            related_model(source, field).objects.filter(
                locale_id=locale_id, translation_key__in=keys
            )
        )
    return translated


def related_model(obj, field: str):
    # Through the field, not an import: the article's models import this module, and the
    # projects are the directory's pages (an app above the newsroom).
    return obj._meta.get_field(field).related_model
