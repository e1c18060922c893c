"""API tokens in admin: an admin makes a token for anyone (shown once, on the page that
answers the form) and revokes any."""

from django.contrib import admin, messages
from django.template.response import TemplateResponse
from django.utils import timezone

from curation.api.models import ApiToken
from curation.api.tokens import token_create, token_revoke


@admin.register(ApiToken)
class ApiTokenAdmin(admin.ModelAdmin):
    list_display = ["name", "user", "prefix", "created_at", "last_used_at", "revoked_at"]
    list_filter = [("revoked_at", admin.EmptyFieldListFilter)]
    search_fields = ["name", "user__username", "prefix"]
    list_select_related = ["user"]
    actions = ["revoke"]
    readonly_fields = [
        "prefix",
        "created_at",
        "created_by",
        "last_used_at",
        "revoked_at",
        "revoked_by",
    ]

    def get_fields(self, request, obj=None):
        return ["user", "name"] if obj is None else ["user", "name", *self.readonly_fields]

    def get_readonly_fields(self, request, obj=None):
        return [] if obj is None else ["user", *self.readonly_fields]

    def save_model(self, request, obj, form, change):
        if change:
            super().save_model(request, obj, form, change)
            return
        token, secret = token_create(
            user=form.cleaned_data["user"], name=form.cleaned_data["name"], created_by=request.user
        )
        obj.pk = token.pk
        request._new_api_token = (token, secret)

    def response_add(self, request, obj, post_url_continue=None):
        token, secret = request._new_api_token
        return TemplateResponse(
            request,
            "admin/api/apitoken/created.html",
            {
                **self.admin_site.each_context(request),
                "opts": self.opts,
                "token": token,
                "secret": secret,
                "title": "API token made",
            },
        )

    @admin.action(description="Revoke the selected tokens")
    def revoke(self, request, queryset):
        live = list(queryset.filter(revoked_at__isnull=True))
        for token in live:
            token_revoke(token=token, revoked_by=request.user)
        messages.success(
            request,
            f"Revoked {len(live)} token{'s' if len(live) != 1 else ''} on "
            f"{timezone.localtime():%-d %B %Y at %H:%M}.",
        )
