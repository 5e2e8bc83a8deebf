"""gunicorn's settings for the floor (benchmarks/bare_app.py): the portal's gunicorn.conf.py less
its logging, which loads the portal's JSON formatter and with it the portal's settings."""

keepalive = 5
accesslog = None
control_socket_disable = True
