"""The web UI and the REST API's helpers; `marsad.api.create_app` puts them together."""
