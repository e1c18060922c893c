from django import forms

from curation.annotations.models import REVIEW_NOTE_MAX_LENGTH


class RejectForm(forms.Form):
    """Why the item is rejected: the author reads it next to their work."""

    reason = forms.CharField(
        max_length=REVIEW_NOTE_MAX_LENGTH,
        error_messages={
            "required": "Say why you reject it: the author sees the reason next to their work.",
            "max_length": f"Keep the reason under {REVIEW_NOTE_MAX_LENGTH:,} characters; "
            "this one has %(show_value)s.",
        },
    )
