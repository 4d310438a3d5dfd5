"""The chief editor's kill and restore in the Wagtail admin: forms that call the pipeline."""

from django import forms
from django.contrib import messages
from django.shortcuts import get_object_or_404, redirect
from django.template.response import TemplateResponse
from django.urls import reverse

from dateline.newsroom import desks
from dateline.newsroom.admin_views import forbidden
from dateline.newsroom.models import Article

from .pipeline import PublishingError, article_kill, article_restore


class KillForm(forms.Form):
    reason = forms.CharField(
        widget=forms.Textarea(attrs={"rows": 3}),
        help_text="Kept with the story and sent to partners with the cancellation.",
    )
    confirm = forms.BooleanField(
        label="I understand: the story disappears from the site, feeds, search and the wire "
        "at once, and partners are told to withdraw it."
    )


class RestoreForm(forms.Form):
    note = forms.CharField(widget=forms.Textarea(attrs={"rows": 2}), required=False)
    confirm = forms.BooleanField(label="Restore this story to every channel.")


def _editorial_action(request, pk, *, form_class, action, title, done):
    if not desks.can_kill(request.user):
        return forbidden(request, "Only chief editors can kill or restore a story.")
    article = get_object_or_404(Article, pk=pk)
    form = form_class(request.POST or None)
    if request.method == "POST" and form.is_valid():
        try:
            action(article=article, user=request.user, **_action_kwargs(form))
        except PublishingError as error:
            form.add_error(None, str(error))
        else:
            messages.success(request, done.format(headline=article.headline))
            return redirect(reverse("wagtailsnippets_newsroom_article:edit", args=[pk]))
    return TemplateResponse(
        request,
        "newsroom/admin/editorial_action.html",
        {"article": article, "form": form, "title": title},
        status=400 if request.method == "POST" else 200,
    )


def _action_kwargs(form) -> dict:
    data = dict(form.cleaned_data)
    data.pop("confirm")
    return data


def kill_view(request, pk):
    return _editorial_action(
        request,
        pk,
        form_class=KillForm,
        action=article_kill,
        title="Kill story",
        done="“{headline}” was killed.",
    )


def restore_view(request, pk):
    return _editorial_action(
        request,
        pk,
        form_class=RestoreForm,
        action=article_restore,
        title="Restore killed story",
        done="“{headline}” was restored.",
    )
