"""Quote finding helpers; the pipeline stage is `marsad.stages.quotes`."""
