import uuid

from django import forms
from django.utils.translation import gettext_lazy as _

from forum.models import MAX_POST_LENGTH, Topic
from forum.search import clean_query

CONTENT_NOTE_SUGGESTIONS = [
    _("self-harm"),
    _("suicidal thoughts"),
    _("loss"),
    _("abuse"),
    _("eating"),
    _("alcohol or drugs"),
    _("hospital"),
]


def new_token() -> str:
    return uuid.uuid4().hex


class PostForm(forms.Form):
    body = forms.CharField(
        label=_("Your text"),
        widget=forms.Textarea(attrs={"rows": 8}),
        max_length=MAX_POST_LENGTH,
        help_text=_("Paragraphs, lists (- item), **bold**, *italic*, > quotes and links. No pictures."),
        error_messages={
            "required": _("Please write something first."),
            "max_length": _("This is too long: at most %(limit_value)s characters (you wrote %(show_value)s)."),
        },
    )
    content_note = forms.CharField(
        label=_("Content note (optional)"),
        max_length=60,
        required=False,
        help_text=_("For example “loss” or “self-harm”. Your post is then folded until a reader opens it."),
        widget=forms.TextInput(attrs={"list": "content-note-suggestions"}),
    )
    # Makes a double submit of the same form write one post.
    client_token = forms.CharField(widget=forms.HiddenInput, max_length=64, required=False)

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        if not self.is_bound:
            self.initial.setdefault("client_token", new_token())

    def clean_body(self):
        body = self.cleaned_data["body"].strip()
        if not body:
            raise forms.ValidationError(_("Please write something first."))
        return body


class ThreadForm(PostForm):
    title = forms.CharField(
        label=_("Title"),
        max_length=150,
        error_messages={"required": _("Please give the thread a title.")},
    )
    field_order = ["title", "body", "content_note", "client_token"]


class EditPostForm(PostForm):
    pass


class SearchForm(forms.Form):
    # No length limit here: a longer query is shortened (forum.search.clean_query), not refused.
    q = forms.CharField(label=_("Search the forum"), required=False, strip=False)

    def clean_q(self) -> str:
        return clean_query(self.cleaned_data["q"])


class CircleForm(forms.Form):
    name = forms.CharField(
        label=_("Name of the circle"),
        max_length=80,
        help_text=_("Only the members of the circle see it."),
        error_messages={"required": _("Please give the circle a name.")},
    )
    client_token = forms.CharField(widget=forms.HiddenInput, max_length=64, required=False)

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        if not self.is_bound:
            self.initial.setdefault("client_token", new_token())


class InviteForm(forms.Form):
    pseudonym = forms.CharField(
        label=_("Pseudonym of the person to invite"),
        max_length=30,
        error_messages={"required": _("Write the pseudonym of the person you want to invite.")},
    )


class RevealForm(forms.Form):
    first_name = forms.CharField(label=_("My first name"), max_length=40, required=False)
    show_cafe = forms.BooleanField(label=_("I come to the café in my community"), required=False)

    def clean(self):
        data = super().clean()
        if not (data.get("first_name") or "").strip() and not data.get("show_cafe"):
            raise forms.ValidationError(_("Choose at least one thing to share."))
        return data


class FoldedTopicsForm(forms.Form):
    topics = forms.ModelMultipleChoiceField(
        label=_("Always fold posts in these topics"),
        queryset=Topic.objects.none(),
        required=False,
        widget=forms.CheckboxSelectMultiple,
    )

    def __init__(self, *args, language: str = "en", **kwargs):
        super().__init__(*args, **kwargs)
        field = self.fields["topics"]
        field.queryset = Topic.objects.all()
        field.label_from_instance = lambda topic: topic.localized_name(language)
