"""Entity recognition and linking: gazetteer matching, role titles, the trained tagger,
in-article coreference. The pipeline stage is `marsad.stages.entities`."""
