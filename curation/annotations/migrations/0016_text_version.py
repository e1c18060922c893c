"""TextVersion. Its triggers are put in place after every migrate (text_triggers)."""

from django.db import migrations, models


class Migration(migrations.Migration):
    dependencies = [
        ("annotations", "0015_event_status_article_start_index"),
        ("articles", "0005_history_reasons_whole"),
    ]

    operations = [
        migrations.CreateModel(
            name="TextVersion",
            fields=[
                ("article_id", models.BigIntegerField(primary_key=True, serialize=False)),
                ("token", models.BigIntegerField()),
            ],
        ),
    ]
