from django.apps import AppConfig


class ChronologyConfig(AppConfig):
    name = "curation.chronology"
    label = "chronology"
    verbose_name = "Chronology"

    def ready(self) -> None:
        from curation.annotations.reanchoring import events_reanchored
        from curation.chronology.corrections import flag_entries

        # A correction that moves or orphans a cited event flags its entry, in the
        # correction's transaction.
        events_reanchored.connect(flag_entries, dispatch_uid="chronology.flag_entries")
