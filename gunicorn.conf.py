"""gunicorn's settings for ReConnect (read from the working directory: `gunicorn reconnect.wsgi`).

On SIGTERM gunicorn stops accepting connections and lets every request in progress finish for up
to GRACEFUL_TIMEOUT seconds before its workers are stopped (docker-compose gives the container
longer than that); a request that began is answered, none is cut off halfway.
"""

import os

bind = os.environ.get("GUNICORN_BIND", "0.0.0.0:8000")
workers = int(os.environ.get("WEB_CONCURRENCY", "3"))
graceful_timeout = int(os.environ.get("GRACEFUL_TIMEOUT", "30"))
timeout = int(os.environ.get("WORKER_TIMEOUT", "60"))
keepalive = 5
# The portal logs each request itself (reconnect.core.logs), as one JSON line without the query.
accesslog = None
logconfig_dict = {
    "version": 1,
    "disable_existing_loggers": False,
    "formatters": {"json": {"()": "reconnect.core.logs.JsonFormatter"}},
    "handlers": {"console": {"class": "logging.StreamHandler", "formatter": "json", "stream": "ext://sys.stderr"}},
    "loggers": {"gunicorn.error": {"handlers": ["console"], "level": "INFO", "propagate": False}},
}
control_socket_disable = True  # two instances on one host must not share a control socket
