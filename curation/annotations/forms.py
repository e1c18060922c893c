from django import forms

from curation.annotations.models import Entity, EntityKind


class SpanForm(forms.Form):
    """Offsets into the article body (code points, end exclusive) and the text the
    browser believes is there."""

    start = forms.IntegerField(min_value=0)
    end = forms.IntegerField(min_value=1)
    quote = forms.CharField(required=False, strip=False)


class MentionCreateForm(SpanForm):
    """Either an existing entity (``entity``), the first match for ``q`` (Enter in the
    search box), or a new entity (``create`` with ``name`` and ``kind``)."""

    entity = forms.ModelChoiceField(queryset=Entity.objects.all(), required=False)
    q = forms.CharField(required=False)
    create = forms.BooleanField(required=False)
    name = forms.CharField(max_length=300, required=False)
    kind = forms.ModelChoiceField(queryset=EntityKind.objects.all(), required=False)
    suggest = forms.BooleanField(required=False)

    def clean(self):
        cleaned = super().clean()
        if cleaned.get("create"):
            if not (cleaned.get("name") or "").strip():
                self.add_error("name", "Give the new entity a name.")
            if not cleaned.get("kind"):
                self.add_error("kind", "Choose what kind of entity it is.")
        elif not cleaned.get("entity") and not (cleaned.get("q") or "").strip():
            raise forms.ValidationError("Choose an entity, or create a new one.")
        return cleaned


class RelinkForm(forms.Form):
    entity = forms.ModelChoiceField(queryset=Entity.objects.all(), required=False)
    q = forms.CharField(required=False)
    suggest = forms.BooleanField(required=False)


class SuggestionForm(SpanForm):
    entity = forms.ModelChoiceField(queryset=Entity.objects.all())
    suggest = forms.BooleanField(required=False)


class AliasForm(forms.Form):
    text = forms.CharField(label="New alias", max_length=300)


class EntityForm(forms.ModelForm):
    class Meta:
        model = Entity
        fields = ["name", "kind", "description", "wikidata_id"]


class MergeForm(forms.Form):
    survivor = forms.ModelChoiceField(
        queryset=Entity.objects.select_related("kind"),
        label="Merge into",
        help_text="This entity keeps its name; the one you are on becomes its alias.",
    )
