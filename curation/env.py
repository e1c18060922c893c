"""Typed readers for settings taken from the environment, and the local data folder."""

import os
import secrets
from pathlib import Path

from django.core.exceptions import ImproperlyConfigured

_TRUE = {"1", "true", "yes", "on"}
_FALSE = {"0", "false", "no", "off", ""}


def env_str(name: str) -> str:
    return os.environ.get(name, "").strip()


def env_bool(name: str, *, default: bool = False) -> bool:
    raw = os.environ.get(name)
    if raw is None:
        return default
    value = raw.strip().lower()
    if value in _TRUE:
        return True
    if value in _FALSE:
        return False
    raise ImproperlyConfigured(f"{name}={raw!r} is not a yes/no value. Use 1 or 0.")


def env_int(name: str, *, default: int) -> int:
    raw = env_str(name)
    if not raw:
        return default
    try:
        return int(raw)
    except ValueError:
        raise ImproperlyConfigured(f"{name}={raw!r} is not a whole number.") from None


def env_list(name: str) -> list[str]:
    return [item.strip() for item in env_str(name).split(",") if item.strip()]


DEVELOPMENT_KEY_FILE = "development-secret-key"


def data_dir(base_dir: Path) -> Path:
    """Where the default SQLite file, collected static files and the development key live."""
    return Path(env_str("CURATION_DATA_DIR") or base_dir / "var").resolve()


def development_secret_key(folder: Path) -> str:
    """The local checkout's own secret key, for DEBUG only: made once, then kept in
    ``folder`` so that sessions survive a restart and every command signs alike."""
    path = folder / DEVELOPMENT_KEY_FILE
    if not path.exists():
        try:
            folder.mkdir(parents=True, exist_ok=True)
            draft = folder / f".{DEVELOPMENT_KEY_FILE}.{os.getpid()}"
            draft.write_text(secrets.token_urlsafe(50) + "\n")
            draft.chmod(0o600)
            try:
                os.link(draft, path)  # atomic: a second process keeps the first one's key
            except FileExistsError:
                pass
            finally:
                draft.unlink()
        except OSError as error:
            raise ImproperlyConfigured(
                f"Cannot keep a development secret key in {folder} ({error.strerror}). "
                "Set DJANGO_SECRET_KEY, or point CURATION_DATA_DIR at a folder you can write."
            ) from error
    return path.read_text().strip()
