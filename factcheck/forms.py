"""Workbench forms: every check on what a reviewer types lives here, with messages that say what to do.

Forms only validate and normalise; the change itself is made by `factcheck.workflow` or
`factcheck.ingest`. Public and API filters live with their own views.
"""

from __future__ import annotations

from pathlib import Path

from django import forms
from django.contrib.auth import get_user_model
from django.db.models import Q

from factcheck.extraction import ClaimKind
from factcheck.fetch import text_from_html
from factcheck.ingest import MAX_ARTICLE_CHARS, ArticleInput, ImportRefused, clean_text, decode_text
from factcheck.models import Article, Claim, ClaimStatus, DismissalReason, Rating, Source

MAX_UPLOAD_BYTES = 5 * 1024 * 1024
UPLOAD_SUFFIXES = {".txt", ".md", ".markdown", ".html", ".htm"}
KIND_CHOICES = [(k.value, k.label) for k in ClaimKind]


def reviewers():
    """People who can be assigned claims: members of a role with the review permission, or superusers."""
    perm = Q(groups__permissions__codename="change_claim", groups__permissions__content_type__app_label="factcheck")
    direct = Q(user_permissions__codename="change_claim", user_permissions__content_type__app_label="factcheck")
    return get_user_model().objects.filter(perm | direct | Q(is_superuser=True), is_active=True).distinct().order_by("username")


class VersionedForm(forms.Form):
    """Every change to a claim carries the version the person saw, so stale writes are refused."""

    version = forms.IntegerField(widget=forms.HiddenInput, min_value=1, error_messages={
        "required": "The form is missing the claim's version: reload the page and try again.",
        "invalid": "The form's claim version is damaged: reload the page and try again.",
    })


class ClaimEditForm(VersionedForm):
    claim_as_checked = forms.CharField(
        label="Claim as checked", required=False, max_length=2000,
        widget=forms.Textarea(attrs={"rows": 2}),
        help_text="A self-contained sentence a reader understands without the article.",
    )
    kind = forms.ChoiceField(choices=KIND_CHOICES)
    claimant = forms.CharField(required=False, max_length=200, help_text="The outlet, or the person quoted.")

    def clean_claim_as_checked(self) -> str:
        return " ".join(self.cleaned_data["claim_as_checked"].split())

    def clean_claimant(self) -> str:
        return " ".join(self.cleaned_data["claimant"].split())


class VerdictForm(VersionedForm):
    rating = forms.ModelChoiceField(
        queryset=Rating.objects.filter(is_active=True), required=False, empty_label="— not rated yet —",
        error_messages={"invalid_choice": "That rating is no longer offered: choose one from the list."},
    )
    explanation = forms.CharField(
        required=False, max_length=20000, widget=forms.Textarea(attrs={"rows": 8}),
        help_text="Public. Markdown: **bold**, *italic*, [links](https://…), lists.",
    )

    def clean_explanation(self) -> str:
        return self.cleaned_data["explanation"].replace("\r\n", "\n").strip()


class AttachSourceForm(VersionedForm):
    source = forms.ModelChoiceField(
        queryset=Source.objects.all(), widget=forms.HiddenInput,
        error_messages={"required": "Choose a source from the search results.",
                        "invalid_choice": "That source no longer exists: search again."},
    )
    note = forms.CharField(required=False, max_length=2000, label="What it shows",
                           widget=forms.TextInput(attrs={"placeholder": "What this source shows for the claim"}))


class NewSourceForm(VersionedForm, forms.ModelForm):
    note = forms.CharField(required=False, max_length=2000, label="What it shows for this claim")

    class Meta:
        model = Source
        fields = ["url", "title", "publisher", "kind", "published_on", "accessed_on", "archive_url", "excerpt"]
        widgets = {
            "published_on": forms.DateInput(attrs={"type": "date"}),
            "accessed_on": forms.DateInput(attrs={"type": "date"}),
            "excerpt": forms.Textarea(attrs={"rows": 3}),
        }
        error_messages = {"url": {"required": "Give the source's web address."},
                          "title": {"required": "Give the source a title."}}

    def clean(self) -> dict:
        data = super().clean()
        published, accessed = data.get("published_on"), data.get("accessed_on")
        if published and accessed and accessed < published:
            self.add_error("accessed_on", "The access date cannot be before the publication date.")
        return data


class NoteForm(forms.Form):
    body = forms.CharField(label="Note", max_length=10000, widget=forms.Textarea(attrs={"rows": 2}),
                           error_messages={"required": "Write something in the note before saving it."})

    def clean_body(self) -> str:
        body = self.cleaned_data["body"].strip()
        if not body:
            raise forms.ValidationError("Write something in the note before saving it.")
        return body


class AssignForm(VersionedForm):
    assignee = forms.ModelChoiceField(
        queryset=None, required=False, empty_label="— nobody —",
        error_messages={"invalid_choice": "Choose someone who can review claims."},
    )

    def __init__(self, *args, **kwargs) -> None:
        super().__init__(*args, **kwargs)
        self.fields["assignee"].queryset = reviewers()


class ReasonForm(VersionedForm):
    """Unpublish and correct: the reason goes into the public corrections log."""

    reason = forms.CharField(max_length=2000, widget=forms.Textarea(attrs={"rows": 2}),
                             error_messages={"required": "Say why: the reason is public in the corrections log."})

    def clean_reason(self) -> str:
        reason = self.cleaned_data["reason"].strip()
        if not reason:
            raise forms.ValidationError("Say why: the reason is public in the corrections log.")
        return reason


class DismissForm(VersionedForm):
    reason = forms.ChoiceField(choices=[("", "— why? —"), *DismissalReason.choices],
                               error_messages={"required": "Choose why the claim is dismissed."})


class MergeForm(VersionedForm):
    other = forms.ModelChoiceField(
        queryset=Claim.objects.none(), label="Merge with", empty_label="— choose a claim —",
        error_messages={"required": "Choose the claim to merge into this one.",
                        "invalid_choice": "Choose another claim from this article."},
    )
    other_version = forms.IntegerField(required=False, widget=forms.HiddenInput)

    def __init__(self, *args, claim: Claim, candidates=None, **kwargs) -> None:
        super().__init__(*args, **kwargs)
        self.claim = claim
        queryset = Claim.objects.filter(article_id=claim.article_id).exclude(pk=claim.pk).exclude(
            status__in=[ClaimStatus.DISMISSED, ClaimStatus.PUBLISHED]
        ).order_by("start")
        self.fields["other"].queryset = queryset
        if candidates is not None:
            self.fields["other"].choices = [("", "— choose a claim —")] + [
                (c.pk, f"#{c.pk}: {c.quote[:70]}") for c in candidates
            ]


class SplitForm(VersionedForm):
    second_part = forms.CharField(
        label="Second claim starts with", max_length=500,
        help_text="Copy the first words of the second claim from the quote.",
        error_messages={"required": "Type the words where the second claim starts."},
    )

    def __init__(self, *args, claim: Claim, **kwargs) -> None:
        super().__init__(*args, **kwargs)
        self.claim = claim

    def clean(self) -> dict:
        data = super().clean()
        words = (data.get("second_part") or "").strip()
        if not words:
            return data
        position = self.claim.quote.find(words, 1)
        if position < 0:
            self.add_error("second_part", "Those words are not in the claim's quote (after its first letter): copy them exactly.")
        else:
            data["at"] = self.claim.start + position
        return data


class SelectionForm(forms.Form):
    """A passage of the article to make a claim: offsets from the selection, or just the words typed."""

    quote = forms.CharField(label="Words from the article", max_length=5000, strip=False,
                            error_messages={"required": "Select or type the words of the article that make the claim."})
    start = forms.IntegerField(required=False, min_value=0, widget=forms.HiddenInput)
    end = forms.IntegerField(required=False, min_value=0, widget=forms.HiddenInput)
    kind = forms.ChoiceField(choices=KIND_CHOICES, initial=ClaimKind.OTHER.value)

    def __init__(self, *args, article: Article, **kwargs) -> None:
        super().__init__(*args, **kwargs)
        self.article = article

    def clean(self) -> dict:
        data = super().clean()
        quote, start, end = data.get("quote"), data.get("start"), data.get("end")
        if not quote or not quote.strip():
            return data
        body = self.article.body
        if start is not None and end is not None:
            if end > len(body) or start >= end or body[start:end] != quote:
                raise forms.ValidationError(
                    "The selected text does not match the article at that position: reload the page and select it again."
                )
            return data
        quote = quote.strip()
        count = body.count(quote)
        if count == 0:
            self.add_error("quote", "These words are not in the article: copy them exactly from the text.")
        elif count > 1:
            self.add_error("quote", f"These words appear {count} times in the article: add a few words around them.")
        else:
            data["quote"], data["start"] = quote, body.index(quote)
            data["end"] = data["start"] + len(quote)
        return data


ARTICLE_MENU_SIZE = 100


class QueueFilterForm(forms.Form):
    q = forms.CharField(required=False, label="Search", max_length=200,
                        widget=forms.TextInput(attrs={"type": "search", "placeholder": "Words in the claim or article"}))
    status = forms.ChoiceField(required=False, choices=[("", "Any status"), *ClaimStatus.choices])
    kind = forms.ChoiceField(required=False, choices=[("", "Any kind"), *KIND_CHOICES])
    rating = forms.ModelChoiceField(queryset=Rating.objects.all(), required=False, empty_label="Any rating",
                                    to_field_name="slug")
    article = forms.ModelChoiceField(queryset=Article.objects.only("pk", "title").order_by("-imported_at"),
                                     required=False, empty_label="Any article")
    assignee = forms.ChoiceField(required=False)

    def __init__(self, *args, user, **kwargs) -> None:
        super().__init__(*args, **kwargs)
        self.user = user
        people = [(str(u.pk), u.get_username()) for u in reviewers()]
        self.fields["assignee"].choices = [("", "Anyone"), ("me", "Me"), ("none", "Nobody"), *people]
        self.fields["article"].widget.choices = self.article_choices()

    def article_choices(self) -> list[tuple[str, str]]:
        """Only the newest articles in the menu (any article still filters, e.g. from its page's link)."""
        recent = list(self.fields["article"].queryset.values_list("pk", "title")[:ARTICLE_MENU_SIZE])
        selected = str(self.data.get("article", "")) if self.is_bound else ""
        if selected.isdigit() and all(str(pk) != selected for pk, _ in recent):
            recent += list(Article.objects.filter(pk=int(selected)).values_list("pk", "title"))
        return [("", "Any article"), *((str(pk), title) for pk, title in recent)]

    def filter(self, claims):
        data = self.cleaned_data
        if data.get("q"):
            for word in data["q"].split()[:8]:
                claims = claims.filter(
                    Q(quote__icontains=word) | Q(claim_as_checked__icontains=word) | Q(article__title__icontains=word)
                )
        if data.get("status"):
            claims = claims.filter(status=data["status"])
        if data.get("kind"):
            claims = claims.filter(kind=data["kind"])
        if data.get("rating"):
            claims = claims.filter(verdicts__is_current=True, verdicts__rating=data["rating"])
        if data.get("article"):
            claims = claims.filter(article=data["article"])
        assignee = data.get("assignee")
        if assignee == "none":
            claims = claims.filter(assignee__isnull=True)
        elif assignee == "me":
            claims = claims.filter(assignee=self.user)
        elif assignee:
            claims = claims.filter(assignee_id=int(assignee))
        return claims

    @property
    def is_filtered(self) -> bool:
        return self.is_bound and self.is_valid() and any(self.cleaned_data.get(name) for name in self.fields)


# --- Importing articles -------------------------------------------------------------------------

class ArticleMetaForm(forms.Form):
    title = forms.CharField(max_length=300, error_messages={"required": "Give the article a title."})
    outlet = forms.CharField(label="Outlet / publisher", max_length=200, required=False)
    author = forms.CharField(max_length=200, required=False)
    url = forms.URLField(label="Original URL", max_length=1000, required=False, assume_scheme="https")
    published_on = forms.DateField(label="Publication date", required=False,
                                   widget=forms.DateInput(attrs={"type": "date"}),
                                   error_messages={"invalid": "Enter the date as YYYY-MM-DD."})
    language = forms.CharField(max_length=12, initial="en", required=False)

    def clean_url(self) -> str:
        from factcheck.validators import validate_web_url

        url = self.cleaned_data["url"]
        validate_web_url(url)
        return url

    def article_input(self, body: str, title: str = "", url: str = "") -> ArticleInput:
        data = self.cleaned_data
        return ArticleInput(
            title=data.get("title") or title, body=body, outlet=data.get("outlet", ""), author=data.get("author", ""),
            url=url or data.get("url", ""), published_on=data.get("published_on"), language=data.get("language") or "en",
        )


def _check_text(text: str) -> str:
    text = clean_text(text).strip()
    if not text:
        raise forms.ValidationError("The article text is empty: paste the article's text.")
    if len(text) > MAX_ARTICLE_CHARS:
        raise forms.ValidationError(
            f"The text is {len(text):,} characters long; the limit is {MAX_ARTICLE_CHARS:,}. Split it into parts."
        )
    return text


class PasteArticleForm(ArticleMetaForm):
    body = forms.CharField(label="Article text", widget=forms.Textarea(attrs={"rows": 14}), strip=False,
                           error_messages={"required": "Paste the article's text."})

    def clean_body(self) -> str:
        return _check_text(self.cleaned_data["body"])


def _first_line_title(text: str) -> str:
    """A short first line followed by a blank line (or a Markdown heading) reads as the title."""
    lines = text.lstrip().split("\n", 2)
    first = lines[0].strip()
    heading = first.startswith("#")
    followed_by_blank = len(lines) > 1 and not lines[1].strip()
    if first and len(first) <= 200 and (heading or followed_by_blank):
        return first.lstrip("#").strip()
    return ""


class UploadArticleForm(ArticleMetaForm):
    file = forms.FileField(label="File (.txt, .md or .html)",
                           error_messages={"required": "Choose a .txt, .md or .html file to upload.",
                                           "empty": "The file is empty: choose the file with the article's text."})

    def __init__(self, *args, **kwargs) -> None:
        super().__init__(*args, **kwargs)
        self.fields["title"].required = False
        self.fields["title"].help_text = "Leave empty to use the title found in the file."

    def clean_file(self):
        upload = self.cleaned_data["file"]
        suffix = Path(upload.name).suffix.lower()
        if suffix not in UPLOAD_SUFFIXES:
            raise forms.ValidationError("Upload a .txt, .md or .html file; for PDFs or Word files, copy the text and paste it.")
        if upload.size > MAX_UPLOAD_BYTES:
            raise forms.ValidationError(f"The file is larger than {MAX_UPLOAD_BYTES // (1024 * 1024)} MB: paste the article's text instead.")
        try:
            content, bad_bytes = decode_text(upload.read())
        except ImportRefused as refused:
            raise forms.ValidationError(refused.message) from None
        if bad_bytes:
            raise forms.ValidationError("The file is not UTF-8 text: save it as UTF-8 (or paste its text) and try again.")
        if suffix in {".html", ".htm"}:
            title, text = text_from_html(content)
        else:
            title, text = _first_line_title(content), content
        self.found_title = title or Path(upload.name).stem.replace("_", " ").replace("-", " ").strip()
        self.text = _check_text(text)
        return upload

    def clean(self) -> dict:
        data = super().clean()
        if not data.get("title") and hasattr(self, "found_title"):
            data["title"] = self.found_title
        return data


class FetchArticleForm(ArticleMetaForm):
    source_url = forms.URLField(label="Article URL", max_length=1000, assume_scheme="https",
                                error_messages={"required": "Give the web address of the article.",
                                                "invalid": "Enter a full web address, like https://example.org/article."})

    def __init__(self, *args, **kwargs) -> None:
        super().__init__(*args, **kwargs)
        self.fields["title"].required = False
        self.fields["title"].help_text = "Leave empty to use the page's title."
        del self.fields["url"]

    def clean_source_url(self) -> str:
        from factcheck.validators import validate_web_url

        url = self.cleaned_data["source_url"]
        validate_web_url(url)
        return url
