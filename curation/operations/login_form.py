"""The login form: Django's, with the user name's length checked."""

from django.contrib.auth.forms import AuthenticationForm
from django.core.exceptions import ValidationError


class LoginForm(AuthenticationForm):
    """Django's form gives the user name field a max_length after the field is built, so
    the length is shown but never checked; the throttling (django-axes) then stores a
    failed attempt's name in 255 characters, which PostgreSQL refuses with a 500."""

    def clean_username(self) -> str:
        username = self.cleaned_data["username"]
        limit = self.fields["username"].max_length
        if limit and len(username) > limit:
            raise ValidationError(
                f"A user name has at most {limit} characters; this one has "
                f"{len(username):,}. Check what was typed or pasted.",
                code="max_length",
            )
        return username
