from django import forms

from curation.api.models import NAME_MAX_LENGTH


class TokenForm(forms.Form):
    name = forms.CharField(
        label="What is it for?",
        max_length=NAME_MAX_LENGTH,
        help_text="A name you'll recognise later, like “wire feed importer” or “spaCy tagger”.",
        widget=forms.TextInput(attrs={"autocomplete": "off"}),
    )


class RevokeForm(forms.Form):
    token = forms.IntegerField(min_value=1, max_value=2**63 - 1, widget=forms.HiddenInput)
