from django.apps import AppConfig


class ChronologyConfig(AppConfig):
    name = "curation.chronology"
    label = "chronology"
    verbose_name = "Chronology"
