from django import forms
from django.utils.translation import gettext_lazy as _

from reconnect.accounts.models import User


class ProfilePrivacyForm(forms.ModelForm):
    class Meta:
        model = User
        fields = ["profile_hidden", "show_post_count"]


class DeleteAccountForm(forms.Form):
    KEEP, REMOVE = "keep", "remove"
    posts = forms.ChoiceField(
        label=_("My forum posts"),
        choices=[
            (REMOVE, _("Remove their text: others see “removed” where my posts were")),
            (KEEP, _("Keep their text under the name “Former member”, so that threads still read as they did")),
        ],
        widget=forms.RadioSelect,
        initial=REMOVE,
        error_messages={
            "required": _("Please choose what happens to your forum posts."),
            "invalid_choice": _("Please choose what happens to your forum posts."),
        },
    )
    confirm = forms.BooleanField(
        label=_("I understand that my account and what is listed above are deleted for good."),
        error_messages={"required": _("Please tick the box to confirm that you want to delete your account.")},
    )

    @property
    def keep_post_text(self) -> bool:
        return self.cleaned_data["posts"] == self.KEEP
