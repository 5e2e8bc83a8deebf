import logging

from celery import shared_task
from django.db import OperationalError

from reconnect.privacy import services

logger = logging.getLogger(__name__)


@shared_task(
    name="privacy.prepare_export",
    bind=True,
    autoretry_for=(OperationalError,),
    retry_backoff=True,
    max_retries=3,
)
def prepare_export(self, export_id: int) -> None:
    try:
        services.prepare_export(export_id=export_id)
    except OperationalError:
        if self.request.retries < self.max_retries:
            raise  # retried with backoff
        logger.exception("Data export %s failed after %s retries", export_id, self.max_retries)
        services.mark_export_failed(export_id=export_id)
    except Exception:
        # The member sees "could not be prepared" and may ask again; the error goes to the log.
        logger.exception("Data export %s failed", export_id)
        services.mark_export_failed(export_id=export_id)


@shared_task(name="privacy.apply_retention")
def apply_retention() -> dict[str, int]:
    return services.apply_retention()
